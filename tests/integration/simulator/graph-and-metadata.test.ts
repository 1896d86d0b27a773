import { XMLParser } from 'fast-xml-parser';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeUrl, clientCredentials, graphCliToken, pkce, redirectParams, signInOverHttp, startSim, type Sim } from './sim-kit';
import { postForm } from '../../../electron/services/http';

async function userToken(sim: Sim): Promise<string> {
  const { verifier, challenge } = pkce();
  const { result } = await signInOverHttp(sim, authorizeUrl(sim, { challenge }));
  const res = await postForm(sim.http, `${sim.tenantUrl}/oauth2/v2.0/token`, {
    grant_type: 'authorization_code',
    client_id: sim.profile.apiAppId,
    client_secret: sim.profile.secret,
    code: redirectParams(result).get('code') ?? '',
    redirect_uri: sim.profile.webUrl,
    code_verifier: verifier,
    scope: 'openid User.Read',
  });
  return (JSON.parse(res.body) as { access_token: string }).access_token;
}

function expectGraphError(res: { status: number; body: string }, status: number, code: string): void {
  expect(res.status).toBe(status);
  const body = JSON.parse(res.body) as { error: { code: string; message: string; innerError: Record<string, string> } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(body.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  expect(body.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(body.error.innerError['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
}

describe('Microsoft Graph', () => {
  let sim: Sim;
  let cliToken: string;
  beforeAll(async () => {
    sim = await startSim('healthy');
    cliToken = await graphCliToken(sim);
  });
  afterAll(() => sim.close());
  const get = (path: string, token?: string) => sim.http.request(`${sim.graphHost}/v1.0/${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('returns the signed-in user from /me with a User.Read token', async () => {
    const res = await get('me', await userToken(sim));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ userPrincipalName: 'adele.vance@contoso.com', mail: 'adele.vance@contoso.com', id: '31fdaebd-a436-4c48-a7b5-9713bcff4b03' });
  });

  it('answers 401 InvalidAuthenticationToken without a token or with a forged one', async () => {
    expectGraphError(await get('me'), 401, 'InvalidAuthenticationToken');
    expectGraphError(await get('me', 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln'), 401, 'InvalidAuthenticationToken');
  });

  it('answers 403 Authorization_RequestDenied when the token lacks the permission', async () => {
    expectGraphError(await get(`applications?$filter=appId eq '${sim.profile.apiAppId}'`, await userToken(sim)), 403, 'Authorization_RequestDenied');
    const appOnly = JSON.parse((await clientCredentials(sim, { scope: 'https://graph.microsoft.com/.default' })).body) as { access_token: string };
    expectGraphError(await get('servicePrincipals', appOnly.access_token), 403, 'Authorization_RequestDenied');
  });

  it('finds an application by $filter and by (appId=...) with Graph field names and no secret text', async () => {
    const list = JSON.parse((await get(`applications?$filter=appId eq '${sim.profile.apiAppId}'`, cliToken)).body) as { value: Record<string, unknown>[]; '@odata.context': string };
    expect(list['@odata.context']).toBe(`${sim.graphHost}/v1.0/$metadata#applications`);
    expect(list.value).toHaveLength(1);
    const app = list.value[0] as Record<string, unknown>;
    expect(app).toMatchObject({ appId: sim.profile.apiAppId, identifierUris: [`api://${sim.profile.apiAppId}`], isFallbackPublicClient: true, web: { redirectUris: [sim.profile.webUrl] } });
    expect(app.passwordCredentials).toEqual([expect.objectContaining({ hint: 'Prc', secretText: null, keyId: 'c643816d-5780-47d3-bc4b-d210b9e0517f' })]);
    const one = await get(`applications(appId='${sim.profile.samlAppId}')`, cliToken);
    expect(JSON.parse(one.body)).toMatchObject({ displayName: 'Octopus - SAML-OpenID' });
    expectGraphError(await get(`applications(appId='99999999-9999-4999-8999-999999999999')`, cliToken), 404, 'Request_ResourceNotFound');
  });

  it('lists a service principal, its consent grants and its assignments', async () => {
    const sps = JSON.parse((await get(`servicePrincipals?$filter=appId eq '${sim.profile.apiAppId}'`, cliToken)).body) as { value: Record<string, unknown>[] };
    const sp = sps.value[0] as Record<string, unknown>;
    expect(sp).toMatchObject({ accountEnabled: true, appRoleAssignmentRequired: true, preferredSingleSignOnMode: null });
    const grants = JSON.parse((await get(`servicePrincipals/${String(sp.id)}/oauth2PermissionGrants`, cliToken)).body) as { value: Record<string, unknown>[] };
    expect(grants.value).toEqual([expect.objectContaining({ clientId: sp.id, consentType: 'AllPrincipals', principalId: null, resourceId: '415f3037-2b7c-4c76-a3bf-6cb57817fd03', scope: 'openid profile email offline_access User.Read' })]);
    const assigned = JSON.parse((await get(`servicePrincipals/${String(sp.id)}/appRoleAssignedTo`, cliToken)).body) as { value: Record<string, unknown>[] };
    expect(assigned.value).toEqual([expect.objectContaining({ principalId: '31fdaebd-a436-4c48-a7b5-9713bcff4b03', principalType: 'User', principalDisplayName: 'Adele Vance', resourceId: sp.id })]);
    const saml = JSON.parse((await get(`servicePrincipals?$filter=appId eq '${sim.profile.samlAppId}'`, cliToken)).body) as { value: Record<string, unknown>[] };
    expect(saml.value[0]).toMatchObject({ preferredSingleSignOnMode: 'saml', preferredTokenSigningKeyThumbprint: expect.stringMatching(/^[0-9A-F]{40}$/) });
  });
});

describe('SAML federation metadata', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const clock = { now: () => now };
  const sims: Sim[] = [];
  afterAll(() => Promise.all(sims.map((s) => s.close())));
  const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, isArray: (name) => name === 'KeyDescriptor' });

  async function metadata(scenario: string) {
    const sim = await startSim(scenario, { clock });
    sims.push(sim);
    const res = await sim.http.request(`${sim.tenantUrl}/federationmetadata/2007-06/federationmetadata.xml?appid=${sim.profile.samlAppId}`);
    expect(res.status).toBe(200);
    expect([...res.rawBody.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const doc = parser.parse(res.rawBody.subarray(3).toString('utf8')) as { EntityDescriptor: Record<string, { KeyDescriptor: { '@_use': string; KeyInfo: { X509Data: { X509Certificate: string } } }[] }> };
    const certsOf = (role: string) => (doc.EntityDescriptor[role]?.KeyDescriptor ?? []).map((k) => new X509Certificate(Buffer.from(k.KeyInfo.X509Data.X509Certificate, 'base64')));
    return { sim, roleCerts: certsOf('RoleDescriptor'), idpCerts: certsOf('IDPSSODescriptor') };
  }

  it('starts with a UTF-8 BOM and lists real signing certificates in both role descriptors', async () => {
    const { roleCerts, idpCerts, sim } = await metadata('healthy');
    expect(roleCerts).toHaveLength(1);
    expect(idpCerts.map((c) => c.fingerprint256)).toEqual(roleCerts.map((c) => c.fingerprint256));
    expect(new Date(roleCerts[0]?.validTo ?? '').toISOString().slice(0, 10)).toBe(sim.scenarioData.applications[0]?.samlSigningCertificates[0]?.notAfter.slice(0, 10));
  });

  it('saml-cert-expiring has a certificate that expires 10 days after the clock', async () => {
    const { roleCerts } = await metadata('saml-cert-expiring');
    const days = (Date.parse(roleCerts[0]?.validTo ?? '') - now.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(10);
  });

  it('saml-cert-rollover lists two different certificates in both role descriptors', async () => {
    const { roleCerts, idpCerts } = await metadata('saml-cert-rollover');
    expect(roleCerts).toHaveLength(2);
    expect(idpCerts).toHaveLength(2);
    expect(new Set(roleCerts.map((c) => c.fingerprint256)).size).toBe(2);
  });
});
