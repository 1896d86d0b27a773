/**
 * The Things Stack as an OpenID Connect provider (rules.ts has the facts and their sources): one
 * app registration, a GUID tenant, a required email-domain list, the redirect URI derived from the
 * server address and provider ID, and the email read from the ID token (not from Graph).
 */
import type { ProfileDraft } from '../../profile';
import { GRAPH_SECRET_CHECK, TENANT_CHECK, noSamlApp } from '../common-checks';
import { cliText, commonFields, entraIssues, parseDomainList, resultOf, validateAllowedDomains, validateAppId, variantOf } from '../common-rules';
import type { IntegrationTarget } from '../target';
import { TARGET_LABELS } from '../target-ids';
import { EMPTY_TTS_DRAFT, TtsDraftSchema, TtsSettingsSchema, ttsCliCommand, ttsRedirectUri, ttsSettingsFromDraft, validateTtsDraft, validateTtsTenant, type TtsDraft } from './rules';

const LABEL = 'The Things Stack';

/** The Things Stack fields of a draft (empty ones when the draft has none yet). */
export function ttsDraftOf(draft: Pick<ProfileDraft, 'theThingsStack'>): TtsDraft {
  return draft.theThingsStack ?? EMPTY_TTS_DRAFT;
}

export const theThingsStackTarget: IntegrationTarget = {
  id: 'the-things-stack',
  label: TARGET_LABELS['the-things-stack'],
  hasSamlApp: false,
  setupAudit: false,
  authenticationModes: false,
  nouns: { product: LABEL, app: 'the app registration', appLabel: 'app registration', redirectUri: 'The Things Stack’s redirect URI' },
  form: {
    tenantHint: 'Entra ID > Overview. The GUID: The Things Stack needs a single-tenant app.',
    clientIdLabel: 'Application (client) ID',
    clientIdHint: 'App registrations > the app for The Things Stack > Overview.',
    redirectUriLabel: 'Redirect URI',
  },
  settingsSchema: TtsSettingsSchema,
  draftSchema: TtsDraftSchema,
  cli: {
    options: [
      { name: 'server-address', arg: 'H', help: 'Where The Things Stack is served, e.g. thethings.contoso.com.', field: 'ttsServerAddress' },
      { name: 'provider-id', arg: 'ID', help: 'The authentication provider’s ID, e.g. microsoft-entra.', field: 'ttsProviderId' },
    ],
    toDraft: (value) => ({ theThingsStack: { serverAddress: cliText(value('server-address')), providerId: cliText(value('provider-id')) } }),
  },
  ownFields: ['ttsServerAddress', 'ttsProviderId', 'allowedDomains'],
  draftTexts: (draft) => {
    const tts = ttsDraftOf(draft);
    return [
      ['ttsServerAddress', tts.serverAddress, false],
      ['ttsProviderId', tts.providerId, false],
    ];
  },
  validate(draft, secretRaw, ctx) {
    const tts = ttsDraftOf(draft);
    const issues = [
      ...entraIssues(draft, secretRaw, ctx, validateTtsTenant),
      ...validateAppId('clientId', draft.clientId, 'app registration'),
      ...validateTtsDraft(tts),
      // Only the format rule: the tenant can never be common/organizations here (see validateTtsTenant).
      ...validateAllowedDomains(draft.allowedDomains, ''),
    ];
    if (!issues.some((i) => i.field === 'allowedDomains') && parseDomainList(draft.allowedDomains).length === 0)
      issues.push({
        field: 'allowedDomains',
        severity: 'error',
        message: 'The Things Stack requires allowed email domains: enter at least one, for example contoso.com. Only users whose email is in these domains can sign in.',
      });
    return resultOf(issues, () => ({
        ...commonFields(draft),
        target: 'the-things-stack',
        allowedDomains: parseDomainList(draft.allowedDomains),
        theThingsStack: ttsSettingsFromDraft(tts),
    }));
  },
  toDraft(p) {
    const t = variantOf(p, 'the-things-stack');
    return t ? { allowedDomains: t.allowedDomains.join(', '), theThingsStack: { ...t.theThingsStack } } : {};
  },
  entra(p) {
    const t = variantOf(p, 'the-things-stack');
    return { clientId: p.clientId, samlAppId: null, redirectUris: t ? [ttsRedirectUri(t.theThingsStack)] : [], allowedDomains: t?.allowedDomains ?? [] };
  },
  export(p, env) {
    const t = variantOf(p, 'the-things-stack');
    if (!t) return null;
    const command = ttsCliCommand({
      name: p.name,
      cloud: p.cloud,
      tenantId: p.tenantId,
      clientId: p.clientId,
      allowedDomains: t.allowedDomains,
      settings: t.theThingsStack,
      ...(env.practiceAuthorityHost ? { practiceAuthorityHost: env.practiceAuthorityHost } : {}),
    });
    return { label: 'Copy command', text: command };
  },
  checks: {
    tenant: TENANT_CHECK,
    'saml-app': noSamlApp(LABEL),
    'api-app': {
      probe: 'app-registration',
      title: 'App registration',
      proves: 'The app registration The Things Stack signs in with is registered in this tenant.',
    },
    secret: GRAPH_SECRET_CHECK,
    'sign-in': {
      probe: 'sign-in-email-claim',
      title: 'Interactive sign-in',
      proves:
        'An admin can sign in through the app with The Things Stack’s redirect URI (…/oauth/login/<provider ID>/callback); the ID token is valid and carries the email claim The Things Stack reads.',
    },
    'graph-me': {
      notApplicable: 'Not used by The Things Stack: it reads the user’s email from the ID token, not from Microsoft Graph.',
      title: 'Microsoft Graph profile',
      proves: 'The Things Stack does not call Microsoft Graph; the sign-in check proves the email claim instead.',
    },
  },
};
