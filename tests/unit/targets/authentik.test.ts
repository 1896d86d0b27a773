import { entraValues } from '../../../shared/targets/registry';
import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, draftFromProfile, validateDraft, type ProfileDraft, type ProfileView } from '../../../shared/profile';
import { draftFromExport, exportProfile, ProfileExportSchema } from '../../../shared/profile-export';
import {
  AUTHENTIK_SECRET_NOTE,
  authentikRedirectUri,
  authentikSettingsText,
  authentikSourceSettings,
  authentikUrls,
  judgeM2mToken,
  validateFqdn,
  validateSlug,
  type AuthentikSettings,
} from '../../../shared/targets/authentik';
import { judgeM2mOutcome } from '../../../electron/services/check/authentik-probes';
import { TARGET_IDS } from '../../../shared/targets/target-ids';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '99999999-8888-7777-6666-555555555555';
const SECRET = 'Abc8Q~0123456789abcdefghijklmnopqrstuvwx';
const ctx = { otherNames: [], secretStored: false, today: '2026-11-23' };
const draft = (over: Partial<ProfileDraft> = {}, ak: Partial<NonNullable<ProfileDraft['authentik']>> = {}): ProfileDraft => ({
  ...EMPTY_DRAFT,
  name: 'authentik prod',
  target: 'authentik',
  tenantId: TENANT,
  clientId: CLIENT,
  authentik: { slug: 'entra-id', fqdn: 'authentik.contoso.com', tenantMode: 'single', groupMemberRead: false, ...ak },
  ...over,
});
const settings = (over: Partial<AuthentikSettings> = {}): AuthentikSettings => ({ slug: 'entra-id', fqdn: 'authentik.contoso.com', tenantMode: 'single', groupMemberRead: false, ...over });

describe('authentik source slug', () => {
  it.each(['entra-id', 'Entra_ID', 'a', 'x'.repeat(50)])('accepts %s (Django slug rule)', (slug) => expect(validateSlug(slug)).toEqual([]));
  it('refuses an empty, too long or badly formed slug, with a fix that passes the rule', () => {
    expect(validateSlug('')[0]?.message).toContain('Enter the source slug');
    expect(validateSlug('x'.repeat(51))[0]?.message).toContain('at most 50');
    const [issue] = validateSlug('Entra ID/prod');
    expect(issue).toMatchObject({ field: 'authentikSlug', severity: 'error' });
    expect(issue?.fix).toEqual({ label: 'Use entra-id-prod', value: 'entra-id-prod' });
    expect(validateSlug(issue?.fix?.value ?? '')).toEqual([]);
    expect(validateSlug('///')[0]?.fix).toBeUndefined();
  });
});

describe('authentik FQDN', () => {
  it('accepts a host name and host:port', () => {
    expect(validateFqdn('authentik.contoso.com')).toEqual([]);
    expect(validateFqdn('auth.contoso.com:9443')).toEqual([]);
  });
  it('reduces a pasted URL to its host', () => {
    expect(validateFqdn('https://authentik.contoso.com/if/admin/')[0]?.fix).toEqual({ label: 'Use authentik.contoso.com', value: 'authentik.contoso.com' });
  });
  it('refuses what is not a host', () => {
    for (const v of ['', 'authentik', 'auth contoso.com', 'auth.contoso.com:70000']) expect(validateFqdn(v)[0]?.severity).toBe('error');
  });
});

describe('an authentik profile', () => {
  it('is a complete target', () => expect(TARGET_IDS).toContain('authentik'));

  it('derives the redirect URI from its settings and keeps none of the Octopus-only fields', () => {
    const r = validateDraft(draft({ samlAppId: 'ignored', webUrl: 'ignored', allowedDomains: 'ignored' }), SECRET, ctx);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    if (!r.fields) throw new Error('expected fields');
    expect(Object.keys(r.fields).sort()).toEqual(['authentik', 'clientId', 'cloud', 'name', 'secretExpiresAt', 'target', 'tenantId']);
    expect(r.fields).toMatchObject({ target: 'authentik', clientId: CLIENT, authentik: settings() });
    expect(entraValues(r.fields)).toMatchObject({ samlAppId: null, redirectUris: ['https://authentik.contoso.com/source/oauth/callback/entra-id/'], allowedDomains: [] });
  });

  it('names every mistake, on the field it belongs to', () => {
    const r = validateDraft(draft({ clientId: 'nope' }, { slug: 'entra id', fqdn: 'https://authentik.contoso.com/' }), '', ctx);
    const fields = r.issues.filter((i) => i.severity === 'error').map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['clientId', 'authentikSlug', 'authentikFqdn']));
    expect(r.fields).toBeUndefined();
  });

  it('single-tenant needs a real tenant; multi-tenant needs the home tenant and warns who can sign in', () => {
    const single = validateDraft(draft({ tenantId: 'common' }), SECRET, ctx);
    expect(single.issues.find((i) => i.field === 'tenantId')?.message).toContain('choose Multi-tenant');
    const multiCommon = validateDraft(draft({ tenantId: 'organizations' }, { tenantMode: 'multi' }), SECRET, ctx);
    expect(multiCommon.issues.find((i) => i.field === 'tenantId')?.message).toContain('home tenant');
    const multi = validateDraft(draft({}, { tenantMode: 'multi' }), SECRET, ctx);
    expect(multi.fields).toMatchObject({ authentik: { tenantMode: 'multi' } });
    expect(multi.issues).toContainEqual(expect.objectContaining({ field: 'authentikTenantMode', severity: 'warning' }));
  });

  it('round-trips through the export file without the secret, and back into a draft', () => {
    const fields = validateDraft(draft({}, { groupMemberRead: true }), SECRET, ctx).fields;
    if (!fields) throw new Error('expected fields');
    const view: ProfileView = {
      ...fields,
      id: 'p1',
      secret: { present: true, storage: 'encrypted', hint: 'Abc', length: SECRET.length, updatedAt: null },
      createdAt: '2026-11-23T00:00:00Z',
      updatedAt: '2026-11-23T00:00:00Z',
    };
    const exported = ProfileExportSchema.parse(JSON.parse(JSON.stringify(exportProfile(view, new Date('2026-11-23T00:00:00Z')))));
    expect(JSON.stringify(exported)).not.toContain(SECRET);
    expect(exported.profile).toMatchObject({ authentik: settings({ groupMemberRead: true }) });
    const back = draftFromExport(exported);
    expect(back.authentik).toEqual(settings({ groupMemberRead: true }));
    expect(draftFromProfile(view).authentik).toEqual(settings({ groupMemberRead: true }));
    expect(validateDraft(back, SECRET, ctx).fields).toEqual(fields);
  });
});

describe('authentik URLs and source settings', () => {
  it('single-tenant URLs name the tenant; the profile URL is Graph /me', () => {
    const u = authentikUrls({ cloud: 'global', tenantId: TENANT, clientId: CLIENT, settings: settings() });
    expect(u).toEqual({
      redirectUri: 'https://authentik.contoso.com/source/oauth/callback/entra-id/',
      authorizationUrl: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`,
      tokenUrl: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
      profileUrl: 'https://graph.microsoft.com/v1.0/me',
      jwksUrl: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
      groupScope: null,
      m2mScope: `api://${CLIENT}/.default`,
    });
  });
  it('multi-tenant URLs use common, in the profile’s cloud; group sync adds the Graph scope', () => {
    const u = authentikUrls({ cloud: 'usgov', tenantId: TENANT, clientId: CLIENT, settings: settings({ tenantMode: 'multi', groupMemberRead: true }) });
    expect(u.authorizationUrl).toBe('https://login.microsoftonline.us/common/oauth2/v2.0/authorize');
    expect(u.jwksUrl).toBe('https://login.microsoftonline.us/common/discovery/v2.0/keys');
    expect(u.profileUrl).toBe('https://graph.microsoft.us/v1.0/me');
    expect(u.groupScope).toBe('https://graph.microsoft.us/GroupMember.Read.All');
  });
  it('lists the source form’s settings in order, never the secret', () => {
    const list = authentikSourceSettings({ name: 'Entra', cloud: 'global', tenantId: TENANT, clientId: CLIENT, settings: settings({ groupMemberRead: true }) });
    expect(list.map((s) => s.field)).toEqual(['Name', 'Slug', 'Consumer key', 'Consumer secret', 'Scopes', 'Authorization URL', 'Access token URL', 'Profile URL', 'OIDC JWKS URL']);
    expect(list.find((s) => s.field === 'Consumer key')?.value).toBe(CLIENT);
    expect(list.find((s) => s.field === 'Consumer secret')?.value).toBe(AUTHENTIK_SECRET_NOTE);
    expect(authentikSettingsText(list)).toContain(`OIDC JWKS URL: https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`);
    expect(authentikRedirectUri({ fqdn: 'a.b.com', slug: 'x' })).toBe('https://a.b.com/source/oauth/callback/x/');
  });
});

describe('the machine-to-machine token verdict', () => {
  it('passes a v2.0 token for the client ID', () => expect(judgeM2mToken({ aud: CLIENT, ver: '2.0' }, CLIENT).status).toBe('passed'));
  it('warns on a v1.0 token and says how to get v2.0', () => {
    const v = judgeM2mToken({ aud: `api://${CLIENT}`, ver: '1.0' }, CLIENT);
    expect(v.status).toBe('warning');
    expect(v.fix.join(' ')).toContain('requestedAccessTokenVersion');
  });
  it('fails a Graph token and explains the "invalid JWT format" pitfall', () => {
    const v = judgeM2mToken({ aud: 'https://graph.microsoft.com', ver: '1.0' }, CLIENT);
    expect(v.status).toBe('failed');
    expect(v.summary).toContain('invalid JWT format');
  });
  it('reads the secret probe’s facts and explains AADSTS500011', () => {
    const ok = judgeM2mOutcome({ status: 'passed', summary: 's', tested: 't', facts: [{ label: 'Token audience', value: CLIENT }, { label: 'Token version', value: '2.0' }] }, CLIENT);
    expect(ok.status).toBe('passed');
    expect(ok.facts?.map((f) => f.label)).toContain('Access token versions');
    const failed = judgeM2mOutcome({ status: 'failed', summary: 'The client secret was refused: AADSTS500011 x', tested: 't', error: { code: 500011, traceId: null, correlationId: null, timestamp: null, message: null }, fix: ['Expose an API'] }, CLIENT);
    expect(failed.summary).toContain('no Application ID URI');
    expect(failed.fix?.join(' ')).toContain('invalid JWT format');
  });
});
