import { entraValues } from '../../../shared/targets/registry';
import { describe, expect, it } from 'vitest';
import { lookupCode } from '../../../shared/aadsts';
import { EMPTY_DRAFT, draftFromProfile, validateDraft, type ProfileDraft, type ProfileView } from '../../../shared/profile';
import { draftFromExport, exportProfile, ProfileExportSchema } from '../../../shared/profile-export';
import { StoredProfileSchema } from '../../../electron/services/profile-store';
import {
  WORKSPACE_SSO_TROUBLESHOOTING,
  parseCollaborators,
  validateBaseDomain,
  validateCollaborators,
  validateWorkspaces,
  workspaceEnvFile,
  workspaceRedirectUris,
} from '../../../shared/targets/workspace-sso';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '99999999-8888-7777-6666-555555555555';
const SECRET = 'CNY8Q~unitSecretValue0123456789abcdefghijk';
const ctx = { otherNames: [], secretStored: false, today: '2026-11-23' };
const draft = (over: Partial<ProfileDraft> = {}, ws: Partial<NonNullable<ProfileDraft['workspaceSso']>> = {}): ProfileDraft => ({
  ...EMPTY_DRAFT,
  name: 'Workspaces',
  target: 'workspace-sso',
  tenantId: TENANT,
  clientId: CLIENT,
  workspaceSso: { baseDomain: 'ontrackio.com', workspaces: 'acme, globex', externalCollaborators: '', ...ws },
  ...over,
});
const issuesOf = (d: ProfileDraft, field: string) => validateDraft(d, SECRET, ctx).issues.filter((i) => i.field === field);

describe('workspace SSO profile rules', () => {
  it('validates a complete profile: the first workspace redirect URI is the one the sign-in probe uses', () => {
    const r = validateDraft(draft(), SECRET, ctx);
    expect(r.issues).toEqual([]);
    expect(r.fields).toMatchObject({
      target: 'workspace-sso',
      tenantId: TENANT,
      clientId: CLIENT,
      workspaceSso: { baseDomain: 'ontrackio.com', workspaces: ['acme', 'globex'], externalCollaborators: [] },
    });
    if (!r.fields) throw new Error('expected fields');
    expect(entraValues(r.fields).redirectUris[0]).toBe('https://acme.ontrackio.com/auth/callback');
  });

  it('takes a GUID or common; common needs allowed domains (the existing rule) and warns about multi-tenant apps', () => {
    expect(issuesOf(draft({ tenantId: 'common' }), 'allowedDomains')[0]?.message).toContain('Enter at least one email domain');
    const ok = validateDraft(draft({ tenantId: 'Common', allowedDomains: 'contoso.com' }), SECRET, ctx);
    expect(ok.fields?.tenantId).toBe('common');
    expect(ok.issues).toEqual([expect.objectContaining({ field: 'tenantId', severity: 'warning', message: expect.stringContaining('AADSTS50194') })]);
    expect(issuesOf(draft({ tenantId: 'organizations' }), 'tenantId')[0]).toMatchObject({ severity: 'error', fix: { label: 'Use common', value: 'common' } });
    expect(issuesOf(draft({ tenantId: 'contoso.onmicrosoft.com' }), 'tenantId')[0]?.message).toContain('as a GUID');
  });

  it('requires the client ID and one or more workspaces, and never keeps SAML settings', () => {
    expect(issuesOf(draft({ clientId: '' }), 'clientId')[0]?.message).toContain("app registration's Application (client) ID");
    expect(issuesOf(draft({}, { workspaces: ' ' }), 'wsWorkspaces')[0]?.message).toContain('at least one workspace');
    expect(validateDraft(draft({ samlAppId: CLIENT }), SECRET, ctx).fields).not.toHaveProperty('samlAppId');
  });
});

describe('workspaces and base domain', () => {
  it('normalises workspaces to lower case, de-duplicated, in the order typed', () => {
    const r = validateDraft(draft({}, { workspaces: 'Acme; globex\nACME initech' }), SECRET, ctx);
    expect(r.fields).toMatchObject({ workspaceSso: { workspaces: ['acme', 'globex', 'initech'] } });
    expect(workspaceRedirectUris({ baseDomain: 'ontrackio.com', workspaces: ['acme', 'globex'] })).toEqual([
      'https://acme.ontrackio.com/auth/callback',
      'https://globex.ontrackio.com/auth/callback',
    ]);
  });

  it('offers a one-click fix for hosts, URLs and invalid characters', () => {
    expect(validateWorkspaces('acme.ontrackio.com, https://globex.ontrackio.com/auth/callback', 'ontrackio.com')[0]).toMatchObject({
      field: 'wsWorkspaces',
      message: expect.stringContaining('Enter only the part before the base domain'),
      fix: { value: 'acme, globex' },
    });
    expect(validateWorkspaces('big_corp, -x-', '')[0]?.fix).toEqual({ label: 'Use big-corp, x', value: 'big-corp, x' });
    expect(validateWorkspaces('acme, ***', 'ontrackio.com')[0]?.fix).toBeUndefined();
  });

  it('keeps within Entra limits: 256 redirect URIs, 256 characters each', () => {
    const many = Array.from({ length: 257 }, (_, i) => `w${i}`).join(',');
    expect(validateWorkspaces(many, 'ontrackio.com')[0]?.message).toContain('at most 256 redirect URIs');
    expect(validateWorkspaces('a'.repeat(63), `${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.com`)[0]?.message).toContain('at most 256 characters');
  });

  it('checks the base domain and reduces a pasted URL to its host', () => {
    expect(validateBaseDomain('')[0]?.message).toContain('Enter the domain');
    expect(validateBaseDomain('https://app.ontrackio.com/login')[0]?.fix).toEqual({ label: 'Use app.ontrackio.com', value: 'app.ontrackio.com' });
    expect(validateBaseDomain('*.OnTrackio.com')).toEqual([]);
    expect(validateBaseDomain('ontrackio.com:8443')[0]?.message).toContain('without a port');
    expect(validateBaseDomain('localhost')[0]?.message).toContain('domain name');
  });
});

describe('external collaborators', () => {
  it('are validated as emails, lower-cased and de-duplicated', () => {
    expect(parseCollaborators('Jane@Fabrikam.com, jane@fabrikam.com; <bob@tailspin.io> mailto:Eve@Woodgrove.com')).toEqual([
      'jane@fabrikam.com',
      'bob@tailspin.io',
      'eve@woodgrove.com',
    ]);
    expect(validateCollaborators('jane@fabrikam.com, not-an-email, a@b', [])[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('not-an-email, a@b') });
    const r = validateDraft(draft({}, { externalCollaborators: 'Jane@Fabrikam.com' }), SECRET, ctx);
    expect(r.fields).toMatchObject({ workspaceSso: { externalCollaborators: ['jane@fabrikam.com'] } });
  });

  it('warns, with a fix, about collaborators their domain already allows', () => {
    const [w] = validateCollaborators('jane@contoso.com, bob@fabrikam.com', ['contoso.com']);
    expect(w).toMatchObject({ severity: 'warning', fix: { label: 'Remove jane@contoso.com', value: 'bob@fabrikam.com' } });
  });
});

describe('environment export', () => {
  const env = workspaceEnvFile({
    name: 'Workspaces',
    tenantId: TENANT,
    clientId: CLIENT,
    allowedDomains: ['contoso.com', 'fabrikam.com'],
    settings: { baseDomain: 'ontrackio.com', workspaces: ['acme', 'globex'], externalCollaborators: ['jane@tailspin.io'] },
  });
  it('writes the five variables, the redirect URIs comma-separated, and never a secret', () => {
    expect(env).toContain(`AZURE_CLIENT_ID=${CLIENT}\n`);
    expect(env).toMatch(/^AZURE_CLIENT_SECRET="<the client secret Value: Entra admin center > App registrations > this app > Certificates & secrets \(not the Secret ID\)>"$/m);
    expect(env).toContain(`AZURE_TENANT_ID=${TENANT}\n`);
    expect(env).toContain('AZURE_REDIRECT_URI=https://acme.ontrackio.com/auth/callback,https://globex.ontrackio.com/auth/callback\n');
    expect(env).toContain('AZURE_ALLOWED_DOMAINS=contoso.com,fabrikam.com\n');
    expect(env).toContain('# External collaborators');
    expect(env).toContain('jane@tailspin.io');
  });
  it('quotes values that need it', () => {
    const e = workspaceEnvFile({ name: 'x\ny', tenantId: 'common', clientId: CLIENT, allowedDomains: [], settings: { baseDomain: 'a.com', workspaces: ['b'], externalCollaborators: [] } });
    expect(e).toContain('AZURE_ALLOWED_DOMAINS=\n');
    expect(e.split('\n')[0]).toBe('# Workspace SSO for "x y" (generated by Federation Desk)');
  });
});

describe('storage and profile export', () => {
  const fields = validateDraft(draft({ allowedDomains: 'contoso.com' }, { externalCollaborators: 'jane@tailspin.io' }), SECRET, ctx).fields;
  const view: ProfileView = {
    ...(fields as NonNullable<typeof fields>),
    id: 'p1',
    secret: { present: false, storage: 'none', hint: null, length: null, updatedAt: null },
    createdAt: '2026-11-23T00:00:00Z',
    updatedAt: '2026-11-23T00:00:00Z',
  };
  it('round-trips through the stored format, the export file and the form', () => {
    expect(StoredProfileSchema.safeParse({ ...view, secret: { storage: 'none', hint: null, length: null, updatedAt: null } }).success).toBe(true);
    const exported = ProfileExportSchema.parse(JSON.parse(JSON.stringify(exportProfile(view, new Date('2026-11-23T00:00:00Z')))));
    expect(exported.profile).toMatchObject({ workspaceSso: { workspaces: ['acme', 'globex'] } });
    const back = draftFromExport(exported);
    expect(back.workspaceSso).toEqual({ baseDomain: 'ontrackio.com', workspaces: 'acme, globex', externalCollaborators: 'jane@tailspin.io' });
    expect(validateDraft(back, SECRET, ctx).fields).toEqual(fields);
    expect(draftFromProfile(view).workspaceSso).toEqual(back.workspaceSso);
  });
});

describe('troubleshooting table', () => {
  it.each(WORKSPACE_SSO_TROUBLESHOOTING.map((r) => r.code))('AADSTS%i is in the diagnostics catalog', (code) => {
    expect(lookupCode(code)).toBeDefined();
  });
});
