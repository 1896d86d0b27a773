import { entraValues } from '../../../shared/targets/registry';
import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, validateDraft, type ProfileDraft } from '../../../shared/profile';
import { draftFromExport, exportProfile, ProfileExportSchema } from '../../../shared/profile-export';
import { ttsCliCommand, ttsProviderUrl, ttsRedirectUri, validateProviderId, validateServerAddress } from '../../../shared/targets/the-things-stack';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '99999999-8888-7777-6666-555555555555';
const ctx = { otherNames: [], secretStored: false, today: '2026-11-23' };
const draft = (over: Partial<ProfileDraft> = {}): ProfileDraft => ({
  ...EMPTY_DRAFT,
  name: 'TTS EU',
  target: 'the-things-stack',
  tenantId: TENANT,
  clientId: CLIENT,
  allowedDomains: 'contoso.com',
  theThingsStack: { serverAddress: 'tts.contoso.com', providerId: 'microsoft-entra' },
  ...over,
});

describe('The Things Stack provider ID', () => {
  it.each(['abc', 'microsoft-entra', 'a1-b2-c3', 'x'.repeat(36)])('accepts %s', (id) => expect(validateProviderId(id)).toEqual([]));
  it.each([
    ['', 'Enter a provider ID'],
    ['ab', 'at least 3'],
    ['x'.repeat(37), 'at most 36'],
    ['Entra', 'lower-case'],
    ['entra_id', 'only lower-case letters, digits and dashes'],
    ['-entra', 'start or end with a dash'],
    ['entra-', 'start or end with a dash'],
    ['entra--id', 'single dashes'],
  ])('refuses "%s"', (id, message) => {
    const [issue] = validateProviderId(id);
    expect(issue?.field).toBe('ttsProviderId');
    expect(issue?.message).toContain(message);
  });
  it('offers a one-click fix that itself passes the rules', () => {
    expect(validateProviderId('Entra--ID')[0]?.fix).toEqual({ label: 'Use entra-id', value: 'entra-id' });
    expect(validateProviderId('-ab-')[0]?.fix).toBeUndefined();
  });
});

describe('The Things Stack server address', () => {
  it('accepts a host and a host:port', () => {
    expect(validateServerAddress('eu1.cloud.thethings.industries')).toEqual([]);
    expect(validateServerAddress('tts.contoso.com:8443')).toEqual([]);
  });
  it('reduces a pasted URL to its host', () => {
    expect(validateServerAddress('https://tts.contoso.com/console')[0]?.fix).toEqual({ label: 'Use tts.contoso.com', value: 'tts.contoso.com' });
  });
  it('refuses non-hosts', () => {
    expect(validateServerAddress('')[0]?.severity).toBe('error');
    expect(validateServerAddress('localhost:99999')[0]?.severity).toBe('error');
    expect(validateServerAddress('tts contoso.com')[0]?.severity).toBe('error');
  });
});

describe('a The Things Stack profile', () => {
  it('derives the redirect URI and drops the Octopus-only fields', () => {
    const r = validateDraft(draft({ samlAppId: 'ignored', webUrl: 'ignored' }), '', ctx);
    if (!r.fields) throw new Error('expected fields');
    expect(r.fields).not.toHaveProperty('samlAppId');
    expect(r.fields).not.toHaveProperty('webUrl');
    expect(r.fields).toMatchObject({
      target: 'the-things-stack',
      clientId: CLIENT,
      allowedDomains: ['contoso.com'],
      theThingsStack: { serverAddress: 'tts.contoso.com', providerId: 'microsoft-entra' },
    });
    expect(entraValues(r.fields).redirectUris).toEqual(['https://tts.contoso.com/oauth/login/microsoft-entra/callback']);
  });
  it('requires allowed email domains', () => {
    const r = validateDraft(draft({ allowedDomains: '' }), '', ctx);
    expect(r.fields).toBeUndefined();
    expect(r.issues.find((i) => i.field === 'allowedDomains')?.message).toContain('requires allowed email domains');
  });
  it('requires the tenant as a GUID (the issuer must match the provider URL)', () => {
    for (const tenantId of ['common', 'organizations', 'contoso.com']) {
      const issue = validateDraft(draft({ tenantId }), '', ctx).issues.find((i) => i.field === 'tenantId');
      expect(issue?.severity).toBe('error');
    }
  });
  it('never asks for the SAML app or a Web URL', () => {
    const fields = validateDraft(draft(), '', ctx).issues.map((i) => i.field);
    expect(fields).not.toContain('samlAppId');
    expect(fields).not.toContain('webUrl');
  });
});

describe('The Things Stack export', () => {
  const settings = { serverAddress: 'tts.contoso.com', providerId: 'microsoft-entra' };
  it('builds the provider URL for the cloud', () => {
    expect(ttsProviderUrl('global', TENANT)).toBe(`https://login.microsoftonline.com/${TENANT}/v2.0`);
    expect(ttsProviderUrl('usgov', TENANT)).toBe(`https://login.microsoftonline.us/${TENANT}/v2.0`);
    expect(ttsRedirectUri(settings)).toBe('https://tts.contoso.com/oauth/login/microsoft-entra/callback');
  });
  it('writes the tti-lw-cli command with the documented flags, and never the secret', () => {
    const command = ttsCliCommand({ name: "Contoso's Entra", cloud: 'global', tenantId: TENANT, clientId: CLIENT, allowedDomains: ['contoso.com', 'fabrikam.com'], settings });
    expect(command).toBe(
      [
        'tti-lw-cli authentication-providers create microsoft-entra',
        `--name 'Contoso'\\''s Entra'`,
        '--allowed-email-domains contoso.com,fabrikam.com',
        `--configuration.provider.oidc.client-id ${CLIENT}`,
        '--configuration.provider.oidc.client-secret "$TTS_ENTRA_CLIENT_SECRET"',
        `--configuration.provider.oidc.provider-url https://login.microsoftonline.com/${TENANT}/v2.0`,
      ].join(' \\\n  '),
    );
  });
  it('round-trips through the profile file export, and keeps Octopus exports unchanged', () => {
    const fields = validateDraft(draft(), '', ctx).fields;
    if (!fields) throw new Error('draft should be valid');
    const view = { ...fields, id: 'p', secret: { present: false, storage: 'none' as const, hint: null, length: null, updatedAt: null }, createdAt: 'x', updatedAt: 'x' };
    const exported = ProfileExportSchema.parse(JSON.parse(JSON.stringify(exportProfile(view, new Date(0)))));
    expect(exported.profile).toMatchObject({ target: 'the-things-stack', theThingsStack: settings });
    expect(validateDraft(draftFromExport(exported), '', ctx).fields).toEqual(fields);
    expect(Object.keys(exported.profile)).not.toContain('webUrl');
  });
});
