/**
 * Check Compatibility for stored profiles: one run per profile at a time (a second click joins the
 * running one), progress as events, the last run kept with the profile (results carry their
 * fingerprints, so a later edit turns the affected rows back to "not verified").
 */
import { CheckRunSchema, configurationFingerprint, fingerprintInput, type CheckResult, type CheckRun } from '../../../shared/check';
import { DeskError } from '../../../shared/ipc-core';
import type { CheckState } from '../../../shared/ipc-check';
import type { PinnedCa, ProxyConfig } from '../http';
import type { Clock, Logger } from '../ports';
import type { PracticeService } from '../practice-service';
import type { ProfileService } from '../profile-service';
import type { StoredProfile } from '../profile-store';
import { redact } from '../redact';
import { createCheckContext } from './check-context';
import { cloudEndpoints, type Endpoints } from './probe-context';
import type { CloudId } from '../../../shared/clouds';
import { robotSignInDriver } from './robot-sign-in';
import { runProbes } from './runner';
import type { SignInDriver } from './sign-in-driver';
import { createHttpClient } from '../http';
import { checksNotApplicable } from '../../../shared/targets/checks';
import { probesForTarget } from './target-probes';

export const CHECK_EXTENSION = 'checks';

export interface CheckServiceOptions {
  profiles: ProfileService;
  practice: PracticeService;
  clock: Clock;
  logger: Logger;
  emit(profileId: string, run: CheckRun, running: boolean): void;
  /** The driver that shows the sign-in page to a person (the app's window, the E2E harness's page). */
  signInDriver(practice: { pinnedCa: PinnedCa } | null): SignInDriver | null;
  /** The proxy for a URL (the configured one, or the system's as the platform resolves it). */
  proxyFor?: (url: string) => Promise<ProxyConfig | null>;
  /** Extra CAs from the settings (a corporate TLS-inspecting proxy), for the cloud's hosts. */
  extraCas?: (cloud: CloudId) => PinnedCa[];
  requestTimeoutMs?: number;
  probeTimeoutMs?: number;
  interactiveTimeoutMs?: number;
}

export class CheckService {
  private readonly running = new Map<string, { controller: AbortController; promise: Promise<CheckRun>; run: CheckRun }>();

  constructor(private readonly o: CheckServiceOptions) {}

  state(profileId: string): CheckState {
    const live = this.running.get(profileId);
    if (live) return { run: live.run, running: true };
    return { run: this.lastRun(this.o.profiles.stored(profileId)), running: false };
  }

  /** The stored last run, or null when none (or when what is stored is not a valid run). */
  lastRun(profile: StoredProfile): CheckRun | null {
    const parsed = CheckRunSchema.safeParse(profile.extensions?.[CHECK_EXTENSION]);
    return parsed.success ? parsed.data : null;
  }

  /** Start a run, or join the one already running for this profile. */
  run(profileId: string): Promise<CheckRun> {
    const live = this.running.get(profileId);
    if (live) return live.promise;
    const profile = this.o.profiles.stored(profileId);
    const controller = new AbortController();
    const input = fingerprintInput({ ...profile, secretUpdatedAt: profile.secret.updatedAt });
    const run: CheckRun = {
      profileId,
      profileName: profile.name,
      fingerprint: configurationFingerprint(input),
      startedAt: this.o.clock.now().toISOString(),
      finishedAt: null,
      outcome: null,
      results: [],
    };
    const entry = { controller, run, promise: Promise.resolve(run) };
    this.running.set(profileId, entry);
    entry.promise = this.execute(profile, entry, input).finally(() => this.running.delete(profileId));
    return entry.promise;
  }

  cancel(profileId: string): void {
    this.running.get(profileId)?.controller.abort();
  }

  private async execute(profile: StoredProfile, entry: { controller: AbortController; run: CheckRun }, input: ReturnType<typeof fingerprintInput>): Promise<CheckRun> {
    const publish = (results: CheckResult[], running: boolean) => {
      entry.run = { ...entry.run, results };
      this.o.emit(profile.id, entry.run, running);
    };
    let endpoints: Partial<Endpoints> = {};
    const pinnedCas: PinnedCa[] = [...(this.o.extraCas?.(profile.cloud) ?? [])];
    let practice: Awaited<ReturnType<PracticeService['ensure']>> | null = null;
    if (profile.cloud === 'practice') {
      if (!profile.practiceScenario) throw new DeskError('validation', 'Pick a practice scenario for this profile first.');
      practice = await this.o.practice.ensure(profile.practiceScenario);
      endpoints = practice.endpoints;
      pinnedCas.push(practice.pinnedCa);
    }
    const authorityHost = practice?.endpoints.authorityHost ?? cloudEndpoints(profile.cloud).authorityHost;
    const proxy = practice ? null : await (this.o.proxyFor?.(authorityHost) ?? Promise.resolve(null)).catch(() => null);
    const secret = await this.o.profiles.secretOf(profile.id).catch((error: unknown) => {
      this.o.logger.warn(`The stored secret of "${profile.name}" could not be decrypted: ${redact(String(error))}`);
      return null;
    });
    const signIn = this.o.signInDriver(practice);
    const ctx = createCheckContext({
      target: {
        cloud: profile.cloud,
        tenantId: profile.tenantId,
        samlAppId: profile.samlAppId,
        apiAppId: profile.apiAppId,
        webUrl: profile.webUrl,
        secretHint: profile.secret.hint,
        secretExpiresAt: profile.secretExpiresAt,
      },
      cloud: profile.cloud,
      endpoints,
      network: { proxy, pinnedCas, requestTimeoutMs: this.o.requestTimeoutMs ?? 20_000 },
      clock: this.o.clock,
      signal: entry.controller.signal,
      secret,
      secretMissingReason:
        profile.secret.storage === 'session'
          ? 'the secret was kept for the last session only. Enter it again in the profile ("Client secret value").'
          : 'no client secret is stored for this profile. Add it in the profile ("Client secret value").',
      signIn:
        signIn ??
        (practice
          ? robotSignInDriver({
              http: createHttpClient({ pinnedCas }),
              simulatorOrigin: practice.endpoints.authorityHost,
              username: practice.signInUser.username,
              password: practice.signInUser.password,
            })
          : null),
      signInMissingReason: 'no sign-in window is available here.',
    });
    const notApplicable = checksNotApplicable(profile.target);
    const results = await runProbes({
      ctx,
      ...(notApplicable ? { notApplicable } : {}),
      probes: probesForTarget(profile.target, profile),
      fingerprintInput: input,
      clock: this.o.clock,
      probeTimeoutMs: this.o.probeTimeoutMs ?? 30_000,
      interactiveTimeoutMs: this.o.interactiveTimeoutMs ?? 5 * 60_000,
      onProgress: (r) => publish(r, true),
    });
    const cancelled = entry.controller.signal.aborted;
    const counted = results.filter((r) => !notApplicable?.ids.includes(r.id));
    const clean = results.map((r) => ({ ...r, summary: redact(r.summary), facts: r.facts.map((f) => ({ ...f, value: redact(f.value) })) }));
    const outcome: CheckRun['outcome'] = cancelled
      ? 'cancelled'
      : counted.some((r) => r.status === 'failed' || r.status === 'skipped')
        ? 'failed'
        : counted.some((r) => r.status === 'warning')
          ? 'warning'
          : 'passed';
    const final: CheckRun = { ...entry.run, results: clean, finishedAt: this.o.clock.now().toISOString(), outcome };
    entry.run = final;
    try {
      this.o.profiles.updateExtension(profile.id, CHECK_EXTENSION, () => final);
    } catch (error) {
      // The profile may have been deleted while the check ran: nothing to keep the results with.
      if (!(error instanceof DeskError && error.code === 'not-found')) throw error;
    }
    this.o.emit(profile.id, final, false);
    return final;
  }
}
