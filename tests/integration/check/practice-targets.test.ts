/**
 * Each target's practice tenant is healthy by default: a practice profile made the way the form's
 * "Fill in the scenario's IDs" makes it (practiceDraft), checked by the app's own CheckService, is
 * all green on the healthy scenario, for every target. And every scenario the picker offers a
 * target can be filled for it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../electron/app-services';
import { practiceDraft } from '../../../shared/practice-draft';
import { EMPTY_DRAFT } from '../../../shared/profile';
import { TARGET_IDS, type TargetId } from '../../../shared/targets/target-ids';
import { testAppServices } from '../../helpers/app-services';

let dir: string;
let s: AppServices;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-practice-targets-'));
  s = testAppServices(dir, { timeouts: { requestMs: 5000, probeMs: 10_000, interactiveMs: 20_000 } });
});
afterAll(async () => {
  await s.practice.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function practiceProfile(target: TargetId, scenario: string, name = `Practice ${target} ${scenario}`) {
  const t = s.practice.values(scenario);
  const { draft, secret } = practiceDraft({ ...EMPTY_DRAFT, name, target }, t);
  return s.profiles.save({ draft, secret: { action: 'replace', value: secret } });
}

describe("each target's practice tenant", () => {
  it.each(TARGET_IDS)('is all green for %s on the healthy scenario', async (target) => {
    const p = await practiceProfile(target, 'healthy');
    const run = await s.checks.run(p.id);
    const counted = run.results.filter((r) => !(r.status === 'skipped' && /^Not used by /.test(r.summary)));
    expect(counted.map((r) => `${r.id}: ${r.status} ${r.status === 'passed' ? '' : r.summary}`.trim())).toEqual(counted.map((r) => `${r.id}: passed`));
    expect(run.outcome).toBe('passed');
  });

  it('offers every target the scenarios that have its app registration, and SAML scenarios to Octopus only', () => {
    const scenarios = s.practice.scenarios();
    for (const target of TARGET_IDS) expect(scenarios.filter((x) => x.targets.includes(target)).map((x) => x.name)).toContain('healthy');
    for (const x of scenarios) {
      expect(x.title).not.toBe(x.name);
      if (x.name.startsWith('saml-')) expect(x.targets).toEqual(['octopus']);
    }
  });

  it.each(TARGET_IDS.filter((t) => t !== 'octopus'))('fails the sign-in for %s where the tenant requires MFA, as for Octopus', async (target) => {
    const p = await practiceProfile(target, 'mfa-required');
    const run = await s.checks.run(p.id);
    expect(run.outcome).toBe('failed');
    expect(run.results.find((r) => r.id === 'sign-in')).toMatchObject({ status: 'failed', error: expect.objectContaining({ code: 50076 }) });
  });
});

describe("a practice secret's expiry", () => {
  const daysFromNow = (date: string) => Math.round((Date.parse(`${date}T00:00:00Z`) - Date.now()) / 86_400_000);

  it.each(TARGET_IDS)("is filled in for %s from the scenario's app registration, so the expiry reminders know it", async (target) => {
    const p = await practiceProfile(target, 'healthy', `Expiry ${target}`);
    // healthy.json: the secret's endDateTime is "+335d".
    expect(daysFromNow(p.secretExpiresAt ?? '')).toBeGreaterThanOrEqual(334);
    expect(daysFromNow(p.secretExpiresAt ?? '')).toBeLessThanOrEqual(335);
    const status = await s.expiry.status({ profileId: p.id });
    const secret = status.profiles[0]?.items.find((i) => i.kind === 'client-secret');
    expect(secret).toMatchObject({ state: 'ok' });
    expect(secret?.expiresAt?.slice(0, 10)).toBe(p.secretExpiresAt);
  });

  it('is in the past for the expired-secret scenario, and the reminders say it expired', async () => {
    const p = await practiceProfile('octopus', 'secret-expired');
    expect(daysFromNow(p.secretExpiresAt ?? '')).toBeLessThan(0);
    const status = await s.expiry.status({ profileId: p.id });
    expect(status.profiles[0]?.items.find((i) => i.kind === 'client-secret')).toMatchObject({ state: 'expired' });
  });
});
