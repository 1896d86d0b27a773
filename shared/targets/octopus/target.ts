/**
 * Octopus: a SAML-OpenID app and an API app (whose secret is stored), the Octopus Web URL as the
 * redirect URI, and the email address Octopus matches users by, read from Microsoft Graph.
 */
import { TENANT_CHECK } from '../common-checks';
import { commonFields, entraIssues, normalizeAppId, parseDomainList, resultOf, validateAllowedDomains } from '../common-rules';
import type { IntegrationTarget } from '../target';
import { normalizeWebUrl, validateAppIds, validateWebUrl } from './rules';

export const octopusTarget: IntegrationTarget = {
  id: 'octopus',
  label: 'Octopus Deploy',
  hasSamlApp: true,
  setupAudit: true,
  authenticationModes: true,
  nouns: { product: 'Octopus', app: 'the API app', appLabel: 'API application', redirectUri: 'the Octopus Web URL' },
  settingsSchema: null,
  draftSchema: null,
  ownFields: ['samlAppId', 'webUrl'],
  draftTexts: (draft) => [
    ['samlAppId', draft.samlAppId, false],
    ['webUrl', draft.webUrl, false],
  ],
  validate(draft, secretRaw, ctx) {
    const issues = [
      ...entraIssues(draft, secretRaw, ctx),
      ...validateAppIds(draft.samlAppId, draft.apiAppId, draft.tenantId),
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
  entra: (p) => ({ clientId: p.apiAppId, samlAppId: p.samlAppId, redirectUris: [p.webUrl], allowedDomains: p.allowedDomains }),
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
