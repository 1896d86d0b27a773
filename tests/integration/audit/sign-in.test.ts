/**
 * Signing in to Microsoft Graph for the audit: missing consent gets a clear instruction (who consents,
 * to what, where), both when the sign-in itself is refused (AADSTS65001) and when Graph answers 403;
 * the system-browser flow (MSAL's acquireTokenInteractive with its loopback server) really works
 * against the practice tenant; cancelling it frees the loopback port.
 */
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTokenSource, cachedTokenSource, GraphSignInError } from '../../../electron/services/audit';
import { robotSignInDriver } from '../../../electron/services/check/robot-sign-in';
import type { RunningSimulator } from '../../../electron/simulator';
import { GRAPH_CLI_CLIENT_ID } from '../../../shared/audit';
import { audit, httpFor, robotSource, startSim } from './audit-kit';

const NO_DIRECTORY_READ = path.resolve(__dirname, '../../fixtures/audit/graph-cli-without-directory-read.json');

describe('missing consent for the Graph client', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSim(NO_DIRECTORY_READ);
  });
  afterAll(() => sim.close());

  it('a sign-in refused for consent (AADSTS65001) says who must consent to what, and where', async () => {
    const report = await audit(sim);
    expect(report.problem?.summary).toContain('AADSTS65001');
    const fix = report.problem?.fix ?? '';
    expect(fix).toContain('Application.Read.All and Directory.Read.All');
    expect(fix).toContain('Global Administrator or Privileged Role Administrator');
    expect(fix).toContain('Enterprise applications > Microsoft Graph Command Line Tools > Permissions > "Grant admin consent');
    expect(report.findings.every((f) => f.status === 'unknown')).toBe(true);
    expect(report.outcome).toBe('findings');
    // The guide's values are there to copy even though nothing could be read.
    expect(report.findings.find((f) => f.id === 'redirect-uri')?.copy?.value).toBe(sim.profile.webUrl);
  });

  it('a 403 from Graph on the consent grants marks only that step unknown, with the consent instruction', async () => {
    const report = await audit(sim, { tokenSource: robotSource(sim, httpFor(sim), ['Application.Read.All']) });
    const consent = report.findings.find((f) => f.id === 'admin-consent');
    expect(consent?.status).toBe('unknown');
    expect(consent?.summary).toContain('403 Authorization_RequestDenied');
    expect(consent?.summary).toContain('Directory.Read.All');
    expect(consent?.fix).toContain(`Microsoft Graph Command Line Tools (${GRAPH_CLI_CLIENT_ID})`);
    expect(consent?.fix).toContain('Grant admin consent');
    expect(report.problem?.summary).toContain('lacks Directory.Read.All');
    expect(report.findings.filter((f) => f.id !== 'admin-consent').every((f) => f.status === 'passed')).toBe(true);
  });
});

describe('the system-browser sign-in (MSAL loopback)', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSim('healthy');
  });
  afterAll(() => sim.close());

  const request = (signal: AbortSignal) => ({ tenantId: sim.profile.tenantId, endpoints: { authorityHost: sim.authorityHost, graphHost: sim.graphHost }, http: httpFor(sim), clientId: GRAPH_CLI_CLIENT_ID, signal, timeoutMs: 5000 });

  it('gets a token through form_post to MSAL’s loopback server, as a browser would deliver it', async () => {
    const http = httpFor(sim);
    const robot = robotSignInDriver({ http, simulatorOrigin: sim.authorityHost, ...sim.signInUser });
    const opened: string[] = [];
    const source = browserTokenSource(async (url) => {
      opened.push(url);
      const redirectUri = new URL(url).searchParams.get('redirect_uri') ?? '';
      // The "browser": sign in, then post the form Entra returns to the loopback server (the form's
      // action, resolved as a browser does, is the redirect URI with its root path).
      void robot.signIn({ authorizeUrl: url, redirectUri: `${redirectUri}/`, signal: new AbortController().signal }).then(async (outcome) => {
        if (outcome.kind !== 'redirect') throw new Error(`sign-in ended with ${outcome.kind}: ${outcome.kind === 'error-page' ? outcome.text.slice(0, 300) : ''}`);
        await fetch(`http://127.0.0.1:${new URL(redirectUri).port}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(outcome.params).toString() });
      });
    });
    const token = await source.acquire(request(new AbortController().signal));
    expect(token.username).toBe(sim.signInUser.username);
    expect(token.accessToken.split('.')).toHaveLength(3);
    const authorize = new URL(opened[0] ?? '');
    expect(authorize.searchParams.get('response_mode')).toBe('form_post');
    expect(authorize.searchParams.get('client_id')).toBe(GRAPH_CLI_CLIENT_ID);
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+$/);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  });

  it('cancelling while the browser is open ends the sign-in and closes the loopback port', async () => {
    const controller = new AbortController();
    let port = 0;
    const source = browserTokenSource(async (url) => {
      port = Number(new URL(new URL(url).searchParams.get('redirect_uri') ?? '').port);
      setTimeout(() => controller.abort(), 50);
    });
    const error = await source.acquire(request(controller.signal)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphSignInError);
    expect((error as GraphSignInError).cancelled).toBe(true);
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });

  it('keeps a token in memory until shortly before it expires, and forgets it on request', async () => {
    let calls = 0;
    const inner = { name: 'counting', acquire: async () => ({ accessToken: `t${++calls}`, username: null, expiresOn: new Date(Date.now() + 3_600_000) }) };
    const cached = cachedTokenSource(inner, { now: () => new Date() });
    const r = request(new AbortController().signal);
    expect((await cached.acquire(r)).accessToken).toBe('t1');
    expect((await cached.acquire(r)).accessToken).toBe('t1');
    cached.forget();
    expect((await cached.acquire(r)).accessToken).toBe('t2');
  });
});
