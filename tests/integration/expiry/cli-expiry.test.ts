/** `federation-desk expiry` against the practice tenant: Nagios lines, exit codes and the JSON document. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../electron/app-services';
import { confDocumentFiles } from '../../../electron/services/conf-document-file';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator';
import type { ExpiryDocument } from '../../../electron/cli/expiry-command';
import { runCliInProcess } from '../../helpers/run-cli';
import { ephemeralKeyVault } from '../../harness/test-vault';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-cli-expiry-'));
fs.mkdirSync(path.join(root, 'empty'));
const sims: Record<string, RunningSimulator> = {};
beforeAll(async () => {
  for (const name of ['saml-cert-expiring', 'healthy']) sims[name] = await startSimulator({ scenario: name, dataDir: root });
});
afterAll(async () => {
  await Promise.all(Object.values(sims).map((s) => s.close()));
  fs.rmSync(root, { recursive: true, force: true });
});

function fields(name: string): string[] {
  const s = sims[name];
  if (!s) throw new Error(name);
  return ['expiry', '--tenant', s.profile.tenantId, '--saml-app', s.profile.samlAppId, '--authority-host', s.authorityHost, '--ca-file', s.caCertPath];
}
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('expiry command: fields mode', () => {
  it('saml-cert-expiring: the certificate has 10 days left, WARNING under the default policy (exit 1)', async () => {
    const r = await runCliInProcess([...fields('saml-cert-expiring'), '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as ExpiryDocument;
    expect(doc.worst).toBe('warning');
    expect(doc.items).toEqual([
      expect.objectContaining({ profile: null, kind: 'saml-signing-certificate', source: 'federation-metadata', daysLeft: 10, state: 'warning', newest: true }),
    ]);
    expect(Date.parse(doc.items[0]?.expiresAt ?? '')).toBeGreaterThan(Date.now() + 9.9 * 86_400_000);

    const human = await runCliInProcess(fields('saml-cert-expiring'));
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/^EXPIRY WARNING - SAML signing certificate [0-9A-F]{8}… expires in 10 days \(\d{4}-\d\d-\d\d\)\n$/);
  });

  it('CRITICAL (exit 2) when the critical days cover it, and for an expired secret', async () => {
    expect((await runCliInProcess([...fields('saml-cert-expiring'), '--critical-days', '10'])).code).toBe(2);
    const r = await runCliInProcess([...fields('healthy'), '--secret-expires', inDays(-2)]);
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')[0]).toMatch(/^EXPIRY CRITICAL - Client secret expired 2 days ago/);
    expect(r.stdout.split('\n')[1]).toMatch(/^EXPIRY OK - SAML signing certificate/);
  });

  it('healthy: OK (exit 0), and the secret date counts too', async () => {
    const r = await runCliInProcess([...fields('healthy'), '--secret-expires', inDays(200), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as ExpiryDocument;
    expect(doc.worst).toBe('ok');
    expect(doc.items.map((i) => [i.kind, i.source, i.state])).toEqual([
      ['client-secret', 'typed', 'ok'],
      ['saml-signing-certificate', 'federation-metadata', 'ok'],
    ]);
    expect((await runCliInProcess([...fields('healthy'), '--secret-expires', inDays(45)])).code).toBe(1);
    expect((await runCliInProcess([...fields('healthy'), '--secret-expires', inDays(45), '--warn-days', '30'])).code).toBe(0);
  });

  it('UNKNOWN (exit 3) when the metadata cannot be read, saying why', async () => {
    const s = sims.healthy as RunningSimulator;
    const r = await runCliInProcess(['expiry', '--tenant', s.profile.tenantId, '--saml-app', s.profile.samlAppId, '--authority-host', s.authorityHost]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^EXPIRY UNKNOWN - SAML signing certificates The SAML signing certificates could not be read: the certificate of .* is not trusted/);
  });

  it.each([
    [[], /Say what to watch/],
    [['--all', '--tenant', 'contoso.com'], /not several/],
    [['--tenant', 'contoso.com'], /needs both/],
    [['--tenant', 'contoso.com', '--saml-app', 'nope'], /--saml-app: An Application \(client\) ID is a GUID/],
    [['--all', '--warn-days', 'soon'], /--warn-days takes a whole number/],
    [['--all', '--critical-days', '90'], /must not be more than the warning days/],
    [['--profile', 'X', '--secret-expires', '31/12/2026'], /yyyy-mm-dd/],
    [['--bogus'], /Unknown option/],
  ])('usage error %j is UNKNOWN (exit 3), on stdout for the monitor and on stderr', async (args, message) => {
    const r = await runCliInProcess(['expiry', '--data-dir', path.join(root, 'empty'), ...args]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^EXPIRY UNKNOWN - /);
    expect(r.stdout).toMatch(message);
    expect(r.stderr).toMatch(message);
  });

  it('with --json a usage error is still one JSON document', async () => {
    const r = await runCliInProcess(['expiry', '--json', '--warn-days', 'x', '--all']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ items: [], worst: 'unknown', error: expect.stringMatching(/--warn-days/) });
  });

  it('--help exits 0', async () => {
    const r = await runCliInProcess(['expiry', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Exit codes \(Nagios\): 0 OK, 1 WARNING, 2 CRITICAL or expired, 3 UNKNOWN/);
  });
});

describe('expiry command: stored profiles', () => {
  const dataDir = path.join(root, 'profiles');
  beforeAll(async () => {
    const services = createAppServices({
      dataDir,
      version: '0.1.0',
      platform: 'linux',
      files: confDocumentFiles(dataDir),
      vault: ephemeralKeyVault(),
      clock: { now: () => new Date() },
      logger: { info: () => {}, warn: () => {}, error: () => {} },
      openExternal: async () => {},
      emit: () => {},
    });
    const base = { cloud: 'practice' as const, tenantId: '5542c6c8-6bff-45d1-9ead-269c6efef1b0', samlAppId: '0965c37d-a14a-4fc7-b7f2-3e1c0be8436c', clientId: 'fd7e9c38-c90e-4019-b8ac-5f7bdb73eaa9', webUrl: 'https://octopus.contoso.com/', allowedDomains: '' };
    await services.profiles.save({ draft: { ...base, name: 'Rollover', practiceScenario: 'saml-cert-rollover', secretExpiresAt: inDays(100) }, secret: { action: 'replace', value: 'Prc8Q~992eFljwCQW80wMwKiUGjG9i7011BrUw3M' } });
    await services.profiles.save({ draft: { ...base, name: 'Healthy', practiceScenario: 'healthy', secretExpiresAt: '' }, secret: { action: 'keep' } });
  });

  it('--all --json reports every profile’s secret and certificates (both during a rollover), worst decides the exit code', async () => {
    const r = await runCliInProcess(['expiry', '--all', '--json', '--data-dir', dataDir]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as ExpiryDocument;
    expect(doc.worst).toBe('warning');
    const rows = doc.items.map((i) => [i.profile, i.kind, i.state, i.daysLeft, i.newest ?? null]);
    expect(rows).toEqual([
      ['Rollover', 'saml-signing-certificate', 'warning', 25, false],
      ['Rollover', 'client-secret', 'ok', 100, null],
      ['Healthy', 'saml-signing-certificate', 'ok', 1065, true],
      ['Rollover', 'saml-signing-certificate', 'ok', 1094, true],
    ]);
  });

  it('--profile NAME watches one; --secret-expires overrides its date; an unknown name is UNKNOWN', async () => {
    const r = await runCliInProcess(['expiry', '--profile', 'healthy', '--data-dir', dataDir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^EXPIRY OK - Healthy: SAML signing certificate/);
    expect((await runCliInProcess(['expiry', '--profile', 'Rollover', '--data-dir', dataDir, '--secret-expires', inDays(3)])).code).toBe(2);
    const missing = await runCliInProcess(['expiry', '--profile', 'Nope', '--data-dir', dataDir]);
    expect(missing.code).toBe(3);
    expect(missing.stdout).toMatch(/No profile named "Nope". Profiles here: "Rollover", "Healthy"/);
  });

  it('an empty data folder is UNKNOWN', async () => {
    const empty = path.join(root, 'nothing');
    fs.mkdirSync(empty, { recursive: true });
    const r = await runCliInProcess(['expiry', '--all', '--data-dir', empty]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^EXPIRY UNKNOWN - there are no profiles in/);
  });

  it('a data folder that does not exist is UNKNOWN and says so, instead of watching a new empty folder', async () => {
    const typo = path.join(root, 'no-such-folder');
    const r = await runCliInProcess(['expiry', '--all', '--data-dir', typo]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^EXPIRY UNKNOWN - The data folder .*no-such-folder \(--data-dir\) does not exist/);
    expect(fs.existsSync(typo)).toBe(false);
  });
});
