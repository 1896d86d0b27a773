/**
 * authentik with an Entra ID OAuth source (rules.ts has the facts and their sources): one app
 * registration (the source's consumer key), a tenant that fits the single/multi-tenant choice, the
 * redirect URI derived from the FQDN and slug, and a machine-to-machine token authentik checks itself.
 */
import type { ProfileDraft } from '../../profile';
import { TENANT_CHECK, noSamlApp } from '../common-checks';
import { cliText, commonFields, entraIssues, resultOf, validateAppId, variantOf } from '../common-rules';
import type { IntegrationTarget } from '../target';
import { TARGET_LABELS } from '../target-ids';
import {
  AUTHENTIK_FIELDS,
  AuthentikDraftSchema,
  AuthentikSettingsSchema,
  EMPTY_AUTHENTIK_DRAFT,
  authentikRedirectUri,
  authentikSettingsFromDraft,
  authentikSettingsText,
  authentikSourceSettings,
  validateAuthentikDraft,
  validateAuthentikTenant,
  type AuthentikDraft,
} from './rules';

/** The authentik fields of a draft (empty ones when the draft has none yet). */
export function authentikDraftOf(draft: Pick<ProfileDraft, 'authentik'>): AuthentikDraft {
  return draft.authentik ?? EMPTY_AUTHENTIK_DRAFT;
}

export const authentikTarget: IntegrationTarget = {
  id: 'authentik',
  label: TARGET_LABELS['authentik'],
  hasSamlApp: false,
  setupAudit: false,
  authenticationModes: false,
  nouns: { product: 'authentik', app: 'the app registration', appLabel: 'app registration', redirectUri: 'the authentik source’s redirect URI' },
  form: {
    tenantHint: 'Entra ID > Overview: the tenant where the app for authentik is registered.',
    clientIdLabel: 'Application (client) ID',
    clientIdHint: 'App registrations > the app for authentik > Overview. It is the source’s consumer key.',
    redirectUriLabel: 'Redirect URI',
  },
  settingsSchema: AuthentikSettingsSchema,
  draftSchema: AuthentikDraftSchema,
  cli: {
    options: [
      { name: 'fqdn', arg: 'HOST', help: 'Where authentik is served, e.g. authentik.contoso.com.', field: 'authentikFqdn' },
      { name: 'slug', arg: 'SLUG', help: 'The Entra ID OAuth source’s slug.', field: 'authentikSlug' },
      { name: 'multi-tenant', boolean: true, help: 'The source is multi-tenant (default: single-tenant).', field: 'authentikTenantMode' },
      { name: 'group-sync', boolean: true, help: 'Ask for GroupMember.Read.All so authentik syncs groups.', field: 'authentikTenantMode' },
    ],
    toDraft: (value) => ({
      authentik: { fqdn: cliText(value('fqdn')), slug: cliText(value('slug')), tenantMode: value('multi-tenant') === true ? 'multi' : 'single', groupMemberRead: value('group-sync') === true },
    }),
  },
  ownFields: AUTHENTIK_FIELDS,
  draftTexts: (draft) => {
    const ak = authentikDraftOf(draft);
    return [
      ['authentikSlug', ak.slug, false],
      ['authentikFqdn', ak.fqdn, false],
    ];
  },
  validate(draft, secretRaw, ctx) {
    const ak = authentikDraftOf(draft);
    const issues = [
      ...entraIssues(draft, secretRaw, ctx, (tenant) => validateAuthentikTenant(tenant, ak.tenantMode)),
      ...validateAppId('clientId', draft.clientId, 'app registration'),
      ...validateAuthentikDraft(ak),
    ];
    return resultOf(issues, () => ({ ...commonFields(draft), target: 'authentik', authentik: authentikSettingsFromDraft(ak) }));
  },
  toDraft(p) {
    const a = variantOf(p, 'authentik');
    return a ? { authentik: { ...a.authentik } } : {};
  },
  entra(p) {
    const a = variantOf(p, 'authentik');
    return { clientId: p.clientId, samlAppId: null, redirectUris: a ? [authentikRedirectUri(a.authentik)] : [], allowedDomains: [] };
  },
  export(p, env) {
    const a = variantOf(p, 'authentik');
    if (!a) return null;
    return { label: 'Copy settings', text: authentikSettingsText(authentikSourceSettings({ name: p.name, cloud: p.cloud, tenantId: p.tenantId, clientId: p.clientId, settings: a.authentik, ...env })) };
  },
  checks: {
    tenant: TENANT_CHECK,
    'saml-app': noSamlApp('authentik'),
    'api-app': {
      probe: 'app-registration',
      title: 'App registration',
      proves: 'The app registration behind the authentik source (its consumer key) is registered in this tenant.',
    },
    secret: {
      probe: 'secret-authentik-m2m',
      title: 'Client secret and machine-to-machine token',
      proves:
        'The consumer secret is the Value (not the Secret ID), valid and not expired, and Entra issues a v2.0 token for api://{client ID}/.default whose audience authentik accepts.',
    },
    'sign-in': {
      probe: 'sign-in',
      title: 'Interactive sign-in',
      proves: 'An admin can sign in through the app with the authentik source’s redirect URI (…/source/oauth/callback/<slug>/); the ID token is valid.',
    },
    'graph-me': {
      probe: 'graph-me',
      title: 'Microsoft Graph profile',
      proves: 'Microsoft Graph /me (the source’s profile URL) works with the signed-in user’s token and returns the user’s email address.',
    },
  },
};
