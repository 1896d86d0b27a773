/**
 * Check compatibility for stored profiles: one run per profile at a time (a second click joins the
 * running one), progress as events, the last run kept with the profile (results carry their
 * fingerprints, so a later edit turns the affected rows back to "not verified").
 */
import { CheckRunSchema, checkOutcome, configurationFingerprint, fingerprintInput, type CheckId, type CheckRun } from '../../../shared/check';
import type { CloudId } from '../../../shared/clouds';
import { DeskError } from '../../../shared/ipc-core';
import type { CheckState } from '../../../shared/ipc-check';
import { createHttpClient, type PinnedCa, type ProxyConfig } from '../http';
import type { Clock, Logger } from '../ports';
import type { PracticeService } from '../practice-service';
import type { ProfileService } from '../profile-service';
import type { StoredProfile } from '../profile-store';
import { redact } from '../redact';
import { runEnvironment, type RunEnvironment, type RunSubject } from '../run-environment';
import { checkTargetOf, type Endpoints } from './probe-context';
import { createCheckContext } from './check-context';
import type { PublicSignIn } from './public-sign-in';
import { robotSignInDriver } from './robot-sign-in';
import { runProbes } from './runner';
import type { SignInDriver } from './sign-in-driver';
import { checkPlan, notApplicableIds } from './target-probes';

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
  /** Hosts instead of the cloud's or the practice tenant's (the CLI's --authority-host / --graph-host). */
  endpoints?: Partial<Endpoints>;
  requestTimeoutMs?: number;
  probeTimeoutMs?: number;
  interactiveTimeoutMs?: number;
}

/** How a run signs in: a driver that shows Entra's page, or the CLI's public client in the browser; and what to say when there is neither. */
export interface CheckSignIn {
  driver: SignInDriver | null;
  publicSignIn?: PublicSignIn | null;
  missingReason: string;
}

/** What a caller sets instead of the defaults (the stored secret, the app's sign-in, every probe). The CLI sets them from its options. */
export interface CheckOverrides {
  /** The secret as given, and what the secret row says when there is none. Default: the stored one. */
  secret?: { value: string | null; missingReason: string };
  /** The sign-in for this environment. Default: the app's driver, else the practice tenant's robot. */
  signIn?: (env: RunEnvironment) => CheckSignIn;
  /** Run only these; the others are reported as not part of the run and not counted in the outcome. */
  only?: readonly CheckId[];
  signal?: AbortSignal;
  onProgress?: (run: CheckRun) => void;
  timeouts?: { requestMs?: number; probeMs?: number; interactiveMs?: number };
}

export class CheckService {
  private readonly running = new Map<string, { controller: AbortController; promise: Promise<CheckRun>; run: CheckRun }>();

  constructor(private readonly o: CheckServiceOptions) {}

  /** Whether any profile's check is running (the updater never restarts the app during one). */
  get busy(): boolean {
    return this.running.size > 0;
  }

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

  /** Start a run of a stored profile (kept with it, progress as events), or join the one already running. */
  run(profileId: string): Promise<CheckRun> {
    const live = this.running.get(profileId);
    if (live) return live.promise;
    const profile = this.o.profiles.stored(profileId);
    const controller = new AbortController();
    const entry = { controller, run: this.pending(profile), promise: Promise.resolve(this.pending(profile)) };
    this.running.set(profileId, entry);
    entry.promise = this.check(profile, {
      signal: controller.signal,
      onProgress: (run) => {
        entry.run = run;
        this.o.emit(profileId, run, true);
      },
    })
      .then((final) => {
        entry.run = final;
        try {
          this.o.profiles.updateExtension(profileId, CHECK_EXTENSION, () => final);
        } catch (error) {
          // The profile may have been deleted while the check ran: nothing to keep the results with.
          if (!(error instanceof DeskError && error.code === 'not-found')) throw error;
        }
        this.o.emit(profileId, final, false);
        return final;
      })
      .finally(() => this.running.delete(profileId));
    return entry.promise;
  }

  cancel(profileId: string): void {
    this.running.get(profileId)?.controller.abort();
  }

  private pending(profile: RunSubject): CheckRun {
    const input = fingerprintInput({ ...profile, secretUpdatedAt: profile.secret.updatedAt });
    return { profileId: profile.id ?? '', profileName: profile.name ?? '', fingerprint: configurationFingerprint(input), startedAt: this.o.clock.now().toISOString(), finishedAt: null, outcome: null, results: [] };
  }

  /**
   * Check a profile (stored, or a configuration the CLI was given) and resolve with the finished
   * run; nothing is stored. The app's runs and the CLI's come through here alike.
   */
  async check(profile: RunSubject, overrides: CheckOverrides = {}): Promise<CheckRun> {
    const signal = overrides.signal ?? new AbortController().signal;
    let run = this.pending(profile);
    const requestTimeoutMs = overrides.timeouts?.requestMs ?? this.o.requestTimeoutMs ?? 20_000;
    using env = await runEnvironment(profile, this.o.practice, this.o.extraCas?.(profile.cloud) ?? [], this.o.endpoints);
    const proxy = env.practice ? null : await (this.o.proxyFor?.(env.endpoints.authorityHost) ?? Promise.resolve(null)).catch(() => null);
    const secret =
      overrides.secret ??
      ({
        value: profile.id
          ? await this.o.profiles.secretOf(profile.id).catch((error: unknown) => {
              this.o.logger.warn(`The stored secret of "${profile.name ?? ''}" could not be decrypted: ${redact(String(error))}`);
              return null;
            })
          : null,
        missingReason:
          profile.secret.storage === 'session'
            ? 'the secret was kept for the last session only. Enter it again in the profile ("Client secret value").'
            : 'no client secret is stored for this profile. Add it in the profile ("Client secret value").',
      } satisfies CheckOverrides['secret']);
    const signIn = (overrides.signIn ?? ((e: RunEnvironment) => this.appSignIn(e)))(env);
    const ctx = createCheckContext({
      target: checkTargetOf(profile, { hint: profile.secret.hint, expiresAt: profile.secretExpiresAt }),
      cloud: profile.cloud,
      endpoints: env.endpoints,
      network: { proxy, pinnedCas: env.pinnedCas, requestTimeoutMs },
      clock: this.o.clock,
      signal,
      secret: secret.value,
      secretMissingReason: secret.missingReason,
      signIn: signIn.driver,
      publicSignIn: signIn.publicSignIn ?? null,
      signInMissingReason: signIn.missingReason,
    });
    const plan = checkPlan(profile);
    const results = await runProbes({
      ctx,
      plan,
      fingerprintInput: fingerprintInput({ ...profile, secretUpdatedAt: profile.secret.updatedAt }),
      clock: this.o.clock,
      probeTimeoutMs: overrides.timeouts?.probeMs ?? this.o.probeTimeoutMs ?? 30_000,
      interactiveTimeoutMs: overrides.timeouts?.interactiveMs ?? this.o.interactiveTimeoutMs ?? 5 * 60_000,
      ...(overrides.only ? { only: overrides.only } : {}),
      onProgress: (results) => {
        run = { ...run, results };
        overrides.onProgress?.(run);
      },
    });
    const notCounted = [...notApplicableIds(plan), ...(overrides.only ? results.map((r) => r.id).filter((id) => !overrides.only?.includes(id)) : [])];
    const clean = results.map((r) => ({ ...r, summary: redact(r.summary), facts: r.facts.map((f) => ({ ...f, value: redact(f.value) })) }));
    return { ...run, results: clean, finishedAt: this.o.clock.now().toISOString(), outcome: checkOutcome(results, { cancelled: signal.aborted, notCounted }) };
  }

  /** The app's sign-in: its window (or the E2E page); for the practice tenant without one, the robot. */
  private appSignIn(env: RunEnvironment): CheckSignIn {
    const driver = this.o.signInDriver(env.practice);
    const practice = env.practice;
    return {
      driver:
        driver ??
        (practice
          ? robotSignInDriver({
              http: createHttpClient({ pinnedCas: env.pinnedCas }),
              simulatorOrigin: practice.endpoints.authorityHost,
              username: practice.signInUser.username,
              password: practice.signInUser.password,
            })
          : null),
      missingReason: 'no sign-in window is available here.',
    };
  }
}
