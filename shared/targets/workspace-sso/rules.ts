/**
 * Workspace SSO in the style of OnTrackio: one confidential Entra app registration serves every
 * workspace of a multi-workspace web app, each workspace on its own subdomain. Its fields, the rules
 * for them, the redirect URIs derived from them and the environment variables the product reads.
 * Pure, so the form and main (on save) run the same rules.
 *
 * The conventions this target follows (and the form explains):
 * - Tenant: a Directory (tenant) ID GUID, or `common` for a multi-tenant app. With `common` any
 *   Entra tenant's users can sign in, so an email-domain allowlist is required.
 * - External collaborators: email addresses that may sign in although their domain is not allowed.
 * - Redirect URIs: `https://<workspace>.<base domain>/auth/callback`, one per workspace. Entra has no
 *   wildcard redirect URIs, so every workspace's URI is listed and must be registered (Web platform).
 * - Confidential client: a client secret, implicit grant (access and ID tokens) off, "Allow public
 *   client flows" off. Scopes `openid profile email User.Read`.
 * - The user's email: the profile's `mail` / `email` claim, falling back to `userPrincipalName`
 *   (Graph) or `preferred_username` (ID token) when the user has none.
 * - Export: AZURE_CLIENT_ID, AZURE_CLIENT_SECRET (a placeholder, never the value), AZURE_TENANT_ID,
 *   AZURE_REDIRECT_URI (every workspace's URI, comma-separated, in workspace order: the product picks
 *   the one whose host is the workspace being signed in to), AZURE_ALLOWED_DOMAINS (comma-separated).
 */
import { z } from 'zod';
import { LABEL_RE, hostOfPastedUrl, isHostName } from '../host-name';
import type { FieldFix, FieldIssue, ProfileField } from '../../profile';

/** What the user types for this target, as in the form. */
export const WorkspaceSsoDraftSchema = z.object({
  /** The domain every workspace is a subdomain of, e.g. ontrackio.com. */
  baseDomain: z.string().max(2048),
  /** Workspace subdomains as typed (comma-, semicolon- or space-separated). */
  workspaces: z.string().max(100_000),
  /** External collaborators' email addresses as typed. */
  externalCollaborators: z.string().max(100_000),
});
export type WorkspaceSsoDraft = z.infer<typeof WorkspaceSsoDraftSchema>;

/** Entra accepts at most 256 redirect URIs on an app registration. */
export const MAX_WORKSPACES = 256;
/** Entra's limit on the length of one redirect URI. */
export const MAX_REDIRECT_URI_LENGTH = 256;
export const MAX_COLLABORATORS = 500;

/** The validated settings as stored with the profile. */
export const WorkspaceSsoSettingsSchema = z.object({
  baseDomain: z.string().min(1).max(253),
  workspaces: z.array(z.string().min(1).max(63)).min(1).max(MAX_WORKSPACES),
  externalCollaborators: z.array(z.string().min(3).max(320)).max(MAX_COLLABORATORS),
});
export type WorkspaceSsoSettings = z.infer<typeof WorkspaceSsoSettingsSchema>;

/** The form field (issue key) of each draft property. */
export const WORKSPACE_SSO_FIELDS: Readonly<Record<keyof WorkspaceSsoDraft, ProfileField>> = {
  baseDomain: 'wsBaseDomain',
  workspaces: 'wsWorkspaces',
  externalCollaborators: 'wsCollaborators',
};

/** Workspace SSO's own stored fields (beside the common ones): the workspaces and the domain list. */
export const WORKSPACE_SSO_PROFILE_FIELDS = {
  target: z.literal('workspace-sso'),
  /** Email domains allowed to sign in (required with the `common` tenant). */
  allowedDomains: z.array(z.string().max(253)).max(500),
  workspaceSso: WorkspaceSsoSettingsSchema,
};

export const EMPTY_WORKSPACE_SSO_DRAFT: WorkspaceSsoDraft = { baseDomain: '', workspaces: '', externalCollaborators: '' };

/** The scopes the product requests at sign-in. */
export const WORKSPACE_SSO_SCOPES = ['openid', 'profile', 'email', 'User.Read'] as const;

/** The path every workspace's callback lives at. */
export const WORKSPACE_CALLBACK_PATH = '/auth/callback';

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** One DNS label: lower-case letters, digits, inner hyphens, at most 63 characters. */
/** A pragmatic address check: one @, a local part without spaces, a domain name after it. */
const LOCAL_PART_RE = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$/;

/** Split a typed list on commas, semicolons or whitespace. */
function splitList(raw: string): string[] {
  return raw
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Base domain: trimmed, lower-case, without a leading `*.` or dot or a trailing dot or slash. */
export function normalizeBaseDomain(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/^\*?\.+/, '')
    .replace(/[./]+$/, '');
}

export function validateBaseDomain(raw: string): FieldIssue[] {
  const v = normalizeBaseDomain(raw);
  const err = (message: string, fix?: FieldFix): FieldIssue[] => [{ field: 'wsBaseDomain', severity: 'error', message, ...(fix ? { fix } : {}) }];
  if (v === '') return err('Enter the domain the workspaces are subdomains of, for example ontrackio.com.');
  const pasted = hostOfPastedUrl(v, 'hostname');
  if (pasted !== null)
    return err('Enter only the domain, without https:// or a path: the redirect URIs are built from it.', pasted && isHostName(pasted) ? { label: `Use ${pasted}`, value: pasted } : undefined);
  if (/\s/.test(v)) return err('Remove the spaces from the base domain.');
  if (v.includes(':')) return err('Enter the domain without a port: Entra needs https redirect URIs on the default port here.');
  if (!isHostName(v)) return err('Enter a domain name such as ontrackio.com.');
  return [];
}

/**
 * One workspace as typed, reduced to its subdomain label where that is unambiguous: a full URL or
 * host under the base domain becomes its first label; upper case becomes lower case; underscores,
 * dots and spaces become dashes. Null when nothing sensible can be made of it.
 */
export function suggestWorkspace(entry: string, baseDomain: string): string | null {
  let v = entry.trim().toLowerCase();
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(v)) {
    try {
      v = new URL(v).hostname;
    } catch {
      return null;
    }
  }
  if (baseDomain && v.endsWith(`.${baseDomain}`)) v = v.slice(0, -baseDomain.length - 1);
  v = v
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return LABEL_RE.test(v) ? v : null;
}

/** The workspace subdomains: lower-case, de-duplicated, in the order typed. */
export function parseWorkspaces(raw: string): string[] {
  return unique(splitList(raw).map((w) => w.toLowerCase()));
}

/** `https://<workspace>.<base domain>/auth/callback`. */
export function workspaceRedirectUri(workspace: string, baseDomain: string): string {
  return `https://${workspace}.${baseDomain}${WORKSPACE_CALLBACK_PATH}`;
}

/** Every workspace's redirect URI, in workspace order: all of them go into Entra. */
export function workspaceRedirectUris(s: Pick<WorkspaceSsoSettings, 'workspaces' | 'baseDomain'>): string[] {
  return s.workspaces.map((w) => workspaceRedirectUri(w, s.baseDomain));
}

export function validateWorkspaces(raw: string, baseDomainRaw: string): FieldIssue[] {
  const base = normalizeBaseDomain(baseDomainRaw);
  const entries = parseWorkspaces(raw);
  const err = (message: string, fix?: FieldFix): FieldIssue[] => [{ field: 'wsWorkspaces', severity: 'error', message, ...(fix ? { fix } : {}) }];
  if (entries.length === 0) return err('Enter at least one workspace subdomain, for example acme (for acme.ontrackio.com). Separate several with commas.');
  const bad = entries.filter((w) => !LABEL_RE.test(w));
  if (bad.length > 0) {
    const suggestions = entries.map((w) => (LABEL_RE.test(w) ? w : suggestWorkspace(w, base)));
    const fixed = suggestions.every((s): s is string => s !== null) ? unique(suggestions).join(', ') : null;
    const wholeHost = bad.some((w) => w.includes('.') || w.includes('/'));
    return err(
      `${bad.length === 1 ? 'This is not a workspace subdomain' : 'These are not workspace subdomains'}: ${bad.join(', ')}. ${
        wholeHost ? 'Enter only the part before the base domain, e.g. acme for acme.ontrackio.com.' : 'Use lower-case letters, digits and inner dashes (at most 63 characters).'
      }`,
      fixed ? { label: `Use ${fixed.length > 60 ? 'the corrected list' : fixed}`, value: fixed } : undefined,
    );
  }
  if (entries.length > MAX_WORKSPACES)
    return err(`Entra accepts at most ${MAX_WORKSPACES} redirect URIs on one app registration; this list has ${entries.length} workspaces. Split them across app registrations.`);
  if (base && isHostName(base)) {
    const long = entries.filter((w) => workspaceRedirectUri(w, base).length > MAX_REDIRECT_URI_LENGTH || `${w}.${base}`.length > 253);
    if (long.length > 0) return err(`Entra accepts redirect URIs of at most ${MAX_REDIRECT_URI_LENGTH} characters; too long for: ${long.join(', ')}.`);
  }
  return [];
}

/** External collaborators: lower-case, without a `mailto:` or angle brackets, de-duplicated. */
export function parseCollaborators(raw: string): string[] {
  return unique(
    splitList(raw).map((e) =>
      e
        .toLowerCase()
        .replace(/^mailto:/, '')
        .replace(/^<|>$/g, ''),
    ),
  );
}

export function isEmailAddress(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0 || value.indexOf('@') !== at) return false;
  const local = value.slice(0, at);
  return LOCAL_PART_RE.test(local) && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..') && isHostName(value.slice(at + 1));
}

export function validateCollaborators(raw: string, allowedDomains: readonly string[]): FieldIssue[] {
  const emails = parseCollaborators(raw);
  const bad = emails.filter((e) => !isEmailAddress(e));
  if (bad.length > 0)
    return [
      {
        field: 'wsCollaborators',
        severity: 'error',
        message: `${bad.length === 1 ? 'This is not an email address' : 'These are not email addresses'}: ${bad.join(', ')}. Enter whole addresses such as jane@fabrikam.com.`,
      },
    ];
  if (emails.length > MAX_COLLABORATORS)
    return [{ field: 'wsCollaborators', severity: 'error', message: `Enter at most ${MAX_COLLABORATORS} external collaborators (this list has ${emails.length}).` }];
  const covered = emails.filter((e) => allowedDomains.includes(e.slice(e.lastIndexOf('@') + 1)));
  if (covered.length > 0) {
    const rest = emails.filter((e) => !covered.includes(e)).join(', ');
    return [
      {
        field: 'wsCollaborators',
        severity: 'warning',
        message: `Already allowed by their domain, so listing them changes nothing: ${covered.join(', ')}.`,
        fix: { label: covered.length === 1 ? `Remove ${covered[0] ?? ''}` : 'Remove them', value: rest },
      },
    ];
  }
  return [];
}

/**
 * The tenant as this target needs it (after the general tenant rules passed): a GUID, or `common`.
 * The product puts AZURE_TENANT_ID in its authority URL and compares the token's tenant with it.
 */
export function validateWorkspaceTenant(tenant: string): FieldIssue[] {
  if (tenant === '' || GUID_RE.test(tenant)) return [];
  if (tenant === 'common')
    return [
      {
        field: 'tenantId',
        severity: 'warning',
        message:
          'With "common", set Supported account types to "Accounts in any organizational directory" on the app registration, or sign-in fails with AADSTS50194. The allowed email domains are then the only boundary.',
      },
    ];
  if (tenant === 'organizations')
    return [
      {
        field: 'tenantId',
        severity: 'error',
        message: 'Workspace SSO takes a Directory (tenant) ID GUID or "common" for a multi-tenant app. "organizations" works the same way here: use "common".',
        fix: { label: 'Use common', value: 'common' },
      },
    ];
  return [
    {
      field: 'tenantId',
      severity: 'error',
      message: 'Enter the Directory (tenant) ID as a GUID (Entra ID > Overview), or "common" for a multi-tenant app: AZURE_TENANT_ID takes no domain name.',
    },
  ];
}

/** Every rule of this target's own fields. */
export function validateWorkspaceSsoDraft(draft: WorkspaceSsoDraft, allowedDomains: readonly string[]): FieldIssue[] {
  return [...validateBaseDomain(draft.baseDomain), ...validateWorkspaces(draft.workspaces, draft.baseDomain), ...validateCollaborators(draft.externalCollaborators, allowedDomains)];
}

export function workspaceSsoSettingsFromDraft(draft: WorkspaceSsoDraft): WorkspaceSsoSettings {
  return { baseDomain: normalizeBaseDomain(draft.baseDomain), workspaces: parseWorkspaces(draft.workspaces), externalCollaborators: parseCollaborators(draft.externalCollaborators) };
}

/** The form text of stored settings. */
export function workspaceSsoDraftFromSettings(s: WorkspaceSsoSettings): WorkspaceSsoDraft {
  return { baseDomain: s.baseDomain, workspaces: s.workspaces.join(', '), externalCollaborators: s.externalCollaborators.join(', ') };
}

export const WORKSPACE_SECRET_PLACEHOLDER = '"<the client secret Value: Entra admin center > App registrations > this app > Certificates & secrets (not the Secret ID)>"';

export interface WorkspaceEnvInput {
  name: string;
  tenantId: string;
  clientId: string;
  allowedDomains: readonly string[];
  settings: WorkspaceSsoSettings;
}

/** A value as one dotenv value: bare when it holds only safe characters, else double-quoted. */
function envValue(v: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]*$/.test(v) ? v : `"${v.replace(/["\\$`]/g, '\\$&')}"`;
}

/**
 * The product's environment variables for this profile, as a .env file. The client secret is never
 * written: AZURE_CLIENT_SECRET is a placeholder saying where the value comes from. External
 * collaborators have no variable of their own in this list; they are written as a comment.
 */
export function workspaceEnvFile(p: WorkspaceEnvInput): string {
  const uris = workspaceRedirectUris(p.settings);
  const lines = [
    `# Workspace SSO for "${p.name.replace(/[\r\n]/g, ' ')}" (generated by Federation Desk)`,
    `AZURE_CLIENT_ID=${envValue(p.clientId)}`,
    '# Never stored here: paste the secret Value in place of the placeholder, or set it from your secret store.',
    `AZURE_CLIENT_SECRET=${WORKSPACE_SECRET_PLACEHOLDER}`,
    `AZURE_TENANT_ID=${envValue(p.tenantId)}`,
    `# All ${uris.length} workspace callback(s), comma-separated, in workspace order; each is registered in Entra.`,
    `AZURE_REDIRECT_URI=${envValue(uris.join(','))}`,
    p.allowedDomains.length > 0 ? `AZURE_ALLOWED_DOMAINS=${envValue(p.allowedDomains.join(','))}` : '# Empty: every user of the tenant may sign in.\nAZURE_ALLOWED_DOMAINS=',
  ];
  if (p.settings.externalCollaborators.length > 0)
    lines.push(`# External collaborators (they bypass AZURE_ALLOWED_DOMAINS; add them to the product's collaborator list): ${p.settings.externalCollaborators.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export const WORKSPACE_EMAIL_NOTE =
  'The product takes the user’s email from the profile (the email claim, or mail in Microsoft Graph). A user without one is matched by userPrincipalName (Graph) or preferred_username (ID token) instead: that is a sign-in name, not always a mailbox, so check that it is in an allowed domain or on the collaborator list.';

/**
 * The product's troubleshooting table: the AADSTS codes admins meet with this setup and what causes
 * each here. Every code is in the diagnostics catalog (a unit test keeps it so).
 */
export const WORKSPACE_SSO_TROUBLESHOOTING: readonly { code: number; cause: string }[] = [
  { code: 50011, cause: 'The workspace’s redirect URI is not registered (Entra has no wildcards: register every workspace).' },
  { code: 500113, cause: 'The app registration has no redirect URI at all.' },
  { code: 50194, cause: 'AZURE_TENANT_ID is "common" but the app registration is single-tenant.' },
  { code: 50020, cause: 'A user (often an external collaborator) is not in the tenant: invite them as a guest, or use "common".' },
  { code: 700016, cause: 'Wrong AZURE_CLIENT_ID, or the app is in another tenant than AZURE_TENANT_ID.' },
  { code: 7000215, cause: 'AZURE_CLIENT_SECRET holds the Secret ID or a wrong value.' },
  { code: 7000222, cause: 'The client secret expired.' },
  { code: 7000218, cause: 'No client secret was sent: AZURE_CLIENT_SECRET is empty or still the placeholder.' },
  { code: 700054, cause: 'Something asked for an ID token through the implicit flow, which stays off for this confidential client.' },
  { code: 65001, cause: 'Nobody consented to User.Read: grant admin consent.' },
  { code: 50105, cause: 'Assignment is required and the user is not assigned to the app.' },
  { code: 90002, cause: 'AZURE_TENANT_ID is not a tenant in this cloud.' },
];
