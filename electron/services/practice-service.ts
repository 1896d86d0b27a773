/**
 * The practice tenant inside the app: the Entra simulator on loopback, one per scenario, running
 * only while something uses it (docs/ARCHITECTURE.md, "Practice tenant").
 *
 * - A profile names its scenario, never an address: every check, sign-in, audit, expiry read and
 *   secret proof asks for the scenario's tenant when it starts (`acquire`) and lets go when it ends.
 *   A tenant is never stopped while one of them holds it.
 * - Once nothing holds it and it has answered no request for `idleMs`, it stops: its port, sockets
 *   and keys are given back. The next run starts it again, on the same port when that is still free,
 *   so an address a run or a cache saw stays valid (tokens stay valid too: the signing key is the
 *   process's, see simulator/token-signer.ts).
 * - The form's values (IDs, secret, who signs in) are the scenario's definition: showing them starts
 *   nothing.
 * - Its CA is trusted for the simulator's host:port only.
 */
import path from 'node:path';
import { DeskError } from '../../shared/ipc-core';
import type { PracticeScenario, PracticeTenantInfo } from '../../shared/ipc-simulator';
import { isBuiltInScenario, listBuiltInScenarios, startSimulator, type RunningSimulator } from '../simulator';
import { builtInScenario, signInUserOf, type BuiltInScenarioName } from '../simulator/scenarios';
import type { PinnedCa } from './http';
import type { Endpoints } from './check/probe-context';

export interface PracticeTenant {
  scenario: string;
  endpoints: Endpoints;
  pinnedCa: PinnedCa;
  /** The Octopus fields, and each other target's app registration and settings. */
  profile: RunningSimulator['profile'] & { targets: RunningSimulator['targetProfiles'] };
  signInUser: RunningSimulator['signInUser'];
}

/** A running practice tenant held for one run; `release()` (or leaving a `using` block) lets it go. */
export interface PracticeLease extends PracticeTenant, Disposable {
  release(): void;
}

/** Time for idle stops: real timers by default, a fake one in tests (no test waits in real time). */
export interface IdleTimers {
  /** Milliseconds on a clock that only moves forward. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Real time; the timer never keeps a CLI process alive by itself. */
export const realIdleTimers: IdleTimers = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface PracticeServiceOptions {
  /**
   * How long a tenant nothing holds keeps running after its last run or request (default 2
   * minutes): a check run again soon reuses it; a restart costs tens of milliseconds.
   */
  idleMs?: number;
  timers?: IdleTimers;
  /** One line when a tenant starts or stops, for the app's log. */
  log?: (line: string) => void;
}

interface TenantSlot {
  /** The running (or starting) simulator; null while stopped. */
  sim: Promise<RunningSimulator> | null;
  /** Resolves when the last stop has freed the port. */
  stopping: Promise<void> | null;
  /** Runs holding it. */
  leases: number;
  /** When it last started a run, ended one or answered a request. */
  lastActive: number;
  /** The port it last listened on (0 before its first start): reused when it starts again. */
  port: number;
  /** When it first started: its scenario's dates count from then at every start (same certificates' dates). */
  scenarioTime: Date | null;
  /** Its address when it last ran, null before its first start. */
  endpoints: Endpoints | null;
  timer: unknown;
}

export const DEFAULT_PRACTICE_IDLE_MS = 2 * 60_000;

export class PracticeService {
  private readonly slots = new Map<string, TenantSlot>();
  private readonly idleMs: number;
  private readonly timers: IdleTimers;
  private readonly log: (line: string) => void;
  private closed = false;

  constructor(
    private readonly dataDir: string,
    options: PracticeServiceOptions = {},
  ) {
    this.idleMs = options.idleMs ?? DEFAULT_PRACTICE_IDLE_MS;
    this.timers = options.timers ?? realIdleTimers;
    this.log = options.log ?? (() => {});
  }

  /** The built-in scenarios, each with the user to sign in as (read from its definition: nothing is started). */
  scenarios(): PracticeScenario[] {
    const now = new Date();
    return listBuiltInScenarios().map((s) => ({ ...s, signInUser: signInUserOf(builtInScenario(s.name, now)) }));
  }

  /** Whether `name` is a built-in scenario (a profile's or the form's choice). */
  isScenario(name: string): boolean {
    return isBuiltInScenario(name);
  }

  /** A scenario's ready-made profile fields, secrets and sign-in user, from its definition: nothing is started. */
  values(scenario: string): PracticeTenantInfo {
    const name = builtInName(scenario);
    // The dates the tenant has (or will have): counted from its first start once it has started.
    const s = builtInScenario(name, this.slots.get(name)?.scenarioTime ?? new Date());
    // Each secret with the end date its app registration gives it, as the form's "Secret expires"
    // (the Expires column of Certificates & secrets, Learn: "Add a client secret").
    const ends = new Map(s.applications.flatMap((a) => a.passwordCredentials.map((c) => [c.secretText, c.endDateTime.slice(0, 10)] as const)));
    const targets = Object.fromEntries(Object.entries(s.targetProfiles).map(([id, t]) => [id, t && { ...t, secretExpiresAt: ends.get(t.secret) }]));
    return { scenario: name, profile: { ...s.profile, secretExpiresAt: ends.get(s.profile.secret), targets }, signInUser: signInUserOf(s) };
  }

  /**
   * The scenario's running tenant for one run, started (or started again) if it is not running.
   * The caller releases it when the run ends; until then it is never stopped for being idle.
   */
  async acquire(scenario: string): Promise<PracticeLease> {
    const name = builtInName(scenario);
    if (this.closed) throw new DeskError('unavailable', 'Federation Desk is closing: the practice tenant no longer starts.');
    const slot = this.slot(name);
    slot.leases++;
    this.touch(slot);
    let sim: RunningSimulator;
    try {
      sim = await this.running(name, slot);
    } catch (error) {
      this.let(name, slot);
      throw error;
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.let(name, slot);
    };
    return { ...tenantOf(name, sim), release, [Symbol.dispose]: release };
  }

  /**
   * The scenario's address when its tenant last ran (running or stopped since), without starting
   * it; null before its first start. Only for looking up what was read from it before.
   */
  lastEndpoints(scenario: string): Endpoints | null {
    return this.slots.get(scenario)?.endpoints ?? null;
  }

  /** The scenarios whose tenant is running or starting now. */
  runningScenarios(): string[] {
    return [...this.slots].filter(([, s]) => s.sim !== null).map(([name]) => name);
  }

  /** Stop every tenant (the app quits, a CLI command ends); nothing starts after this. */
  async stop(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.slots.values()].map((slot) => this.halt(slot)));
  }

  private slot(name: string): TenantSlot {
    let slot = this.slots.get(name);
    if (!slot) {
      slot = { sim: null, stopping: null, leases: 0, lastActive: this.timers.now(), port: 0, scenarioTime: null, endpoints: null, timer: null };
      this.slots.set(name, slot);
    }
    return slot;
  }

  private async running(name: string, slot: TenantSlot): Promise<RunningSimulator> {
    // A stop under way frees the port first, so the tenant comes back on the address it had.
    while (slot.stopping) await slot.stopping;
    if (this.closed) throw new DeskError('unavailable', 'Federation Desk is closing: the practice tenant no longer starts.');
    if (!slot.sim) {
      const sim = this.startOn(name, slot);
      slot.sim = sim;
      sim.then(
        (s) => {
          slot.port = s.port;
          slot.endpoints = tenantOf(name, s).endpoints;
        },
        // A failed start is not kept: the next run tries again.
        () => {
          if (slot.sim === sim) slot.sim = null;
        },
      );
    }
    return slot.sim;
  }

  private async startOn(name: string, slot: TenantSlot): Promise<RunningSimulator> {
    slot.scenarioTime ??= new Date();
    const options = { scenario: name, dataDir: path.join(this.dataDir, 'practice-tenant'), scenarioTime: slot.scenarioTime, onRequest: () => this.touch(slot) };
    let sim: RunningSimulator;
    try {
      sim = await startSimulator({ ...options, port: slot.port });
    } catch (error) {
      // Another program took the port while the tenant was stopped: any free one will do, as every
      // run asks for the tenant's address when it starts.
      if (slot.port === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      sim = await startSimulator(options);
    }
    this.log(`Practice tenant "${name}" started on ${sim.authorityHost}.`);
    return sim;
  }

  /** Resolves once the scenario's tenant has stopped, when a stop is under way (at once otherwise). */
  stopped(scenario: string): Promise<void> {
    return this.slots.get(scenario)?.stopping ?? Promise.resolve();
  }

  /** A run ended: once no run holds the tenant, its idle time starts. */
  private let(name: string, slot: TenantSlot): void {
    slot.leases--;
    this.touch(slot);
    if (slot.leases === 0) this.schedule(name, slot, this.idleMs);
  }

  private touch(slot: TenantSlot): void {
    slot.lastActive = this.timers.now();
  }

  private schedule(name: string, slot: TenantSlot, ms: number): void {
    if (slot.timer !== null) this.timers.clearTimeout(slot.timer);
    slot.timer = this.timers.setTimeout(() => this.idle(name, slot), ms);
  }

  private idle(name: string, slot: TenantSlot): void {
    slot.timer = null;
    if (slot.leases > 0 || slot.sim === null) return;
    const quiet = this.timers.now() - slot.lastActive;
    // It answered a request since: count the idle time from then.
    if (quiet < this.idleMs) return this.schedule(name, slot, this.idleMs - quiet);
    this.log(`Practice tenant "${name}" stopped: nothing used it for ${Math.round(this.idleMs / 1000)} s.`);
    void this.halt(slot);
  }

  private halt(slot: TenantSlot): Promise<void> {
    if (slot.timer !== null) this.timers.clearTimeout(slot.timer);
    slot.timer = null;
    const sim = slot.sim;
    slot.sim = null;
    if (!sim) return slot.stopping ?? Promise.resolve();
    const stopping = (async () => {
      await slot.stopping;
      await (await sim.catch(() => undefined))?.close();
    })().finally(() => {
      if (slot.stopping === stopping) slot.stopping = null;
    });
    slot.stopping = stopping;
    return stopping;
  }
}

function builtInName(scenario: string): BuiltInScenarioName {
  // Profiles name a built-in scenario; a file is only ever run by the user with `simulate --scenario FILE`.
  if (!isBuiltInScenario(scenario))
    throw new DeskError('validation', `"${scenario}" is not a practice scenario. Edit the profile and pick one from the list.`);
  return scenario;
}

function tenantOf(scenario: string, s: RunningSimulator): PracticeTenant {
  return {
    scenario,
    endpoints: { authorityHost: s.authorityHost, graphHost: s.graphHost },
    pinnedCa: { caPem: s.caPem, hosts: [new URL(s.authorityHost).host, new URL(s.graphHost).host] },
    profile: { ...s.profile, targets: s.targetProfiles },
    signInUser: s.signInUser,
  };
}
