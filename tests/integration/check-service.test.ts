import fs from 'node:fs';
import { testAppServices } from '../helpers/app-services';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../electron/app-services';
import type { CheckRun } from '../../shared/check';
import { DeskError } from '../../shared/ipc-core';
import { EMPTY_DRAFT } from '../../shared/profile';

let dir: string;
let s: AppServices;
const progress: { running: boolean; statuses: string[] }[] = [];

async function practiceProfile(name: string, scenario: string) {
  const t = s.practice.values(scenario);
  return s.profiles.save({
    draft: { ...EMPTY_DRAFT, name, cloud: 'practice', practiceScenario: scenario, tenantId: t.profile.tenantId, samlAppId: t.profile.samlAppId, clientId: t.profile.apiAppId, webUrl: t.profile.webUrl },
    secret: { action: 'replace', value: t.profile.secret },
  });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-checksvc-'));
  s = testAppServices(dir, {
    emit: (event, payload) => {
      if (event === 'check:progress') {
        const p = payload as { run: CheckRun; running: boolean };
        progress.push({ running: p.running, statuses: p.run.results.map((r) => r.status) });
      }
    },
    timeouts: { requestMs: 5000, probeMs: 10_000, interactiveMs: 20_000 },
  });
});
afterAll(async () => {
  await s.practice.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('check service and authentication modes', () => {
  it('refuses Federated identity before a passed check, allows it after, and always allows the way back', async () => {
    const p = await practiceProfile('Practice', 'healthy');
    expect(() => s.modes.set(p.id, 'web-portal', 'federated')).toThrow(DeskError);
    expect(() => s.modes.set(p.id, 'web-portal', 'federated')).toThrow(/Not passed yet: Directory \(tenant\)/);

    // Two clicks while running start one run.
    const [a, b] = [s.checks.run(p.id), s.checks.run(p.id)];
    expect(a).toBe(b);
    const run = await a;
    expect(run.outcome).toBe('passed');
    expect(run.results.map((r) => r.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed', 'passed']);
    expect(progress.some((x) => x.running && x.statuses.includes('running'))).toBe(true);
    expect(progress.at(-1)?.running).toBe(false);

    const state = s.modes.set(p.id, 'web-portal', 'federated');
    expect(state['web-portal']).toBe('federated');
    expect(state.history).toEqual([expect.objectContaining({ scope: 'web-portal', from: 'username-password', to: 'federated', fingerprint: run.fingerprint })]);

    // A changed Web URL makes the sign-in result stale: Federated for assignees is refused again...
    await s.profiles.save({ id: p.id, draft: { ...EMPTY_DRAFT, name: 'Practice', cloud: 'practice', practiceScenario: 'healthy', tenantId: p.tenantId, samlAppId: p.target === 'octopus' ? p.samlAppId : '', clientId: p.clientId, webUrl: 'https://elsewhere.contoso.com/' }, secret: { action: 'keep' } });
    expect(() => s.modes.set(p.id, 'assignee', 'federated')).toThrow(/Interactive sign-in/);
    // ...but the way back is always open, and recorded.
    const back = s.modes.set(p.id, 'web-portal', 'username-password');
    expect(back['web-portal']).toBe('username-password');
    expect(back.history).toHaveLength(2);
    expect(s.checks.state(p.id)).toMatchObject({ running: false, run: { outcome: 'passed' } });
  });

  it('records the failing probe of a fault scenario with its code, and skips what depends on it', async () => {
    const p = await practiceProfile('Expired secret', 'secret-expired');
    const run = await s.checks.run(p.id);
    const byId = Object.fromEntries(run.results.map((r) => [r.id, r]));
    expect(run.outcome).toBe('failed');
    expect(byId.secret).toMatchObject({ status: 'failed', error: expect.objectContaining({ code: 7000222 }) });
    expect(byId.secret?.fix.join(' ')).toContain('Replace secret');
    expect(byId['sign-in']?.status).toBe('skipped');
    expect(byId['sign-in']?.summary).toContain('Client secret');
    expect(byId['api-app']?.status).toBe('passed');
  });

  it('runs checks of two practice scenarios at the same time, each against its own tenant', async () => {
    const a = await practiceProfile('Healthy twin', 'healthy');
    const b = await practiceProfile('Unknown app', 'unknown-app');
    const [ra, rb] = await Promise.all([s.checks.run(a.id), s.checks.run(b.id)]);
    expect(ra.outcome).toBe('passed');
    expect(rb.results.find((r) => r.id === 'api-app')).toMatchObject({ status: 'failed', error: expect.objectContaining({ code: 700016 }) });
  });

  it('cancels a running check', async () => {
    const p = await practiceProfile('Cancelled', 'healthy');
    const running = s.checks.run(p.id);
    s.checks.cancel(p.id);
    const run = await running;
    expect(run.outcome).toBe('cancelled');
  });
});

describe('Octopus-only features on a profile for another product', () => {
  it('refuses authentication modes and the Octopus setup audit in main, with the reason', async () => {
    const tts = await s.profiles.save({
      draft: {
        ...EMPTY_DRAFT,
        name: 'Things Stack',
        target: 'the-things-stack',
        theThingsStack: { serverAddress: 'tts.contoso.com', providerId: 'microsoft-entra' },
        tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        clientId: '99999999-8888-7777-6666-555555555555',
        allowedDomains: 'contoso.com',
      },
      secret: { action: 'keep' },
    });
    expect(() => s.modes.set(tts.id, 'web-portal', 'username-password')).toThrow(/Octopus settings/);
    await expect(s.audit.run(tts.id)).rejects.toMatchObject({ code: 'unavailable' });
  });
});
