/**
 * The Things Stack as an OpenID Connect authentication provider with Entra ID: its fields, the
 * rules for them, the URLs derived from them, and the `tti-lw-cli` command that creates the
 * provider. Pure, so the form and main (on save) run the same rules.
 *
 * Facts from The Things Industries' documentation (federated auth > OIDC > Microsoft Entra, and the
 * CLI reference of `authentication-providers create`):
 * - The provider ID has 3 to 36 characters: lower-case letters, digits and dashes, with no leading,
 *   trailing or repeated dashes.
 * - The Entra app registration is single-tenant; its Web redirect URI is
 *   `https://<server-address>/oauth/login/<provider-id>/callback`, and ID tokens are enabled.
 * - The provider URL is the tenant's v2.0 issuer, `https://<login host>/<tenant GUID>/v2.0`.
 * - Entra does not require the email address to be verified: users who can change their own email
 *   could take over another account, so admins must prevent that.
 */
import { z } from 'zod';
import { CLOUDS, type CloudId } from '../../clouds';
import type { FieldIssue } from '../../profile';
import { hostFieldIssues } from '../host-name';

/** What the user types for this target, as in the form. */
export const TtsDraftSchema = z.object({
  /** Host (and optional port) where The Things Stack is served, e.g. eu1.cloud.thethings.industries. */
  serverAddress: z.string().max(2048),
  providerId: z.string().max(200),
});
export type TtsDraft = z.infer<typeof TtsDraftSchema>;

/** The validated settings as stored with the profile. */
export const TtsSettingsSchema = z.object({
  serverAddress: z.string().min(1).max(300),
  providerId: z.string().min(3).max(36),
});
export type TtsSettings = z.infer<typeof TtsSettingsSchema>;

/** The Things Stack's own stored fields (beside the common ones): the provider settings and the required domain list. */
export const TTS_FIELDS = {
  target: z.literal('the-things-stack'),
  /** Email domains allowed to sign in (The Things Stack requires at least one). */
  allowedDomains: z.array(z.string().max(253)).max(500),
  theThingsStack: TtsSettingsSchema,
};

export const EMPTY_TTS_DRAFT: TtsDraft = { serverAddress: '', providerId: '' };

/** 3 to 36 characters of lower-case letters, digits and single inner dashes. */
const PROVIDER_ID_RE = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,35}$/;
const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function normalizeProviderId(raw: string): string {
  return raw.trim();
}

/** The provider ID's own rules (see the file comment). */
export function validateProviderId(raw: string): FieldIssue[] {
  const v = normalizeProviderId(raw);
  const err = (message: string, fixValue?: string): FieldIssue[] => [
    { field: 'ttsProviderId', severity: 'error', message, ...(fixValue && PROVIDER_ID_RE.test(fixValue) ? { fix: { label: `Use ${fixValue}`, value: fixValue } } : {}) },
  ];
  if (v === '') return err('Enter a provider ID, for example microsoft-entra. It becomes part of the redirect URI.');
  if (PROVIDER_ID_RE.test(v)) return [];
  const suggestion = v
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 36)
    .replace(/-+$/, '');
  if (v.length < 3) return err(`Use at least 3 characters (this ID has ${v.length}).`);
  if (v.length > 36) return err(`Use at most 36 characters (this ID has ${v.length}).`, suggestion);
  if (/[A-Z]/.test(v)) return err('Use lower-case letters only.', suggestion);
  if (/[^a-z0-9-]/.test(v)) return err('Use only lower-case letters, digits and dashes.', suggestion);
  if (v.startsWith('-') || v.endsWith('-')) return err('The ID cannot start or end with a dash.', suggestion);
  return err('Use single dashes only: two dashes in a row are not allowed.', suggestion);
}

/** Server address: the host (and port) only, lower-case; a pasted URL is reduced to its host. */
export function normalizeServerAddress(raw: string): string {
  return raw.trim().toLowerCase();
}

export function validateServerAddress(raw: string): FieldIssue[] {
  return hostFieldIssues('ttsServerAddress', normalizeServerAddress(raw), {
    empty: 'Enter the address The Things Stack is served at, for example thethings.contoso.com.',
    pasted: 'Enter only the server address, without https:// or a path: the redirect URI is built from it.',
    spaces: 'Remove the spaces from the server address.',
    shape: 'Enter a host name such as thethings.contoso.com, optionally followed by :port.',
  });
}

/**
 * The tenant as The Things Stack needs it: it checks that the issuer in Entra's discovery document
 * equals the provider URL, and Entra's issuer always names the tenant by its GUID.
 */
export function validateTtsTenant(tenant: string): FieldIssue[] {
  if (tenant === '' || GUID_RE.test(tenant)) return [];
  if (tenant === 'common' || tenant === 'organizations')
    return [
      {
        field: 'tenantId',
        severity: 'error',
        message: `The Things Stack needs a single-tenant app: with "${tenant}" the issuer Entra puts in tokens never matches the provider URL. Enter the Directory (tenant) ID GUID.`,
      },
    ];
  return [
    {
      field: 'tenantId',
      severity: 'error',
      message: 'Enter the Directory (tenant) ID as a GUID: The Things Stack compares the provider URL with the issuer in Entra’s discovery document, which always names the tenant by its GUID.',
    },
  ];
}

/** Every rule of this target's own fields. */
export function validateTtsDraft(draft: TtsDraft): FieldIssue[] {
  return [...validateServerAddress(draft.serverAddress), ...validateProviderId(draft.providerId)];
}

export function ttsSettingsFromDraft(draft: TtsDraft): TtsSettings {
  return { serverAddress: normalizeServerAddress(draft.serverAddress), providerId: normalizeProviderId(draft.providerId) };
}

/** The Web redirect URI to register in Entra. */
export function ttsRedirectUri(s: TtsSettings): string {
  return `https://${s.serverAddress}/oauth/login/${s.providerId}/callback`;
}

/** The provider URL (Entra's v2.0 issuer for the tenant) in the profile's cloud. */
export function ttsProviderUrl(cloud: CloudId, tenantId: string, practiceAuthorityHost?: string): string {
  const host = cloud === 'practice' ? (practiceAuthorityHost ?? 'https://<practice tenant host>') : `https://${CLOUDS[cloud].loginHost}`;
  return `${host.replace(/\/+$/, '')}/${tenantId}/v2.0`;
}

export const TTS_SECRET_PLACEHOLDER = '"$TTS_ENTRA_CLIENT_SECRET"';

/** A value as one shell word (POSIX single quotes when it holds anything but safe characters). */
function shellWord(v: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

export interface TtsCommandInput {
  name: string;
  cloud: CloudId;
  tenantId: string;
  clientId: string;
  allowedDomains: readonly string[];
  settings: TtsSettings;
  practiceAuthorityHost?: string;
}

/**
 * The `tti-lw-cli authentication-providers create` command for this profile. The client secret is
 * never written out: the command reads it from the TTS_ENTRA_CLIENT_SECRET environment variable.
 */
export function ttsCliCommand(p: TtsCommandInput): string {
  const lines = [
    `tti-lw-cli authentication-providers create ${shellWord(p.settings.providerId)}`,
    `--name ${shellWord(p.name)}`,
    `--allowed-email-domains ${shellWord(p.allowedDomains.join(','))}`,
    `--configuration.provider.oidc.client-id ${shellWord(p.clientId)}`,
    `--configuration.provider.oidc.client-secret ${TTS_SECRET_PLACEHOLDER}`,
    `--configuration.provider.oidc.provider-url ${shellWord(ttsProviderUrl(p.cloud, p.tenantId, p.practiceAuthorityHost))}`,
  ];
  return lines.join(' \\\n  ');
}

export const TTS_EMAIL_WARNING =
  'Entra does not verify the email addresses it puts in tokens, and The Things Stack matches accounts by email. Make sure users cannot change their own email address in Entra (for example, no self-service mail attribute edits and no guest accounts with arbitrary addresses), or one user could sign in as another.';
