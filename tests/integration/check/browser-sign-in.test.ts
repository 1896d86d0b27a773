/**
 * `check --sign-in browser`: the API app signs in as a public client in the system browser, MSAL's
 * loopback server catching the form_post. Here the "browser" is driven over HTTP against the practice
 * tenant, as a person would click through it.
 */
import { checkTargetOf } from '../../../electron/services/check/probe-context';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckContext } from '../../../electron/services/check/check-context';
import { browserPublicSignIn } from '../../../electron/services/check/public-sign-in';
import { readForm } from '../../../electron/services/check/robot-sign-in';
import { runProbes } from '../../../electron/services/check/runner';
import { createHttpClient, type HttpClient } from '../../../electron/services/http';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator';
import { fingerprintInput } from '../../../shared/check';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-browser-'));
const sims: RunningSimulator[] = [];
afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** healthy, plus http://localhost as the API app's "Mobile and desktop" redirect. */
const withLoopback = (base: string) => ({ name: `${base}-with-loopback`, description: 'test', base, patch: [{ op: 'add', path: '/applications/1/publicClient', value: { redirectUris: ['http://localhost'] } }] });

/** What the person does in the browser: sign in; the browser then posts the answer to MSAL's loopback server. */
function personInBrowser(http: HttpClient, sim: RunningSimulator) {
  return async (url: string) => {
    const page = await http.request(url);
    const form = readForm(page.body, page.url);
    if (!form) return;
    const next = await http.request(form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...form.fields, account: sim.signInUser.username, username: sim.signInUser.username, password: sim.signInUser.password }).toString(),
    });
    const answer = readForm(next.body, next.url);
    if (!answer) return;
    const loopback = new URL(answer.action);
    void fetch(`http://127.0.0.1:${loopback.port}${loopback.pathname}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(answer.fields).toString() }).catch(() => undefined);
  };
}

async function run(sim: RunningSimulator, interactiveTimeoutMs = 20_000) {
  const host = new URL(sim.authorityHost).host;
  const http = createHttpClient({ pinnedCas: [{ caPem: sim.caPem, hosts: [host] }] });
  const fields = { cloud: 'practice', tenantId: sim.profile.tenantId, samlAppId: sim.profile.samlAppId, clientId: sim.profile.apiAppId, name: '', webUrl: sim.profile.webUrl, secretExpiresAt: null, target: 'octopus', allowedDomains: [] as string[] } as const;
  const target = checkTargetOf(fields, { hint: sim.profile.secret.slice(0, 3), expiresAt: null });
  const ctx = createCheckContext({
    target,
    cloud: 'practice',
    endpoints: { authorityHost: sim.authorityHost, graphHost: sim.graphHost },
    network: { proxy: null, pinnedCas: [{ caPem: sim.caPem, hosts: [host] }], requestTimeoutMs: 5000 },
    clock: { now: () => new Date() },
    signal: new AbortController().signal,
    secret: sim.profile.secret,
    secretMissingReason: '',
    signIn: null,
    publicSignIn: browserPublicSignIn(personInBrowser(http, sim)),
    signInMissingReason: '',
    http,
  });
  const results = await runProbes({ ctx, fingerprintInput: fingerprintInput({ ...fields, allowedDomains: [], secretUpdatedAt: null }), clock: { now: () => new Date() }, probeTimeoutMs: 10_000, interactiveTimeoutMs });
  return Object.fromEntries(results.map((r) => [r.id, r]));
}

/** healthy, but http://localhost registered under the "Web" platform instead of "Mobile and desktop". */
const webLoopback = { name: 'healthy-with-web-loopback', description: 'test', base: 'healthy', patch: [{ op: 'add', path: '/applications/1/web/redirectUris/-', value: 'http://localhost' }] };

let healthy: RunningSimulator;
let publicOff: RunningSimulator;
let noLoopback: RunningSimulator;
let onWeb: RunningSimulator;
beforeAll(async () => {
  [healthy, publicOff, noLoopback, onWeb] = await Promise.all([
    startSimulator({ scenario: withLoopback('healthy'), dataDir: dir }),
    startSimulator({ scenario: withLoopback('public-client-off'), dataDir: dir }),
    startSimulator({ scenario: 'healthy', dataDir: dir }),
    startSimulator({ scenario: webLoopback, dataDir: dir }),
  ]);
  sims.push(healthy, publicOff, noLoopback, onWeb);
});

describe('check --sign-in browser (public client, system browser)', () => {
  it('signs in and reaches Graph, and says honestly that the Octopus Web URL redirect was not tested (warning)', async () => {
    const r = await run(healthy);
    expect(r['sign-in']).toMatchObject({ status: 'warning', summary: expect.stringContaining('The redirect to the Octopus Web URL was not tested') });
    expect(r['sign-in']?.fix.join(' ')).toContain('in the app');
    expect(r['graph-me']?.status).toBe('passed');
  });

  it('Entra takes the client type from the platform: a Mobile-and-desktop redirect is public even with public client flows off', async () => {
    const r = await run(publicOff);
    expect(r['sign-in']?.status).toBe('warning');
    expect(r['graph-me']?.status).toBe('passed');
  });

  it('fails with AADSTS7000218 when http://localhost is registered under Web (confidential: the code needs the secret)', async () => {
    const r = await run(onWeb);
    expect(r['sign-in']).toMatchObject({ status: 'failed', error: expect.objectContaining({ code: 7000218 }) });
    expect(r['sign-in']?.fix.join(' ')).toContain('Mobile and desktop applications');
  });

  it('when Entra shows an error page instead (http://localhost not registered), times out pointing at Diagnose', async () => {
    // Entra shows AADSTS50011 in the browser and never answers the loopback server: the CLI cannot see that page.
    const r = await run(noLoopback, 1500);
    expect(r['sign-in']).toMatchObject({ status: 'failed', summary: expect.stringContaining('Timed out') });
    expect(r['sign-in']?.fix.join(' ')).toContain('Diagnose');
    expect(r['graph-me']?.status).toBe('skipped');
  });

  it('maps AADSTS50011 to registering http://localhost when Entra does send it back', async () => {
    const { signInFixesFor } = await import('../../../electron/services/check/sign-in-probe');
    expect(signInFixesFor(50011, 'public').join(' ')).toContain('Mobile and desktop applications: add http://localhost');
  });
});
