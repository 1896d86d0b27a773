/**
 * The one redaction function: every log line, support summary and error text that leaves the process
 * passes through it. It removes known secrets (registered at run time: the client secrets the app
 * holds) and anything shaped like a token, auth code, PKCE verifier or password field.
 *
 * It runs in time linear in its input: no pattern below can start a match at many places inside one
 * run of characters and rescan it each time (the JWT pattern starts only where a base64url run
 * starts), and text past MAX_REDACT_CHARS is cut, never passed through unredacted. A server's 100 KB
 * error text therefore costs milliseconds, not seconds (bench/redact.bench.ts).
 */

/** The most characters redact() reads; the rest is replaced by a note of how much was cut. */
export const MAX_REDACT_CHARS = 256 * 1024;

const known = new Set<string>();

/** Remember a secret value so that redact() removes it wherever it appears. */
export function registerSecret(value: string | null | undefined): void {
  if (value && value.length >= 6) known.add(value);
}

export function forgetSecret(value: string): void {
  known.delete(value);
}

/** Names of fields that hold a credential, in query strings, form bodies, JSON and log text. */
const CREDENTIAL_NAMES =
  'client_secret|clientSecret|secret|password|passwd|code_verifier|codeVerifier|refresh_token|refreshToken|access_token|accessToken|id_token|idToken|client_assertion|assertion|secretText';
/** A JSON key naming a credential: one of the names, as the whole key or after a separator ("proxy.password"). */
const CREDENTIAL_KEY = new RegExp(`(?:^|[^A-Za-z0-9_])(?:${CREDENTIAL_NAMES})$`, 'i');
/** An authorization code as a JSON value: a long opaque string (Graph's error "code" is a word). */
const OPAQUE_CODE = /^[A-Za-z0-9._~+/=-]{60,}$/;

const PATTERNS: [RegExp, string][] = [
  // JWTs (ID/access tokens): header.payload.signature, base64url. The header must start a base64url
  // run (the lookbehind): started after any "-" inside a run, "-eyJ" repeated cost quadratic time.
  [/(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, '[redacted token]'],
  // OAuth and credential fields in query strings, form bodies, JSON and log text.
  [new RegExp(`(\\b(?:${CREDENTIAL_NAMES})["']?\\s*[:=]\\s*["']?)[^"'&\\s,;}]{4,}`, 'gi'), '$1[redacted]'],
  // The authorization code in a redirect URL or form body (not the word "code" in general).
  [/([?&#]code=)[^&\s"'#]+/g, '$1[redacted]'],
  // An authorization code as a JSON field: long opaque strings only (Graph's error "code" stays).
  [/("code"\s*:\s*")[A-Za-z0-9._~+/=-]{60,}"/g, '$1[redacted]"'],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]{10,}/g, 'Bearer [redacted]'],
  // A password in a URL (a proxy's http://user:password@host). The scheme must start a run and every
  // part is bounded, so no input makes this rescan.
  [/(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{0,15}:\/\/[^\s/:@"']{0,256}:)[^\s/@"']{1,256}@/g, '$1[redacted]@'],
];

/** Text with every secret, token, code and password replaced by a marker. Never throws. */
export function redact(text: string): string {
  let out = String(text);
  if (out.length > MAX_REDACT_CHARS) {
    // Cut at the last whitespace before the limit: a secret or token the limit splits goes entirely.
    let cut = MAX_REDACT_CHARS;
    while (cut > 0 && !/\s/.test(out.charAt(cut - 1))) cut--;
    out = `${out.slice(0, cut)}… [${out.length - cut} more characters not shown]`;
  }
  // Shapes first (so "client_secret=<value>" reads "client_secret=[redacted]"), then any known secret left.
  for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement);
  for (const secret of known) out = out.split(secret).join('[redacted secret]');
  return out;
}

/**
 * Deep-redact a JSON-like value (for structured logs, support bundles and the CLI's --json
 * documents), field by field: every string (and key) through redact(), and a field named like a
 * credential loses its string or number. The result is always a JSON value: redacting the serialized
 * text instead turned `"secretText": null` into `"secretText":[redacted]`, which is not JSON, and
 * missed a known secret that JSON had escaped (a quote or backslash in it).
 */
export function redactValue<T>(value: T): T {
  // Through JSON first, so what is redacted is exactly what would be serialized (toJSON, undefined).
  const plain: unknown = JSON.parse(JSON.stringify(value) ?? 'null');
  return redactJson(plain, null) as T;
}

function redactJson(value: unknown, key: string | null): unknown {
  if (typeof value === 'string') {
    if (key !== null && value !== '' && (CREDENTIAL_KEY.test(key) || (key === 'code' && OPAQUE_CODE.test(value)))) return '[redacted]';
    return redact(value);
  }
  if (typeof value === 'number') return key !== null && CREDENTIAL_KEY.test(key) ? '[redacted]' : value;
  if (Array.isArray(value)) return value.map((item) => redactJson(item, key));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[redact(k)] = redactJson(v, k);
    return out;
  }
  // null and booleans hold no secret.
  return value;
}
