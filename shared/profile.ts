/**
 * Federation profile: the fields of one identity-federation configuration (Octopus by default, or
 * another integration target), and the one set of rules that checks them. The renderer runs these
 * rules as the user types; main runs them again on save, so nothing invalid is ever stored.
 */
import { z } from 'zod';
import { CLOUD_IDS } from './clouds';
import { DEFAULT_TARGET, TARGET_IDS, type TargetId } from './targets/target-ids';
import {
  EMPTY_TTS_DRAFT,
  TtsDraftSchema,
  TtsSettingsSchema,
  ttsRedirectUri,
  ttsSettingsFromDraft,
  validateTtsDraft,
  validateTtsTenant,
  type TtsDraft,
} from './targets/the-things-stack';
import {
  AUTHENTIK_FIELDS,
  AuthentikDraftSchema,
  AuthentikSettingsSchema,
  EMPTY_AUTHENTIK_DRAFT,
  authentikRedirectUri,
  authentikSettingsFromDraft,
  validateAuthentikDraft,
  validateAuthentikTenant,
  type AuthentikDraft,
} from './targets/authentik';
import {
  WorkspaceSsoDraftSchema,
  WorkspaceSsoSettingsSchema,
  validateWorkspaceSsoProfile,
  workspaceSsoDraftFromSettings,
} from './targets/workspace-sso';

export const PROFILE_NAME_MAX = 64;

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A GUID anywhere in a text, for pointing at what the user probably meant. */
const GUID_IN_TEXT_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** One DNS label: letters, digits, inner hyphens, at most 63 characters. */
const LABEL_RE = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TLD_RE = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export function isGuid(value: string): boolean {
  return GUID_RE.test(value);
}

/** A DNS domain such as contoso.com or contoso.onmicrosoft.com (lower case expected). */
export function isDomainName(value: string): boolean {
  if (value.length > 253) return false;
  const labels = value.split('.');
  if (labels.length < 2) return false;
  const tld = labels[labels.length - 1] ?? '';
  return labels.every((l) => LABEL_RE.test(l)) && TLD_RE.test(tld);
}

export type Severity = 'error' | 'warning';

/** A built-in practice scenario's name: lower-case words joined by hyphens, never a path (empty: none picked yet). */
export const SCENARIO_NAME_PATTERN = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/;

/**
 * C0 controls, DEL and C1 controls: ESC, BEL or NUL in a name reach the terminal in `profiles list`
 * (ECMA-48 control functions) and no form field needs them. `allowLineBreaks` keeps tab, CR and LF
 * for the list fields, where they separate items.
 */
export function singleLineIssue(value: string, allowLineBreaks = false): string | null {
  for (const ch of value) {
    const c = ch.codePointAt(0) ?? 0;
    if (allowLineBreaks && (c === 9 || c === 10 || c === 13)) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
      return `Remove the control character U+${c.toString(16).toUpperCase().padStart(4, '0')}: this field is plain text on one line.`;
  }
  return null;
}

/** `text` with every control character shown as "?", for showing a value that broke the rule above. */
export function printable(text: string): string {
  return [...text].map((ch) => (singleLineIssue(ch) ? '?' : ch)).join('');
}

/** Every text field of a draft, with the form field an issue about it belongs to. */
function draftTexts(draft: ProfileDraft): [ProfileField, string, boolean][] {
  const texts: [ProfileField, string, boolean][] = [
    ['name', draft.name, false],
    ['tenantId', draft.tenantId, false],
    ['samlAppId', draft.samlAppId, false],
    ['apiAppId', draft.apiAppId, false],
    ['webUrl', draft.webUrl, false],
    ['secretExpiresAt', draft.secretExpiresAt, false],
    ['allowedDomains', draft.allowedDomains, true],
    ['cloud', draft.practiceScenario ?? '', false],
  ];
  const { theThingsStack: tts, authentik: ak, workspaceSso: ws } = draft;
  if (tts) texts.push(['ttsServerAddress', tts.serverAddress, false], ['ttsProviderId', tts.providerId, false]);
  if (ak) texts.push(['authentikSlug', ak.slug, false], ['authentikFqdn', ak.fqdn, false]);
  if (ws) texts.push(['wsBaseDomain', ws.baseDomain, false], ['wsWorkspaces', ws.workspaces, true], ['wsCollaborators', ws.externalCollaborators, true]);
  return texts;
}

/** Control characters anywhere in a draft, one issue per field. */
export function controlCharacterIssues(draft: ProfileDraft): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [field, value, multi] of draftTexts(draft)) {
    const message = singleLineIssue(value, multi);
    if (message) issues.push({ field, severity: 'error', message });
  }
  return issues;
}

export const PROFILE_FIELDS = [
  'name',
  'cloud',
  'tenantId',
  'samlAppId',
  'apiAppId',
  'secret',
  'secretExpiresAt',
  'webUrl',
  'allowedDomains',
  'target',
  'ttsServerAddress',
  'ttsProviderId',
  ...AUTHENTIK_FIELDS,
  'wsBaseDomain',
  'wsWorkspaces',
  'wsCollaborators',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** A one-click fix the form can offer next to an issue. */
export interface FieldFix {
  label: string;
  /** The field's new text when the fix is applied. */
  value: string;
}

export interface FieldIssue {
  field: ProfileField;
  severity: Severity;
  message: string;
  fix?: FieldFix;
}

/** What the user types: every field as text, exactly as in the form. */
export const ProfileDraftSchema = z.object({
  name: z.string().max(10_000),
  cloud: z.enum(CLOUD_IDS),
  tenantId: z.string().max(10_000),
  samlAppId: z.string().max(10_000),
  apiAppId: z.string().max(10_000),
  webUrl: z.string().max(10_000),
  /** Comma-separated list as typed. */
  allowedDomains: z.string().max(100_000),
  /** yyyy-mm-dd or empty. */
  secretExpiresAt: z.string().max(100),
  /** Scenario name when cloud is 'practice' (a name only: scenario files are for `simulate --scenario FILE`). */
  practiceScenario: z.string().max(200).regex(SCENARIO_NAME_PATTERN, 'A practice scenario is given by its name, not a path.').optional(),
  /** The product Entra is connected to; absent means Octopus (drafts from before targets existed). */
  target: z.enum(TARGET_IDS).optional(),
  /** The Things Stack's own fields, when that is the target. */
  theThingsStack: TtsDraftSchema.optional(),
  /** authentik's own fields, when that is the target. */
  authentik: AuthentikDraftSchema.optional(),
  /** Workspace SSO's own fields, when that is the target. */
  workspaceSso: WorkspaceSsoDraftSchema.optional(),
});
export type ProfileDraft = z.infer<typeof ProfileDraftSchema>;

export const EMPTY_DRAFT: ProfileDraft = {
  name: '',
  cloud: 'global',
  tenantId: '',
  samlAppId: '',
  apiAppId: '',
  webUrl: '',
  allowedDomains: '',
  secretExpiresAt: '',
};

/**
 * The fields of a profile, listed once: the stored record (electron/services/profile-store.ts), the
 * view the renderer gets, the export file and the form's draft are all made from this list.
 */
export const ProfileFieldsSchema = z.object({
  name: z.string(),
  cloud: z.enum(CLOUD_IDS),
  tenantId: z.string(),
  samlAppId: z.string(),
  apiAppId: z.string(),
  webUrl: z.string(),
  allowedDomains: z.array(z.string()),
  secretExpiresAt: z.string().nullable(),
  practiceScenario: z.string().optional(),
  /** The product this profile connects Entra to. */
  target: z.enum(TARGET_IDS),
  /** Present exactly when target is 'the-things-stack'. */
  theThingsStack: TtsSettingsSchema.optional(),
  /** Present exactly when target is 'authentik'. */
  authentik: AuthentikSettingsSchema.optional(),
  /** Present exactly when target is 'workspace-sso'. */
  workspaceSso: WorkspaceSsoSettingsSchema.optional(),
});
export type ProfileFields = z.infer<typeof ProfileFieldsSchema>;

type OptionalField = 'practiceScenario' | 'target' | 'theThingsStack' | 'authentik' | 'workspaceSso';
/** Any record that carries a profile's fields (a stored profile, a view, an export), its optional ones possibly undefined. */
export type WithProfileFields = Omit<ProfileFields, OptionalField> & { [K in OptionalField]?: ProfileFields[K] | undefined };

/** Just the profile's fields of a record, the optional ones only when set. */
export function profileFields(p: WithProfileFields): ProfileFields {
  return {
    name: p.name,
    cloud: p.cloud,
    tenantId: p.tenantId,
    samlAppId: p.samlAppId,
    apiAppId: p.apiAppId,
    webUrl: p.webUrl,
    allowedDomains: p.allowedDomains,
    secretExpiresAt: p.secretExpiresAt,
    ...(p.practiceScenario ? { practiceScenario: p.practiceScenario } : {}),
    target: p.target ?? DEFAULT_TARGET,
    ...(p.theThingsStack ? { theThingsStack: p.theThingsStack } : {}),
    ...(p.authentik ? { authentik: p.authentik } : {}),
    ...(p.workspaceSso ? { workspaceSso: p.workspaceSso } : {}),
  };
}


/** The draft's target, Octopus when none is set. */
export function targetOf(draft: Pick<ProfileDraft, 'target'>): TargetId {
  return draft.target ?? DEFAULT_TARGET;
}

/** The Things Stack fields of a draft (empty ones when the draft has none yet). */
export function ttsDraftOf(draft: ProfileDraft): TtsDraft {
  return draft.theThingsStack ?? EMPTY_TTS_DRAFT;
}

/** The authentik fields of a draft (empty ones when the draft has none yet). */
export function authentikDraftOf(draft: ProfileDraft): AuthentikDraft {
  return draft.authentik ?? EMPTY_AUTHENTIK_DRAFT;
}

export interface ValidationContext {
  /** Names of the other profiles, for the uniqueness rule. */
  otherNames: readonly string[];
  /** A secret is already stored for this profile (so an empty secret field keeps it). */
  secretStored: boolean;
  /** Today, yyyy-mm-dd (injected so rules stay pure and testable). */
  today: string;
}

export interface ValidationResult {
  issues: FieldIssue[];
  /** Present when no issue is an error. */
  fields?: ProfileFields;
}

export function normalizeName(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

/** Tenant: trim; GUIDs, domains and the two keywords are case-insensitive, so lower-case them. */
export function normalizeTenantId(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Application IDs: trim, lower-case, and drop the braces some tools print around GUIDs. */
export function normalizeAppId(raw: string): string {
  const t = raw.trim().toLowerCase();
  const unbraced = /^\{(.*)\}$/.exec(t);
  return unbraced ? (unbraced[1] ?? '').trim() : t;
}

/** The Web URL is compared byte for byte by Entra: only surrounding whitespace is removed. */
export function normalizeWebUrl(raw: string): string {
  return raw.trim();
}

/** Secret: only surrounding whitespace (a copy from the portal often brings a trailing space). */
export function normalizeSecret(raw: string): string {
  return raw.trim();
}

/** Split on commas, semicolons or whitespace; drop a leading @; lower-case; de-duplicate. */
export function parseDomainList(raw: string): string[] {
  const seen = new Set<string>();
  for (const part of raw.split(/[,;\s]+/)) {
    const d = part.trim().toLowerCase().replace(/^@+/, '').replace(/\.$/, '');
    if (d) seen.add(d);
  }
  return [...seen];
}

export function normalizeDomainList(raw: string): string {
  return parseDomainList(raw).join(', ');
}

export function validateName(raw: string, otherNames: readonly string[]): FieldIssue[] {
  const control = singleLineIssue(raw);
  if (control) return [{ field: 'name', severity: 'error', message: control }];
  const name = normalizeName(raw);
  if (name.length === 0) return [{ field: 'name', severity: 'error', message: 'Give the profile a name, for example "Production".' }];
  if (name.length > PROFILE_NAME_MAX)
    return [{ field: 'name', severity: 'error', message: `Use at most ${PROFILE_NAME_MAX} characters (this name has ${name.length}).` }];
  const lower = name.toLowerCase();
  if (otherNames.some((n) => normalizeName(n).toLowerCase() === lower))
    return [{ field: 'name', severity: 'error', message: `A profile named "${name}" already exists. Choose another name.` }];
  return [];
}

export function validateTenantId(raw: string): FieldIssue[] {
  const v = normalizeTenantId(raw);
  const err = (message: string, fix?: FieldFix): FieldIssue[] => [{ field: 'tenantId', severity: 'error', message, ...(fix ? { fix } : {}) }];
  if (v === '') return err('Enter the Directory (tenant) ID from Entra ID > Overview, for example 72f988bf-86f1-41af-91ab-2d7cd011db47.');
  if (isGuid(v) || v === 'common' || v === 'organizations') return [];
  if (v === 'consumers')
    return err('"consumers" is for personal Microsoft accounts only. Enter your organisation\'s Directory (tenant) ID, a verified domain, or "organizations".');
  const guid = GUID_IN_TEXT_RE.exec(v);
  if (/^https?:\/\//.test(v) || v.includes('/')) {
    if (guid) return err('This is a URL. Enter only the Directory (tenant) ID.', { label: `Use ${guid[0]}`, value: guid[0] });
    return err('This is a URL. Enter only the Directory (tenant) ID or a verified domain such as contoso.com.');
  }
  if (/\s/.test(v)) return err('Remove the spaces: a tenant ID is one GUID or one domain name.');
  if (/^[0-9a-f-]+$/.test(v) && v.length >= 8)
    return err(`This is not a complete GUID (it has ${v.replace(/-/g, '').length} of 32 hex digits). Copy the Directory (tenant) ID again from Entra ID > Overview.`);
  if (v.includes('@')) {
    const domain = v.slice(v.lastIndexOf('@') + 1);
    if (isDomainName(domain)) return err('This is an email address. Enter only its domain.', { label: `Use ${domain}`, value: domain });
  }
  if (isDomainName(v)) return [];
  return err('Enter a GUID (Directory ID), a verified domain such as contoso.onmicrosoft.com, or "common" / "organizations".');
}

function validateAppId(field: 'samlAppId' | 'apiAppId', raw: string, label?: string): FieldIssue[] {
  const v = normalizeAppId(raw);
  const which = label ?? (field === 'samlAppId' ? 'SAML-OpenID application' : 'API application');
  if (v === '') return [{ field, severity: 'error', message: `Enter the ${which}'s Application (client) ID from App registrations > Overview.` }];
  if (isGuid(v)) return [];
  const guid = GUID_IN_TEXT_RE.exec(v);
  if (guid && guid[0].length !== v.length)
    return [{ field, severity: 'error', message: 'Enter only the Application (client) ID, without anything around it.', fix: { label: `Use ${guid[0]}`, value: guid[0] } }];
  return [{ field, severity: 'error', message: 'An Application (client) ID is a GUID: 32 hex digits in groups of 8-4-4-4-12.' }];
}

export function validateAppIds(samlRaw: string, apiRaw: string, tenantRaw: string): FieldIssue[] {
  const issues = [...validateAppId('samlAppId', samlRaw), ...validateAppId('apiAppId', apiRaw)];
  const saml = normalizeAppId(samlRaw);
  const api = normalizeAppId(apiRaw);
  const tenant = normalizeTenantId(tenantRaw);
  if (issues.length === 0 && saml === api)
    issues.push({
      field: 'apiAppId',
      severity: 'warning',
      message: 'The SAML-OpenID and API application IDs are the same. The setup needs two separate app registrations: check you copied each from its own Overview page.',
    });
  for (const field of ['samlAppId', 'apiAppId'] as const) {
    const v = field === 'samlAppId' ? saml : api;
    if (isGuid(v) && v === tenant)
      issues.push({ field, severity: 'warning', message: 'This is the Directory (tenant) ID, not an Application (client) ID.' });
  }
  return issues;
}

export interface SecretCheckInput {
  /** As typed; empty means "keep the stored secret" when one is stored. */
  raw: string;
  secretStored: boolean;
}

export const SECRET_ID_MESSAGE =
  "This looks like the Secret ID. Paste the secret's Value, which Entra shows only once, right after you create it.";

export function validateSecret({ raw, secretStored }: SecretCheckInput): FieldIssue[] {
  const v = normalizeSecret(raw);
  if (v === '')
    return secretStored
      ? []
      : [{ field: 'secret', severity: 'warning', message: 'No client secret yet. The secret and sign-in checks need it; you can add it later.' }];
  if (isGuid(v) || isGuid(v.replace(/^\{|\}$/g, ''))) return [{ field: 'secret', severity: 'error', message: SECRET_ID_MESSAGE }];
  if (/[\r\n]/.test(v)) return [{ field: 'secret', severity: 'error', message: 'The value has a line break in it. Copy it again as one line from Certificates & secrets.' }];
  if (/\s/.test(v)) return [{ field: 'secret', severity: 'error', message: 'The value has a space in it; secret values never do. Copy it again with the copy button next to it.' }];
  if (v.length > 512) return [{ field: 'secret', severity: 'error', message: 'This is far longer than a client secret value. Paste only the Value column.' }];
  if (v.length < 24)
    return [{ field: 'secret', severity: 'warning', message: `Entra secret values are usually 40 characters; this one has ${v.length}. Check it was copied whole.` }];
  return [];
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written yyyy-mm-dd. */
export function isIsoDate(v: string): boolean {
  const m = DATE_RE.exec(v);
  if (!m) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Whole days from `from` to `to`, both yyyy-mm-dd. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function validateSecretExpiry(raw: string, today: string): FieldIssue[] {
  const v = raw.trim();
  if (v === '') return [];
  if (!isIsoDate(v)) return [{ field: 'secretExpiresAt', severity: 'error', message: 'Use a date such as 2027-05-31 (the Expires column in Certificates & secrets).' }];
  const days = daysBetween(today, v);
  if (days < 0) return [{ field: 'secretExpiresAt', severity: 'warning', message: `This secret expired ${-days} day(s) ago: sign-ins fail with AADSTS7000222. Create a new secret in Entra.` }];
  if (days > 2 * 366) return [{ field: 'secretExpiresAt', severity: 'warning', message: 'Entra secrets last at most 2 years (24 months). Check the date in the Expires column.' }];
  return [];
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function validateWebUrl(raw: string): FieldIssue[] {
  const v = normalizeWebUrl(raw);
  const err = (message: string, fix?: FieldFix): FieldIssue[] => [{ field: 'webUrl', severity: 'error', message, ...(fix ? { fix } : {}) }];
  if (v === '') return err('Enter the Octopus Web URL, for example https://octopus.contoso.com/ (it is the redirect URI registered in Entra).');
  if (/\s/.test(v)) return err('Remove the spaces from the URL.');
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !v.includes(' ')) {
      const candidate = `https://${v}${v.includes('/') ? '' : '/'}`;
      return err('Enter a full URL that starts with https://.', { label: `Use ${candidate}`, value: candidate });
    }
    return err('This is not a valid URL. Enter it as https://host/path/.');
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    const fixed = `https://${v.slice('http://'.length)}`;
    return err('Entra accepts http redirect URIs only for localhost. Use https.', { label: `Use ${fixed}`, value: fixed });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return err('The Web URL must start with https://.');
  if (url.username || url.password) return err('Remove the user name and password from the URL.');
  if (v.includes('*')) return err('Entra does not allow wildcards in web redirect URIs. Enter the exact URL.');
  if (url.search || v.includes('?')) {
    const fixed = v.split('?')[0] ?? v;
    return err('Remove the query string: Entra redirect URIs cannot carry one here.', { label: `Use ${fixed}`, value: fixed });
  }
  if (url.hash || v.includes('#')) {
    const fixed = v.split('#')[0] ?? v;
    return err('Remove the #fragment: redirect URIs cannot have one.', { label: `Use ${fixed}`, value: fixed });
  }
  if (!v.endsWith('/'))
    return err(
      'The URL must end with "/". Entra compares redirect URIs exactly, so a missing trailing slash fails sign-in with AADSTS50011.',
      { label: 'Add the trailing slash', value: `${v}/` },
    );
  return [];
}

export function validateAllowedDomains(raw: string, tenantRaw: string): FieldIssue[] {
  const domains = parseDomainList(raw);
  const bad = domains.filter((d) => !isDomainName(d));
  if (bad.length > 0)
    return [
      {
        field: 'allowedDomains',
        severity: 'error',
        message: `${bad.length === 1 ? 'This is not a valid domain' : 'These are not valid domains'}: ${bad.join(', ')}. Use names such as contoso.com.`,
      },
    ];
  const tenant = normalizeTenantId(tenantRaw);
  if ((tenant === 'common' || tenant === 'organizations') && domains.length === 0)
    return [
      {
        field: 'allowedDomains',
        severity: 'error',
        message: `With "${tenant}", users of any Entra tenant can sign in, so this list is the only boundary. Enter at least one email domain, for example contoso.com.`,
      },
    ];
  return [];
}

/**
 * The rules of a The Things Stack draft: one app registration (its client ID is kept in apiAppId),
 * a GUID tenant, the provider fields, and a required domain list. The redirect URI is derived and
 * kept in webUrl, so the sign-in probe and the redirect-URI audit test exactly what TTS sends.
 */
function validateTtsProfile(draft: ProfileDraft, secretRaw: string, ctx: ValidationContext): ValidationResult {
  const tts = ttsDraftOf(draft);
  const tenantIssues = validateTenantId(draft.tenantId);
  const issues: FieldIssue[] = [
    ...validateName(draft.name, ctx.otherNames),
    ...(tenantIssues.length > 0 ? tenantIssues : validateTtsTenant(normalizeTenantId(draft.tenantId))),
    ...validateAppId('apiAppId', draft.apiAppId, 'app registration'),
    ...validateSecret({ raw: secretRaw, secretStored: ctx.secretStored }),
    ...validateSecretExpiry(draft.secretExpiresAt, ctx.today),
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
  issues.push(...practiceScenarioIssues(draft));
  if (issues.some((i) => i.severity === 'error')) return { issues };
  const settings = ttsSettingsFromDraft(tts);
  return {
    issues,
    fields: {
      ...commonFields(draft),
      samlAppId: '',
      webUrl: ttsRedirectUri(settings),
      allowedDomains: parseDomainList(draft.allowedDomains),
      target: 'the-things-stack',
      theThingsStack: settings,
    },
  };
}

/**
 * The rules of an authentik draft: one app registration (its client ID, the source's consumer key,
 * is kept in apiAppId), a tenant that fits the single/multi-tenant choice, and the source fields. The
 * redirect URI is derived and kept in webUrl, so the sign-in probe tests exactly what authentik sends.
 */
function validateAuthentikProfile(draft: ProfileDraft, secretRaw: string, ctx: ValidationContext): ValidationResult {
  const ak = authentikDraftOf(draft);
  const tenantIssues = validateTenantId(draft.tenantId);
  const issues: FieldIssue[] = [
    ...validateName(draft.name, ctx.otherNames),
    ...(tenantIssues.length > 0 ? tenantIssues : validateAuthentikTenant(normalizeTenantId(draft.tenantId), ak.tenantMode)),
    ...validateAppId('apiAppId', draft.apiAppId, 'app registration'),
    ...validateSecret({ raw: secretRaw, secretStored: ctx.secretStored }),
    ...validateSecretExpiry(draft.secretExpiresAt, ctx.today),
    ...validateAuthentikDraft(ak),
  ];
  issues.push(...practiceScenarioIssues(draft));
  if (issues.some((i) => i.severity === 'error')) return { issues };
  const settings = authentikSettingsFromDraft(ak);
  return {
    issues,
    fields: {
      ...commonFields(draft),
      samlAppId: '',
      webUrl: authentikRedirectUri(settings),
      allowedDomains: [],
      target: 'authentik',
      authentik: settings,
    },
  };
}

/** The practice tenant needs a scenario, whatever the target. */
export function practiceScenarioIssues(draft: Pick<ProfileDraft, 'cloud' | 'practiceScenario'>): FieldIssue[] {
  return draft.cloud === 'practice' && !draft.practiceScenario ? [{ field: 'cloud', severity: 'error', message: 'Pick a practice scenario for the practice tenant.' }] : [];
}

/** The fields every target stores the same way: name, cloud, tenant, client ID, secret expiry, practice scenario. */
export function commonFields(draft: ProfileDraft): Pick<ProfileFields, 'name' | 'cloud' | 'tenantId' | 'apiAppId' | 'secretExpiresAt' | 'practiceScenario'> {
  const expires = draft.secretExpiresAt.trim();
  return {
    name: normalizeName(draft.name),
    cloud: draft.cloud,
    tenantId: normalizeTenantId(draft.tenantId),
    apiAppId: normalizeAppId(draft.apiAppId),
    secretExpiresAt: expires === '' ? null : expires,
    ...(draft.cloud === 'practice' && draft.practiceScenario ? { practiceScenario: draft.practiceScenario } : {}),
  };
}

/** Every rule over a whole draft, for its target. `fields` is set when nothing is an error. */
export function validateDraft(draft: ProfileDraft, secretRaw: string, ctx: ValidationContext): ValidationResult {
  const control = controlCharacterIssues(draft);
  if (control.length > 0) return { issues: control };
  if (targetOf(draft) === 'the-things-stack') return validateTtsProfile(draft, secretRaw, ctx);
  if (targetOf(draft) === 'authentik') return validateAuthentikProfile(draft, secretRaw, ctx);
  if (targetOf(draft) === 'workspace-sso')
    return validateWorkspaceSsoProfile(draft, secretRaw, ctx, {
      validateName,
      validateTenantId,
      validateClientId: (raw) => validateAppId('apiAppId', raw, 'app registration'),
      validateSecret,
      validateSecretExpiry,
      validateAllowedDomains,
      normalizeTenantId,
      parseDomainList,
      commonFields,
      practiceScenarioIssues,
    });
  const issues: FieldIssue[] = [
    ...validateName(draft.name, ctx.otherNames),
    ...validateTenantId(draft.tenantId),
    ...validateAppIds(draft.samlAppId, draft.apiAppId, draft.tenantId),
    ...validateSecret({ raw: secretRaw, secretStored: ctx.secretStored }),
    ...validateSecretExpiry(draft.secretExpiresAt, ctx.today),
    ...validateWebUrl(draft.webUrl),
    ...validateAllowedDomains(draft.allowedDomains, draft.tenantId),
  ];
  issues.push(...practiceScenarioIssues(draft));
  if (issues.some((i) => i.severity === 'error')) return { issues };
  return {
    issues,
    fields: {
      ...commonFields(draft),
      samlAppId: normalizeAppId(draft.samlAppId),
      webUrl: normalizeWebUrl(draft.webUrl),
      allowedDomains: parseDomainList(draft.allowedDomains),
      target: 'octopus',
    },
  };
}

/** Entra's passwordCredential.hint: the first three characters of the secret value. */
export function secretHint(secret: string): string {
  return secret.slice(0, 3);
}

/** Where the profile's secret lives. */
export const SECRET_STORAGE = ['encrypted', 'session', 'none'] as const;
export type SecretStorage = (typeof SECRET_STORAGE)[number];

export const SecretInfoSchema = z.object({
  /** A usable secret is available now (encrypted on disk, or in memory for this session). */
  present: z.boolean(),
  storage: z.enum(SECRET_STORAGE),
  hint: z.string().max(3).nullable(),
  length: z.number().int().nonnegative().nullable(),
  updatedAt: z.string().nullable(),
});
export type SecretInfo = z.infer<typeof SecretInfoSchema>;

/** A profile as the renderer sees it: fields, secret metadata (never the secret), timestamps. */
export const ProfileViewSchema = ProfileFieldsSchema.extend({
  id: z.string(),
  /** Absent means Octopus (main always sets it). */
  target: z.enum(TARGET_IDS).optional(),
  secret: SecretInfoSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProfileView = z.infer<typeof ProfileViewSchema>;

/** The draft the form starts from: a stored profile being edited, or an imported one. */
export function draftFromProfile(p: WithProfileFields): ProfileDraft {
  const { allowedDomains, secretExpiresAt, target, workspaceSso, ...rest } = profileFields(p);
  return {
    ...rest,
    allowedDomains: allowedDomains.join(', '),
    secretExpiresAt: secretExpiresAt ?? '',
    ...(target && target !== DEFAULT_TARGET ? { target } : {}),
    ...(workspaceSso ? { workspaceSso: workspaceSsoDraftFromSettings(workspaceSso) } : {}),
  };
}
