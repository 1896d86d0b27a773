import { execFile } from 'node:child_process';
import { testAppServices } from '../helpers/app-services';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosisSchema } from '../../shared/ipc-diagnose';
import { EMPTY_DRAFT } from '../../shared/profile';
import { runCliInProcess } from '../helpers/run-cli';

const exec = promisify(execFile);
const BIN = path.resolve(__dirname, '../../bin/federation-desk.mjs');
const FIXTURES = path.resolve(__dirname, '../fixtures/aadsts');
const TOKEN_JSON = fs.readFileSync(path.join(FIXTURES, 'token-invalid-client.json'), 'utf8');
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-cli-diagnose-'));
  const app = testAppServices(dir);
  await app.profiles.save({
    draft: { ...EMPTY_DRAFT, name: 'Production', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', samlAppId: '11111111-1111-1111-1111-111111111111', clientId: '22222222-2222-2222-2222-222222222222', webUrl: 'https://octopus.contoso.com/' },
    secret: { action: 'keep' },
  });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('federation-desk diagnose', () => {
  it('reads stdin through the real bin and prints exactly one JSON document', async () => {
    const child = execFile('node', [BIN, 'diagnose', '--json'], { cwd: path.resolve(__dirname, '../..') });
    child.stdin?.end(TOKEN_JSON);
    let out = '';
    child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
    expect(code).toBe(0);
    const doc = DiagnosisSchema.parse(JSON.parse(out));
    expect(Object.keys(JSON.parse(out) as object)).toEqual(['findings', 'client', 'rankedFor', 'related']);
    expect(doc.findings[0]).toMatchObject({ code: 7000215, traceId: '0d4c3a1e-7a3b-4c8e-9e0f-1b2c3d4e5f60', correlationId: '7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910', timestamp: '2024-05-01 09:15:42Z' });
  }, 30_000);

  it('exits 1 when no code is found, and 2 on a usage mistake (real bin)', async () => {
    await expect(exec('node', [BIN, 'diagnose', 'nothing', 'to', 'see'])).rejects.toMatchObject({ code: 1 });
    await expect(exec('node', [BIN, 'diagnose', '--no-such-option', 'x'])).rejects.toMatchObject({ code: 2 });
  }, 30_000);

  it('takes the text as arguments and prints readable cards', async () => {
    const run = await runCliInProcess(['diagnose', 'AADSTS50011:', 'The redirect URI does not match.']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('AADSTS50011: Redirect URI mismatch');
    expect(run.stdout).toContain('Likely causes');
    expect(run.stdout).toMatch(/\n {3}1\. Open Entra admin center > Identity > Applications > App registrations/);
    expect(run.stdout).toContain('https://login.microsoftonline.com/error?code=50011');
  });

  it('reads stdin with "-" and with no text; --json of nothing is still one document', async () => {
    expect((await runCliInProcess(['diagnose', '-'], { stdin: 'AADSTS50105: not assigned' })).code).toBe(0);
    const none = await runCliInProcess(['diagnose', '--json'], { stdin: 'all good here' });
    expect(none.code).toBe(1);
    expect(JSON.parse(none.stdout)).toMatchObject({ findings: [], client: null, related: [] });
  });

  it('explains one code with --explain CODE or a bare code, with the catalog depth and its source', async () => {
    for (const argv of [['diagnose', '--explain', '53003'], ['diagnose', '53003'], ['diagnose', 'AADSTS53003']]) {
      const run = await runCliInProcess(argv);
      expect(run.code, argv.join(' ')).toBe(0);
      expect(run.stdout).toContain('AADSTS53003: Blocked by Conditional Access');
      expect(run.stdout).not.toContain('Error text:');
      expect(run.stdout).toContain('Likely causes');
      expect(run.stdout).toMatch(/\n {3}1\. /);
      expect(run.stdout).toContain('Source: https://');
    }
    const graph = await runCliInProcess(['diagnose', 'Authorization_RequestDenied', '--json']);
    expect(DiagnosisSchema.parse(JSON.parse(graph.stdout)).findings[0]).toMatchObject({ code: 'Authorization_RequestDenied', known: true });
  });

  it('--explain: exit 1 for a code not in the catalog (with Microsoft\'s lookup link), exit 2 for something that is no code', async () => {
    const unknown = await runCliInProcess(['diagnose', '--explain', '9999991']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('https://login.microsoftonline.com/error?code=9999991');
    const bad = await runCliInProcess(['diagnose', '--explain', 'redirect']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not an error code');
    expect((await runCliInProcess(['diagnose', '--explain', '50011', 'AADSTS50011: x'])).code).toBe(2);
  });

  it('--explain with --profile ranks the Octopus setup first and fills in the profile', async () => {
    const run = await runCliInProcess(['diagnose', '--explain', '50011', '--profile', 'production', '--data-dir', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Causes ranked for the Octopus setup of profile "Production"');
    expect(run.stdout).toContain('https://octopus.contoso.com/');
  });

  it('refuses "-" mixed with text, and --data-dir without --profile (exit 2)', async () => {
    expect((await runCliInProcess(['diagnose', '-', 'AADSTS50011'], { stdin: '' })).code).toBe(2);
    expect((await runCliInProcess(['diagnose', '--data-dir', dir, 'AADSTS50011'])).code).toBe(2);
  });

  it('tailors the diagnosis to a stored profile with --profile and --data-dir', async () => {
    const run = await runCliInProcess(['diagnose', '--json', '--profile', 'production', '--data-dir', dir, "AADSTS50011: The redirect URI 'https://octopus.contoso.com' specified in the request"]);
    expect(run.code).toBe(0);
    const f = DiagnosisSchema.parse(JSON.parse(run.stdout)).findings[0];
    expect(f?.context.join('\n')).toContain('differ only by the trailing slash');
    expect(f?.fix.join('\n')).toContain('the API app (22222222-2222-2222-2222-222222222222)');
  });

  it('says which profiles exist when --profile names none (exit 2)', async () => {
    const run = await runCliInProcess(['diagnose', '--profile', 'Staging', '--data-dir', dir, 'AADSTS50011']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No profile named "Staging"');
    expect(run.stderr).toContain('"Production"');
  });

  it('prints its help with --help', async () => {
    const run = await runCliInProcess(['diagnose', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Exit codes: 0 codes found, 1 none found, 2 usage.');
  });
});
