/**
 * Workspace SSO, OnTrackio-style (rules.ts has the conventions): one confidential app registration
 * for every workspace, a GUID or `common` tenant (then the domain list is the only boundary), one
 * redirect URI per workspace, all of which Entra must accept.
 */
import type { ProfileDraft } from '../../profile';
import { GRAPH_SECRET_CHECK, TENANT_CHECK, noSamlApp } from '../common-checks';
import { commonFields, entraIssues, parseDomainList, resultOf, validateAllowedDomains, validateAppId } from '../common-rules';
import type { EntraSource, IntegrationTarget } from '../target';
import {
  EMPTY_WORKSPACE_SSO_DRAFT,
  WORKSPACE_SSO_FIELDS,
  WorkspaceSsoDraftSchema,
  WorkspaceSsoSettingsSchema,
  validateWorkspaceSsoDraft,
  validateWorkspaceTenant,
  workspaceEnvFile,
  workspaceRedirectUris,
  workspaceSsoSettingsFromDraft,
  type WorkspaceSsoDraft,
  type WorkspaceSsoSettings,
} from './rules';

/** The workspace SSO fields of a draft (empty ones when the draft has none yet). */
export function workspaceSsoDraftOf(draft: Pick<ProfileDraft, 'workspaceSso'>): WorkspaceSsoDraft {
  return draft.workspaceSso ?? EMPTY_WORKSPACE_SSO_DRAFT;
}

function settingsOf(p: EntraSource): WorkspaceSsoSettings | null {
  return p.workspaceSso ?? null;
}

export const workspaceSsoTarget: IntegrationTarget = {
  id: 'workspace-sso',
  label: 'Workspace SSO (OnTrackio-style)',
  hasSamlApp: false,
  setupAudit: false,
  authenticationModes: false,
  nouns: { product: 'the product', app: 'the workspace SSO app', appLabel: 'workspace SSO app registration', redirectUri: 'the workspace’s redirect URI' },
  settingsSchema: WorkspaceSsoSettingsSchema,
  draftSchema: WorkspaceSsoDraftSchema,
  ownFields: [...Object.values(WORKSPACE_SSO_FIELDS), 'allowedDomains'],
  draftTexts: (draft) => {
    const ws = workspaceSsoDraftOf(draft);
    return [
      ['wsBaseDomain', ws.baseDomain, false],
      ['wsWorkspaces', ws.workspaces, true],
      ['wsCollaborators', ws.externalCollaborators, true],
    ];
  },
  validate(draft, secretRaw, ctx) {
    const ws = workspaceSsoDraftOf(draft);
    const domainIssues = validateAllowedDomains(draft.allowedDomains, draft.tenantId);
    const domains = domainIssues.length > 0 ? [] : parseDomainList(draft.allowedDomains);
    const issues = [
      ...entraIssues(draft, secretRaw, ctx, validateWorkspaceTenant),
      ...validateAppId('apiAppId', draft.apiAppId, 'app registration'),
      ...domainIssues,
      ...validateWorkspaceSsoDraft(ws, domains),
    ];
    return resultOf(issues, () => {
      const settings = workspaceSsoSettingsFromDraft(ws);
      return { ...commonFields(draft), samlAppId: '', webUrl: workspaceRedirectUris(settings)[0] ?? '', allowedDomains: domains, target: 'workspace-sso', workspaceSso: settings };
    });
  },
  entra(p) {
    const s = settingsOf(p);
    return { clientId: p.apiAppId, samlAppId: null, redirectUris: s ? workspaceRedirectUris(s) : [], allowedDomains: p.allowedDomains };
  },
  export(p) {
    const settings = settingsOf(p);
    if (!settings) return null;
    return { label: 'Copy .env', text: workspaceEnvFile({ name: p.name, tenantId: p.tenantId, clientId: p.apiAppId, allowedDomains: p.allowedDomains, settings }) };
  },
  checks: {
    tenant: TENANT_CHECK,
    'saml-app': noSamlApp('Workspace SSO'),
    'api-app': {
      probe: 'app-registration-redirects',
      title: 'App registration and workspace redirect URIs',
      proves: 'The app registration is in this tenant and Entra accepts every workspace’s redirect URI (https://<workspace>.<base domain>/auth/callback).',
    },
    secret: GRAPH_SECRET_CHECK,
    'sign-in': {
      probe: 'sign-in',
      title: 'Interactive sign-in',
      proves: 'An admin can sign in through the app with the first workspace’s redirect URI; the ID token is valid.',
    },
    'graph-me': {
      probe: 'graph-me-upn-fallback',
      title: 'Microsoft Graph profile',
      proves: 'Microsoft Graph User.Read works with the signed-in user’s token and returns the email address the product signs users in by (without one it falls back to the user principal name).',
    },
  },
};
