/** How expiry states look and read in the UI (badge colours, banner intents, short texts). */
import type { ExpiryItem, ExpiryState } from '../../../../shared/expiry';

export const STATE_WORDS: Record<ExpiryState, string> = {
  ok: 'OK',
  warning: 'Expires soon',
  critical: 'Expires very soon',
  expired: 'Expired',
  unknown: 'Expiry unknown',
};

/** The items that need the admin, most urgent first. */
export function urgentItems(items: readonly ExpiryItem[]): ExpiryItem[] {
  const order: Record<ExpiryState, number> = { expired: 0, critical: 1, warning: 2, unknown: 3, ok: 4 };
  return items.filter((i) => i.state !== 'ok').sort((a, b) => order[a.state] - order[b.state] || (a.daysLeft ?? 0) - (b.daysLeft ?? 0));
}

/** "Client secret", "SAML signing certificate". */
export function kindWord(item: Pick<ExpiryItem, 'kind'>): string {
  return item.kind === 'client-secret' ? 'Client secret' : 'SAML signing certificate';
}

/** A short badge text for the worst item: "Expired", "3 days", "Today", "?". */
export function badgeText(item: ExpiryItem): string {
  if (item.state === 'expired') return 'Expired';
  if (item.state === 'unknown' || item.daysLeft === null) return 'Expiry ?';
  if (item.daysLeft === 0) return 'Today';
  return `${item.daysLeft} day${item.daysLeft === 1 ? '' : 's'}`;
}

/** One sentence naming the credential: "Client secret Abc… expires in 10 days (2026-03-11)". */
export function itemSentence(item: ExpiryItem): string {
  return item.state === 'unknown' ? `${item.label}: ${item.message}` : `${item.label} ${item.message}`;
}

/** What the credential's state means for sign-ins, in the right tense (an expired secret has already stopped them). */
export function consequence(item: Pick<ExpiryItem, 'kind' | 'state'>): string {
  const expired = item.state === 'expired';
  if (item.kind === 'client-secret')
    return expired ? 'Federated sign-ins have stopped: Entra refuses an expired secret (AADSTS7000222). Rotate it now.' : 'Federated sign-ins stop when it lapses (AADSTS7000222).';
  return expired
    ? 'Portal and Windows-client sign-ins have stopped: make a newer certificate active in Entra.'
    : 'Portal and Windows-client sign-ins stop when it lapses: make a newer certificate active in Entra.';
}
