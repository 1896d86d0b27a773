/**
 * Runs the probes of one check: every probe starts as soon as the probes it requires have finished,
 * so independent ones run concurrently; a probe whose prerequisite failed is skipped and names it;
 * each has a timeout; the whole run can be cancelled. Progress is reported after every change.
 */
import { CHECKS, checkDefinition, probeFingerprint, type CheckDefinition, type CheckId, type CheckResult, type FingerprintInput } from '../../../shared/check';
import type { Clock } from '../ports';
import type { ProbeContext } from './probe-context';
import { checkPlan, type CheckPlan } from './target-probes';

export interface RunOptions {
  ctx: ProbeContext;
  fingerprintInput: FingerprintInput;
  clock: Clock;
  /** Timeout of a non-interactive probe, and of an interactive one (a person is typing). */
  probeTimeoutMs: number;
  interactiveTimeoutMs: number;
  /** Only these probes (others are reported skipped). Default: all. */
  only?: readonly CheckId[];
  /** The profile's probes, their words, and the ones its target does not use (checkPlan). Default: Octopus's. */
  plan?: CheckPlan;
  onProgress?: (results: CheckResult[]) => void;
}

function timeoutAfter(ms: number, signal: AbortSignal): { promise: Promise<never>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
    signal.addEventListener('abort', () => reject(new Error('cancelled')), { once: true });
  });
  promise.catch(() => {});
  return { promise, cancel: () => clearTimeout(timer) };
}

/** Run the check; resolves with every probe's final result, in contract order. */
export async function runProbes(options: RunOptions): Promise<CheckResult[]> {
  const { ctx, clock } = options;
  const plan = options.plan ?? checkPlan();
  const results = new Map<CheckId, CheckResult>();
  const set = (r: CheckResult) => {
    results.set(r.id, r);
    options.onProgress?.(CHECKS.map((c) => results.get(c.id)).filter((x): x is CheckResult => x !== undefined));
  };
  const base = (id: CheckId) => ({ id, error: null, fix: [], facts: [], fingerprint: probeFingerprint(id, options.fingerprintInput) });
  for (const def of CHECKS) set({ ...base(def.id), status: 'running', summary: 'Waiting…', durationMs: null, tested: plan.words[def.id].proves, finishedAt: null });

  const running = new Map<CheckId, Promise<CheckResult>>();
  const run = (id: CheckId): Promise<CheckResult> => {
    const existing = running.get(id);
    if (existing) return existing;
    const def = checkDefinition(id);
    const proves = plan.words[id].proves;
    const promise = (async (): Promise<CheckResult> => {
      const startsAfter = def.startsAfter ?? def.requires;
      const finish = (r: Omit<CheckResult, 'id' | 'fingerprint' | 'finishedAt'>): CheckResult => {
        const result = { ...base(id), ...r, finishedAt: clock.now().toISOString() };
        set(result);
        return result;
      };
      /** The first prerequisite that did not pass (or warn), among `ids`. */
      const blockerOf = async (ids: readonly CheckId[]) => (await Promise.all(ids.map(run))).find((p) => p.status !== 'passed' && p.status !== 'warning');
      const skippedFor = (blocked: CheckResult) =>
        finish({
          status: 'skipped',
          summary: `Skipped: "${plan.words[blocked.id].title}" ${blocked.status === 'skipped' ? 'was skipped' : 'failed'}.`,
          durationMs: null,
          error: null,
          fix: [],
          tested: proves,
          facts: [],
        });
      const blocked = await blockerOf(startsAfter);
      const notApplicable = plan.notApplicable[id];
      if (notApplicable !== undefined) return finish({ status: 'skipped', summary: notApplicable, durationMs: null, error: null, fix: [], tested: proves, facts: [] });
      if (options.only && !options.only.includes(id))
        return finish({ status: 'skipped', summary: 'Not part of this run.', durationMs: null, error: null, fix: [], tested: proves, facts: [] });
      // A prerequisite that "failed" because the run was cancelled is not a reason to name: say cancelled.
      if (ctx.signal.aborted) return finish({ status: 'skipped', summary: 'Cancelled before it started.', durationMs: null, error: null, fix: [], tested: proves, facts: [] });
      if (blocked) return skippedFor(blocked);
      const outcome = await probe(def);
      // Started early (startsAfter): the verdict still waits for what it requires.
      const late = await blockerOf(def.requires.filter((r) => !startsAfter.includes(r)));
      return late && !ctx.signal.aborted ? skippedFor(late) : finish(outcome);
    })();
    running.set(id, promise);
    return promise;
  };
  /** Run one probe with its timeout and its own signal; resolves with its outcome (shown by the caller). */
  const probe = async (def: CheckDefinition): Promise<Omit<CheckResult, 'id' | 'fingerprint' | 'finishedAt'>> => {
    const id = def.id;
    const proves = plan.words[id].proves;
    const finish = (r: Omit<CheckResult, 'id' | 'fingerprint' | 'finishedAt'>) => r;
    const started = Date.now();
    set({ ...base(id), status: 'running', summary: def.interactive ? 'Waiting for the sign-in…' : 'Running…', durationMs: null, tested: proves, finishedAt: null });
    const limit = def.interactive ? options.interactiveTimeoutMs : options.probeTimeoutMs;
    const timer = timeoutAfter(limit, ctx.signal);
    // Each probe gets its own signal, so a probe that times out stops its requests too.
    const own = new AbortController();
    const probeCtx: ProbeContext = { ...ctx, signal: AbortSignal.any([ctx.signal, own.signal]) };
    try {
      const outcome = await Promise.race([plan.probes[id](probeCtx), timer.promise]);
      return finish({ error: null, fix: [], facts: [], ...outcome, durationMs: Date.now() - started });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message === 'cancelled' || ctx.signal.aborted)
        return finish({ status: 'failed', summary: 'Cancelled.', durationMs: Date.now() - started, error: null, fix: [], tested: proves, facts: [] });
      if (message === 'timeout')
        return finish({
          status: 'failed',
          summary: `Timed out after ${Math.round(limit / 1000)} s without an answer from Entra.`,
          durationMs: Date.now() - started,
          error: null,
          fix: def.interactive
            ? ['If the sign-in page showed an Entra error (AADSTS…) instead, copy it into Diagnose (or federation-desk diagnose) for the fix.', 'Otherwise complete the sign-in sooner, or run the check again.'] : ['Check the network connection and proxy settings, then run the check again.'],
          tested: proves,
          facts: [],
        });
      return finish({ status: 'failed', summary: `The probe failed unexpectedly: ${message}`, durationMs: Date.now() - started, error: null, fix: [], tested: proves, facts: [] });
    } finally {
      timer.cancel();
      own.abort();
    }
  };
  await Promise.all(CHECKS.map((c) => run(c.id)));
  return CHECKS.map((c) => results.get(c.id)).filter((x): x is CheckResult => x !== undefined);
}
