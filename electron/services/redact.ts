/**
 * The one redaction function: every log line, support summary and error text that leaves the process
 * passes through it. It removes known secrets (registered at run time: the client secrets the app
 * holds) and anything shaped like a token, auth code, PKCE verifier or password field.
 */

const known = new Set<string>();

/** Remember a secret value so that redact() removes it wherever it appears. */
export function registerSecret(value: string | null | undefined): void {
  if (value && value.length >= 6) known.add(value);
}

export function forgetSecret(value: string): void {
  known.delete(value);
}

const PATTERNS: [RegExp, string][] = [
  // JWTs (ID/access tokens): header.payload.signature, base64url.
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, '[redacted token]'],
  // OAuth and credential fields in query strings, form bodies, JSON and log text.
  [
    /(\b(?:client_secret|clientSecret|secret|password|passwd|code_verifier|codeVerifier|refresh_token|refreshToken|access_token|accessToken|id_token|idToken|client_assertion|assertion|secretText)["']?\s*[:=]\s*["']?)[^"'&\s,;}]{4,}/gi,
    '$1[redacted]',
  ],
  // The authorization code in a redirect URL or form body (not the word "code" in general).
  [/([?&#]code=)[^&\s"'#]+/g, '$1[redacted]'],
  // An authorization code as a JSON field: long opaque strings only (Graph's error "code" stays).
  [/("code"\s*:\s*")[A-Za-z0-9._~+/=-]{60,}"/g, '$1[redacted]"'],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]{10,}/g, 'Bearer [redacted]'],
];

/** Text with every secret, token, code and password replaced by a marker. Never throws. */
export function redact(text: string): string {
  let out = String(text);
  // Shapes first (so "client_secret=<value>" reads "client_secret=[redacted]"), then any known secret left.
  for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement);
  for (const secret of known) out = out.split(secret).join('[redacted secret]');
  return out;
}

/** Deep-redact a JSON-like value (for structured logs and support bundles). */
export function redactValue<T>(value: T): T {
  return JSON.parse(redact(JSON.stringify(value) ?? 'null')) as T;
}
