/**
 * Workspace SSO, OnTrackio-style (rules.ts has the conventions): one confidential app registration
 * for every workspace, a GUID or `common` tenant (then the domain list is the only boundary), one
 * redirect URI per workspace, all of which Entra must accept.
 */
import type { ProfileDraft } from '../../profile';
import { GRAPH_SECRET_CHECK, TENANT_CHECK, noSamlApp } from '../common-checks';
import { cliText, commonFields, entraIssues, parseDomainList, resultOf, validateAllowedDomains, validateAppId, variantOf } from '../common-rules';
import type { IntegrationTarget } from '../target';
import { TARGET_LABELS } from '../target-ids';
import {
  EMPTY_WORKSPACE_SSO_DRAFT,
  WORKSPACE_SSO_FIELDS,
  WorkspaceSsoDraftSchema,
  WorkspaceSsoSettingsSchema,
  validateWorkspaceSsoDraft,
  validateWorkspaceTenant,
  workspaceEnvFile,
  workspaceRedirectUris,
  workspaceSsoDraftFromSettings,
  workspaceSsoSettingsFromDraft,
  type WorkspaceSsoDraft,
} from './rules';

/** The workspace SSO fields of a draft (empty ones when the draft has none yet). */
export function workspaceSsoDraftOf(draft: Pick<ProfileDraft, 'workspaceSso'>): WorkspaceSsoDraft {
  return draft.workspaceSso ?? EMPTY_WORKSPACE_SSO_DRAFT;
}

export const workspaceSsoTarget: IntegrationTarget = {
  id: 'workspace-sso',
  label: TARGET_LABELS['workspace-sso'],
  hasSamlApp: false,
  setupAudit: false,
  authenticationModes: false,
  nouns: { product: 'the product', app: 'the workspace SSO app', appLabel: 'workspace SSO app registration', redirectUri: 'the workspace’s redirect URI' },
  form: {
    tenantHint: 'Entra ID > Overview. The GUID, or common for a multi-tenant app (then allowed email domains are required).',
    clientIdLabel: 'Application (client) ID',
    clientIdHint: 'App registrations > the app for workspace SSO > Overview: AZURE_CLIENT_ID.',
    redirectUriLabel: 'Redirect URI',
  },
  settingsSchema: WorkspaceSsoSettingsSchema,
  draftSchema: WorkspaceSsoDraftSchema,
  cli: {
    options: [
      { name: 'base-domain', arg: 'D', help: 'The domain every workspace is a subdomain of.', field: 'wsBaseDomain' },
      { name: 'workspaces', arg: 'LIST', help: 'Workspace subdomains, comma-separated.', field: 'wsWorkspaces' },
      { name: 'collaborators', arg: 'L', help: 'External collaborators’ email addresses, comma-separated.', field: 'wsCollaborators' },
    ],
    toDraft: (value) => ({ workspaceSso: { baseDomain: cliText(value('base-domain')), workspaces: cliText(value('workspaces')), externalCollaborators: cliText(value('collaborators')) } }),
  },
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
      ...validateAppId('clientId', draft.clientId, 'app registration'),
      ...domainIssues,
      ...validateWorkspaceSsoDraft(ws, domains),
    ];
    return resultOf(issues, () => ({ ...commonFields(draft), target: 'workspace-sso', allowedDomains: domains, workspaceSso: workspaceSsoSettingsFromDraft(ws) }));
  },
  toDraft(p) {
    const w = variantOf(p, 'workspace-sso');
    return w ? { allowedDomains: w.allowedDomains.join(', '), workspaceSso: workspaceSsoDraftFromSettings(w.workspaceSso) } : {};
  },
  entra(p) {
    const w = variantOf(p, 'workspace-sso');
    return { clientId: p.clientId, samlAppId: null, redirectUris: w ? workspaceRedirectUris(w.workspaceSso) : [], allowedDomains: w?.allowedDomains ?? [] };
  },
  export(p) {
    const w = variantOf(p, 'workspace-sso');
    if (!w) return null;
    return { label: 'Copy .env', text: workspaceEnvFile({ name: p.name, tenantId: p.tenantId, clientId: p.clientId, allowedDomains: w.allowedDomains, settings: w.workspaceSso }) };
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
