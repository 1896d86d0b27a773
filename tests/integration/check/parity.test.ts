/**
 * One core, two faces: every practice scenario checked through the app's CheckService (as the check
 * screen runs it) and through `federation-desk check --profile` gives the same verdict, row by row.
 * Both start the scenario's practice tenant themselves, as they do for a user.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../electron/app-services';
import { BUILT_IN_SCENARIO_NAMES } from '../../../electron/simulator/scenarios';
import { EMPTY_DRAFT } from '../../../shared/profile';
import { testAppServices } from '../../helpers/app-services';
import { runCliInProcess } from '../../helpers/run-cli';

interface Doc {
  profile: { name: string | null };
  outcome: string;
  results: { id: string; status: string }[];
}

let dir: string;
let app: AppServices;
const secrets = new Map<string, string>();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-parity-'));
  app = testAppServices(dir, { timeouts: { requestMs: 10_000, probeMs: 20_000, interactiveMs: 30_000 } });
  for (const scenario of BUILT_IN_SCENARIO_NAMES) {
    const t = app.practice.values(scenario);
    secrets.set(scenario, t.profile.secret);
    await app.profiles.save({
      draft: { ...EMPTY_DRAFT, name: scenario, cloud: 'practice', practiceScenario: scenario, tenantId: t.profile.tenantId, samlAppId: t.profile.samlAppId, clientId: t.profile.apiAppId, webUrl: t.profile.webUrl },
      secret: { action: 'replace', value: t.profile.secret },
    });
  }
}, 120_000);
afterAll(async () => {
  await app.practice.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the CLI and the app give the same verdict', () => {
  it.each(BUILT_IN_SCENARIO_NAMES)('%s', async (scenario) => {
    const id = app.profiles.list().profiles.find((p) => p.name === scenario)?.id ?? '';
    const inApp = await app.checks.run(id);
    const cli = await runCliInProcess(['check', '--profile', scenario, '--data-dir', dir, '--secret-env', 'S', '--sign-in', 'robot', '--json'], { env: { S: secrets.get(scenario) ?? '' } });
    const doc = JSON.parse(cli.stdout) as Doc;
    expect(doc.results.map((r) => [r.id, r.status])).toEqual(inApp.results.map((r) => [r.id, r.status]));
    expect(doc.outcome).toBe(inApp.outcome);
    expect(cli.code).toBe(inApp.outcome === 'failed' || inApp.outcome === 'cancelled' ? 1 : 0);
  }, 60_000);
});

describe('several profiles in one process', () => {
  it('--all checks every stored profile, one result each, worst exit code, one JSON document', async () => {
    const run = await runCliInProcess(['check', '--all', '--data-dir', dir, '--json']);
    const doc = JSON.parse(run.stdout) as { outcome: string; exitCode: number; profiles: Doc[] };
    expect(doc.profiles.map((p) => p.profile.name).sort()).toEqual([...BUILT_IN_SCENARIO_NAMES].sort());
    // The CLI cannot open the app's encrypted secrets, so without one the secret row fails everywhere.
    expect(doc.outcome).toBe('failed');
    expect(doc.exitCode).toBe(1);
    expect(run.code).toBe(1);
    expect(doc.profiles.find((p) => p.profile.name === 'healthy')?.results.find((r) => r.id === 'tenant')?.status).toBe('passed');
  }, 120_000);

  it('repeated --profile runs exactly those, and the worst exit code wins', async () => {
    const run = await runCliInProcess(['check', '--profile', 'healthy', '--profile', 'unknown-app', '--data-dir', dir, '--json']);
    const doc = JSON.parse(run.stdout) as { exitCode: number; profiles: Doc[] };
    expect(doc.profiles.map((p) => p.profile.name)).toEqual(['healthy', 'unknown-app']);
    expect(doc.profiles[1]?.results.find((r) => r.id === 'api-app')?.status).toBe('failed');
    expect(run.code).toBe(1);
  }, 60_000);

  it('refuses one secret for several profiles, and --all with --profile (exit 2)', async () => {
    const many = await runCliInProcess(['check', '--profile', 'healthy', '--profile', 'unknown-app', '--data-dir', dir, '--secret-env', 'S'], { env: { S: 'x' } });
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/each of these profiles has its own/);
    const both = await runCliInProcess(['check', '--all', '--profile', 'healthy', '--data-dir', dir]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--all already takes every stored profile/);
  });

  it('audit with repeated --profile audits each stored profile in one process, worst exit code', async () => {
    const run = await runCliInProcess(['audit', '--profile', 'healthy', '--profile', 'redirect-no-trailing-slash', '--data-dir', dir, '--json']);
    const doc = JSON.parse(run.stdout) as { exitCode: number; profiles: { profile: { name: string }; findings: { status: string }[] }[] };
    expect(doc.profiles.map((p) => p.profile.name)).toEqual(['healthy', 'redirect-no-trailing-slash']);
    expect(doc.profiles[0]?.findings.every((f) => f.status === 'passed')).toBe(true);
    expect(doc.exitCode).toBe(1);
    expect(run.code).toBe(1);
  }, 60_000);
});
