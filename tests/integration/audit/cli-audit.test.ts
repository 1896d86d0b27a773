/**
 * `federation-desk audit` against the practice tenant: one JSON document with the contract's
 * fields per step, exit 0 clean / 1 findings / 2 usage, and the human report naming the fix.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_STEPS } from '../../../shared/audit';
import { EMPTY_DRAFT } from '../../../shared/profile';
import { testAppServices } from '../../helpers/app-services';
import type { RunningSimulator } from '../../../electron/simulator';
import { runCliInProcess } from '../../helpers/run-cli';
import { startSim } from './audit-kit';

function fields(sim: RunningSimulator): string[] {
  const p = sim.profile;
  return ['--tenant', p.tenantId, '--saml-app', p.samlAppId, '--api-app', p.apiAppId, '--web-url', p.webUrl, '--authority-host', sim.authorityHost, '--ca-file', sim.caCertPath];
}

interface Doc {
  outcome: string;
  signIn: string;
  signedInAs: string | null;
  findings: { id: string; app: string; title: string; status: string; summary: string; fix: string | null; link: string | null; value: string | null }[];
  secrets: { hint: string | null; stored: boolean; endDateTime: string | null }[];
}

describe('federation-desk audit', () => {
  const sims: Record<string, RunningSimulator> = {};
  beforeAll(async () => {
    for (const name of ['healthy', 'redirect-no-trailing-slash', 'implicit-grant-on']) sims[name] = await startSim(name);
  });
  afterAll(async () => {
    for (const sim of Object.values(sims)) await sim.close();
  });
  const sim = (name: string) => sims[name] as RunningSimulator;

  it('healthy: exit 0 and every step passed in the JSON, the robot signed in by default on a loopback host', async () => {
    const run = await runCliInProcess(['audit', ...fields(sim('healthy')), '--json'], { env: { SECRET: sim('healthy').profile.secret } });
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout) as Doc;
    expect(doc.outcome).toBe('clean');
    expect(doc.signIn).toBe('robot');
    expect(doc.signedInAs).toBe(sim('healthy').signInUser.username);
    expect(doc.findings.map((f) => `${f.app}/${f.id}`)).toEqual(AUDIT_STEPS.map((s) => `${s.app}/${s.id}`));
    expect(doc.findings.every((f) => f.status === 'passed' && f.fix === null)).toBe(true);
    for (const f of doc.findings) expect(Object.keys(f).sort()).toEqual(['app', 'fix', 'id', 'link', 'status', 'summary', 'title', 'value']);
  });

  it('the secret, when given, only tells which of the app’s secrets is stored, and never appears in the output', async () => {
    const secret = sim('healthy').profile.secret;
    const run = await runCliInProcess(['audit', ...fields(sim('healthy')), '--secret-env', 'SECRET', '--json'], { env: { SECRET: secret } });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(secret);
    const doc = JSON.parse(run.stdout) as Doc;
    expect(doc.secrets).toEqual([expect.objectContaining({ hint: secret.slice(0, 3), stored: true })]);
  });

  it('redirect-no-trailing-slash: exit 1, the one failed step with its fix, the value with its slash and the Authentication blade', async () => {
    const s = sim('redirect-no-trailing-slash');
    const run = await runCliInProcess(['audit', ...fields(s), '--json']);
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as Doc;
    const notPassed = doc.findings.filter((f) => f.status !== 'passed');
    expect(notPassed.map((f) => [f.id, f.app, f.status])).toEqual([['redirect-uri', 'api', 'failed']]);
    const f = notPassed[0];
    expect(f?.fix).toContain(`add exactly ${s.profile.webUrl}`);
    expect(f?.value).toBe('https://octopus.contoso.com/octopus/');
    expect(f?.link).toBe(`https://entra.microsoft.com/${s.profile.tenantId}/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Authentication/appId/${s.profile.apiAppId}`);
  });

  it('prints a human report with the fix and the link', async () => {
    const run = await runCliInProcess(['audit', ...fields(sim('redirect-no-trailing-slash'))]);
    expect(run.code).toBe(1);
    // The app calls this page "Entra setup": the report's title says the same.
    expect(run.stdout.split('\n')[0]).toMatch(/^Entra setup: tenant /);
    expect(run.stdout).toContain('✗ Web redirect URI');
    expect(run.stdout).toContain('To fix "Web redirect URI" (API app, redirect-uri):');
    expect(run.stdout).toContain('Open: https://entra.microsoft.com/');
    expect(run.stdout).toContain('13 passed, 0 warning, 1 failed, 0 unknown.');
  });

  it('a warning is a finding (exit 1) unless --allow-warnings', async () => {
    const args = ['audit', ...fields(sim('implicit-grant-on')), '--json'];
    expect((await runCliInProcess(args)).code).toBe(1);
    expect((await runCliInProcess([...args, '--allow-warnings'])).code).toBe(0);
  });

  it.each([
    [[], 'Give either --profile NAME'],
    [['--sign-in', 'robot', '--tenant', 'contoso.onmicrosoft.com', '--saml-app', '0965c37d-a14a-4fc7-b7f2-3e1c0be8436c', '--api-app', 'fd7e9c38-c90e-4019-b8ac-5f7bdb73eaa9', '--web-url', 'https://octopus.contoso.com/'], 'needs --authority-host on a loopback address'],
    [['--sign-in', 'none'], '--sign-in must be browser or robot'],
    [['--client-id', 'graph'], '--client-id must be an Application (client) ID'],
    [['--profile', 'X', '--tenant', 'contoso.com'], 'cannot be combined'],
    [['--secret', 'abc'], 'Unknown option'],
  ])('usage error %j: exit 2', async (args, message) => {
    const run = await runCliInProcess(['audit', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('refuses --sign-in browser for the practice tenant, which the system browser does not trust', async () => {
    const run = await runCliInProcess(['audit', ...fields(sim('healthy')), '--sign-in', 'browser']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Use --sign-in robot');
  });

  it('--profile audits a stored practice profile and keeps the report with it, where the expiry command finds Graph’s secret date', async () => {
    const s = sim('healthy');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-audit-cli-'));
    try {
      const app = testAppServices(dir);
      const p = s.profile;
      await app.profiles.save({
        draft: { ...EMPTY_DRAFT, name: 'Practice', cloud: 'practice', practiceScenario: 'healthy', tenantId: p.tenantId, samlAppId: p.samlAppId, clientId: p.apiAppId, webUrl: p.webUrl, secretExpiresAt: '2030-01-01' },
        secret: { action: 'replace', value: p.secret },
      });
      const run = await runCliInProcess(['audit', '--profile', 'practice', '--data-dir', dir, '--authority-host', s.authorityHost, '--ca-file', s.caCertPath, '--json']);
      expect(run.code, run.stderr).toBe(0);
      const end = (JSON.parse(run.stdout) as Doc).secrets.find((x) => x.stored)?.endDateTime;
      expect(end).toBe(s.scenarioData.applications[1]?.passwordCredentials[0]?.endDateTime);
      expect(testAppServices(dir).audit.state(app.profiles.list().profiles[0]?.id ?? '').report?.secrets[0]?.endDateTime).toBe(end);
      const expiry = await runCliInProcess(['expiry', '--profile', 'practice', '--data-dir', dir, '--authority-host', s.authorityHost, '--ca-file', s.caCertPath, '--json']);
      const items = (JSON.parse(expiry.stdout) as { items: { kind: string; source: string; expiresAt: string | null }[] }).items.filter((i) => i.kind === 'client-secret');
      expect(items).toEqual([expect.objectContaining({ source: 'graph', expiresAt: end })]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--help lists every finding id and the exit codes', async () => {
    const run = await runCliInProcess(['audit', '--help']);
    expect(run.code).toBe(0);
    for (const s of AUDIT_STEPS) expect(run.stdout).toContain(s.id);
    expect(run.stdout).toContain('Exit codes: 0 clean');
  });
});
