/**
 * The audit's rules on hand-made Graph snapshots: cases no built-in scenario covers (wildcards, the
 * wrong platform, consent by single users, secrets without a stored hint, a Graph that does not
 * report notification emails), and the expiry watch's feed from the last audit.
 */
import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../shared/audit';
import { evaluateSnapshot, graphSecretSource, type AuditTarget, type GraphSnapshot } from '../../../electron/services/audit';
import { mergeItems } from '../../../electron/services/expiry';
import recordedCert from '../../fixtures/recorded/graph-add-token-signing-certificate.json';

const RECORDED_CERT = recordedCert.response as { body: { thumbprint: string; customKeyIdentifier: string } };
import type { GraphApplication, GraphServicePrincipal } from '../../../electron/services/audit/graph-schemas';

const NOW = new Date('2026-06-01T00:00:00Z');
const API = 'fd7e9c38-c90e-4019-b8ac-5f7bdb73eaa9';
const SAML = '0965c37d-a14a-4fc7-b7f2-3e1c0be8436c';
const SP_API = '5a1d6820-71c1-40b2-914a-60f87f8f4860';
const target: AuditTarget = { cloud: 'global', tenantId: 'contoso.onmicrosoft.com', apiAppId: API, samlAppId: SAML, webUrl: 'https://octopus.contoso.com/', secretHint: 'Abc' };

const apiApp: GraphApplication = {
  id: 'a1',
  appId: API,
  identifierUris: [`api://${API}`],
  isFallbackPublicClient: true,
  web: { redirectUris: ['https://octopus.contoso.com/'], implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false } },
  requiredResourceAccess: [{ resourceAppId: '00000003-0000-0000-c000-000000000000', resourceAccess: [{ id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'Scope' }] }],
  optionalClaims: { idToken: [{ name: 'email' }] },
  passwordCredentials: [{ keyId: 'k1', hint: 'Abc', endDateTime: '2027-01-01T00:00:00Z' }],
};
const apiSp: GraphServicePrincipal = { id: SP_API, appId: API, accountEnabled: true, appRoleAssignmentRequired: false };
const samlSp: GraphServicePrincipal = {
  id: 'sp-saml',
  appId: SAML,
  accountEnabled: true,
  preferredSingleSignOnMode: 'saml',
  // The thumbprint and its Graph form (base64 of the bytes) from the recorded addTokenSigningCertificate response.
  preferredTokenSigningKeyThumbprint: RECORDED_CERT.body.thumbprint,
  notificationEmailAddresses: ['it@contoso.com'],
  keyCredentials: [
    { keyId: 's', customKeyIdentifier: RECORDED_CERT.body.customKeyIdentifier, type: 'X509CertAndPassword', usage: 'Sign', endDateTime: '2029-01-01T00:00:00Z' },
    { keyId: 'v', customKeyIdentifier: RECORDED_CERT.body.customKeyIdentifier, type: 'AsymmetricX509Cert', usage: 'Verify', endDateTime: '2029-01-01T00:00:00Z' },
  ],
};
const ok = <T>(value: T) => ({ ok: true as const, value });
function snapshot(over: Partial<GraphSnapshot> = {}): GraphSnapshot {
  return {
    apiApp: ok(apiApp),
    apiSp: ok(apiSp),
    samlApp: ok({ id: 'a2', appId: SAML }),
    samlSp: ok(samlSp),
    graphSp: ok({ id: 'sp-graph', appId: '00000003-0000-0000-c000-000000000000' }),
    apiGrants: ok([{ id: 'g', clientId: SP_API, consentType: 'AllPrincipals', principalId: null, resourceId: 'sp-graph', scope: 'openid User.Read' }]),
    apiAssignments: ok([]),
    samlAssignments: ok([]),
    ...over,
  };
}
const find = (s: GraphSnapshot, id: string, app = 'api', t = target) => evaluateSnapshot(s, t, { now: NOW }).findings.find((f) => f.id === id && f.app === app);

describe('audit rules', () => {
  it('during a rollover, matches the active certificate by the base64 identifier Graph returns (not the newest)', () => {
    // The newer certificate is published but not active; the active one expires in 20 days.
    const newer = { keyId: 'n', customKeyIdentifier: Buffer.from('11'.repeat(20), 'hex').toString('base64'), type: 'AsymmetricX509Cert', usage: 'Verify', endDateTime: '2029-06-01T00:00:00Z' };
    const old = { keyId: 'o', customKeyIdentifier: RECORDED_CERT.body.customKeyIdentifier, type: 'AsymmetricX509Cert', usage: 'Verify', endDateTime: new Date(NOW.getTime() + 20 * 86_400_000).toISOString() };
    const f = find(snapshot({ samlSp: ok({ ...samlSp, keyCredentials: [newer, { ...old, keyId: 'os', usage: 'Sign' }, old] }) }), 'saml-certificate', 'saml');
    expect(f?.status).toBe('warning');
    expect(f?.summary).toContain('expires in 20 days');
    expect(f?.summary).toContain('A newer certificate');
    expect(f?.facts.find((x) => x.label === 'Active certificate')?.value).toContain(RECORDED_CERT.body.thumbprint);
  });

  it('a snapshot as the guide says is clean, and a Sign/Verify key pair counts as one certificate', () => {
    const { findings } = evaluateSnapshot(snapshot(), target, { now: NOW });
    expect(findings.filter((f) => f.status !== 'passed')).toEqual([]);
    expect(find(snapshot(), 'saml-certificate', 'saml')?.facts.filter((f) => f.label.endsWith('certificate'))).toHaveLength(1);
  });

  it('a wildcard redirect URI next to the right one is a warning', () => {
    const s = snapshot({ apiApp: ok({ ...apiApp, web: { redirectUris: ['https://octopus.contoso.com/', 'https://*.contoso.com/'] } }) });
    expect(find(s, 'redirect-uri')?.status).toBe('warning');
  });

  it('the Web URL registered as a single-page app redirect is named as the wrong platform', () => {
    const s = snapshot({ apiApp: ok({ ...apiApp, web: { redirectUris: [] }, spa: { redirectUris: ['https://octopus.contoso.com/'] } }) });
    expect(find(s, 'redirect-uri')?.summary).toContain('"Single-page application" platform');
  });

  it('an http Web URL fails before anything is compared', () => {
    expect(find(snapshot(), 'redirect-uri', 'api', { ...target, webUrl: 'http://octopus.contoso.com/' })?.summary).toContain('is not https');
  });

  it('consent by single users only is a warning, not admin consent', () => {
    const s = snapshot({ apiGrants: ok([{ id: 'g', clientId: SP_API, consentType: 'Principal', principalId: 'u', resourceId: 'sp-graph', scope: 'User.Read' }]) });
    expect(find(s, 'admin-consent')?.status).toBe('warning');
  });

  it('a stored secret that is none of the app’s secrets fails; without a hint, several secrets are a warning', () => {
    expect(find(snapshot(), 'client-secret', 'api', { ...target, secretHint: 'Xyz' })?.status).toBe('failed');
    const two = snapshot({ apiApp: ok({ ...apiApp, passwordCredentials: [...(apiApp.passwordCredentials ?? []), { keyId: 'k2', hint: 'Def', endDateTime: '2027-02-01T00:00:00Z' }] }) });
    expect(find(two, 'client-secret', 'api', { ...target, secretHint: null })?.summary).toContain('cannot tell which one');
  });

  it('a secret expiring within 60 days is a warning with the date', () => {
    const s = snapshot({ apiApp: ok({ ...apiApp, passwordCredentials: [{ keyId: 'k1', hint: 'Abc', endDateTime: '2026-06-21T00:00:00Z' }] }) });
    expect(find(s, 'client-secret')?.summary).toContain('expires in 20 days, on 2026-06-21');
  });

  it('says honestly when Graph does not report notification emails', () => {
    const { notificationEmailAddresses: _gone, ...withoutEmails } = samlSp;
    const f = find(snapshot({ samlSp: ok(withoutEmails) }), 'saml-certificate', 'saml');
    expect(f?.status).toBe('passed');
    expect(f?.summary).toContain('could not be read from Graph');
  });

  it('an SSO mode other than SAML fails; assignment required with only a group assigned passes', () => {
    expect(find(snapshot({ samlSp: ok({ ...samlSp, preferredSingleSignOnMode: 'oidc' }) }), 'saml-sso-mode', 'saml')?.status).toBe('failed');
    const s = snapshot({ apiSp: ok({ ...apiSp, appRoleAssignmentRequired: true }), apiAssignments: ok([{ id: 'x', principalId: 'g1', principalType: 'Group', principalDisplayName: 'Octopus users' }]) });
    expect(find(s, 'assignment')?.summary).toContain('0 users and 1 group assigned');
  });

  it('enterprise-app links carry the service principal object id; app-registration links the appId', () => {
    expect(find(snapshot(), 'redirect-uri')?.link?.url).toBe(`https://entra.microsoft.com/contoso.onmicrosoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Authentication/appId/${API}`);
    expect(find(snapshot(), 'enterprise-app')?.link?.url).toBe(`https://entra.microsoft.com/contoso.onmicrosoft.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Properties/objectId/${SP_API}/appId/${API}`);
  });
});

describe('the expiry watch’s Graph source', () => {
  const report = {
    apiAppId: API,
    tenantId: target.tenantId,
    secrets: [
      { keyId: 'k1', displayName: null, hint: 'Abc', startDateTime: null, endDateTime: '2027-01-01T00:00:00Z', stored: true },
      { keyId: 'k2', displayName: 'old', hint: 'Old', startDateTime: null, endDateTime: '2026-01-01T00:00:00Z', stored: false },
      { keyId: 'k3', displayName: 'next', hint: 'Nxt', startDateTime: null, endDateTime: '2028-01-01T00:00:00Z', stored: false },
    ],
  } as unknown as AuditReport;
  const t = { profileId: 'p1', profileName: 'P', cloud: 'global' as const, tenantId: target.tenantId, samlAppId: SAML, clientId: API, secretExpiresAt: '2026-12-01', secretHint: 'Abc', secretStored: true };

  it('reports the stored secret and the live others, and its date replaces the typed one', async () => {
    const items = await graphSecretSource(() => report, { now: () => NOW }).collect(t, {});
    expect(items.map((i) => i.credentialId)).toEqual(['graph:k1', 'graph:k3']);
    const typed = { kind: 'client-secret' as const, source: 'typed' as const, credentialId: 'secret:Abc:2026-12-01', label: 'Client secret Abc…', expiresAt: '2026-12-01T00:00:00Z', hint: 'Abc' };
    expect(mergeItems([typed, ...items]).map((i) => i.credentialId)).toEqual(['graph:k1', 'graph:k3']);
  });

  it('reports nothing for another app or without an audit', async () => {
    expect(await graphSecretSource(() => report, { now: () => NOW }).collect({ ...t, clientId: SAML }, {})).toEqual([]);
    expect(await graphSecretSource(() => null, { now: () => NOW }).collect(t, {})).toEqual([]);
  });
});
