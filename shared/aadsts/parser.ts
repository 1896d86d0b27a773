/**
 * Finds every Entra (AADSTS), Microsoft Graph and IdentityModel (IDX) error code in any text a
 * support person pastes: token-endpoint JSON, URL query strings (encoded once or twice), MSAL error
 * text, log lines, HTML error pages, text with odd line breaks; and the trace ID, correlation ID and
 * timestamp that belong to each code.
 *
 * Rules of the house: never throw; linear time (every quantifier that could meet a long run of the
 * same character is bounded); pure (no I/O).
 */
import { COMPACT_ROWS } from './catalog-compact';
import type { FindingKind } from './schema';

/** One error code found in a text, with the IDs that belong to it. */
export interface ParsedError {
  /** Stable key: "50011", "Authorization_RequestDenied", "IDX10205". */
  key: string;
  code: number | string;
  kind: FindingKind;
  /** Index of the first appearance in the normalized text. */
  index: number;
  traceId: string | null;
  correlationId: string | null;
  timestamp: string | null;
  oauthError: string | null;
  message: string | null;
}

/** Graph codes distinctive enough to be recognised anywhere in a text. */
export const GRAPH_DISTINCT_CODES = [
  'Authorization_RequestDenied',
  'Authorization_IdentityNotFound',
  'Authentication_MissingOrMalformed',
  'Authentication_ExpiredToken',
  'InvalidAuthenticationToken',
  'Request_ResourceNotFound',
  'Request_BadRequest',
  'Request_UnsupportedQuery',
  'Request_MultipleObjectsWithSameKeyValue',
] as const;

/** Graph codes that are ordinary words: recognised only as the value of a `code` field. */
export const GRAPH_GENERIC_CODES = ['accessDenied', 'itemNotFound', 'unauthenticated', 'activityLimitReached', 'serviceNotAvailable'] as const;

const MIN_DIGITS = 5;
const MAX_DIGITS = 7;
/** A label farther than this from every code belongs to none. */
const MAX_LABEL_DISTANCE = 4000;
const MAX_MESSAGE = 400;
// Logs that wrap JSON in JSON in JSON escape a line break as \\\\r\\\\n and deeper: one round per layer.
const NORMALIZE_ROUNDS = 5;
/** Distinct codes reported at most (nobody reads more cards; keeps hostile input cheap). */
export const MAX_FINDINGS = 200;

// ---------------------------------------------------------------------------------------------
// Normalization: undo the encodings error text travels in, so one set of patterns finds it all.
// ---------------------------------------------------------------------------------------------

const ENTITY_RE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos|nbsp));/g;
const BLOCK_TAG_RE = /<\/?(?:br|p|div|tr|td|th|li|ul|ol|table|tbody|thead|h[1-6]|pre|section|article|header|footer|title|body|html|head|hr|dt|dd|tt)\b[^<>]{0,2000}>/gi;
const TAG_RE = /<\/?[a-zA-Z!][^<>]{0,2000}>/g;
// Anchored on '=' (rare) rather than on letters (everywhere); the key is read back from the text.
const QUERY_VALUE_RE = /=([^\s&#"'<>=]{1,200000})/g;
const QUERY_KEY_RE = /(?:^|[^\w.-])([A-Za-z_][\w.-]{0,64})$/;
const PLUS_KEYS_RE = /^(?:error|error_description|error_uri|error_codes|error_subcode|suberror)$/i;
const PERCENT_RUN_RE = /(?:%[0-9a-fA-F]{2})+/g;
/**
 * Where a form-urlencoded error text shows that its '+' are spaces even without any '%' escape (as
 * MSAL for iOS and macOS prints MSALErrorDescriptionKey): "AADSTS50076:+Due", "Trace+ID:+".
 */
const PLUS_MARKER_RE = /AADSTS\d{1,7}:\+|\b(?:Trace|Correlation|Request)\+ID:\+|\bTimestamp:\+\d/gi;
/** Localized text: full-width colon and ideographic space read as their ASCII forms. */
const WIDE_RE = /[\uff1a\u3000]/g;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function codePointToString(cp: number): string {
  if (!Number.isFinite(cp) || cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(cp);
}

/** JSON string escapes undone in one linear scan (a callback per match is slow on long runs). */
function unescapeJson(text: string): string {
  const parts: string[] = [];
  let last = 0;
  let i = text.indexOf('\\');
  while (i !== -1) {
    // A run of backslashes: each pair is one escaped backslash; an odd last one escapes what follows.
    let j = i;
    while (text.charCodeAt(j) === 92) j++;
    const pairs = (j - i) >> 1;
    const odd = (j - i) % 2 === 1;
    let out = pairs > 0 ? '\\'.repeat(pairs) : '';
    let end = odd ? j - 1 : j;
    if (odd) {
      const c = text[j] ?? '';
      if (c === 'n') out += '\n';
      else if (c === 'r') out += '\r';
      else if (c === 't') out += '\t';
      else if (c === '"' || c === '/' || c === "'") out += c;
      else if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(j + 1, j + 5))) {
        out += String.fromCharCode(parseInt(text.slice(j + 1, j + 5), 16));
        end = j + 5;
      } else out += '\\';
      if (end === j - 1) end = c === '' || out.endsWith('\\') ? j : j + 1;
    }
    if (pairs > 0 || end !== j) {
      parts.push(text.slice(last, i), out);
      last = end;
    }
    i = text.indexOf('\\', Math.max(end, j));
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(last));
  return parts.join('');
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY_RE, (_m, dec: string | undefined, hex: string | undefined, named: string | undefined) => {
    if (dec !== undefined) return codePointToString(parseInt(dec, 10));
    if (hex !== undefined) return codePointToString(parseInt(hex, 16));
    return NAMED_ENTITIES[named ?? ''] ?? '';
  });
}

function stripTags(text: string): string {
  return text.replace(BLOCK_TAG_RE, '\n').replace(TAG_RE, '');
}

function decodePercentRun(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    // Invalid UTF-8: decode the ASCII bytes only, keep the rest as written.
    return run.replace(/%([0-7][0-9a-fA-F])/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}

function isTokenBoundary(c: number): boolean {
  // whitespace, '"', '&', '<', '>'
  return c <= 32 || c === 34 || c === 38 || c === 60 || c === 62;
}

/**
 * '+' as space inside each whitespace-delimited token that carries a plus-encoded error (see
 * PLUS_MARKER_RE). Each character is visited a bounded number of times: tokens are not re-scanned.
 */
function plusTokensToSpaces(text: string): string {
  const parts: string[] = [];
  let last = 0;
  let doneUntil = 0;
  PLUS_MARKER_RE.lastIndex = 0;
  for (let m = PLUS_MARKER_RE.exec(text); m; m = PLUS_MARKER_RE.exec(text)) {
    if (m.index < doneUntil) continue;
    let start = m.index;
    while (start > doneUntil && !isTokenBoundary(text.charCodeAt(start - 1))) start--;
    let end = m.index + m[0].length;
    while (end < text.length && !isTokenBoundary(text.charCodeAt(end))) end++;
    parts.push(text.slice(last, start), text.slice(start, end).replace(/\+/g, ' '));
    last = end;
    doneUntil = end;
    PLUS_MARKER_RE.lastIndex = end;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(last));
  return parts.join('');
}

function percentDecode(text: string, plusIsSpace: boolean): string {
  // In query strings a '+' is a space: only inside key=value tokens that are encoded.
  const spaced =
    plusIsSpace && text.includes('+')
      ? text.replace(QUERY_VALUE_RE, (m, value: string, offset: number) => {
          if (!value.includes('+')) return m;
          const key = QUERY_KEY_RE.exec(text.slice(Math.max(0, offset - 66), offset))?.[1];
          return key && (value.includes('%') || PLUS_KEYS_RE.test(key)) ? `=${value.replace(/\+/g, ' ')}` : m;
        })
      : text;
  return spaced.replace(PERCENT_RUN_RE, decodePercentRun);
}

/**
 * The text with JSON escapes, HTML entities and tags, and percent-encoding (up to three layers)
 * undone. Codes, IDs and messages are all read from this form.
 */
export function normalizeErrorText(input: string): string {
  let text = typeof input === 'string' ? input : '';
  // The '+' pass is the costly one: after the first round, only a decoded %2B can bring new '+'.
  let plusIsSpace = true;
  if (/[\uff1a\u3000]/.test(text)) text = text.replace(WIDE_RE, (c) => (c === '\uff1a' ? ':' : ' '));
  for (let round = 0; round < NORMALIZE_ROUNDS; round++) {
    const before = text;
    if (text.includes('\\')) text = unescapeJson(text);
    if (text.includes('&')) text = decodeEntities(text);
    if (text.includes('<')) text = stripTags(text);
    if (text.includes('%')) {
      const encodedPlus = /%2B/i.test(text);
      text = percentDecode(text, plusIsSpace);
      plusIsSpace = encodedPlus;
    }
    if (text.includes('+')) text = plusTokensToSpaces(text);
    if (text === before) break;
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Code occurrences
// ---------------------------------------------------------------------------------------------

interface Occurrence {
  key: string;
  code: number | string;
  kind: FindingKind;
  index: number;
  /** Where the error's own message starts (AADSTS prefix, Graph code), when it has one. */
  messageAt: number | null;
}

// "ADSTS" is a common misspelling when the code is typed from a screenshot.
const AADSTS_RE = /(?:AADSTS|(?<![A-Za-z])ADSTS)[ \t-]?(\d{1,7})(?:\r?\n[ \t]{0,8}(\d{1,6}))?/gi;
const LISTED_CODES_RE = /(?:error_codes|errorCodes)["']?[ \t]{0,5}[:=][ \t]{0,5}\[?[ \t\r\n]{0,20}(\d{1,8}(?:[ \t\r\n]{0,20},[ \t\r\n]{0,20}\d{1,8}){0,20})/gi;
const MSAL_CODES_RE = /Error\(s\):[ \t]{0,5}(\d{1,8}(?:[ \t]{0,3},[ \t]{0,3}\d{1,8}){0,20})/gi;
const ERROR_NO_RE = /\berrorNo["']?[ \t]{0,5}[:=][ \t]{0,5}["']?(\d{1,8})/gi;
const ERROR_URI_RE = /\/error\?code=(\d{1,8})/gi;
const ERROR_CODE_RE = /\b(sign-in )?error[ _]?code["']?[ \t]{0,5}[:=]?[ \t]{0,5}["']?(\d{1,8})/gi;
/**
 * "Error code 10060" may be a socket error, not Entra's: a bare number after a generic "error code"
 * label counts only when it is a code we know. The sign-in log's "Sign-in error code" is always Entra's.
 */
const KNOWN_NUMERIC_CODES: ReadonlySet<string> = new Set(COMPACT_ROWS.filter(([c]) => typeof c === 'number').map(([c]) => String(c)));
const IDX_RE = /\bIDX(\d{5})\b/g;
const GRAPH_DISTINCT_RE = new RegExp(`\\b(${GRAPH_DISTINCT_CODES.join('|')})\\b`, 'g');
const GRAPH_GENERIC_RE = new RegExp(`\\bcode["']?[ \\t]{0,5}[:=][ \\t]{0,5}["']?(${GRAPH_GENERIC_CODES.join('|')})\\b`, 'g');
const NUMBER_RE = /\d+/g;

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function validDigits(d: string): boolean {
  return d.length >= MIN_DIGITS && d.length <= MAX_DIGITS && d[0] !== '0';
}

function aadstsOccurrence(digits: string, index: number, messageAt: number | null): Occurrence {
  const n = Number(digits);
  return { key: String(n), code: n, kind: 'aadsts', index, messageAt };
}

function findAadsts(text: string, out: Occurrence[]): void {
  AADSTS_RE.lastIndex = 0;
  for (let m = AADSTS_RE.exec(text); m; m = AADSTS_RE.exec(text)) {
    const first = m[1] ?? '';
    const second = m[2];
    const end = m.index + m[0].length;
    if (second !== undefined) {
      // A code wrapped onto the next line: join only when the first part cannot stand alone, or
      // the joined number is directly followed by the ':' every AADSTS message has.
      const joined = first + second;
      const colonNext = text.charCodeAt(end) === 58;
      if (!isDigitAt(text, end) && validDigits(joined) && (first.length < MIN_DIGITS || colonNext)) {
        out.push(aadstsOccurrence(joined, m.index, m.index));
        continue;
      }
      const firstEnd = m.index + m[0].indexOf(first) + first.length;
      if (validDigits(first) && !isDigitAt(text, firstEnd)) out.push(aadstsOccurrence(first, m.index, m.index));
      AADSTS_RE.lastIndex = firstEnd;
      continue;
    }
    if (!isDigitAt(text, end) && validDigits(first)) out.push(aadstsOccurrence(first, m.index, m.index));
  }
}

function findListed(text: string, re: RegExp, out: Occurrence[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const group = m[1] ?? '';
    const groupStart = m.index + m[0].length - group.length;
    NUMBER_RE.lastIndex = 0;
    for (let n = NUMBER_RE.exec(group); n; n = NUMBER_RE.exec(group)) {
      if (validDigits(n[0])) out.push(aadstsOccurrence(n[0], groupStart + n.index, null));
    }
  }
}

function findSingle(text: string, re: RegExp, out: Occurrence[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const digits = m[1] ?? '';
    const end = m.index + m[0].length;
    if (validDigits(digits) && !isDigitAt(text, end)) out.push(aadstsOccurrence(digits, end - digits.length, null));
  }
}

function findErrorCodeLabel(text: string, out: Occurrence[]): void {
  ERROR_CODE_RE.lastIndex = 0;
  for (let m = ERROR_CODE_RE.exec(text); m; m = ERROR_CODE_RE.exec(text)) {
    const digits = m[2] ?? '';
    const end = m.index + m[0].length;
    if (!validDigits(digits) || isDigitAt(text, end)) continue;
    if (m[1] === undefined && !KNOWN_NUMERIC_CODES.has(digits)) continue;
    out.push(aadstsOccurrence(digits, end - digits.length, null));
  }
}

function findNamed(text: string, re: RegExp, kind: FindingKind, out: Occurrence[], prefix = ''): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = `${prefix}${m[1] ?? ''}`;
    const at = m.index + m[0].length - (m[1] ?? '').length - prefix.length;
    out.push({ key: name, code: name, kind, index: at, messageAt: at });
  }
}

function findOccurrences(text: string): Occurrence[] {
  const out: Occurrence[] = [];
  if (/adsts/i.test(text)) findAadsts(text, out);
  if (/error_?codes/i.test(text)) findListed(text, LISTED_CODES_RE, out);
  if (text.includes('Error(s)')) findListed(text, MSAL_CODES_RE, out);
  if (/errorno/i.test(text)) findSingle(text, ERROR_NO_RE, out);
  if (/error\?code=/i.test(text)) findSingle(text, ERROR_URI_RE, out);
  if (/error[ _]?code/i.test(text)) findErrorCodeLabel(text, out);
  if (text.includes('IDX')) findNamed(text, IDX_RE, 'identitymodel', out, 'IDX');
  findNamed(text, GRAPH_DISTINCT_RE, 'graph', out);
  if (/code/i.test(text)) findNamed(text, GRAPH_GENERIC_RE, 'graph', out);
  out.sort((a, b) => a.index - b.index);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Labels (IDs and timestamps) and which code they belong to
// ---------------------------------------------------------------------------------------------

type LabelField = 'traceId' | 'correlationId' | 'timestamp' | 'oauthError';

interface Label {
  field: LabelField;
  value: string;
  index: number;
}

// The portal's sign-in log details copy as "Request ID<TAB>value", without a colon: a label without
// one still needs a GUID (or timestamp) right after it.
const ID_LABEL_RE = /\b(trace[ _-]?id|(?:client[ _-]?)?request[ _-]?id|correlation[ _-]?id|timestamp|date)\b["']?(?:[ \t]{0,5}[:=]|[ \t]{1,5})[ \t\r\n]{0,5}["']?/gi;
const GUID_RE = /^\{?([0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12})/;
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?(?:Z|[+-]\d{2}:?\d{2})?)?/;
const OAUTH_ERROR_RE = /(?:"error"[ \t]{0,5}:[ \t]{0,5}"|\berror=|\b(?:ServerError|InteractionRequiredAuthError|ClientAuthError|AuthError):[ \t]{0,3})(invalid_request|invalid_client|invalid_grant|invalid_scope|invalid_resource|unauthorized_client|unsupported_grant_type|unsupported_response_type|interaction_required|consent_required|login_required|access_denied|temporarily_unavailable|server_error|invalid_tenant)\b/g;

function formatGuid(raw: string): string {
  const hex = raw.replace(/-/g, '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function classify(label: string): LabelField {
  const l = label.toLowerCase().replace(/[ _-]/g, '');
  if (l === 'traceid' || l === 'requestid') return 'traceId';
  if (l === 'correlationid' || l === 'clientrequestid') return 'correlationId';
  return 'timestamp';
}

function findLabels(text: string): Label[] {
  const labels: Label[] = [];
  ID_LABEL_RE.lastIndex = 0;
  for (let m = ID_LABEL_RE.exec(text); m; m = ID_LABEL_RE.exec(text)) {
    const word = m[1] ?? '';
    const field = classify(word);
    if (word.toLowerCase() === 'date' && text[m.index - 1] !== '"') continue;
    const after = m.index + m[0].length;
    // IDs wrapped across lines: read a short window with the whitespace taken out.
    const window = text.slice(after, after + 80);
    if (field === 'timestamp') {
      const t = TIMESTAMP_RE.exec(window.replace(/^\s+/, '').replace(/[\r\n]+[ \t]*/g, ' '));
      if (t) labels.push({ field, value: t[0], index: m.index });
    } else {
      const g = GUID_RE.exec(window.replace(/\s+/g, ''));
      if (g?.[1] && g[1].replace(/-/g, '').length === 32) labels.push({ field, value: formatGuid(g[1]), index: m.index });
    }
  }
  OAUTH_ERROR_RE.lastIndex = 0;
  for (let m = OAUTH_ERROR_RE.exec(text); m; m = OAUTH_ERROR_RE.exec(text)) {
    labels.push({ field: 'oauthError', value: m[1] ?? '', index: m.index });
  }
  labels.sort((a, b) => a.index - b.index);
  return labels;
}

/** Index of the last occurrence at or before `index`, or -1. */
function lastAtOrBefore(occ: readonly Occurrence[], index: number): number {
  let lo = 0;
  let hi = occ.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((occ[mid]?.index ?? 0) <= index) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

interface Claim {
  key: string;
  field: LabelField;
  value: string;
  /** Where the owning occurrence is: the earliest error of a code keeps its own IDs. */
  owner: number;
  distance: number;
}

/**
 * Each label goes to one code occurrence. "follow": the nearest code before it (IDs come after the
 * message, as in token-endpoint JSON and MSAL text); "precede": the nearest code after it (the
 * sign-in error page lists Request Id, Correlation Id and Timestamp before the message).
 */
function claims(occ: readonly Occurrence[], labels: readonly Label[], orientation: 'follow' | 'precede'): Claim[] {
  const out: Claim[] = [];
  for (const label of labels) {
    const before = lastAtOrBefore(occ, label.index);
    const prev = before >= 0 ? occ[before] : undefined;
    const next = occ[before + 1];
    // The OAuth error always comes before its description (JSON, query string, MSAL's message).
    const way = label.field === 'oauthError' ? 'precede' : orientation;
    const owner: Occurrence | undefined = way === 'follow' ? (prev ?? next) : (next ?? prev);
    if (!owner) continue;
    const distance = Math.abs(label.index - owner.index);
    if (distance > MAX_LABEL_DISTANCE) continue;
    out.push({ key: owner.key, field: label.field, value: label.value, owner: owner.index, distance });
  }
  return out;
}

/** How many claims disagree with the first value claimed for the same code and field. */
function conflicts(list: readonly Claim[]): number {
  const first = new Map<string, string>();
  let n = 0;
  for (const c of list) {
    if (c.field === 'oauthError') continue;
    const k = c.key + c.field;
    const seen = first.get(k);
    if (seen === undefined) first.set(k, c.value);
    else if (seen !== c.value) n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

const MESSAGE_END_RE = /[\r\n"]|\b(?:Trace|Correlation|Request)[ _-]?ID\b|\bTimestamp\b|&[a-z_]+=|\s-\s(?:Correlation|Trace)|\bAADSTS[ \t-]?\d/i;
const GRAPH_MESSAGE_RE = /^[\s\S]{0,300}?(?:"message"[ \t]{0,5}:[ \t]{0,5}"([^"\r\n]{1,400})"|\bMessage:[ \t]{0,5}([^\r\n]{1,400}))/;

/**
 * Where a message ends: at a line break, a quote, an ID label or the next code. A line break inside a
 * sentence (the next line goes on in lower case, as when a mail client wraps text) does not end it.
 */
function messageEnd(rest: string): number {
  let from = 0;
  for (let guard = 0; guard < 50; guard++) {
    const m = MESSAGE_END_RE.exec(rest.slice(from));
    if (!m) return rest.length;
    const at = from + m.index;
    if (m[0] !== '\n' && m[0] !== '\r') return at;
    const next = at + (rest[at] === '\r' && rest[at + 1] === '\n' ? 2 : 1);
    if (/^[a-z'(]/.test(rest.slice(next, next + 1)) && !/[.!?:]\s*$/.test(rest.slice(Math.max(0, at - 3), at))) {
      from = next;
      continue;
    }
    return at;
  }
  return rest.length;
}

function cleanMessage(raw: string): string | null {
  const m = raw.replace(/\s+/g, ' ').trim().replace(/[\s.,;:-]+$/, (s) => (s.includes('.') ? '.' : ''));
  return m.length > 0 ? m.slice(0, MAX_MESSAGE) : null;
}

const FAILURE_REASON_RE = /\bfailure[ _]?reason\b["']?(?:[ \t]{0,5}[:=]|\t)[ \t]{0,5}"?([^\r\n"]{1,400})/i;

/** A sign-in log gives the code without a message, and the text in its "Failure reason" nearby. */
function failureReason(text: string, occ: Occurrence): string | null {
  if (occ.kind !== 'aadsts') return null;
  const from = Math.max(0, occ.index - 600);
  const m = FAILURE_REASON_RE.exec(text.slice(from, occ.index + 600));
  return m?.[1] ? cleanMessage(`AADSTS${occ.key}: ${m[1]}`) : null;
}

function messageAt(text: string, occ: Occurrence): string | null {
  if (occ.messageAt === null) return failureReason(text, occ);
  if (occ.kind === 'aadsts') {
    const window = text.slice(occ.messageAt, occ.messageAt + 800);
    // Skip the code itself (and a line break inside it) before looking for the end.
    const head = /^A?ADSTS[ \t-]?\d{1,7}(?:\r?\n[ \t]{0,8}\d{1,6})?/i.exec(window);
    const rest = window.slice(head ? head[0].length : 0);
    const body = rest.slice(0, messageEnd(rest));
    return cleanMessage(`AADSTS${occ.key}${body}`);
  }
  const window = text.slice(occ.messageAt, occ.messageAt + 800);
  const g = GRAPH_MESSAGE_RE.exec(window.slice(String(occ.code).length));
  const text2 = g?.[1] ?? g?.[2];
  return text2 ? cleanMessage(`${occ.code}: ${text2}`) : null;
}

// ---------------------------------------------------------------------------------------------

/**
 * Every error code in `text`, each once, in order of first appearance, with the trace ID,
 * correlation ID, timestamp, OAuth error and message that belong to it. Never throws.
 */
export function parseErrorText(input: string): ParsedError[] {
  try {
    const text = normalizeErrorText(input);
    const occ = findOccurrences(text);
    if (occ.length === 0) return [];
    const labels = findLabels(text);
    const follow = claims(occ, labels, 'follow');
    const precede = claims(occ, labels, 'precede');
    const chosen = conflicts(precede) < conflicts(follow) ? precede : follow;

    const best = new Map<string, Claim>();
    for (const c of chosen) {
      const k = `${c.key}\u0000${c.field}`;
      const current = best.get(k);
      if (!current || c.owner < current.owner || (c.owner === current.owner && c.distance < current.distance)) best.set(k, c);
    }
    const value = (key: string, field: LabelField): string | null => best.get(`${key}\u0000${field}`)?.value ?? null;

    const results: ParsedError[] = [];
    const byKey = new Map<string, ParsedError>();
    for (const o of occ) {
      let r = byKey.get(o.key);
      if (!r) {
        if (results.length >= MAX_FINDINGS) continue;
        r = {
          key: o.key,
          code: o.code,
          kind: o.kind,
          index: o.index,
          traceId: value(o.key, 'traceId'),
          correlationId: value(o.key, 'correlationId'),
          timestamp: value(o.key, 'timestamp'),
          oauthError: value(o.key, 'oauthError'),
          message: null,
        };
        byKey.set(o.key, r);
        results.push(r);
      }
      if (r.message === null) r.message = messageAt(text, o);
    }
    return results;
  } catch {
    return [];
  }
}
