/**
 * Expiry watch policy (docs/ARCHITECTURE.md, "Expiry watch"): pure rules over the expiry dates of a profile's credentials (the
 * client secret, the SAML signing certificates). No I/O; main, the CLI and the renderer share them.
 *
 * Definitions (the contract the banner, the badge, the notifications and the CLI all follow):
 * - daysLeft: whole calendar days (UTC) from today to the day the credential stops working.
 *   A certificate's notAfter instant is used as is; a typed secret date (yyyy-mm-dd, Entra's
 *   "Expires" column) counts as stopping at 00:00 UTC that day, so the day itself is already expired.
 * - State, first match wins:
 *   unknown   no date is known (not recorded, or the source failed: `reason` says why);
 *   expired   now >= expiresAt;
 *   critical  daysLeft <= criticalDays (default 7);
 *   warning   daysLeft <= warnDays (default: the largest threshold, 60);
 *   ok        otherwise.
 * - worst(): expired > critical > warning > unknown > ok. A known warning outranks "could not tell",
 *   so a flaky metadata fetch never hides a secret that needs rotating; worst([]) is unknown.
 * - Notifications: threshold T (days) is crossed when daysLeft <= T. Each threshold fires at most once
 *   per credential; when several are crossed at once (the app was closed for weeks) only the most
 *   urgent one is shown and the others count as sent. Expiry itself fires once more (key 0).
 * - Nagios: ok 0, warning 1, critical and expired 2, unknown 3.
 */
import { z } from 'zod';
import { CLOUDS, type CloudId } from './clouds';

export const EXPIRY_STATES = ['ok', 'warning', 'critical', 'expired', 'unknown'] as const;
export type ExpiryState = (typeof EXPIRY_STATES)[number];

export const CREDENTIAL_KINDS = ['client-secret', 'saml-signing-certificate'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/**
 * Where a date came from: typed by the user, read from the app federation metadata, or Microsoft Graph's
 * passwordCredential.endDateTime as the last registration audit read it.
 */
export const EXPIRY_SOURCES = ['typed', 'federation-metadata', 'graph'] as const;
export type ExpirySource = (typeof EXPIRY_SOURCES)[number];

export const DEFAULT_THRESHOLDS: readonly number[] = [60, 30, 14, 7, 1];
export const DEFAULT_CRITICAL_DAYS = 7;
/** The notification key for "has expired" (thresholds are 1 day or more). */
export const EXPIRED_KEY = 0;
const DAY_MS = 86_400_000;

export const ExpiryPolicySchema = z
  .object({
    /** Days before expiry at which a notification fires, e.g. [60, 30, 14, 7, 1]. */
    thresholds: z.array(z.number().int().min(1).max(730)).min(1).max(12),
    /** At or under this many days left the state is warning. */
    warnDays: z.number().int().min(0).max(730),
    /** At or under this many days left the state is critical. */
    criticalDays: z.number().int().min(0).max(730),
  })
  .refine((p) => p.criticalDays <= p.warnDays, { message: 'Critical days must not be more than warning days.', path: ['criticalDays'] });
export type ExpiryPolicy = z.infer<typeof ExpiryPolicySchema>;

export const DEFAULT_POLICY: ExpiryPolicy = { thresholds: [...DEFAULT_THRESHOLDS], warnDays: 60, criticalDays: DEFAULT_CRITICAL_DAYS };

/** A policy with thresholds sorted (largest first) and de-duplicated. */
export function normalizePolicy(policy: ExpiryPolicy): ExpiryPolicy {
  return { ...policy, thresholds: [...new Set(policy.thresholds)].sort((a, b) => b - a) };
}

/** One credential with an expiry, as a source reports it (before the policy is applied). */
export const ExpiryItemInputSchema = z.object({
  kind: z.enum(CREDENTIAL_KINDS),
  source: z.enum(EXPIRY_SOURCES),
  /** Stable per credential (e.g. the certificate's thumbprint): notifications are remembered by it. */
  credentialId: z.string(),
  /** For people: "Client secret abc…", "SAML signing certificate (newest) 1A2B…". */
  label: z.string(),
  /** ISO 8601 instant; null when unknown. */
  expiresAt: z.string().nullable(),
  /** Why the date is unknown, in words a person can act on. */
  reason: z.string().optional(),
  /** Among several certificates, the one with the latest expiry (the one Entra rolls over to). */
  newest: z.boolean().optional(),
  thumbprint: z.string().optional(),
  /** The secret's first 3 characters (Entra's passwordCredential.hint). */
  hint: z.string().optional(),
});
export type ExpiryItemInput = z.infer<typeof ExpiryItemInputSchema>;

export const ExpiryItemSchema = ExpiryItemInputSchema.extend({
  daysLeft: z.number().int().nullable(),
  state: z.enum(EXPIRY_STATES),
  /** One sentence: "expires in 10 days (2026-03-10)". */
  message: z.string(),
});
export type ExpiryItem = z.infer<typeof ExpiryItemSchema>;

const SEVERITY: Record<ExpiryState, number> = { ok: 0, unknown: 1, warning: 2, critical: 3, expired: 4 };

/** The most severe state (expired > critical > warning > unknown > ok); unknown for none. */
export function worst(states: readonly ExpiryState[]): ExpiryState {
  if (states.length === 0) return 'unknown';
  return states.reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a));
}

/** The Nagios plugin exit code of a state: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. */
export function nagiosCode(state: ExpiryState): 0 | 1 | 2 | 3 {
  return state === 'ok' ? 0 : state === 'warning' ? 1 : state === 'unknown' ? 3 : 2;
}

/** The Nagios word of a state. */
export function nagiosLabel(state: ExpiryState): 'OK' | 'WARNING' | 'CRITICAL' | 'UNKNOWN' {
  return (['OK', 'WARNING', 'CRITICAL', 'UNKNOWN'] as const)[nagiosCode(state)];
}

/** The instant a typed secret date (yyyy-mm-dd) stops working: 00:00 UTC of that day. */
export function typedDateToInstant(date: string): string {
  return `${date}T00:00:00.000Z`;
}

/** Whole calendar days (UTC) from `now` to `expiresAt`; negative once past. */
export function daysLeft(expiresAt: Date, now: Date): number {
  const day = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return Math.round((day(expiresAt) - day(now)) / DAY_MS);
}

function describe(state: ExpiryState, days: number, date: string): string {
  if (state === 'expired') return days === 0 ? `expired today (${date})` : `expired ${-days} day${days === -1 ? '' : 's'} ago (${date})`;
  if (days === 0) return `expires today (${date})`;
  return `expires in ${days} day${days === 1 ? '' : 's'} (${date})`;
}

/** The state of one item at `now` under `policy`. */
export function evaluateItem(item: ExpiryItemInput, now: Date, policy: ExpiryPolicy): ExpiryItem {
  const at = item.expiresAt === null ? Number.NaN : Date.parse(item.expiresAt);
  if (Number.isNaN(at)) return { ...item, expiresAt: item.expiresAt, daysLeft: null, state: 'unknown', message: item.reason ?? 'The expiry date is not known.' };
  const expires = new Date(at);
  const days = daysLeft(expires, now);
  const state: ExpiryState =
    now.getTime() >= at ? 'expired' : days <= policy.criticalDays ? 'critical' : days <= policy.warnDays ? 'warning' : 'ok';
  return { ...item, expiresAt: expires.toISOString(), daysLeft: days, state, message: describe(state, days, expires.toISOString().slice(0, 10)) };
}

/** Apply the policy to every item. */
export function evaluate(items: readonly ExpiryItemInput[], now: Date, policy: ExpiryPolicy): ExpiryItem[] {
  return items.map((i) => evaluateItem(i, now, policy));
}

/** The thresholds an item has crossed (days left at or under each), most urgent last. */
export function crossedThresholds(item: Pick<ExpiryItem, 'daysLeft' | 'state'>, thresholds: readonly number[]): number[] {
  if (item.daysLeft === null || item.state === 'unknown') return [];
  const left = item.daysLeft;
  return [...thresholds].filter((t) => left <= t).sort((a, b) => b - a);
}

export interface DueNotification {
  /** The threshold in days, or EXPIRED_KEY (0) for "has expired". */
  threshold: number;
  /** Every key to remember as sent (the crossed thresholds the admin no longer needs to hear about). */
  markSent: number[];
}

/**
 * Which notification, if any, is due for an item, given the thresholds already sent for that
 * credential: the most urgent crossed threshold (or expiry), once.
 */
export function dueNotification(item: Pick<ExpiryItem, 'daysLeft' | 'state'>, sent: readonly number[], thresholds: readonly number[]): DueNotification | null {
  const crossed = crossedThresholds(item, thresholds);
  if (item.state === 'expired') return sent.includes(EXPIRED_KEY) ? null : { threshold: EXPIRED_KEY, markSent: [...crossed, EXPIRED_KEY] };
  const urgent = crossed[crossed.length - 1];
  if (urgent === undefined || sent.includes(urgent)) return null;
  return { threshold: urgent, markSent: crossed };
}

/** Per profile: its items, their worst state, its policy. */
export const ProfileExpirySchema = z.object({
  profileId: z.string().nullable(),
  profileName: z.string(),
  items: z.array(ExpiryItemSchema),
  worst: z.enum(EXPIRY_STATES),
  policy: ExpiryPolicySchema,
});
export type ProfileExpiry = z.infer<typeof ProfileExpirySchema>;

/**
 * Entra admin center > App registrations > the app > Certificates & secrets (docs/ARCHITECTURE.md, "Admin-center links"), in
 * the profile's cloud; null for the practice tenant, which has no admin center.
 */
export function credentialsUrl(cloud: CloudId, apiAppId: string): string | null {
  if (cloud === 'practice') return null;
  return `https://${CLOUDS[cloud].adminCenterHost}/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Credentials/appId/${encodeURIComponent(apiAppId)}`;
}
