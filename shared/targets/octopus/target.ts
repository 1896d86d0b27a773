/**
 * Octopus: a SAML-OpenID app and an API app (whose secret is stored), the Octopus Web URL as the
 * redirect URI, and the email address Octopus matches users by, read from Microsoft Graph.
 */
import { TENANT_CHECK } from '../common-checks';
import { cliText, commonFields, entraIssues, normalizeAppId, parseDomainList, resultOf, validateAllowedDomains, variantOf } from '../common-rules';
import type { IntegrationTarget } from '../target';
import { TARGET_LABELS } from '../target-ids';
import { normalizeWebUrl, validateAppIds, validateWebUrl } from './rules';

export const octopusTarget: IntegrationTarget = {
  id: 'octopus',
  label: TARGET_LABELS['octopus'],
  hasSamlApp: true,
  setupAudit: true,
  authenticationModes: true,
  nouns: { product: 'Octopus', app: 'the API app', appLabel: 'API application', redirectUri: 'the Octopus Web URL' },
  form: {
    tenantHint: 'Entra ID > Overview. A GUID, a verified domain, or common / organizations.',
    clientIdLabel: 'API application (client) ID',
    clientIdHint: 'The app registration whose client secret and Web redirect URI Octopus uses.',
    redirectUriLabel: 'Octopus Web URL',
  },
  settingsSchema: null,
  draftSchema: null,
  cli: {
    options: [
      { name: 'saml-app', arg: 'ID', help: 'Application (client) ID of the SAML-OpenID app.', field: 'samlAppId' },
      { name: 'web-url', arg: 'URL', help: 'The Octopus Web URL, e.g. https://contoso.octopus-itsm.com/octopus/', field: 'webUrl' },
    ],
    toDraft: (value) => ({ samlAppId: cliText(value('saml-app')), webUrl: cliText(value('web-url')) }),
  },
  ownFields: ['samlAppId', 'webUrl'],
  draftTexts: (draft) => [
    ['samlAppId', draft.samlAppId, false],
    ['webUrl', draft.webUrl, false],
  ],
  validate(draft, secretRaw, ctx) {
    const issues = [
      ...entraIssues(draft, secretRaw, ctx),
      ...validateAppIds(draft.samlAppId, draft.clientId, draft.tenantId),
      ...validateWebUrl(draft.webUrl),
      ...validateAllowedDomains(draft.allowedDomains, draft.tenantId),
    ];
    return resultOf(issues, () => ({
      ...commonFields(draft),
      samlAppId: normalizeAppId(draft.samlAppId),
      webUrl: normalizeWebUrl(draft.webUrl),
      allowedDomains: parseDomainList(draft.allowedDomains),
      target: 'octopus',
    }));
  },
  toDraft(p) {
    const o = variantOf(p, 'octopus');
    return o ? { samlAppId: o.samlAppId, webUrl: o.webUrl, allowedDomains: o.allowedDomains.join(', ') } : {};
  },
  entra(p) {
    const o = variantOf(p, 'octopus');
    return { clientId: p.clientId, samlAppId: o?.samlAppId ?? null, redirectUris: o ? [o.webUrl] : [], allowedDomains: o?.allowedDomains ?? [] };
  },
  export: () => null,
  checks: {
    tenant: TENANT_CHECK,
    'saml-app': {
      probe: 'saml-app',
      title: 'SAML-OpenID application',
      proves: 'The SAML-OpenID application is registered in this tenant, and its SAML signing certificates are valid.',
    },
    'api-app': { probe: 'app-registration', title: 'API application', proves: 'The API application is registered in this tenant.' },
    secret: {
      probe: 'secret-api-scope',
      title: 'Client secret',
      proves: 'The client secret is the Value (not the Secret ID), valid and not expired, and api://{API app ID} is exposed.',
    },
    'sign-in': {
      probe: 'sign-in',
      title: 'Interactive sign-in',
      proves: 'An admin can sign in through the API application with the Octopus Web URL as redirect URI; the ID token is valid.',
    },
    'graph-me': {
      probe: 'graph-me',
      title: 'Microsoft Graph profile',
      proves: "Microsoft Graph User.Read works with the signed-in user's token and returns the email address Octopus matches users by.",
    },
  },
};
