import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../electron/services/http';
import { runCliInProcess } from '../../helpers/run-cli';
import { dataDir } from './sim-kit';

const BIN = path.resolve(__dirname, '../../../bin/federation-desk.mjs');

describe('federation-desk simulate', () => {
  it('prints the contract JSON as its first line, serves, and exits 0 on SIGTERM without logging the secret', async () => {
    const child = spawn(process.execPath, [BIN, 'simulate', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const first = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', () => reject(new Error(`simulate exited early: ${stderr}`)));
    });
    const info = JSON.parse(first) as {
      authorityHost: string;
      graphHost: string;
      caCertPath: string;
      scenario: string;
      profile: Record<string, string>;
      signInUser: { username: string; password: string };
    };
    expect(Object.keys(info)).toEqual(['authorityHost', 'graphHost', 'caCertPath', 'scenario', 'profile', 'signInUser']);
    expect(Object.keys(info.profile)).toEqual(['tenantId', 'samlAppId', 'apiAppId', 'webUrl', 'secret']);
    expect(info.scenario).toBe('healthy');
    expect(info.authorityHost).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);

    const host = new URL(info.authorityHost).host;
    const client = createHttpClient({ pinnedCas: [{ caPem: fs.readFileSync(info.caCertPath, 'utf8'), hosts: [host] }] });
    const res = await client.request(`${info.authorityHost}/${info.profile.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: info.profile.apiAppId ?? '', client_secret: info.profile.secret ?? '', scope: `api://${info.profile.apiAppId}/.default` }).toString(),
    });
    expect(res.status).toBe(200);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('POST /');
    expect(stderr).not.toContain(info.profile.secret);
    expect(stderr).not.toContain(info.signInUser.password);
  });

  it('lists the built-in scenarios, as text and as one JSON document', async () => {
    const text = await runCliInProcess(['simulate', '--list-scenarios']);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(/^healthy\s+A tenant set up exactly as the Octopus guide says/);
    const json = await runCliInProcess(['simulate', '--list-scenarios', '--json']);
    const doc = JSON.parse(json.stdout) as { scenarios: { name: string; title: string; targets: string[] }[] };
    // Each with the title the app's picker shows and the targets it applies to.
    expect(doc.scenarios[0]).toMatchObject({ name: 'healthy', title: 'Healthy: set up as each guide says', targets: ['octopus', 'the-things-stack', 'authentik', 'workspace-sso'] });
    expect(doc.scenarios.find((s) => s.name === 'saml-cert-expiring')).toMatchObject({ title: 'SAML signing certificate expires soon', targets: ['octopus'] });
    expect(doc.scenarios.map((s) => s.name)).toEqual([
      'healthy', 'unknown-app', 'redirect-no-trailing-slash', 'secret-expired', 'no-app-id-uri', 'user-not-assigned', 'consent-missing',
      'app-disabled', 'mfa-required', 'user-without-mail', 'public-client-off', 'saml-cert-expiring', 'saml-cert-rollover',
      // The registration audit's misconfigurations.
      'implicit-grant-on', 'email-claim-missing', 'leftover-secrets', 'saml-sso-mode-unset', 'saml-no-notification-email', 'user-read-missing',
      // Microsoft Graph paging and throttling, held to the recorded responses in tests/fixtures/recorded.
      'graph-paged', 'graph-throttled',
      // Redirect URIs: a root URI registered without its slash still matches.
      'redirect-root-without-slash',
      // Consent asked of someone who may not give it.
      'consent-missing-non-admin',
    ]);
  });

  it.each([
    [['--port', 'http'], '--port must be a whole number'],
    [['--port', '70000'], '--port must be between 0 and 65535'],
    [['--fail', 'token'], 'is not PATH:STATUS'],
    [['--fail', 'token:200'], 'is not an HTTP error status'],
    [['--scenario', 'healthy-ish'], 'Unknown scenario "healthy-ish"'],
    [['--bogus'], 'Unknown option'],
  ])('exits 2 with a clear message for bad arguments %j', async (args, message) => {
    const run = await runCliInProcess(['simulate', ...args, '--data-dir', dataDir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('refuses a bad scenario file with the path of the bad field', async () => {
    const file = path.join(dataDir, 'bad-scenario.json');
    fs.writeFileSync(file, JSON.stringify({ name: 'bad', description: 'bad', base: 'healthy', patch: [{ op: 'replace', path: '/applications/1/web/redirectUris/0', value: 'not a url' }] }));
    const run = await runCliInProcess(['simulate', '--scenario', file, '--data-dir', dataDir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('applications[1].web.redirectUris[0]: Invalid url');
  });
});
