/**
 * Test kit for the practice tenant: start a scenario with a temporary data folder, an HTTPS client
 * that trusts its CA for its host:port only, and helpers that drive the sign-in page over HTTP the
 * way a browser would (GET authorize, POST the form, follow nothing).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { createHttpClient, postForm, type HttpClient, type HttpResponse } from '../../../electron/services/http';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../electron/simulator';

export interface Sim extends RunningSimulator {
  http: HttpClient;
  tenantUrl: string;
}

/** One temporary data folder per test file (the CA is made once in it and reused). */
export const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fd-sim-'));

/** Start a scenario; the returned client trusts the simulator's CA for its host:port only. */
export async function startSim(scenario: SimulatorOptions['scenario'] = 'healthy', options: Partial<SimulatorOptions> = {}): Promise<Sim> {
  const sim = await startSimulator({ scenario, dataDir, ...options });
  const http = createHttpClient({ pinnedCas: [{ caPem: sim.caPem, hosts: [`127.0.0.1:${sim.port}`] }], timeoutMs: 10_000 });
  return Object.assign(sim, { http, tenantUrl: `${sim.authorityHost}/${sim.profile.tenantId}` });
}

/** Assert an Entra error response: status, OAuth error, AADSTS code and the full §1 body shape. */
export function expectEntraError(res: HttpResponse, status: number, error: string, code: number): Record<string, unknown> {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  const body = JSON.parse(res.body) as Record<string, unknown>;
  expect(body.error).toBe(error);
  expect(body.error_codes).toEqual([code]);
  expect(body.error_description).toMatch(
    new RegExp(`^AADSTS${code}: .+\\r\\nTrace ID: [0-9a-f-]{36}\\r\\nCorrelation ID: [0-9a-f-]{36}\\r\\nTimestamp: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ$`, 's'),
  );
  expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
  expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
  expect(body.correlation_id).toMatch(/^[0-9a-f-]{36}$/);
  expect(body.error_uri).toMatch(new RegExp(`/error\\?code=${code}$`));
  expect(String(body.error_description)).toContain(`Trace ID: ${String(body.trace_id)}`);
  return body;
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface AuthorizeParams {
  clientId?: string;
  redirectUri?: string;
  scope?: string;
  state?: string;
  nonce?: string;
  challenge?: string;
  responseMode?: string;
  prompt?: string;
  tenant?: string;
}

export function authorizeUrl(sim: Sim, p: AuthorizeParams = {}): string {
  const q = new URLSearchParams({
    client_id: p.clientId ?? sim.profile.apiAppId,
    response_type: 'code',
    redirect_uri: p.redirectUri ?? sim.profile.webUrl,
    scope: p.scope ?? 'openid profile offline_access User.Read',
    state: p.state ?? 'state-123',
    nonce: p.nonce ?? 'nonce-456',
  });
  if (p.challenge) {
    q.set('code_challenge', p.challenge);
    q.set('code_challenge_method', 'S256');
  }
  if (p.responseMode) q.set('response_mode', p.responseMode);
  if (p.prompt) q.set('prompt', p.prompt);
  return `${sim.authorityHost}/${p.tenant ?? sim.profile.tenantId}/oauth2/v2.0/authorize?${q.toString()}`;
}

/** A minimal browser: GET the authorize URL, submit the sign-in form, return the final response. */
export async function signInOverHttp(sim: Sim, url: string, username = sim.signInUser.username, password = sim.signInUser.password, cookie = ''): Promise<{ page: HttpResponse; result: HttpResponse; cookie: string }> {
  const page = await sim.http.request(url, { headers: cookie ? { cookie } : {} });
  const flow = /name="flow" value="([^"]+)"/.exec(page.body)?.[1];
  if (!flow) return { page, result: page, cookie };
  const action = /<form method="post" action="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const result = await postForm(sim.http, `${sim.authorityHost}${action}`, { flow, account: username, password }, { headers: cookie ? { cookie } : {} });
  const set = result.headers['set-cookie']?.split(';')[0];
  return { page, result, cookie: set ?? cookie };
}

/** The query parameters of a 302 to the redirect URI. */
export function redirectParams(res: HttpResponse): URLSearchParams {
  expect(res.status).toBe(302);
  return new URL(res.headers.location ?? '').searchParams;
}

/** Decode a JWT's payload without verifying it. */
export function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Redeem a code at the token endpoint. */
export async function redeem(sim: Sim, code: string, verifier: string | undefined, extra: Record<string, string> = {}): Promise<HttpResponse> {
  const fields: Record<string, string> = {
    grant_type: 'authorization_code',
    client_id: sim.profile.apiAppId,
    client_secret: sim.profile.secret,
    code,
    redirect_uri: sim.profile.webUrl,
    scope: 'openid profile offline_access User.Read',
    ...extra,
  };
  if (verifier !== undefined) fields.code_verifier = verifier;
  for (const [k, v] of Object.entries(fields)) if (v === '') delete fields[k];
  return postForm(sim.http, `${sim.tenantUrl}/oauth2/v2.0/token`, fields);
}

/** A client-credentials request for the profile's API app. */
export async function clientCredentials(sim: Sim, overrides: Record<string, string> = {}): Promise<HttpResponse> {
  const fields: Record<string, string> = {
    grant_type: 'client_credentials',
    client_id: sim.profile.apiAppId,
    client_secret: sim.profile.secret,
    scope: `api://${sim.profile.apiAppId}/.default`,
    ...overrides,
  };
  for (const [k, v] of Object.entries(fields)) if (v === '') delete fields[k];
  return postForm(sim.http, `${sim.tenantUrl}/oauth2/v2.0/token`, fields);
}

export const GRAPH_CLI = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

/** Sign in as the practice user through the Graph Command Line Tools public client (no secret). */
export async function graphCliToken(sim: Sim): Promise<string> {
  const { verifier, challenge } = pkce();
  const { result } = await signInOverHttp(sim, authorizeUrl(sim, { clientId: GRAPH_CLI, redirectUri: 'http://localhost:53211', scope: 'openid Application.Read.All Directory.Read.All', challenge }));
  const res = await postForm(sim.http, `${sim.tenantUrl}/oauth2/v2.0/token`, {
    grant_type: 'authorization_code',
    client_id: GRAPH_CLI,
    code: redirectParams(result).get('code') ?? '',
    redirect_uri: 'http://localhost:53211',
    code_verifier: verifier,
    scope: 'openid Application.Read.All Directory.Read.All',
  });
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { access_token: string }).access_token;
}
