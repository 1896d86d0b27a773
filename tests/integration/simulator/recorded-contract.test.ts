/**
 * The practice tenant held to recorded Entra and Microsoft Graph responses (tests/fixtures/recorded):
 * for each case it answers with the same status, the same headers that matter, and the same fields
 * with the same JSON types as the real service did.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { clientCredentials, graphCliToken, startSim, type Sim } from './sim-kit';
import { recorded, recordedNames, recordedResponse, shapeOf } from '../../fixtures/recorded/recorded';
import { certificateThumbprint } from '../../../electron/services/audit/rules';

const sims: Sim[] = [];
let healthy: Sim;
beforeAll(async () => {
  healthy = await startSim('healthy');
  sims.push(healthy);
});
afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
});

/** Every field of `expected` is in `actual` with the same JSON type (extra fields in `actual` are allowed). */
function expectSameShape(actual: unknown, expected: unknown, where = 'body'): void {
  const a = shapeOf(actual);
  const e = shapeOf(expected);
  if (typeof e !== 'object' || e === null || Array.isArray(e)) {
    expect(a, where).toEqual(e);
    return;
  }
  expect(typeof a, where).toBe('object');
  for (const [k, v] of Object.entries(e as Record<string, unknown>)) {
    expect(a as Record<string, unknown>, `${where}.${k}`).toHaveProperty([k]);
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) expectSameShape((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${where}.${k}`);
    else expect((a as Record<string, unknown>)[k], `${where}.${k}`).toEqual(v);
  }
}

describe('recorded responses', () => {
  it('are at least twelve files, each naming its public source', () => {
    const names = recordedNames().filter((n) => n !== 'recorded');
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const n of names) expect(recorded(n).source, n).toMatch(/^https:\/\/(learn\.microsoft\.com|github\.com)\//);
  });
});

describe('the practice tenant answers in the recorded shapes', () => {
  it('token errors: a wrong secret is 401 invalid_client with the recorded body fields and error_uri', async () => {
    const want = recordedResponse('token-error-7000215-invalid-secret');
    const res = await clientCredentials(healthy, { client_secret: 'not-the-secret' });
    expect(res.status).toBe(want.status);
    const body = JSON.parse(res.body) as Record<string, unknown>;
    expectSameShape(body, want.body);
    expect(body.error_uri).toBe('https://login.microsoftonline.com/error?code=7000215');
  });

  it('token errors: an app not in the tenant is 400 unauthorized_client 700016 with no-store caching', async () => {
    const want = recordedResponse('token-error-700016-app-not-found');
    const res = await clientCredentials(healthy, { client_id: '33333333-3333-4333-8333-333333333333' });
    expect(res.status).toBe(want.status);
    expectSameShape(JSON.parse(res.body), want.body);
    expect(res.headers['cache-control']).toBe(want.headers['cache-control']);
  });

  it('discovery: the v2.0 document has every recorded field with its type', async () => {
    const want = recordedResponse('discovery-v2-common');
    const res = await healthy.http.request(`${healthy.tenantUrl}/v2.0/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const got = JSON.parse(res.body) as Record<string, unknown>;
    // tenant_region_scope is null for common and a string for a tenant, as recorded.
    expectSameShape({ ...got, tenant_region_scope: null }, want.body);
  });

  it('discovery: the v1.0 document exists beside it, with the sts.windows.net issuer v1.0 tokens carry', async () => {
    const res = await healthy.http.request(`${healthy.tenantUrl}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.body) as Record<string, string>;
    expect(doc.issuer).toBe(`https://sts.windows.net/${healthy.profile.tenantId}/`);
    expect((await healthy.http.request(doc.jwks_uri ?? '')).status).toBe(200);
  });

  it('JWKS: several keys, each with the recorded fields', async () => {
    const want = recordedResponse('jwks-common-several-keys').body as { keys: Record<string, unknown>[] };
    const got = JSON.parse((await healthy.http.request(`${healthy.tenantUrl}/discovery/v2.0/keys`)).body) as { keys: Record<string, unknown>[] };
    expect(want.keys.length).toBeGreaterThan(1);
    expect(got.keys.length).toBeGreaterThan(1);
    for (const k of got.keys) expectSameShape(k, want.keys[0], 'key');
  });

  it('access tokens: the healthy API app (requestedAccessTokenVersion unset) gets the recorded v1.0 claims', async () => {
    const want = recorded('access-token-v1').token?.payload ?? {};
    const claims = decodeJwt((JSON.parse((await clientCredentials(healthy)).body) as { access_token: string }).access_token);
    expect(claims.ver).toBe(want.ver);
    expect(claims.iss).toBe(`https://sts.windows.net/${healthy.profile.tenantId}/`);
    for (const k of ['aud', 'iss', 'iat', 'nbf', 'exp', 'appid', 'appidacr', 'oid', 'sub', 'tid', 'ver']) expect(typeof claims[k], k).toBe(typeof want[k]);
    expect(claims.azp).toBeUndefined();
  });

  it('access tokens: an API app with requestedAccessTokenVersion 2 gets the recorded v2.0 claims', async () => {
    const sim = await startSim({ name: 'v2-tokens', description: 'test', base: 'healthy', patch: [{ op: 'add', path: '/applications/1/api/requestedAccessTokenVersion', value: 2 }] });
    sims.push(sim);
    const want = recorded('access-token-v2').token?.payload ?? {};
    const claims = decodeJwt((JSON.parse((await clientCredentials(sim)).body) as { access_token: string }).access_token);
    expect(claims).toMatchObject({ ver: '2.0', iss: `${sim.authorityHost}/${sim.profile.tenantId}/v2.0`, aud: sim.profile.apiAppId, azp: sim.profile.apiAppId });
    for (const k of ['aud', 'iss', 'azp', 'azpacr', 'oid', 'sub', 'tid', 'ver']) expect(typeof claims[k], k).toBe(typeof want[k]);
    expect(claims.appid).toBeUndefined();
  });

  it('Graph: SAML signing keys are a Sign and a Verify key plus a password, with the base64 thumbprint identifier', async () => {
    const want = recordedResponse('graph-add-token-signing-certificate').body as Record<string, string>;
    expect(certificateThumbprint(want.customKeyIdentifier)).toBe(want.thumbprint);
    const token = await graphCliToken(healthy);
    const res = await healthy.http.request(`${healthy.graphHost}/v1.0/servicePrincipals(appId='${healthy.profile.samlAppId}')`, { headers: { authorization: `Bearer ${token}` } });
    const sp = JSON.parse(res.body) as { preferredTokenSigningKeyThumbprint: string; keyCredentials: Record<string, string>[]; passwordCredentials: Record<string, string>[] };
    expect(sp.keyCredentials.map((k) => k.usage).sort()).toEqual(['Sign', 'Verify']);
    for (const k of sp.keyCredentials) {
      expect(k.customKeyIdentifier).toMatch(/^[A-Za-z0-9+/]{27}=$/);
      expect(certificateThumbprint(k.customKeyIdentifier)).toBe(sp.preferredTokenSigningKeyThumbprint);
      for (const f of ['customKeyIdentifier', 'displayName', 'endDateTime', 'keyId', 'startDateTime', 'type', 'usage']) expect(typeof k[f], f).toBe(typeof want[f]);
    }
    const sign = sp.keyCredentials.find((k) => k.usage === 'Sign');
    expect(sp.passwordCredentials).toHaveLength(1);
    expect(sp.passwordCredentials[0]).toMatchObject({ keyId: sign?.keyId, customKeyIdentifier: sign?.customKeyIdentifier });
  });

  it('Graph: lists page with $top and an @odata.nextLink that keeps the query and adds $skiptoken', async () => {
    const want = recordedResponse('graph-paging-next-link').body as Record<string, string>;
    expect(want['@odata.nextLink']).toContain('$top=5&$skiptoken=');
    const token = await graphCliToken(healthy);
    const seen: string[] = [];
    let next: string | undefined = `${healthy.graphHost}/v1.0/servicePrincipals?$top=1&$select=appId`;
    for (let i = 0; next && i < 10; i++) {
      const page = JSON.parse((await healthy.http.request(next, { headers: { authorization: `Bearer ${token}` } })).body) as { value: Record<string, unknown>[]; '@odata.nextLink'?: string };
      expect(page.value.length).toBeLessThanOrEqual(1);
      for (const v of page.value) expect(Object.keys(v).sort()).toEqual(['appId', 'id']);
      seen.push(...page.value.map((v) => String(v.appId)));
      next = page['@odata.nextLink'];
      if (next) expect(new URL(next).searchParams.get('$top')).toBe('1');
      if (next) expect(new URL(next).searchParams.get('$skiptoken')).toBeTruthy();
    }
    // Every service principal of the tenant once: Octopus's two, Microsoft Graph, the Graph CLI, and one app for each other target.
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(7);
  });

  it('Graph: throttling is 429 with Retry-After and the recorded TooManyRequests body', async () => {
    const want = recordedResponse('graph-throttled-429');
    const sim = await startSim('graph-throttled');
    sims.push(sim);
    const token = await graphCliToken(sim);
    const res = await sim.http.request(`${sim.graphHost}/v1.0/servicePrincipals`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(want.status);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    const body = JSON.parse(res.body) as { error: Record<string, unknown> };
    expectSameShape(body, want.body);
    expect(body.error.code).toBe('TooManyRequests');
  });
});
