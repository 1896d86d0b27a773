/**
 * The rules every integration target applies to the Entra side of a profile: its name, the
 * tenant, the app registration's client ID, the secret and its expiry, the email-domain list and the
 * practice scenario. Pure; imports only types from shared/profile.ts, so a target's module can use
 * these rules and shared/profile.ts can use the targets without an import cycle.
 */
import type { FieldFix, FieldIssue, ProfileDraft, ProfileFields, ValidationContext, ValidationResult } from '../profile';
import { isHostName } from './host-name';

export const PROFILE_NAME_MAX = 64;

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A GUID anywhere in a text, for pointing at what the user probably meant. */
const GUID_IN_TEXT_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export function isGuid(value: string): boolean {
  return GUID_RE.test(value);
}

/** A DNS domain such as contoso.com or contoso.onmicrosoft.com (lower case expected). */
export function isDomainName(value: string): boolean {
  return isHostName(value);
}

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

export function validateAppId(field: 'samlAppId' | 'clientId', raw: string, label?: string): FieldIssue[] {
  const v = normalizeAppId(raw);
  const which = label ?? (field === 'samlAppId' ? 'SAML-OpenID application' : 'API application');
  if (v === '') return [{ field, severity: 'error', message: `Enter the ${which}'s Application (client) ID from App registrations > Overview.` }];
  if (isGuid(v)) return [];
  const guid = GUID_IN_TEXT_RE.exec(v);
  if (guid && guid[0].length !== v.length)
    return [{ field, severity: 'error', message: 'Enter only the Application (client) ID, without anything around it.', fix: { label: `Use ${guid[0]}`, value: guid[0] } }];
  return [{ field, severity: 'error', message: 'An Application (client) ID is a GUID: 32 hex digits in groups of 8-4-4-4-12.' }];
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

/** The practice tenant needs a scenario, whatever the target. */
export function practiceScenarioIssues(draft: Pick<ProfileDraft, 'cloud' | 'practiceScenario'>): FieldIssue[] {
  return draft.cloud === 'practice' && !draft.practiceScenario ? [{ field: 'cloud', severity: 'error', message: 'Pick a practice scenario for the practice tenant.' }] : [];
}

/** The fields every target stores the same way: name, cloud, tenant, client ID, secret expiry, practice scenario. */
export function commonFields(draft: ProfileDraft): Pick<ProfileFields, 'name' | 'cloud' | 'tenantId' | 'clientId' | 'secretExpiresAt' | 'practiceScenario'> {
  const expires = draft.secretExpiresAt.trim();
  return {
    name: normalizeName(draft.name),
    cloud: draft.cloud,
    tenantId: normalizeTenantId(draft.tenantId),
    clientId: normalizeAppId(draft.clientId),
    secretExpiresAt: expires === '' ? null : expires,
    ...(draft.cloud === 'practice' && draft.practiceScenario ? { practiceScenario: draft.practiceScenario } : {}),
  };
}

/** Entra's passwordCredential.hint: the first three characters of the secret value. */
export function secretHint(secret: string): string {
  return secret.slice(0, 3);
}
/**
 * The issues every target finds the same way: the name, the tenant (then the target's own rule for
 * it, once the general one passed), the secret, its expiry and the practice scenario. The client ID
 * and the target's own fields are the target's to check.
 */
export function entraIssues(draft: ProfileDraft, secretRaw: string, ctx: ValidationContext, tenantRule?: (tenant: string) => FieldIssue[]): FieldIssue[] {
  const tenantIssues = validateTenantId(draft.tenantId);
  return [
    ...validateName(draft.name, ctx.otherNames),
    ...(tenantIssues.length > 0 || !tenantRule ? tenantIssues : tenantRule(normalizeTenantId(draft.tenantId))),
    ...validateSecret({ raw: secretRaw, secretStored: ctx.secretStored }),
    ...validateSecretExpiry(draft.secretExpiresAt, ctx.today),
    ...practiceScenarioIssues(draft),
  ];
}

/** A draft's result: the fields only when no issue is an error. */
export function resultOf(issues: FieldIssue[], fields: () => ProfileFields): ValidationResult {
  return issues.some((i) => i.severity === 'error') ? { issues } : { issues, fields: fields() };
}

/** The record of one target, or null when `p` is another's (each target reads its own settings through this). */
export function variantOf<T extends ProfileFields['target']>(p: ProfileFields, target: T): Extract<ProfileFields, { target: T }> | null {
  return p.target === target ? (p as Extract<ProfileFields, { target: T }>) : null;
}

/** A CLI option's text (empty when it was not given, or given as a switch). */
export function cliText(v: string | boolean | undefined): string {
  return typeof v === 'string' ? v : '';
}
