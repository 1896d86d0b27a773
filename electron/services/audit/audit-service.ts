/**
 * The registration audit for stored profiles (`audit:*` channels): one run per profile at a time,
 * the last report kept with the profile (findings and the secrets' dates, never a token), and the
 * Graph sign-in chosen by where the tenant is:
 * - a real tenant: the system browser and MSAL's loopback server (the app opens only Microsoft hosts);
 * - the practice tenant: the app's sign-in driver (sign-in window, E2E page), else its HTTP robot.
 */
import { integrationTarget } from '../../../shared/targets/registry';
import { variantOf } from '../../../shared/targets/common-rules';
import { AuditReportSchema, GRAPH_CLI_CLIENT_ID, type AuditReport } from '../../../shared/audit';
import { isAllowedExternalUrl } from '../../../shared/clouds';
import { DeskError } from '../../../shared/ipc-core';
import type { Endpoints } from '../check/probe-context';
import { robotSignInDriver } from '../check/robot-sign-in';
import type { SignInDriver } from '../check/sign-in-driver';
import { createHttpClient, type PinnedCa, type ProxyConfig } from '../http';
import type { Clock, Logger } from '../ports';
import type { PracticeService, PracticeTenant } from '../practice-service';
import type { ProfileService } from '../profile-service';
import type { StoredProfile } from '../profile-store';
import { runEnvironment, type RunEnvironment, type RunSubject } from '../run-environment';
import { runAudit } from './audit-runner';
import { browserTokenSource, cachedTokenSource, driverTokenSource, GraphSignInError, type GraphToken, type GraphTokenSource } from './token-source';

export const AUDIT_EXTENSION = 'audit';

export interface AuditServiceOptions {
  profiles: ProfileService;
  practice: PracticeService;
  clock: Clock;
  logger: Logger;
  /** The driver that shows a sign-in page to a person (the app's window, the E2E page); null where there is none. */
  signInDriver(practice: { pinnedCa: PinnedCa } | null): SignInDriver | null;
  /** Opens an https URL in the system browser (real tenants' Graph sign-in). */
  openExternal(url: string): Promise<void>;
  /** The public client to sign in with; default Microsoft Graph Command Line Tools. */
  graphClientId?: string;
  proxy?: () => ProxyConfig | null;
  extraCas?: (cloud: StoredProfile['cloud']) => PinnedCa[];
  /** Hosts instead of the cloud's or the practice tenant's (the CLI's --authority-host / --graph-host). */
  endpoints?: Partial<Endpoints>;
  requestTimeoutMs?: number;
  /** How long a sign-in may take (a person in a browser). */
  interactiveTimeoutMs?: number;
}

/** What a caller sets instead of the defaults (the CLI's --sign-in and --client-id). */
export interface AuditOverrides {
  /** How to sign in to Graph. Default: the app's (the practice tenant's page, or the system browser). */
  tokenSource?: (env: RunEnvironment) => GraphTokenSource;
  clientId?: string;
  signal?: AbortSignal;
}

export interface AuditState {
  report: AuditReport | null;
  running: boolean;
}

export class AuditService {
  private readonly running = new Map<string, { controller: AbortController; promise: Promise<AuditReport> }>();
  /** Graph tokens, in memory only, per authority, tenant and client. */
  private readonly tokens = new Map<string, GraphToken>();

  constructor(private readonly o: AuditServiceOptions) {}

  /** Whether any profile's audit is running (the updater never restarts the app during one). */
  get busy(): boolean {
    return this.running.size > 0;
  }

  /** The stored last report of a profile, or null. */
  lastReport(profile: StoredProfile): AuditReport | null {
    const parsed = AuditReportSchema.safeParse(profile.extensions?.[AUDIT_EXTENSION]);
    return parsed.success ? parsed.data : null;
  }

  state(profileId: string): AuditState {
    return { report: this.lastReport(this.o.profiles.stored(profileId)), running: this.running.has(profileId) };
  }

  /** Start an audit of a stored profile (the report is kept with it), or join the one running for it. */
  run(profileId: string, overrides: AuditOverrides = {}): Promise<AuditReport> {
    const live = this.running.get(profileId);
    if (live) return live.promise;
    const profile = this.o.profiles.stored(profileId);
    const controller = new AbortController();
    const signal = overrides.signal ? AbortSignal.any([controller.signal, overrides.signal]) : controller.signal;
    const promise = this.audit(profile, { ...overrides, signal })
      .then((report) => {
        try {
          this.o.profiles.updateExtension(profile.id, AUDIT_EXTENSION, () => report);
        } catch (error) {
          // The profile may have been deleted while the audit ran: nothing to keep the report with.
          if (!(error instanceof DeskError && error.code === 'not-found')) throw error;
        }
        return report;
      })
      .finally(() => this.running.delete(profileId));
    this.running.set(profileId, { controller, promise });
    return promise;
  }

  cancel(profileId: string): void {
    this.running.get(profileId)?.controller.abort();
  }

  private tokenSource(practice: PracticeTenant | null, pinnedCas: PinnedCa[]): GraphTokenSource {
    if (practice) {
      const driver =
        this.o.signInDriver({ pinnedCa: practice.pinnedCa }) ??
        robotSignInDriver({ http: createHttpClient({ pinnedCas }), simulatorOrigin: practice.endpoints.authorityHost, username: practice.signInUser.username, password: practice.signInUser.password });
      return cachedTokenSource(driverTokenSource(driver), this.o.clock, this.tokens);
    }
    return cachedTokenSource(
      browserTokenSource(async (url) => {
        if (!isAllowedExternalUrl(url)) throw new GraphSignInError(`Federation Desk opens only Microsoft sign-in pages in the browser; this one was refused: ${new URL(url).host}`, null);
        await this.o.openExternal(url);
      }),
      this.o.clock,
      this.tokens,
    );
  }

  /** Audit a profile (stored, or the CLI's fields) and resolve with the report; nothing is stored. */
  async audit(profile: RunSubject, overrides: AuditOverrides = {}): Promise<AuditReport> {
    // The audit follows the Octopus setup guide: its two apps and the Octopus Web URL.
    const octopus = variantOf(profile, 'octopus');
    if (!integrationTarget(profile).setupAudit || !octopus)
      throw new DeskError('unavailable', 'The Entra setup audit follows the Octopus setup guide. This profile federates another product: Check compatibility proves its setup.');
    using env = await runEnvironment(profile, this.o.practice, this.o.extraCas?.(profile.cloud) ?? [], this.o.endpoints);
    const requestTimeoutMs = this.o.requestTimeoutMs ?? 20_000;
    const http = createHttpClient({ pinnedCas: env.pinnedCas, proxy: env.practice ? null : (this.o.proxy?.() ?? null), timeoutMs: requestTimeoutMs });
    const timeout = AbortSignal.timeout(this.o.interactiveTimeoutMs ?? 5 * 60_000);
    const { report, rejected } = await runAudit({
      target: { cloud: profile.cloud, tenantId: profile.tenantId, apiAppId: octopus.clientId, samlAppId: octopus.samlAppId, webUrl: octopus.webUrl, secretHint: profile.secret.hint },
      profile: { id: profile.id, name: profile.name },
      endpoints: env.endpoints,
      http,
      tokenSource: overrides.tokenSource?.(env) ?? this.tokenSource(env.practice, env.pinnedCas),
      clientId: overrides.clientId ?? this.o.graphClientId ?? GRAPH_CLI_CLIENT_ID,
      clock: this.o.clock,
      signal: overrides.signal ? AbortSignal.any([overrides.signal, timeout]) : timeout,
      requestTimeoutMs,
    });
    if (rejected || report.problem) this.tokens.clear();
    return report;
  }
}
