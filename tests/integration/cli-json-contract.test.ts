/**
 * The CLI's `--json` contract on every path: exactly one JSON document on stdout, usage mistakes and
 * names not found included; `profiles create` from field options; `--data-dir` that does not exist.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/run-cli';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-cli-json-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const FIELDS = [
  '--tenant', 'contoso.onmicrosoft.com',
  '--saml-app', '11111111-2222-3333-4444-555555555555',
  '--api-app', '11111111-2222-3333-4444-666666666666',
  '--web-url', 'https://contoso.octopus-itsm.com/octopus/',
];

/** stdout parsed as one JSON document (JSON.parse refuses two). */
const oneDocument = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

describe('--json prints one document on every path', () => {
  it.each([
    [['--json'], 2, /Name a command/],
    [['bogus', '--json'], 2, /Unknown command "bogus"/],
    [['check', '--json'], 2, /.+/],
    [['check', '--tenant', 'x', '--json'], 2, /.+/],
    [['diagnose', '--bogus', '--json'], 2, /Unknown option/],
    [['audit', '--json', '--bogus'], 2, /Unknown option/],
    [['profiles', '--json'], 2, /Say what to do/],
    [['profiles', 'frobnicate', '--json'], 2, /Unknown action/],
  ] as const)('%j: exit %i and an error document', async (argv, code, message) => {
    const run = await runCliInProcess([...argv], { env: {} });
    expect(run.code).toBe(code);
    const doc = oneDocument(run.stdout) as { error: { kind: string; message: string; exitCode: number } };
    expect(doc.error).toMatchObject({ kind: 'usage', exitCode: code });
    expect(doc.error.message).toMatch(message);
    expect(run.stderr).toMatch(message);
  });

  it('a profile that is not there: exit 1 and an error document naming what is there', async () => {
    const dir = path.join(root, 'one');
    expect((await runCliInProcess(['profiles', 'create', '--name', 'Production', ...FIELDS, '--data-dir', dir])).code).toBe(0);
    const run = await runCliInProcess(['profiles', 'show', 'Staging', '--data-dir', dir, '--json']);
    expect(run.code).toBe(1);
    expect(oneDocument(run.stdout)).toEqual({ error: { kind: 'error', exitCode: 1, message: 'No profile named "Staging". Profiles here: "Production".' } });
  });

  it('--version --json is a document too', async () => {
    const run = await runCliInProcess(['--version', '--json']);
    expect(oneDocument(run.stdout)).toEqual({ version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });
});

describe('profiles create', () => {
  it('stores a profile from the field options, normalised by the form’s rules, without any secret', async () => {
    const dir = path.join(root, 'create');
    const run = await runCliInProcess(['profiles', 'create', '--name', 'Production', ...FIELDS, '--allowed-domains', 'contoso.com', '--secret-expires', '2027-06-30', '--data-dir', dir, '--json']);
    expect(run.code).toBe(0);
    const { created } = oneDocument(run.stdout) as { created: Record<string, unknown> };
    expect(created).toMatchObject({ name: 'Production', cloud: 'global', tenantId: 'contoso.onmicrosoft.com', clientId: '11111111-2222-3333-4444-666666666666', allowedDomains: ['contoso.com'], secretExpiresAt: '2027-06-30', secret: { present: false } });
    const list = oneDocument((await runCliInProcess(['profiles', 'list', '--data-dir', dir, '--json'])).stdout) as { profiles: { name: string }[] };
    expect(list.profiles.map((p) => p.name)).toEqual(['Production']);
  });

  it('refuses bad fields with exit 2, one line per field named by its option, and stores nothing', async () => {
    const dir = path.join(root, 'refused');
    const run = await runCliInProcess(['profiles', 'create', '--name', 'Bad', '--tenant', 'not a tenant', '--web-url', 'http://x', '--data-dir', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ {2}--tenant: /m);
    expect(run.stderr).toMatch(/^ {2}--web-url: /m);
    expect(run.stderr).toMatch(/^ {2}--api-app: /m);
    expect((await runCliInProcess(['profiles', 'list', '--data-dir', dir, '--json'])).stdout).toContain('"profiles": []');
  });

  it('refuses a name that is taken, an unknown cloud, and field options on other actions', async () => {
    const dir = path.join(root, 'taken');
    expect((await runCliInProcess(['profiles', 'add', '--name', 'P', ...FIELDS, '--data-dir', dir])).code).toBe(0);
    expect((await runCliInProcess(['profiles', 'create', '--name', 'P', ...FIELDS, '--data-dir', dir])).stderr).toMatch(/--name: /);
    expect((await runCliInProcess(['profiles', 'create', '--name', 'Q', ...FIELDS, '--cloud', 'mars', '--data-dir', dir])).stderr).toMatch(/--cloud must be one of global, usgov, china/);
    expect((await runCliInProcess(['profiles', 'list', '--tenant', 'x', '--data-dir', dir])).stderr).toMatch(/--tenant goes with "profiles create"/);
  });
});

describe('--data-dir', () => {
  it('naming a folder that does not exist is a usage error for reading commands, and the folder is not created', async () => {
    const typo = path.join(root, 'typo');
    for (const argv of [['profiles', 'list'], ['profiles', 'show', 'X'], ['diagnose', 'AADSTS50011', '--profile', 'X'], ['check', '--profile', 'X']]) {
      const run = await runCliInProcess([...argv, '--data-dir', typo, '--json'], { env: {} });
      expect(run.code, argv.join(' ')).toBe(2);
      expect((oneDocument(run.stdout) as { error: { message: string } }).error.message).toMatch(/typo \(--data-dir\) does not exist/);
    }
    expect(fs.existsSync(typo)).toBe(false);
  });
});
