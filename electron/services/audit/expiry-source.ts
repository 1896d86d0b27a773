/**
 * Feeds the expiry watch (the extension point in electron/services/expiry/sources.ts) with
 * the client secrets' real end dates from the last registration audit of a profile. Graph needs an
 * interactive sign-in, so the watch never calls Graph itself: it reads what the last audit saw.
 *
 * Items: the stored secret (matched by hint) and every other secret that has not expired yet (it
 * may be the one Octopus really uses). Leftover secrets that already expired are not reported here:
 * they break nothing, and the audit's "Client secret" step already asks to delete them.
 */
import type { AuditReport } from '../../../shared/audit';
import type { ExpiryItemInput } from '../../../shared/expiry';
import type { ExpirySourceProvider } from '../expiry/sources';
import type { Clock } from '../ports';

/** The last audit report of a profile, or null. */
export type LastAuditReader = (profileId: string) => AuditReport | null;

/** The `graph` expiry source over the stored audit reports. */
export function graphSecretSource(lastAudit: LastAuditReader, clock: Clock): ExpirySourceProvider {
  return {
    name: 'graph',
    async collect(target) {
      if (!target.profileId || !target.clientId) return [];
      let report: AuditReport | null;
      try {
        report = lastAudit(target.profileId);
      } catch {
        return [];
      }
      if (!report || report.apiAppId.toLowerCase() !== target.clientId.toLowerCase() || report.tenantId.toLowerCase() !== target.tenantId.toLowerCase()) return [];
      const now = clock.now().getTime();
      return report.secrets
        .filter((s) => s.stored || (s.endDateTime !== null && Date.parse(s.endDateTime) > now))
        .map(
          (s): ExpiryItemInput => ({
            kind: 'client-secret',
            source: 'graph',
            credentialId: `graph:${s.keyId}`,
            label: `Client secret ${s.hint ? `${s.hint}…` : s.keyId.slice(0, 8)}${s.stored ? '' : ' (not the stored one)'}${s.displayName ? ` "${s.displayName}"` : ''}`,
            expiresAt: s.endDateTime,
            ...(s.hint ? { hint: s.hint } : {}),
            ...(s.endDateTime ? {} : { reason: 'Microsoft Graph lists this secret without an end date.' }),
          }),
        );
    },
  };
}
