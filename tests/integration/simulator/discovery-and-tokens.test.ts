import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientCredentials, expectEntraError, startSim, type Sim } from './sim-kit';

describe('discovery and keys', () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await startSim('healthy');
  });
  afterAll(() => sim.close());

  it('serves the discovery document by tenant GUID with the issuer on the simulator host:port', async () => {
    const res = await sim.http.request(`${sim.tenantUrl}/v2.0/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('max-age=86400, private');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const doc = JSON.parse(res.body) as Record<string, unknown>;
    expect(doc.issuer).toBe(`${sim.authorityHost}/${sim.profile.tenantId}/v2.0`);
    expect(doc.authorization_endpoint).toBe(`${sim.tenantUrl}/oauth2/v2.0/authorize`);
    expect(doc.token_endpoint).toBe(`${sim.tenantUrl}/oauth2/v2.0/token`);
    expect(doc.jwks_uri).toBe(`${sim.tenantUrl}/discovery/v2.0/keys`);
    expect(doc.response_modes_supported).toEqual(['query', 'fragment', 'form_post']);
    expect(doc.tenant_region_scope).toBe('NA');
  });

  it('resolves a verified domain to the tenant GUID in issuer and endpoints', async () => {
    const doc = JSON.parse((await sim.http.request(`${sim.authorityHost}/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration`)).body) as Record<string, unknown>;
    expect(doc.issuer).toBe(`${sim.authorityHost}/${sim.profile.tenantId}/v2.0`);
    expect(doc.token_endpoint).toBe(`${sim.tenantUrl}/oauth2/v2.0/token`);
  });

  it('keeps {tenantid} literal in the issuer for common and organizations', async () => {
    for (const keyword of ['common', 'organizations']) {
      const doc = JSON.parse((await sim.http.request(`${sim.authorityHost}/${keyword}/v2.0/.well-known/openid-configuration`)).body) as Record<string, unknown>;
      expect(doc.issuer).toBe(`${sim.authorityHost}/{tenantid}/v2.0`);
      expect(doc.token_endpoint).toBe(`${sim.authorityHost}/${keyword}/oauth2/v2.0/token`);
      expect(doc.tenant_region_scope).toBeNull();
    }
  });

  it('answers an unknown tenant with 400 invalid_tenant AADSTS90002 and the full error body', async () => {
    const res = await sim.http.request(`${sim.authorityHost}/does-not-exist.example/v2.0/.well-known/openid-configuration`, { headers: { 'client-request-id': '11111111-2222-3333-4444-555555555555' } });
    const body = expectEntraError(res, 400, 'invalid_tenant', 90002);
    expect(body.correlation_id).toBe('11111111-2222-3333-4444-555555555555');
    expect(String(body.error_description)).toContain("Tenant 'does-not-exist.example' not found");
  });

  it('publishes several RS256 keys, one of which (picked by kid) verifies the tokens it issues', async () => {
    const jwks = JSON.parse((await sim.http.request(`${sim.tenantUrl}/discovery/v2.0/keys`)).body) as JSONWebKeySet & { keys: Record<string, unknown>[] };
    expect(jwks.keys.length).toBeGreaterThan(1);
    for (const k of jwks.keys) expect(k).toMatchObject({ kty: 'RSA', use: 'sig', issuer: `${sim.authorityHost}/${sim.profile.tenantId}/v2.0` });
    expect(new Set(jwks.keys.map((k) => k.kid)).size).toBe(jwks.keys.length);
    // The healthy API app never set requestedAccessTokenVersion: its tokens are v1.0.
    const token = (JSON.parse((await clientCredentials(sim)).body) as { access_token: string }).access_token;
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), { issuer: `https://sts.windows.net/${sim.profile.tenantId}/`, audience: `api://${sim.profile.apiAppId}` });
    expect(jwks.keys.map((k) => k.kid)).toContain(protectedHeader.kid);
    expect(payload).toMatchObject({ tid: sim.profile.tenantId, ver: '1.0', appid: sim.profile.apiAppId, appidacr: '1', idtyp: 'app' });
    expect(payload.azp).toBeUndefined();
  });
});

describe('client credentials', () => {
  const sims: Sim[] = [];
  const start = async (scenario: string) => {
    const s = await startSim(scenario);
    sims.push(s);
    return s;
  };
  afterAll(() => Promise.all(sims.map((s) => s.close())));

  it('issues an app token for api://{apiAppId}/.default with the practice secret', async () => {
    const sim = await start('healthy');
    const res = await clientCredentials(sim);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
    expect(typeof body.access_token).toBe('string');
  });

  it('accepts the secret through HTTP Basic authentication too', async () => {
    const sim = sims[0] ?? (await start('healthy'));
    const basic = Buffer.from(`${encodeURIComponent(sim.profile.apiAppId)}:${encodeURIComponent(sim.profile.secret)}`).toString('base64');
    const res = await sim.http.request(`${sim.tenantUrl}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: `api://${sim.profile.apiAppId}/.default` }).toString(),
    });
    expect(res.status).toBe(200);
  });

  it('refuses a wrong secret with 401 invalid_client AADSTS7000215', async () => {
    const sim = sims[0] ?? (await start('healthy'));
    expectEntraError(await clientCredentials(sim, { client_secret: 'c643816d-5780-47d3-bc4b-d210b9e0517f' }), 401, 'invalid_client', 7000215);
  });

  it('refuses a missing secret for a confidential client with AADSTS7000218', async () => {
    const sim = sims[0] ?? (await start('healthy'));
    expectEntraError(await clientCredentials(sim, { client_secret: '' }), 401, 'invalid_client', 7000218);
  });

  it('refuses a scope without /.default with AADSTS1002012', async () => {
    const sim = sims[0] ?? (await start('healthy'));
    expectEntraError(await clientCredentials(sim, { scope: `api://${sim.profile.apiAppId}/access_as_user` }), 400, 'invalid_scope', 1002012);
  });

  it('answers an unknown tenant at the token endpoint with AADSTS90002', async () => {
    const sim = sims[0] ?? (await start('healthy'));
    const res = await sim.http.request(`${sim.authorityHost}/00000000-1111-2222-3333-444444444444/oauth2/v2.0/token`, { method: 'POST', body: 'grant_type=client_credentials' });
    expectEntraError(res, 400, 'invalid_tenant', 90002);
  });

  it.each([
    ['secret-expired', 401, 'invalid_client', 7000222],
    ['no-app-id-uri', 400, 'invalid_resource', 500011],
    ['unknown-app', 400, 'unauthorized_client', 700016],
    ['app-disabled', 400, 'unauthorized_client', 7000112],
  ] as const)('scenario %s fails client credentials with HTTP %i %s AADSTS%i', async (scenario, status, error, code) => {
    const sim = await start(scenario);
    expectEntraError(await clientCredentials(sim), status, error, code);
  });
});
