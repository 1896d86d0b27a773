/**
 * The app's practice tenants run while something uses them, and only then (README, "When the app's
 * practice tenants run"): with the real simulator, the app's own services and a fake clock for the
 * idle time, so no test waits in real time. Whether a tenant runs is asked of its port, as a user
 * would notice it: a connection is accepted or refused.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppServices } from '../../electron/app-services';
import { createHandlers, dispatch } from '../../electron/ipc-handlers';
import { createHttpClient, type PinnedCa } from '../../electron/services/http';
import type { IdleTimers } from '../../electron/services/practice-service';
import type { SignInDriver } from '../../electron/services/check/sign-in-driver';
import { robotSignInDriver } from '../../electron/services/check/robot-sign-in';
import { practiceDraft } from '../../shared/practice-draft';
import { EMPTY_DRAFT } from '../../shared/profile';
import { testAppServices } from '../helpers/app-services';
import { listening } from '../helpers/listening';

const IDLE_MS = 120_000;

/** Timers that fire only when the test moves the clock. */
class FakeTimers implements IdleTimers {
  private t = 0;
  private next = 1;
  private readonly tasks = new Map<number, { at: number; fn: () => void }>();
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): number {
    const id = this.next++;
    this.tasks.set(id, { at: this.t + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.tasks.delete(handle as number);
  }
  /** Move the clock by `ms`, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = [...this.tasks].filter(([, x]) => x.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.tasks.delete(due[0]);
      this.t = due[1].at;
      due[1].fn();
    }
    this.t = end;
  }
}


let dir: string;
let timers: FakeTimers;
let s: AppServices;
/** The sign-in of the next check waits for this, as a person typing in the sign-in window would. */
let signInGate: Promise<void> | null = null;
let signInStarted: (() => void) | null = null;
/** Sign-ins the driver was asked for. */
let signIns = 0;

/** Robot sign-in, held at the gate when one is set: a run in progress for as long as the test likes. */
function gatedDriver(p: { pinnedCa: PinnedCa } | null): SignInDriver | null {
  if (!p) return null;
  return {
    name: 'robot behind a gate (test)',
    async signIn(request) {
      signIns++;
      signInStarted?.();
      if (signInGate) await signInGate;
      const user = s.practice.values('healthy').signInUser;
      const robot = robotSignInDriver({ http: createHttpClient({ pinnedCas: [p.pinnedCa] }), simulatorOrigin: new URL(request.authorizeUrl).origin, username: user.username, password: user.password });
      return robot.signIn(request);
    },
  };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-practice-life-'));
  timers = new FakeTimers();
  signInGate = null;
  signInStarted = null;
  signIns = 0;
  s = testAppServices(dir, { practiceIdle: { idleMs: IDLE_MS, timers }, signInDriver: gatedDriver, timeouts: { requestMs: 10_000, probeMs: 20_000, interactiveMs: 60_000 } });
});
afterEach(async () => {
  await s.practice.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A practice profile saved the way the form's "Fill in the scenario's IDs" makes it. */
async function practiceProfile(scenario: string) {
  const { draft, secret } = practiceDraft({ ...EMPTY_DRAFT, name: `Practice ${scenario}` }, s.practice.values(scenario));
  return s.profiles.save({ draft, secret: { action: 'replace', value: secret } });
}

/** The port the scenario's tenant listens on now (a held lease, let go at once). */
async function portOf(scenario: string): Promise<number> {
  using lease = await s.practice.acquire(scenario);
  return Number(new URL(lease.endpoints.authorityHost).port);
}

/** Let the idle time pass and wait until any stop it caused has freed the ports. */
async function idle(ms: number, ...scenarios: string[]) {
  timers.advance(ms);
  await Promise.all(scenarios.map((x) => s.practice.stopped(x)));
}

describe('the practice tenant runs while something uses it', () => {
  it('starts nothing when scenarios are chosen and their values filled in', async () => {
    const handlers = createHandlers(s);
    for (const scenario of ['healthy', 'mfa-required', 'user-without-mail']) {
      const values = await dispatch(handlers, 'practice:values', { scenario });
      expect(values).toMatchObject({ ok: true, value: { scenario, signInUser: { username: expect.any(String) } } });
    }
    expect(await dispatch(handlers, 'practice:values', { scenario: 'no-such-scenario' })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('no-such-scenario') } });
    expect(s.practice.runningScenarios()).toEqual([]);
  });

  it('stops a scenario once unused while another one keeps running', async () => {
    const a = await practiceProfile('healthy');
    const b = await practiceProfile('mfa-required');
    expect((await s.checks.run(a.id)).outcome).toBe('passed');
    const portA = await portOf('healthy');
    await idle(IDLE_MS / 2);
    expect((await s.checks.run(b.id)).outcome).toBe('failed');
    const portB = await portOf('mfa-required');
    expect(s.practice.runningScenarios().sort()).toEqual(['healthy', 'mfa-required']);

    await idle(IDLE_MS / 2 + 1, 'healthy');
    expect(s.practice.runningScenarios()).toEqual(['mfa-required']);
    expect(await listening(portA)).toBe(false);
    expect(await listening(portB)).toBe(true);

    await idle(IDLE_MS, 'mfa-required');
    expect(s.practice.runningScenarios()).toEqual([]);
    expect(await listening(portB)).toBe(false);
  });

  it('checks a saved practice profile after its tenant stopped, on the address it had', async () => {
    const p = await practiceProfile('healthy');
    expect((await s.checks.run(p.id)).outcome).toBe('passed');
    const port = await portOf('healthy');
    await idle(IDLE_MS + 1, 'healthy');
    expect(await listening(port)).toBe(false);

    const again = await s.checks.run(p.id);
    expect(again.results.filter((r) => r.status !== 'passed')).toEqual([]);
    expect(again.outcome).toBe('passed');
    expect(await portOf('healthy')).toBe(port);
  });

  it('gives a run that comes while it is stopping the tenant back, on the same port', async () => {
    const p = await practiceProfile('healthy');
    const port = await portOf('healthy');
    timers.advance(IDLE_MS + 1);
    // The stop is under way (its port not yet free) when the check asks for the tenant.
    const run = s.checks.run(p.id);
    expect((await run).outcome).toBe('passed');
    expect(await portOf('healthy')).toBe(port);
  });

  it('accepts after a restart the Graph token it issued before: auditing again needs no new sign-in', async () => {
    const p = await practiceProfile('healthy');
    expect((await s.audit.run(p.id)).problem).toBeNull();
    expect(signIns).toBe(1);
    await idle(IDLE_MS + 1, 'healthy');
    expect(s.practice.runningScenarios()).toEqual([]);
    const again = await s.audit.run(p.id);
    expect(again.problem).toBeNull();
    expect(again.outcome).toBe('clean');
    expect(signIns).toBe(1);
  });

  it('starts on another port when its own was taken while it was stopped, and the check still passes', async () => {
    const p = await practiceProfile('healthy');
    const port = await portOf('healthy');
    await idle(IDLE_MS + 1, 'healthy');
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      expect((await s.checks.run(p.id)).outcome).toBe('passed');
      expect(await portOf('healthy')).not.toBe(port);
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });

  it('never stops under a check in progress, however long its sign-in takes', async () => {
    const p = await practiceProfile('healthy');
    let open!: () => void;
    signInGate = new Promise<void>((resolve) => (open = resolve));
    const atSignIn = new Promise<void>((resolve) => (signInStarted = resolve));
    const run = s.checks.run(p.id);
    await atSignIn;
    const port = await portOf('healthy');
    // Ten idle periods pass while the person is still at the sign-in page.
    await idle(10 * IDLE_MS, 'healthy');
    expect(s.practice.runningScenarios()).toEqual(['healthy']);
    expect(await listening(port)).toBe(true);
    open();
    const done = await run;
    expect(done.results.find((r) => r.id === 'sign-in')?.status).toBe('passed');
    expect(done.outcome).toBe('passed');

    // Its idle time starts when the check ends.
    await idle(IDLE_MS - 1, 'healthy');
    expect(s.practice.runningScenarios()).toEqual(['healthy']);
    await idle(1, 'healthy');
    expect(await listening(port)).toBe(false);
  });

  it('counts idle time from the last request it answered', async () => {
    const p = await practiceProfile('healthy');
    let lease = await s.practice.acquire('healthy');
    const port = Number(new URL(lease.endpoints.authorityHost).port);
    const http = createHttpClient({ pinnedCas: [lease.pinnedCa] });
    lease.release();
    await idle(IDLE_MS - 10);
    // A request near the end of the idle time (a sign-in page still open, say) keeps it running.
    const res = await http.request(`${lease.endpoints.authorityHost}/common/v2.0/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    await idle(20, 'healthy');
    expect(await listening(port)).toBe(true);
    await idle(IDLE_MS, 'healthy');
    expect(await listening(port)).toBe(false);
    // And a held lease is let go only once, however often it is released.
    lease = await s.practice.acquire('healthy');
    lease.release();
    lease.release();
    expect((await s.checks.run(p.id)).outcome).toBe('passed');
    await idle(IDLE_MS + 1, 'healthy');
    expect(s.practice.runningScenarios()).toEqual([]);
  });

  it('lets go of the tenant after an audit and after an expiry read', async () => {
    const p = await practiceProfile('healthy');
    const report = await s.audit.run(p.id);
    expect(report.problem).toBeNull();
    await idle(IDLE_MS + 1, 'healthy');
    expect(s.practice.runningScenarios()).toEqual([]);

    const status = await s.expiry.status({ profileId: p.id, refresh: true });
    expect(status.profiles[0]?.items.some((i) => i.kind === 'saml-signing-certificate')).toBe(true);
    await idle(IDLE_MS + 1, 'healthy');
    expect(s.practice.runningScenarios()).toEqual([]);
  });

  it('shows expiry read before without starting the tenant again; a refresh starts it', async () => {
    const p = await practiceProfile('healthy');
    const first = await s.expiry.status({ profileId: p.id });
    const saml = (st: typeof first) => st.profiles[0]?.items.filter((i) => i.kind === 'saml-signing-certificate');
    expect(saml(first)?.length).toBeGreaterThan(0);
    await idle(IDLE_MS + 1, 'healthy');
    expect(s.practice.runningScenarios()).toEqual([]);

    // Opening the profile's page again: its badge and banner come from what was read.
    const again = await s.expiry.status({ profileId: p.id });
    expect(saml(again)).toEqual(saml(first));
    expect(s.practice.runningScenarios()).toEqual([]);

    // Ten minutes later the tenant starts again for the refresh: its certificate's dates are the ones
    // already shown, counted from its first start (a real tenant's do not move either).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 10 * 60_000 });
    try {
      const refreshed = await s.expiry.status({ profileId: p.id, refresh: true });
      expect(saml(refreshed)?.map((i) => i.expiresAt)).toEqual(saml(first)?.map((i) => i.expiresAt));
      expect(s.practice.runningScenarios()).toEqual(['healthy']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops every tenant when the app quits, and starts none after', async () => {
    const ports = [await portOf('healthy'), await portOf('mfa-required')];
    const held = await s.practice.acquire('user-without-mail');
    ports.push(Number(new URL(held.endpoints.authorityHost).port));
    await s.practice.stop();
    expect(s.practice.runningScenarios()).toEqual([]);
    for (const port of ports) expect(await listening(port)).toBe(false);
    await expect(s.practice.acquire('healthy')).rejects.toMatchObject({ code: 'unavailable' });
    held.release();
  });
});
