/**
 * `federation-desk check` against the practice tenant: in-process for most cases (fast), and through
 * the real bin for the contract's own command line, stdin, and Ctrl+C.
 */
import { spawn } from 'node:child_process';
import { testAppServices } from '../../helpers/app-services';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../electron/simulator';
import { CHECK_IDS, configurationFingerprint, fingerprintInput } from '../../../shared/check';
import { EMPTY_DRAFT } from '../../../shared/profile';
import { runCliInProcess } from '../../helpers/run-cli';
import { dataDir, startConnectProxy, startSim } from './check-kit';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/federation-desk.mjs');

interface CheckJson {
  profile: { name: string | null; tenantId: string };
  fingerprint: string;
  startedAt: string;
  finishedAt: string;
  outcome: string;
  signIn: string;
  notRun: string[];
  results: { id: string; status: string; summary: string; durationMs: number | null; error: { code: number | string; traceId: string | null; correlationId: string | null; timestamp: string | null } | null; fix: string[] }[];
}

let healthy: RunningSimulator;
let expired: RunningSimulator;
let caFile: string;

/** The field options for a running simulator, the secret taken from $SECRET. */
const fieldsOf = (sim: RunningSimulator) => [
  '--tenant', sim.profile.tenantId,
  '--saml-app', sim.profile.samlAppId,
  '--api-app', sim.profile.apiAppId,
  '--web-url', sim.profile.webUrl,
  '--authority-host', sim.authorityHost,
  '--ca-file', caFile,
];

const statuses = (doc: CheckJson) => Object.fromEntries(doc.results.map((r) => [r.id, r.status]));

beforeAll(async () => {
  [healthy, expired] = await Promise.all([startSim('healthy'), startSim('secret-expired')]);
  caFile = healthy.caCertPath;
});
afterAll(async () => {
  await Promise.all([healthy.close(), expired.close()]);
});

describe('federation-desk check against the practice tenant', () => {
  it('reports six passed results and exits 0 for the healthy scenario with the robot signing in', async () => {
    const run = await runCliInProcess(['check', ...fieldsOf(healthy), '--secret-env', 'SECRET', '--sign-in', 'robot', '--json'], { env: { SECRET: healthy.profile.secret } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as CheckJson;
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['profile', 'fingerprint', 'startedAt', 'finishedAt', 'results']));
    expect(doc.results.map((r) => r.id)).toEqual([...CHECK_IDS]);
    expect(doc.results.every((r) => r.status === 'passed')).toBe(true);
    for (const r of doc.results) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'status', 'summary', 'durationMs', 'error', 'fix']));
      expect(r.error).toBeNull();
      expect(r.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(doc).toMatchObject({ outcome: 'passed', signIn: 'robot', notRun: [], profile: { name: null, tenantId: healthy.profile.tenantId } });
    expect(Date.parse(doc.finishedAt)).toBeGreaterThanOrEqual(Date.parse(doc.startedAt));
    expect(run.stdout).not.toContain(healthy.profile.secret);
  });

  it('exits 1 and reports the failing probe with its AADSTS code, IDs and fix when the secret has expired', async () => {
    const run = await runCliInProcess(['check', ...fieldsOf(expired), '--secret-env', 'SECRET', '--sign-in', 'robot', '--json'], { env: { SECRET: expired.profile.secret } });
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as CheckJson;
    expect(statuses(doc)).toEqual({ tenant: 'passed', 'saml-app': 'passed', 'api-app': 'passed', secret: 'failed', 'sign-in': 'skipped', 'graph-me': 'skipped' });
    const secret = doc.results.find((r) => r.id === 'secret');
    expect(secret?.error).toMatchObject({ code: 7000222, traceId: expect.stringMatching(/^[0-9a-f-]{36}$/), correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/), timestamp: expect.any(String) });
    expect(secret?.fix.join(' ')).toMatch(/expired/);
    expect(doc.outcome).toBe('failed');
  });

  it('runs only the non-interactive probes with --sign-in none, reports the others as not run, and exits 0', async () => {
    const run = await runCliInProcess(['check', ...fieldsOf(healthy), '--secret-stdin', '--json'], { stdin: `${healthy.profile.secret}\n` });
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as CheckJson;
    expect(statuses(doc)).toEqual({ tenant: 'passed', 'saml-app': 'passed', 'api-app': 'passed', secret: 'passed', 'sign-in': 'skipped', 'graph-me': 'skipped' });
    expect(doc).toMatchObject({ signIn: 'none', notRun: ['sign-in', 'graph-me'], outcome: 'passed' });
    expect(doc.results.find((r) => r.id === 'sign-in')?.summary).toMatch(/^Not run: --sign-in none was given/);
  });

  it('fails the secret probe with how to pass the secret when none is given, and skips sign-in', async () => {
    const run = await runCliInProcess(['check', ...fieldsOf(healthy), '--sign-in', 'robot', '--json']);
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as CheckJson;
    const secret = doc.results.find((r) => r.id === 'secret');
    expect(secret?.status).toBe('failed');
    expect(secret?.summary).toMatch(/--secret-stdin/);
    expect(secret?.summary).toMatch(/--secret-env VAR/);
    expect(statuses(doc)['sign-in']).toBe('skipped');
  });

  it('explains the untrusted certificate when the practice tenant is checked without --ca-file', async () => {
    const args = fieldsOf(healthy).slice(0, -2);
    const run = await runCliInProcess(['check', ...args, '--secret-env', 'SECRET'], { env: { SECRET: healthy.profile.secret } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ Directory \(tenant\) +The OpenID discovery document could not be fetched: the TLS certificate of 127\.0\.0\.1:\d+ is not trusted/);
    expect(run.stdout).toMatch(/--ca-file/);
  });

  it('prints one marked line per probe and the fix steps of a failure in human output, never the secret', async () => {
    const run = await runCliInProcess(['check', ...fieldsOf(expired), '--secret-env', 'SECRET', '--sign-in', 'robot'], { env: { SECRET: expired.profile.secret } });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines.filter((l) => /^[✓!✗-] /.test(l))).toHaveLength(6);
    expect(run.stdout).toMatch(/^Check compatibility: tenant /m);
    expect(run.stdout).toMatch(/^✓ Directory \(tenant\) /m);
    expect(run.stdout).toMatch(/^✗ Client secret +The client secret was refused: AADSTS7000222/m);
    expect(run.stdout).toMatch(/^- Interactive sign-in +Skipped: "Client secret" failed\./m);
    expect(run.stdout).toMatch(/^To fix "Client secret":\n {2}1\. .+Certificates & secrets/m);
    expect(run.stdout).toMatch(/Entra said AADSTS7000222, Trace ID [0-9a-f-]{36}, Correlation ID [0-9a-f-]{36}/);
    expect(`${run.stdout}${run.stderr}`).not.toContain(expired.profile.secret);
  });

  it('checks a stored profile by name, with the same configuration fingerprint as the app', async () => {
    const dir = fs.mkdtempSync(path.join(dataDir, 'profiles-'));
    const app = testAppServices(dir);
    const { tenantId, samlAppId, apiAppId, webUrl } = healthy.profile;
    const saved = await app.profiles.save({ draft: { ...EMPTY_DRAFT, name: 'Contoso', tenantId, samlAppId, clientId: apiAppId, webUrl }, secret: { action: 'keep' } });
    const run = await runCliInProcess(['check', '--profile', 'contoso', '--data-dir', dir, '--authority-host', healthy.authorityHost, '--ca-file', caFile, '--secret-env', 'S', '--json'], { env: { S: healthy.profile.secret } });
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as CheckJson;
    expect(doc.profile.name).toBe('Contoso');
    expect(doc.fingerprint).toBe(configurationFingerprint(fingerprintInput({ ...saved, secretUpdatedAt: saved.secret.updatedAt })));
    expect(statuses(doc).secret).toBe('passed');
  });

  it('sends its requests through --proxy, and through HTTPS_PROXY unless NO_PROXY names the host', async () => {
    const proxy = await startConnectProxy({ refuse: 403 });
    try {
      // 127.0.0.2 is not one of the loopback names that always go direct, so the proxy is used.
      const fields = ['--tenant', healthy.profile.tenantId, '--saml-app', healthy.profile.samlAppId, '--api-app', healthy.profile.apiAppId, '--web-url', healthy.profile.webUrl, '--authority-host', 'https://127.0.0.2:9', '--json'];
      const viaFlag = await runCliInProcess(['check', ...fields, '--proxy', proxy.url]);
      expect(viaFlag.code).toBe(1);
      expect((JSON.parse(viaFlag.stdout) as CheckJson).results[0]?.summary).toMatch(/proxy refused or failed the connection to 127\.0\.0\.2:9 .*HTTP 403/);
      expect(proxy.tunnels).toEqual(['127.0.0.2:9']);

      const viaEnv = await runCliInProcess(['check', ...fields], { env: { HTTPS_PROXY: proxy.url } });
      expect((JSON.parse(viaEnv.stdout) as CheckJson).results[0]?.summary).toMatch(/proxy refused/);
      expect(proxy.tunnels).toHaveLength(2);

      const bypassed = await runCliInProcess(['check', ...fields], { env: { HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.2' } });
      expect((JSON.parse(bypassed.stdout) as CheckJson).results[0]?.summary).toMatch(/cannot connect to 127\.0\.0\.2:9/);
      expect(proxy.tunnels).toHaveLength(2);
    } finally {
      await proxy.close();
    }
  });
});

describe('federation-desk check usage errors (exit 2)', () => {
  const fields = ['--tenant', '5542c6c8-6bff-45d1-9ead-269c6efef1b0', '--saml-app', '0965c37d-a14a-4fc7-b7f2-3e1c0be8436c', '--api-app', 'fd7e9c38-c90e-4019-b8ac-5f7bdb73eaa9', '--web-url', 'https://octopus.contoso.com/'];
  it.each([
    ['a stored profile combined with a field', ['--profile', 'Prod', '--tenant', 'contoso.com'], /--profile takes every field from the stored profile, so --tenant cannot be combined with it/],
    ['missing fields', ['--tenant', 'contoso.com'], /missing: --saml-app, --api-app, --web-url/],
    ['a tenant that is not a GUID or domain', ['--tenant', 'not a tenant', ...fields.slice(2)], /--tenant: /],
    ['an unknown cloud', [...fields, '--cloud', 'mars'], /--cloud must be one of global, usgov, china/],
    ['an unset --secret-env variable', [...fields, '--secret-env', 'NOPE'], /The environment variable NOPE \(from --secret-env\) is not set/],
    ['a secret given as an argument', [...fields, 'Prc8Q~992eFljwCQW80wMwKiUGjG9i7011BrUw3M'], /The secret is never an argument/],
    ['both ways of passing the secret', [...fields, '--secret-stdin', '--secret-env', 'X'], /one way/],
    ['--sign-in browser against the practice tenant', [...fields, '--authority-host', 'https://127.0.0.1:1', '--sign-in', 'browser'], /--sign-in browser cannot sign in to the practice tenant/],
    ['--sign-in robot against a real cloud', [...fields, '--sign-in', 'robot'], /--sign-in robot signs in only to the practice tenant/],
    ['--sign-in robot against a non-loopback host', [...fields, '--sign-in', 'robot', '--authority-host', 'https://login.microsoftonline.com'], /not https:\/\/login\.microsoftonline\.com/],
    ['--robot-user without its password variable', [...fields, '--sign-in', 'robot', '--authority-host', 'https://127.0.0.1:1', '--robot-user', 'a@b.c'], /Give both --robot-user U and --robot-password-env VAR/],
    ['robot options without --sign-in robot', [...fields, '--robot-user', 'a@b.c'], /only apply with --sign-in robot/],
    ['an unknown --sign-in mode', [...fields, '--sign-in', 'maybe'], /--sign-in must be robot, browser or none/],
    ['an https proxy URL', [...fields, '--proxy', 'https://proxy:8443'], /--proxy must be an http:\/\/ proxy URL/],
    ['an authority host with a path', [...fields, '--authority-host', 'https://127.0.0.1:1/tenant'], /takes the host only/],
    ['a missing CA file', [...fields, '--ca-file', '/no/such/ca.pem'], /Cannot read --ca-file \/no\/such\/ca\.pem \(ENOENT\)/],
    ['--data-dir without --profile', [...fields, '--data-dir', '/tmp'], /--data-dir only matters with --profile NAME/],
    ['an unknown option', [...fields, '--tenat', 'x'], /Unknown option '--tenat'/],
  ])('refuses %s with exit 2 and says why', async (_name, argv, message) => {
    const run = await runCliInProcess(['check', ...argv], { env: {} });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('refuses an empty secret on stdin with exit 2', async () => {
    const run = await runCliInProcess(['check', ...fields, '--secret-stdin'], { stdin: '  \n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/stdin was empty/);
  });

  it('prints help that documents every option of the contract', async () => {
    const run = await runCliInProcess(['check', '--help']);
    expect(run.code).toBe(0);
    for (const opt of ['--profile', '--tenant', '--saml-app', '--api-app', '--web-url', '--cloud', '--secret-stdin', '--secret-env', '--sign-in', '--robot-user', '--robot-password-env', '--authority-host', '--graph-host', '--ca-file', '--proxy', '--data-dir', '--json'])
      expect(run.stdout).toContain(opt);
  });
});

type Child = ReturnType<typeof spawn>;

/** Run the real bin (or `bin`, a copy of it); resolves with exit code and output. `afterStart` lets a test signal it; `nodeArgs` go before the bin, `extraFd` opens fd 3 to it. */
function spawnBin(argv: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv; afterStart?: (child: Child) => void; nodeArgs?: string[]; extraFd?: boolean; bin?: string } = {}): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.bin ?? BIN, ...argv], { cwd: ROOT, env: { PATH: process.env.PATH, ...options.env }, stdio: options.extraFd ? ['pipe', 'pipe', 'pipe', 'pipe'] : 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin?.end(options.stdin ?? '');
  options.afterStart?.(child);
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/**
 * Loaded into the CLI with --import: when the process emits 'exit', it wraps fd 3 in a handle.
 * Node closes that handle while it tears the environment down after a natural end of the event
 * loop, after the SIGINT handle made before it (libuv's uv_signal_stop puts SIGINT back to its
 * default, kill, when the last handle for it closes); fd 3 then reads end-of-file in the test, while
 * the process is still alive. A process that ends with process.exit() closes no handle: fd 3 ends
 * only when the process is gone.
 */
const AT_TEARDOWN = `data:text/javascript,${encodeURIComponent("import net from 'node:net'; process.once('exit', () => { new net.Socket({ fd: 3, readable: false, writable: true }).unref(); });")}`;

describe('federation-desk check through the real bin', () => {
  it('reads the secret from stdin and reports six passed with exit 0 (the issue’s "done when" command line)', async () => {
    const run = await spawnBin(['check', ...fieldsOf(healthy), '--secret-stdin', '--sign-in', 'robot', '--json'], { stdin: healthy.profile.secret });
    // Nothing on stderr but the bin's own notice when the sources changed since the bundle was built (README, "CLI").
    expect(run.stderr.replace(/^federation-desk: building the CLI from the changed sources \(dist-cli\/\)\.\.\.\n/, '')).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as CheckJson;
    expect(doc.results.map((r) => r.status)).toEqual(CHECK_IDS.map(() => 'passed'));
  }, 30_000);

  /**
   * Runs a check whose token requests stall and presses Ctrl+C once when the simulator logs the
   * first stalled request (later stalls send nothing more). `again` presses it a second time, as an
   * impatient person would: once the CLI said it is stopping, or once the CLI, its document
   * written, is being torn down (fd 3 ends, see AT_TEARDOWN).
   */
  async function cancelledRun(again: false | 'stopping' | 'exiting') {
    let child: Child | undefined;
    let pressed = false;
    const press = () => {
      if (pressed || !child) return;
      pressed = true;
      child.kill('SIGINT');
    };
    const stalled = await startSim('healthy', { faults: { stall: ['token'] }, log: (line) => line.includes('stalled on purpose') && press() });
    try {
      return await spawnBin(['check', ...fieldsOf(stalled), '--secret-env', 'SECRET', '--json'], {
        env: { SECRET: stalled.profile.secret },
        ...(again === 'exiting' ? { nodeArgs: ['--import', AT_TEARDOWN], extraFd: true } : {}),
        afterStart: (c) => {
          child = c;
          if (again === 'stopping') {
            let waiting = true;
            c.stderr?.on('data', (chunk: Buffer) => {
              if (waiting && chunk.toString().includes('Stopping (SIGINT)')) {
                waiting = false;
                c.kill('SIGINT');
              }
            });
          }
          if (again === 'exiting') {
            const teardown = c.stdio[3] as NodeJS.ReadableStream;
            teardown.on('data', () => {});
            teardown.on('end', () => c.kill('SIGINT'));
          }
        },
      });
    } finally {
      await stalled.close();
    }
  }

  const expectCancelledDocument = (run: { code: number | null; signal: NodeJS.Signals | null; stdout: string }) => {
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as CheckJson;
    expect(doc.outcome).toBe('cancelled');
    expect(statuses(doc).tenant).toBe('passed');
    expect(doc.results.find((r) => r.id === 'api-app')).toMatchObject({ status: 'failed', summary: 'Cancelled.' });
    expect(doc.results.find((r) => r.id === 'secret')).toMatchObject({ status: 'failed', summary: 'Cancelled.' });
  };

  it('cancels cleanly on Ctrl+C: the stalled probes end as cancelled, one JSON document, exit 1', async () => {
    expectCancelledDocument(await cancelledRun(false));
  }, 30_000);

  it('a second Ctrl+C while it shuts down still ends with exit 1 and the JSON document, not a killed process', async () => {
    const run = await cancelledRun('stopping');
    expectCancelledDocument(run);
  }, 30_000);

  it('a Ctrl+C that comes while the CLI exits, its document written, still ends with exit 1, not a killed process', async () => {
    expectCancelledDocument(await cancelledRun('exiting'));
  }, 30_000);

  it('a Ctrl+C that comes before the command runs (the bin still building its bundle) cancels it: exit 1 and the cancelled document', async () => {
    // A checkout whose bundle was never built: the bin says it builds one, and presses come during that build.
    const checkout = fs.mkdtempSync(path.join(dataDir, 'checkout-'));
    for (const dir of ['bin', 'scripts']) fs.mkdirSync(path.join(checkout, dir));
    for (const file of ['bin/federation-desk.mjs', 'scripts/build-cli.mjs']) fs.copyFileSync(path.join(ROOT, file), path.join(checkout, file));
    for (const dir of ['electron', 'shared', 'node_modules']) fs.symlinkSync(path.join(ROOT, dir), path.join(checkout, dir), 'dir');
    try {
      const run = await spawnBin(['check', ...fieldsOf(healthy), '--json'], {
        bin: path.join(checkout, 'bin/federation-desk.mjs'),
        afterStart: (c) => {
          let waiting = true;
          c.stderr?.on('data', (chunk: Buffer) => {
            if (waiting && chunk.toString().includes('building the CLI')) {
              waiting = false;
              c.kill('SIGINT');
            }
          });
        },
      });
      expect(run.signal).toBeNull();
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('Stopping (SIGINT)...');
      const doc = JSON.parse(run.stdout) as CheckJson;
      expect(doc.outcome).toBe('cancelled');
      expect(doc.results.find((r) => r.id === 'tenant')).toMatchObject({ status: 'skipped', summary: 'Cancelled before it started.' });
      expect(fs.readdirSync(path.join(checkout, 'dist-cli')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      // rmSync removes the symlinks, not what they point at.
      fs.rmSync(checkout, { recursive: true, force: true });
    }
  }, 60_000);
});
