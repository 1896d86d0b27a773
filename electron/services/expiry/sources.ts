/**
 * Where expiry dates come from. Each source turns one target (a stored profile, or the CLI's fields)
 * into items; the service merges them. Built in: the secret date the user typed, and the SAML app's
 * signing certificates from its federation metadata.
 *
 * Extension point for the registration audit: a source with `name: 'graph'` that reads the API
 * app's passwordCredentials and returns one `client-secret` item per credential, `source: 'graph'`,
 * `credentialId: 'graph:' + keyId`, `expiresAt: endDateTime` and `hint`. Pass it to the service in
 * `extraSources`; `mergeItems` then drops the typed date for the secret whose hint matches (Graph's
 * date is the real one), and keeps the other credentials as items of their own.
 */
import type { CloudId } from '../../../shared/clouds';
import { typedDateToInstant, type ExpiryItemInput } from '../../../shared/expiry';
import { isIsoDate } from '../../../shared/profile';
import type { StoredProfile } from '../profile-store';
import { entraValues } from '../../../shared/targets/registry';
import type { MetadataReader } from './metadata-reader';

/** What the sources read: a stored profile, or the CLI's --tenant/--saml-app/... fields. */
export interface ExpiryTarget {
  /** null for the CLI's fields mode. */
  profileId: string | null;
  profileName: string;
  cloud: CloudId;
  tenantId: string;
  /** null for targets without a SAML app: no SAML certificates to watch. */
  samlAppId: string | null;
  /** The app registration whose secret is stored (null for the CLI's fields mode). */
  clientId: string | null;
  practiceScenario?: string;
  /** yyyy-mm-dd as typed, or null. */
  secretExpiresAt: string | null;
  secretHint: string | null;
  /** A secret is (or was) stored: without one and without a date there is no secret to watch. */
  secretStored: boolean;
}

export interface CollectOptions {
  /** Skip caches (the user clicked "Check again"). */
  refresh?: boolean;
}

/** One source of expiry dates. */
export interface ExpirySourceProvider {
  readonly name: string;
  /** Never throws: a failure is an item with expiresAt null and a reason. */
  collect(target: ExpiryTarget, options: CollectOptions): Promise<ExpiryItemInput[]>;
}

/** The target of a stored profile. */
export function targetOfProfile(p: StoredProfile): ExpiryTarget {
  return {
    profileId: p.id,
    profileName: p.name,
    cloud: p.cloud,
    tenantId: p.tenantId,
    samlAppId: entraValues(p).samlAppId,
    clientId: p.clientId,
    ...(p.practiceScenario ? { practiceScenario: p.practiceScenario } : {}),
    secretExpiresAt: p.secretExpiresAt,
    secretHint: p.secret.hint,
    secretStored: p.secret.storage !== 'none',
  };
}

/** The client secret's date as typed in the profile (or given with --secret-expires). */
export const typedSecretSource: ExpirySourceProvider = {
  name: 'typed',
  async collect(t) {
    if (!t.secretStored && !t.secretExpiresAt) return [];
    const label = t.secretHint ? `Client secret ${t.secretHint}…` : 'Client secret';
    const base = { kind: 'client-secret' as const, source: 'typed' as const, label, ...(t.secretHint ? { hint: t.secretHint } : {}) };
    if (!t.secretExpiresAt)
      return [{ ...base, credentialId: `secret:${t.secretHint ?? 'none'}:unrecorded`, expiresAt: null, reason: "The secret's expiry date is not recorded. Copy it from the Expires column in Certificates & secrets into the profile." }];
    if (!isIsoDate(t.secretExpiresAt))
      return [{ ...base, credentialId: `secret:${t.secretHint ?? 'none'}:invalid`, expiresAt: null, reason: `"${t.secretExpiresAt}" is not a date; use yyyy-mm-dd.` }];
    return [{ ...base, credentialId: `secret:${t.secretHint ?? 'none'}:${t.secretExpiresAt}`, expiresAt: typedDateToInstant(t.secretExpiresAt) }];
  },
};

/** Every signing certificate of the SAML app, from its app federation metadata. */
export function federationMetadataSource(reader: MetadataReader): ExpirySourceProvider {
  return {
    name: 'federation-metadata',
    async collect(t, options) {
      // Targets without a SAML application (their module says hasSamlApp: false) have no SAML certificates to watch.
      if (t.samlAppId === null || t.samlAppId.trim() === '') return [];
      const result = await reader.read(t, options);
      if (!result.ok)
        return [{ kind: 'saml-signing-certificate', source: 'federation-metadata', credentialId: `saml:${t.samlAppId}`, label: 'SAML signing certificates', expiresAt: null, reason: result.reason }];
      const several = result.certificates.length > 1;
      return result.certificates.map((c, i) => ({
        kind: 'saml-signing-certificate' as const,
        source: 'federation-metadata' as const,
        credentialId: `saml:${c.thumbprintSha1}`,
        label: `SAML signing certificate ${c.thumbprintSha1.slice(0, 8)}…${several ? (i === 0 ? ' (newest)' : ' (older)') : ''}`,
        expiresAt: c.notAfter,
        thumbprint: c.thumbprintSha1,
        newest: i === 0,
      }));
    },
  };
}

/**
 * Combine the items of every source: when Graph reports the stored secret (same hint), its date
 * replaces the typed one.
 */
export function mergeItems(items: ExpiryItemInput[]): ExpiryItemInput[] {
  const graphHints = new Set(items.filter((i) => i.kind === 'client-secret' && i.source === 'graph' && i.hint).map((i) => i.hint));
  return items.filter((i) => !(i.kind === 'client-secret' && i.source === 'typed' && i.hint !== undefined && graphHints.has(i.hint)));
}
