import { execFile } from 'node:child_process';
import { testAppServices } from '../helpers/app-services';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_DRAFT } from '../../shared/profile';
import { runCliInProcess } from '../helpers/run-cli';

const CANARY = 'CLI8Q~canarySecretValue0123456789abcdefgh';
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-cli-profiles-'));
  // The app writes a profile with an encrypted secret; the CLI then reads the same folder.
  const app = testAppServices(dir);
  await app.profiles.save({
    draft: { ...EMPTY_DRAFT, name: 'Production', tenantId: 'contoso.com', samlAppId: '11111111-2222-3333-4444-555555555555', clientId: '99999999-8888-7777-6666-555555555555', webUrl: 'https://octopus.contoso.com/', secretExpiresAt: '2027-05-31' },
    secret: { action: 'replace', value: CANARY },
  });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('federation-desk profiles', () => {
  it('lists the app’s profiles as exactly one JSON document', async () => {
    const run = await runCliInProcess(['profiles', 'list', '--json', '--data-dir', dir]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { profiles: { name: string; secret: { hint: string; present: boolean } }[] };
    expect(doc.profiles.map((p) => p.name)).toEqual(['Production']);
    expect(doc.profiles[0]?.secret).toMatchObject({ hint: 'CLI', present: true });
    expect(run.stdout).not.toContain(CANARY);
  });

  it('shows one profile with the secret as its hint', async () => {
    const run = await runCliInProcess(['profiles', 'show', 'production', '--data-dir', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Octopus Web URL:      https://octopus.contoso.com/');
    expect(run.stdout).toContain('CLI… (41 characters, encrypted)');
  });

  it('creates and shows a profile of another target in its own words, with --client-id (and --api-app still taken for Octopus)', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-cli-targets-'));
    const tts = await runCliInProcess([
      'profiles', 'create', '--target', 'the-things-stack', '--name', 'TTS', '--tenant', '72f988bf-86f1-41af-91ab-2d7cd011db47',
      '--client-id', '99999999-8888-7777-6666-555555555555', '--server-address', 'tts.contoso.com', '--provider-id', 'microsoft-entra',
      '--allowed-domains', 'contoso.com', '--data-dir', other, '--json',
    ]);
    expect(tts.code).toBe(0);
    const created = (JSON.parse(tts.stdout) as { created: Record<string, unknown> }).created;
    expect(created).toMatchObject({ target: 'the-things-stack', clientId: '99999999-8888-7777-6666-555555555555', theThingsStack: { providerId: 'microsoft-entra' } });
    expect(created).not.toHaveProperty('samlAppId');
    expect(created).not.toHaveProperty('webUrl');
    const shown = await runCliInProcess(['profiles', 'show', 'TTS', '--data-dir', other]);
    expect(shown.stdout).toContain('Redirect URI:         https://tts.contoso.com/oauth/login/microsoft-entra/callback');
    expect(shown.stdout).toContain('Target:               The Things Stack');
    expect(shown.stdout).not.toMatch(/SAML|Octopus|API app/);
    const both = await runCliInProcess(['profiles', 'create', '--name', 'X', '--client-id', 'a', '--api-app', 'b', '--data-dir', other]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--client-id or --api-app');
    fs.rmSync(other, { recursive: true, force: true });
  });

  it('exports without the secret and imports under a new name, refusing a taken one', async () => {
    const file = path.join(dir, 'prod.json');
    expect((await runCliInProcess(['profiles', 'export', 'Production', '--out', file, '--data-dir', dir])).code).toBe(0);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain('"hint"');
    const taken = await runCliInProcess(['profiles', 'import', file, '--data-dir', dir]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('already exists');
    expect(taken.stderr).toContain('--name');
    const imported = await runCliInProcess(['profiles', 'import', file, '--name', 'Production copy', '--data-dir', dir]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Imported "Production copy"');
    const list = JSON.parse((await runCliInProcess(['profiles', 'list', '--json', '--data-dir', dir])).stdout) as { profiles: { name: string; secret: { present: boolean } }[] };
    expect(list.profiles.map((p) => [p.name, p.secret.present])).toEqual([
      ['Production', true],
      ['Production copy', false],
    ]);
  });

  it('refuses a file that is not an export, with the path of the bad field', async () => {
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'federation-desk-profile', version: 1, exportedAt: 'x', profile: { name: 'X', cloud: 'mars' } }));
    const run = await runCliInProcess(['profiles', 'import', file, '--data-dir', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('profile.cloud');
  });

  it('says which profiles exist when the name is wrong (exit 1) and explains usage mistakes (exit 2)', async () => {
    const missing = await runCliInProcess(['profiles', 'show', 'Prod', '--data-dir', dir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Profiles here: "Production"');
    const usage = await runCliInProcess(['profiles', 'frobnicate', '--data-dir', dir]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Unknown action "frobnicate"');
    const badOption = await runCliInProcess(['profiles', 'list', '--tenat', 'x']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("Unknown option '--tenat'");
  });

  it('works as `npx federation-desk` from the repo, with no build step', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/federation-desk.mjs', 'profiles', 'list', '--data-dir', dir]);
    expect(stdout).toContain('Production\tcontoso.com\tGlobal');
  });
});

describe('version', () => {
  it('matches package.json', async () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };
    const run = await runCliInProcess(['--version']);
    expect(run.stdout.trim()).toBe(pkg.version);
  });
});
