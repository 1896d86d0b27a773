/**
 * authentik with an "Entra ID OAuth" source: its fields, their rules, the URLs authentik needs and
 * the settings to type into the source form. Pure, so the form and main (on save) run the same rules.
 *
 * Facts from authentik's documentation (Sources > Social logins > Entra ID > OAuth), in our words:
 * - One Entra app registration (platform Web). Its redirect URI is
 *   `https://<authentik FQDN>/source/oauth/callback/<source slug>/`, trailing slash included, and
 *   the slug must be the one given to the source in authentik.
 * - The source's consumer key is the app's Application (client) ID; the consumer secret is a client
 *   secret value of that app.
 * - Single-tenant apps use the tenant in the authorization, token and OIDC JWKS URLs; multi-tenant
 *   apps use `common`. The profile URL is always Microsoft Graph's `/v1.0/me`.
 * - Optionally the delegated permission GroupMember.Read.All, requested as the scope
 *   `https://graph.microsoft.com/GroupMember.Read.All`, lets authentik sync the user's groups.
 * - Machine-to-machine: a client gets a token from Entra with client credentials and the scope
 *   `api://<client id>/.default` (the app's Application ID URI) and hands it to authentik, which
 *   checks it with the source's OIDC JWKS URL. A token for the Graph scope instead is meant for
 *   Microsoft Graph only and authentik rejects it as an invalid JWT.
 *
 * authentik source slugs follow Django's slug rule: letters, digits, underscores and hyphens, at
 * most 50 characters.
 */
import { z } from 'zod';
import { CLOUDS, type CloudId } from '../../clouds';
import type { FieldIssue } from '../../profile';
import { hostFieldIssues } from '../host-name';

/** The profile-form fields this target adds (their issues are reported under these names). */
export const AUTHENTIK_FIELDS = ['authentikSlug', 'authentikFqdn', 'authentikTenantMode'] as const;

export const AUTHENTIK_TENANT_MODES = ['single', 'multi'] as const;
export type AuthentikTenantMode = (typeof AUTHENTIK_TENANT_MODES)[number];

/** What the user types for this target, as in the form. */
export const AuthentikDraftSchema = z.object({
  slug: z.string().max(200),
  /** Host name authentik is served at, e.g. authentik.contoso.com. */
  fqdn: z.string().max(2048),
  tenantMode: z.enum(AUTHENTIK_TENANT_MODES),
  /** Ask for the delegated GroupMember.Read.All scope so authentik syncs group membership. */
  groupMemberRead: z.boolean(),
});
export type AuthentikDraft = z.infer<typeof AuthentikDraftSchema>;

export const AUTHENTIK_SLUG_MAX = 50;
const SLUG_RE = /^[-a-zA-Z0-9_]{1,50}$/;

/** The validated settings as stored with the profile. */
export const AuthentikSettingsSchema = z.object({
  slug: z.string().regex(SLUG_RE),
  fqdn: z.string().min(1).max(300),
  tenantMode: z.enum(AUTHENTIK_TENANT_MODES),
  groupMemberRead: z.boolean(),
});
export type AuthentikSettings = z.infer<typeof AuthentikSettingsSchema>;

/** authentik's own stored fields (beside the common ones; its client ID is the source's consumer key). */
export const AUTHENTIK_PROFILE_FIELDS = {
  target: z.literal('authentik'),
  authentik: AuthentikSettingsSchema,
};

export const EMPTY_AUTHENTIK_DRAFT: AuthentikDraft = { slug: '', fqdn: '', tenantMode: 'single', groupMemberRead: false };


export function normalizeSlug(raw: string): string {
  return raw.trim();
}

/** A slug that passes the rules, made from what was typed (empty when nothing usable is left). */
function slugSuggestion(v: string): string {
  return v
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, AUTHENTIK_SLUG_MAX)
    .replace(/-+$/, '');
}

/** The source slug (authentik's slug rule; it is also the last segment of the redirect URI). */
export function validateSlug(raw: string): FieldIssue[] {
  const v = normalizeSlug(raw);
  const suggestion = slugSuggestion(v);
  const err = (message: string): FieldIssue[] => [
    { field: 'authentikSlug', severity: 'error', message, ...(suggestion && suggestion !== v ? { fix: { label: `Use ${suggestion}`, value: suggestion } } : {}) },
  ];
  if (v === '') return [{ field: 'authentikSlug', severity: 'error', message: 'Enter the source slug, for example entra-id. It must be the slug of the source in authentik.' }];
  if (v.length > AUTHENTIK_SLUG_MAX) return err(`authentik slugs have at most ${AUTHENTIK_SLUG_MAX} characters (this one has ${v.length}).`);
  if (!SLUG_RE.test(v)) return err('A slug has only letters, digits, underscores and hyphens: no spaces, dots or slashes.');
  return [];
}

/** The FQDN: lower-case host (and optional port); a pasted URL is reduced to its host by the fix. */
export function normalizeFqdn(raw: string): string {
  return raw.trim().toLowerCase();
}

export function validateFqdn(raw: string): FieldIssue[] {
  return hostFieldIssues('authentikFqdn', normalizeFqdn(raw), {
    empty: 'Enter the address authentik is served at, for example authentik.contoso.com.',
    pasted: 'Enter only the host name, without https:// or a path: the redirect URI is built from it.',
    spaces: 'Remove the spaces from the host name.',
    shape: 'Enter a host name such as authentik.contoso.com (optionally followed by :port).',
  });
}

/**
 * The tenant for the chosen mode. Single-tenant URLs name the tenant, so `common` and
 * `organizations` do not fit; multi-tenant URLs use `common`, but the checks still need the app's
 * home tenant to get tokens from.
 */
export function validateAuthentikTenant(tenant: string, mode: AuthentikTenantMode): FieldIssue[] {
  const keyword = tenant === 'common' || tenant === 'organizations';
  if (mode === 'single' && keyword)
    return [
      {
        field: 'tenantId',
        severity: 'error',
        message: `A single-tenant source names your tenant in its URLs, and "${tenant}" is not one. Enter the Directory (tenant) ID, or choose Multi-tenant below.`,
      },
    ];
  if (mode === 'multi' && keyword)
    return [
      {
        field: 'tenantId',
        severity: 'error',
        message: 'Enter the app’s home tenant (the Directory ID where it is registered). The URLs use common anyway; the checks need the home tenant to get tokens.',
      },
    ];
  return [];
}

/** A multi-tenant source lets anyone with an Entra work account reach authentik's enrollment. */
export const AUTHENTIK_MULTI_TENANT_WARNING =
  'Multi-tenant: users of any Entra tenant can sign in through this source. Register the app for "Accounts in any organizational directory", and limit who may enroll with a policy on the source’s enrollment flow.';

/** Every rule of this target's own fields. */
export function validateAuthentikDraft(draft: AuthentikDraft): FieldIssue[] {
  return [
    ...validateSlug(draft.slug),
    ...validateFqdn(draft.fqdn),
    ...(draft.tenantMode === 'multi' ? [{ field: 'authentikTenantMode' as const, severity: 'warning' as const, message: AUTHENTIK_MULTI_TENANT_WARNING }] : []),
  ];
}

export function authentikSettingsFromDraft(draft: AuthentikDraft): AuthentikSettings {
  return { slug: normalizeSlug(draft.slug), fqdn: normalizeFqdn(draft.fqdn), tenantMode: draft.tenantMode, groupMemberRead: draft.groupMemberRead };
}

/** The Web redirect URI to register in Entra (authentik sends exactly this, trailing slash included). */
export function authentikRedirectUri(s: Pick<AuthentikSettings, 'fqdn' | 'slug'>): string {
  return `https://${s.fqdn}/source/oauth/callback/${s.slug}/`;
}

export interface AuthentikUrlInput {
  cloud: CloudId;
  tenantId: string;
  clientId: string;
  settings: AuthentikSettings;
  /** The practice tenant's hosts (only known while it runs). */
  practiceAuthorityHost?: string;
  practiceGraphHost?: string;
}

/** The URLs the authentik source asks for, and the ones to register or request in Entra. */
export interface AuthentikUrls {
  redirectUri: string;
  authorizationUrl: string;
  tokenUrl: string;
  profileUrl: string;
  jwksUrl: string;
  /** The extra scope for group sync, when enabled. */
  groupScope: string | null;
  /** The scope a machine-to-machine client asks Entra for. */
  m2mScope: string;
}

function origins(p: Pick<AuthentikUrlInput, 'cloud' | 'practiceAuthorityHost' | 'practiceGraphHost'>): { login: string; graph: string } {
  if (p.cloud === 'practice')
    return {
      login: (p.practiceAuthorityHost ?? 'https://<practice tenant host>').replace(/\/+$/, ''),
      graph: (p.practiceGraphHost ?? p.practiceAuthorityHost ?? 'https://<practice tenant host>').replace(/\/+$/, ''),
    };
  return { login: `https://${CLOUDS[p.cloud].loginHost}`, graph: `https://${CLOUDS[p.cloud].graphHost}` };
}

export function authentikUrls(p: AuthentikUrlInput): AuthentikUrls {
  const { login, graph } = origins(p);
  const tenant = p.settings.tenantMode === 'single' ? p.tenantId : 'common';
  return {
    redirectUri: authentikRedirectUri(p.settings),
    authorizationUrl: `${login}/${tenant}/oauth2/v2.0/authorize`,
    tokenUrl: `${login}/${tenant}/oauth2/v2.0/token`,
    profileUrl: `${graph}/v1.0/me`,
    jwksUrl: `${login}/${tenant}/discovery/v2.0/keys`,
    groupScope: p.settings.groupMemberRead ? `${graph}/GroupMember.Read.All` : null,
    m2mScope: `api://${p.clientId}/.default`,
  };
}

/** One setting of authentik's "Create Entra ID OAuth Source" form. */
export interface AuthentikSetting {
  field: string;
  value: string;
}

export const AUTHENTIK_SECRET_NOTE = 'Not exported: paste the client secret value from Entra (Certificates & secrets).';

/**
 * The source settings in the order of authentik's form (Directory > Federation and Social login >
 * New Source > Entra ID OAuth Source). The consumer secret is never written out.
 */
export function authentikSourceSettings(p: AuthentikUrlInput & { name: string }): AuthentikSetting[] {
  const u = authentikUrls(p);
  return [
    { field: 'Name', value: p.name },
    { field: 'Slug', value: p.settings.slug },
    { field: 'Consumer key', value: p.clientId },
    { field: 'Consumer secret', value: AUTHENTIK_SECRET_NOTE },
    ...(u.groupScope ? [{ field: 'Scopes', value: u.groupScope }] : []),
    { field: 'Authorization URL', value: u.authorizationUrl },
    { field: 'Access token URL', value: u.tokenUrl },
    { field: 'Profile URL', value: u.profileUrl },
    { field: 'OIDC JWKS URL', value: u.jwksUrl },
  ];
}

/** The settings as plain text, one `Field: value` a line, for the clipboard or a ticket. */
export function authentikSettingsText(settings: readonly AuthentikSetting[]): string {
  return settings.map((s) => `${s.field}: ${s.value}`).join('\n');
}

/**
 * Entra's two access-token formats, as they matter for authentik's machine-to-machine login. The
 * version follows the API app's `requestedAccessTokenVersion` (manifest; `accessTokenAcceptedVersion`
 * in the older editor), not the endpoint the client used.
 */
export const TOKEN_VERSION_FACT =
  'Entra issues v2.0 tokens for this app only when its manifest sets requestedAccessTokenVersion (accessTokenAcceptedVersion in the older editor) to 2: then aud is the Application (client) ID and iss is https://<login host>/<tenant>/v2.0, as authentik’s OIDC JWKS URL expects. With null or 1 it issues v1.0 tokens: aud is the Application ID URI (api://…) and iss is https://sts.windows.net/<tenant>/.';

export const GRAPH_SCOPE_PITFALL =
  'Ask for api://<client id>/.default, not https://graph.microsoft.com/.default: a Graph token is made for Microsoft Graph alone (its signature cannot be checked by anyone else), so authentik refuses it with "invalid JWT format".';

/** What the token's `aud` and `ver` say about authentik's machine-to-machine login. */
export interface TokenVerdict {
  status: 'passed' | 'warning' | 'failed';
  summary: string;
  fix: string[];
}

/** Judge a client-credentials token for `api://<clientId>/.default` by its audience and version. */
export function judgeM2mToken(claims: { aud: string; ver: string }, clientId: string): TokenVerdict {
  const aud = claims.aud.toLowerCase().replace(/\/+$/, '');
  const id = clientId.toLowerCase();
  const manifest = 'Entra admin center > App registrations > the app > Manifest: set "requestedAccessTokenVersion": 2 (in the older editor "accessTokenAcceptedVersion": 2) and save.';
  if (aud !== id && aud !== `api://${id}`)
    return {
      status: 'failed',
      summary: `The token is for "${claims.aud}", not for this app: authentik would refuse it. ${GRAPH_SCOPE_PITFALL}`,
      fix: [`Request the scope api://${clientId}/.default.`, 'Set the Application ID URI to api://<client id> under Expose an API.'],
    };
  if (claims.ver === '2.0' && aud === id)
    return { status: 'passed', summary: 'The secret works: Entra issued a v2.0 token for api://…/.default whose audience is the client ID, as authentik expects.', fix: [] };
  if (claims.ver === '1.0')
    return {
      status: 'warning',
      summary: 'The secret works, but Entra issued a v1.0 token (aud api://…, issuer sts.windows.net): it does not match the v2.0 endpoints the authentik source uses.',
      fix: [manifest],
    };
  return { status: 'warning', summary: `The secret works, but the token's version "${claims.ver || 'none'}" with audience "${claims.aud}" is unusual.`, fix: [manifest] };
}
