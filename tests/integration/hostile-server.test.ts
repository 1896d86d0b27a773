/**
 * Hostile or broken answers where Entra should be: too large (by body or by announced length), a 200
 * that is no token response (cut off, HTML, another media type), and a huge error description. A
 * local server plays the part; every test ends it.
 */
import { TARGETS } from '../../shared/targets/registry';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAppProbe } from '../../electron/services/check/probes';
import type { ProbeContext } from '../../electron/services/check/probe-context';
import { createHttpClient, HttpRequestError } from '../../electron/services/http';

type Answer = { status: number; type: string; body: string; announce?: number; hold?: boolean };
let answer: Answer = { status: 200, type: 'application/json', body: '{}' };
let server: http.Server;
let origin = '';
const held: http.ServerResponse[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(answer.status, { 'content-type': answer.type, ...(answer.announce ? { 'content-length': String(answer.announce) } : {}) });
      if (answer.hold) {
        res.write(answer.body);
        held.push(res);
        return;
      }
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const r of held) r.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const TOKEN_PATH = '/contoso/oauth2/v2.0/token';
const client = () => createHttpClient({ timeoutMs: 15_000 });
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe('response size limits per endpoint', () => {
  it('refuses a token-endpoint answer over 256 KB but reads the same size from Graph', async () => {
    answer = { status: 400, type: 'application/json', body: JSON.stringify({ error: 'invalid_client', error_description: 'x'.repeat(300 * 1024) }) };
    const err = await failure(client().request(`${origin}${TOKEN_PATH}`, { method: 'POST', body: '' }));
    expect(err).toBeInstanceOf(HttpRequestError);
    expect((err as HttpRequestError).kind).toBe('too-large');
    expect((await client().request(`${origin}/v1.0/applications`)).status).toBe(400);
  });

  it('refuses anything over 1 MB from Graph or a metadata document', async () => {
    answer = { status: 200, type: 'application/json', body: JSON.stringify({ value: 'x'.repeat(1100 * 1024) }) };
    for (const p of ['/v1.0/applications', '/contoso/v2.0/.well-known/openid-configuration']) {
      const err = await failure(client().request(`${origin}${p}`));
      expect((err as HttpRequestError).kind).toBe('too-large');
    }
  });

  it('gives up as soon as the announced length is too large, without waiting for a body that never ends', async () => {
    answer = { status: 200, type: 'application/json', body: '{', announce: 50 * 1024 * 1024, hold: true };
    const err = await failure(client().request(`${origin}/v1.0/me`));
    expect((err as HttpRequestError).kind).toBe('too-large');
    expect((err as HttpRequestError).message).toMatch(/was not read/);
  });
});

describe('a slow server', () => {
  it('that drips its body forever is cut off by the whole-request timeout, not waited on byte by byte', async () => {
    answer = { status: 200, type: 'application/json', body: '{"a":', hold: true };
    const drip = setInterval(() => {
      for (const r of held) if (!r.destroyed) r.write(' ');
    }, 20);
    try {
      const err = await failure(createHttpClient({ timeoutMs: 300 }).request(`${origin}/v1.0/me`));
      expect((err as HttpRequestError).kind).toBe('timeout');
    } finally {
      clearInterval(drip);
    }
  });
});

describe('the application probe reads a 200 strictly', () => {
  const ctx = (): ProbeContext =>
    ({
      target: { clientId: '99999999-8888-7777-6666-555555555555', nouns: TARGETS.octopus.nouns },
      endpoints: { authorityHost: origin, graphHost: origin },
      http: client(),
      signal: new AbortController().signal,
      requestTimeoutMs: 15_000,
      discovery: async () => ({ ok: true, doc: { token_endpoint: `${origin}${TOKEN_PATH}`, issuer: origin }, raw: '{}', url: origin }),
    }) as unknown as ProbeContext;

  it.each([
    ['cut off', 'application/json', '{"token_type":"Bearer","access_tok'],
    ['an HTML page', 'text/html', '<html><body>Welcome to the proxy</body></html>'],
    ['JSON of another kind', 'application/json', '{"status":"ok"}'],
    ['a token under another media type', 'text/plain', '{"token_type":"Bearer","access_token":"abc"}'],
  ])('a 200 that is %s does not count as "registered"', async (_label, type, body) => {
    answer = { status: 200, type, body };
    const outcome = await apiAppProbe(ctx());
    expect(outcome.status).toBe('failed');
    expect(outcome.summary).toMatch(/could not be verified: Entra sent an unexpected answer \(HTTP 200/);
  });

  it('a real token response still counts', async () => {
    answer = { status: 200, type: 'application/json; charset=utf-8', body: '{"token_type":"Bearer","expires_in":3599,"access_token":"eyJ0eXAi.eyJhdWQi.c2ln"}' };
    expect((await apiAppProbe(ctx())).status).toBe('passed');
  });

  it('a 100 KB error description is reported, not chewed on', async () => {
    answer = { status: 400, type: 'application/json', body: JSON.stringify({ error: 'invalid_client', error_description: `AADSTS7000218: ${'-eyJ'.repeat(25_000)}`, error_codes: [7000218] }) };
    const outcome = await apiAppProbe(ctx());
    expect(outcome.status).toBe('passed');
    expect(outcome.facts?.[0]?.value).toMatch(/AADSTS7000218/);
  });
});
