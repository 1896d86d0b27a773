/**
 * diagnose(): every error in a pasted text explained for this setup (summary.ts makes the plain-text
 * version a support person pastes into a ticket).
 */
import { entraValues } from '../targets/registry';
import { linkTargetOf } from './links';
import { cloudLabel } from '../clouds';
import { isGuid, type ProfileView } from '../profile';
import { catalogKey, humanizeName, lookupCode, type CatalogRecord, type FullEntry } from './catalog';
import { detectClient, NEUTRAL_CLIENTS, type ClientFamily, type DetectedClient } from './clients';
import { contextNotes } from './context';
import { buildLinks, ERROR_REFERENCE_URL, lookupUrl, type LinkTarget } from './links';
import { parseErrorText, type ParsedError } from './parser';
import { relatedNotes } from './related';
import type { Diagnosis, Finding, Link } from './schema';

export interface DiagnoseContext {
  /** The profile the diagnosis is tailored to. */
  profile?: ProfileView;
  /** Today as yyyy-mm-dd (for expiry notes); injected so diagnose stays pure. */
  today?: string;
}

const GRAPH_ERRORS_URL = 'https://learn.microsoft.com/graph/errors';

function fillPlaceholders(text: string, p: ProfileView | undefined): string {
  const app = (id: string | null | undefined, which: string) => (id && isGuid(id) ? `the ${which} app (${id})` : `your ${which} app`);
  const e = p ? entraValues(p) : undefined;
  const webUrl = e?.redirectUris[0];
  return text
    .replace(/\{API app\}/g, app(e?.clientId, 'API'))
    .replace(/\{SAML-OpenID app\}/g, app(e?.samlAppId, 'SAML-OpenID'))
    .replace(/\{tenant\}/g, p?.tenantId ? p.tenantId : 'the configured tenant')
    // "the Octopus Web URL ({Web URL})" without a profile would repeat itself: drop the bracket.
    .replace(/\s*\(\{Web URL\}\)/g, webUrl ? ` (${webUrl})` : '')
    .replace(/\{Web URL\}/g, webUrl ?? 'the Octopus Web URL')
    .replace(/\{cloud\}/g, p ? cloudLabel(p.cloud) : 'the cloud that was called');
}

/** The placeholders in words that fit any app, for a paste that is not from the Octopus setup. */
function fillGeneric(text: string): string {
  return text
    .replace(/\{API app\}/g, 'the app')
    .replace(/\{SAML-OpenID app\}/g, 'the SAML app')
    .replace(/\{tenant\}/g, 'the tenant')
    .replace(/\s*\(\{Web URL\}\)/g, '')
    .replace(/\{Web URL\}/g, "the app's redirect URI")
    .replace(/\{cloud\}/g, 'the cloud that was called');
}

const SETUP_PREFIX = 'If this is the Octopus sign-in: ';

function displayCode(e: ParsedError): string {
  return e.kind === 'aadsts' ? `AADSTS${e.key}` : e.key;
}

function unknownExplanation(e: ParsedError): string {
  if (e.kind === 'aadsts')
    return `${displayCode(e)} is not in our catalog. Microsoft's lookup page (linked below) gives the current meaning of the code; the error's own message above says what Entra reported.`;
  return `${displayCode(e)} is not in our catalog. The error's own message above says what was reported.`;
}

function findingLinks(e: ParsedError, record: CatalogRecord | undefined, target: LinkTarget): Link[] {
  const links = buildLinks(record?.full?.links ?? [], target);
  if (e.kind === 'aadsts' && typeof e.code === 'number') {
    links.push({ label: `Microsoft's lookup page for ${displayCode(e)}`, url: lookupUrl(e.code, target.cloud) });
    if (!record) links.push({ label: "Microsoft's AADSTS error code reference", url: ERROR_REFERENCE_URL });
  } else if (e.kind === 'graph') {
    links.push({ label: 'Microsoft Graph error responses', url: GRAPH_ERRORS_URL });
  }
  return links;
}

/** Who the causes are ranked for. */
interface Ranking {
  /** The entry's own order, written for the Octopus setup. */
  octopusFirst: boolean;
  families: readonly ClientFamily[];
  rankedFor: string;
}

// A cause that names the Octopus setup or one of its parts (the placeholders are filled from an
// Octopus-style profile): it fits only a paste from that setup.
const SETUP_CAUSE_RE = /\bOctopus\b|\{(?:API app|SAML-OpenID app|Web URL)\}|\b(?:API app|SAML-OpenID app)\b/;

/** The cause is about the Octopus setup (its apps, its Web URL, Octopus itself). */
export function isSetupCause(cause: string): boolean {
  return SETUP_CAUSE_RE.test(cause);
}

/**
 * The Octopus setup's causes come first only when the text comes from Octopus, or an Octopus
 * profile is chosen and the text does not come from another client. A paste from Azure CLI,
 * PowerShell, an MSAL app or any other client gets that client's causes first.
 */
function rankingFor(client: DetectedClient | null, p: ProfileView | undefined): Ranking {
  if (client?.kind === 'octopus') return { octopusFirst: true, families: [], rankedFor: 'the Octopus setup (the text comes from Octopus)' };
  const otherClient = client !== null && !NEUTRAL_CLIENTS.has(client.kind);
  if (otherClient)
    return { octopusFirst: false, families: client.families, rankedFor: `${client.label} (the text comes from it); causes in the Octopus setup come last` };
  const octopusProfile = p !== undefined && (p.target === undefined || p.target === 'octopus');
  if (octopusProfile) return { octopusFirst: true, families: [], rankedFor: `the Octopus setup of profile "${p.name}"` };
  const from = client ? ` (the text is ${client.label})` : '';
  return {
    octopusFirst: false,
    families: [],
    rankedFor: p ? `profile "${p.name}"${from}; causes in the Octopus setup come last` : `any app${from}: no profile is chosen, so causes in the Octopus setup come last`,
  };
}

/**
 * The causes in order, filled in. For the Octopus setup: the entry's own order with the profile's
 * values. For any other client: its own causes, then the generic ones in words that fit any app,
 * then the setup's, labelled, with the profile's values.
 */
function rankCauses(full: FullEntry | undefined, r: Ranking, fill: (s: string) => string): string[] {
  if (!full) return [];
  if (r.octopusFirst) return full.causes.map(fill);
  const setup = full.causes.filter(isSetupCause);
  const generic = full.causes.filter((c) => !isSetupCause(c));
  const forClient = r.families.flatMap((f) => full.forClient?.[f] ?? []);
  const ranked = [...new Set([...forClient, ...(full.elsewhere ?? []), ...generic])].map(fillGeneric);
  return [...ranked, ...setup.map((c) => `${SETUP_PREFIX}${fill(c)}`)];
}

/** Fix steps: for another client, the steps that only Octopus has (its settings) go last, labelled. */
function rankFix(steps: readonly string[], r: Ranking, fill: (s: string) => string): string[] {
  if (r.octopusFirst) return steps.map(fill);
  const octopusOnly = (step: string) => /\bOctopus\b/.test(step);
  return [...steps.filter((x) => !octopusOnly(x)).map(fillGeneric), ...steps.filter(octopusOnly).map((x) => `${SETUP_PREFIX}${fill(x)}`)];
}

function toFinding(e: ParsedError, ctx: DiagnoseContext, r: Ranking): Finding {
  const record = lookupCode(e.code);
  const full = record?.full;
  const p = ctx.profile;
  const target: LinkTarget = p ? linkTargetOf(p) : {};
  const fill = (s: string) => fillPlaceholders(s, p);
  const name = record?.name ?? displayCode(e);
  const title = `${displayCode(e)}: ${full ? full.title : record ? humanizeName(record.name) : 'not in our catalog'}`;
  const fallbackFix =
    e.kind === 'aadsts'
      ? [
          `Open Microsoft's lookup page for ${displayCode(e)} (link below) for the current explanation and fix.`,
          'Open Entra admin center > Identity > Monitoring & health > Sign-in logs, filter by the Correlation ID, and read the Failure reason.',
        ]
      : ['Read the error message above; it names the object or permission involved.'];
  return {
    code: e.code,
    kind: e.kind,
    name,
    known: record !== undefined,
    detailed: full !== undefined,
    title,
    traceId: e.traceId,
    correlationId: e.correlationId,
    timestamp: e.timestamp,
    oauthError: e.oauthError,
    message: e.message,
    explanation: r.octopusFirst
      ? fill(full?.explanation ?? record?.meaning ?? unknownExplanation(e))
      : fillGeneric(full?.explanationElsewhere ?? full?.explanation ?? record?.meaning ?? unknownExplanation(e)),
    causes: rankCauses(full, r, fill),
    fix: rankFix(full?.fix ?? fallbackFix, r, fill),
    context: contextNotes(e, p, ctx.today),
    links: findingLinks(e, record, target),
    group: record?.group ?? null,
    source: record?.source ?? null,
  };
}

/** Diagnose every error code in `text`, tailored to the profile when one is given. Never throws. */
export function diagnose(text: string, context: DiagnoseContext = {}): Diagnosis {
  const input = typeof text === 'string' ? text : '';
  const parsed = parseErrorText(input);
  const client = parsed.length > 0 ? detectClient(input) : null;
  const ranking = rankingFor(client, context.profile);
  const findings: Finding[] = [];
  for (const e of parsed) {
    try {
      findings.push(toFinding(e, context, ranking));
    } catch {
      // A profile with odd values must not cost the user the other findings.
      findings.push(toFinding(e, {}, rankingFor(client, undefined)));
    }
  }
  return {
    findings,
    client: client ? { kind: client.kind, label: client.label } : null,
    rankedFor: ranking.rankedFor,
    related: relatedNotes(parsed.map((e) => e.code)),
  };
}

/** The catalog key of a finding's code (same as the parser's key). */
export function findingKey(f: Pick<Finding, 'code'>): string {
  return catalogKey(f.code);
}
