/**
 * Check compatibility: the probe ids (docs/ARCHITECTURE.md, "Check compatibility", a **contract**), what each depends on, result
 * shapes, and configuration fingerprints. Pure, so the renderer can tell which results went stale
 * while the user edits, without asking main.
 */
import { z } from 'zod';
import type { ProfileFields } from './profile';
import { entraValues } from './targets/registry';

export const CHECK_IDS = ['tenant', 'saml-app', 'api-app', 'secret', 'sign-in', 'graph-me'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const CHECK_STATUSES = ['unverified', 'running', 'passed', 'warning', 'failed', 'skipped'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/**
 * A check as every target runs it. Its words (title, what it proves) and the probe behind it belong
 * to the profile's target: shared/targets/registry.ts, `checkWords` and `plannedCheck`.
 */
export interface CheckDefinition {
  id: CheckId;
  /** Probes that must pass (or warn); when one fails, this one is reported skipped and names it. */
  requires: CheckId[];
  /**
   * The probes whose results this one needs to start (default: `requires`). A probe that starts
   * before all of `requires` finished still reports skipped when one of them fails.
   */
  startsAfter?: CheckId[];
  /** The profile fields whose change makes this probe's result stale. */
  dependsOn: FingerprintField[];
  /** Needs a person at a sign-in page. */
  interactive: boolean;
}

export const FINGERPRINT_FIELDS = ['cloud', 'tenantId', 'samlAppId', 'apiAppId', 'secret', 'webUrl', 'practiceScenario', 'target'] as const;
export type FingerprintField = (typeof FINGERPRINT_FIELDS)[number];

export const CHECKS: readonly CheckDefinition[] = [
  {
    id: 'tenant',
    requires: [],
    dependsOn: ['cloud', 'tenantId', 'practiceScenario', 'target'],
    interactive: false,
  },
  {
    id: 'saml-app',
    requires: ['tenant'],
    dependsOn: ['cloud', 'tenantId', 'samlAppId', 'practiceScenario', 'target'],
    interactive: false,
  },
  {
    id: 'api-app',
    requires: ['tenant'],
    dependsOn: ['cloud', 'tenantId', 'apiAppId', 'practiceScenario', 'target'],
    interactive: false,
  },
  {
    id: 'secret',
    requires: ['api-app'],
    // Its token request needs only the discovery document, so it runs beside the API-app probe.
    startsAfter: ['tenant'],
    dependsOn: ['cloud', 'tenantId', 'apiAppId', 'secret', 'practiceScenario', 'target'],
    interactive: false,
  },
  {
    id: 'sign-in',
    requires: ['secret'],
    dependsOn: ['cloud', 'tenantId', 'apiAppId', 'secret', 'webUrl', 'practiceScenario', 'target'],
    interactive: true,
  },
  {
    id: 'graph-me',
    requires: ['sign-in'],
    dependsOn: ['cloud', 'tenantId', 'apiAppId', 'secret', 'webUrl', 'practiceScenario', 'target'],
    interactive: true,
  },
];

export function checkDefinition(id: CheckId): CheckDefinition {
  const def = CHECKS.find((c) => c.id === id);
  if (!def) throw new Error(`Unknown check ${id}`);
  return def;
}

/** The values a fingerprint is computed over. `secret` is a stand-in (its update time), never the value. */
export type FingerprintInput = Record<FingerprintField, string>;

/** FNV-1a, 32 bit, as 8 hex digits: stable across runs and processes, and cheap. Not for secrets. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The pairs a fingerprint hashes. `target` is left out while it is empty (Octopus), so the
 * fingerprints of Octopus profiles are the same as before targets existed.
 */
function pairs(fields: readonly FingerprintField[], input: FingerprintInput): [FingerprintField, string][] {
  return fields.filter((f) => f !== 'target' || input.target !== '').map((f) => [f, input[f]]);
}

/** The fingerprint of the fields one probe depends on. */
export function probeFingerprint(id: CheckId, input: FingerprintInput): string {
  return fnv1a(JSON.stringify(pairs(checkDefinition(id).dependsOn, input)));
}

/** The fingerprint of the whole configuration (every field any probe depends on). */
export function configurationFingerprint(input: FingerprintInput): string {
  return fnv1a(JSON.stringify(pairs(FINGERPRINT_FIELDS, input)));
}

/**
 * What a fingerprint is computed from, for a stored profile. The names hashed are those of format
 * 2 (`apiAppId`, `webUrl`, the target's settings as one value), so results checked before the
 * stored format changed are still current for the same configuration (docs/ARCHITECTURE.md,
 * "Profiles on disk").
 */
export function fingerprintInput(p: ProfileFields & { secretUpdatedAt: string | null }): FingerprintInput {
  const e = entraValues(p);
  const octopus = p.target === 'octopus';
  return {
    cloud: p.cloud,
    tenantId: p.tenantId.trim().toLowerCase(),
    samlAppId: (e.samlAppId ?? '').trim().toLowerCase(),
    apiAppId: e.clientId.trim().toLowerCase(),
    secret: p.secretUpdatedAt ?? '',
    webUrl: (e.redirectUris[0] ?? '').trim(),
    practiceScenario: p.cloud === 'practice' ? (p.practiceScenario ?? '') : '',
    // Another target than Octopus, with its own settings: any change there makes every result stale.
    target: octopus ? '' : JSON.stringify([p.target, ...TARGET_SETTINGS.map((k) => (k in p ? (p as Record<string, unknown>)[k] : null))]),
  };
}

/** The keys non-Octopus targets keep their settings under, in the order format 2 hashed them. */
const TARGET_SETTINGS = ['theThingsStack', 'authentik', 'workspaceSso'] as const;

export const EntraErrorRefSchema = z.object({
  /** AADSTS number, or a Graph error code such as Authorization_RequestDenied. */
  code: z.union([z.number(), z.string()]),
  traceId: z.string().nullable(),
  correlationId: z.string().nullable(),
  timestamp: z.string().nullable(),
  /** Entra's own message (error_description without the trailer), for the details view. */
  message: z.string().nullable(),
});
export type EntraErrorRef = z.infer<typeof EntraErrorRefSchema>;

export const CheckResultSchema = z.object({
  id: z.enum(CHECK_IDS),
  status: z.enum(CHECK_STATUSES),
  /** One line for the row. */
  summary: z.string(),
  durationMs: z.number().nonnegative().nullable(),
  error: EntraErrorRefSchema.nullable(),
  /** Steps that fix a failure, in order. */
  fix: z.array(z.string()),
  /** What exactly was tested (request, URL), for the expanded row. */
  tested: z.string(),
  /** Extra facts for the expanded row (certificate dates, the signed-in user...). */
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
  /** The probe fingerprint this result was obtained for. */
  fingerprint: z.string(),
  finishedAt: z.string().nullable(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

export const CheckRunSchema = z.object({
  profileId: z.string(),
  profileName: z.string(),
  fingerprint: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** null while running; cancelled when the user stopped it. */
  outcome: z.enum(['passed', 'warning', 'failed', 'cancelled']).nullable(),
  results: z.array(CheckResultSchema),
});
export type CheckRun = z.infer<typeof CheckRunSchema>;

/** The result a probe shows before it ever ran, or after its inputs changed. */
export function unverifiedResult(id: CheckId, fingerprint = ''): CheckResult {
  return { id, status: 'unverified', summary: 'Not verified yet.', durationMs: null, error: null, fix: [], tested: '', facts: [], fingerprint, finishedAt: null };
}

/** The results as they stand for the profile's current configuration: stale ones turn back to unverified. */
export function currentResults(stored: readonly CheckResult[] | undefined, input: FingerprintInput): CheckResult[] {
  return CHECKS.map((def) => {
    const fp = probeFingerprint(def.id, input);
    const r = stored?.find((x) => x.id === def.id);
    return r && r.fingerprint === fp && r.status !== 'running' ? r : unverifiedResult(def.id, fp);
  });
}

/** Every probe the mode switch needs passed (warnings allowed) for the current configuration. */
export function readyForFederation(results: readonly CheckResult[]): { ready: boolean; missing: CheckId[] } {
  const missing = CHECKS.filter((def) => {
    const r = results.find((x) => x.id === def.id);
    return !r || (r.status !== 'passed' && r.status !== 'warning');
  }).map((d) => d.id);
  return { ready: missing.length === 0, missing };
}

/**
 * The one outcome rule of a finished run, in the app and the CLI alike: cancelled when stopped;
 * failed when a counted probe failed or was skipped (a skipped probe proved nothing); warning when
 * one warned; else passed. Not counted: the probes a target does not use, and those left out of the
 * run by choice (the CLI's --sign-in none), which are reported, not held against the setup.
 */
export function checkOutcome(results: readonly CheckResult[], o: { cancelled: boolean; notCounted?: readonly CheckId[] }): NonNullable<CheckRun['outcome']> {
  if (o.cancelled) return 'cancelled';
  const counted = results.filter((r) => !o.notCounted?.includes(r.id));
  if (counted.some((r) => r.status === 'failed' || r.status === 'skipped')) return 'failed';
  return counted.some((r) => r.status === 'warning') ? 'warning' : 'passed';
}

/**
 * The new run, with every result that did not change kept as the very object the store held: a
 * progress event then re-renders only the row whose probe moved (rows are memoised on their result).
 */
export function keepUnchanged(previous: CheckRun | null | undefined, next: CheckRun | null): CheckRun | null {
  if (!previous || !next) return next;
  const before = new Map<string, CheckResult>(previous.results.map((r) => [r.id, r]));
  const results = next.results.map((r) => {
    const old = before.get(r.id);
    return old && JSON.stringify(old) === JSON.stringify(r) ? old : r;
  });
  return { ...next, results };
}
