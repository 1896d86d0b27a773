/**
 * Sign-in drivers: whatever shows Entra's sign-in page to a person (the app's window, a Playwright
 * page in the E2E tests, an HTTP robot for the practice tenant) hands back what the browser reached
 * at the redirect URI, or the error page Entra showed instead. The sign-in probe does the rest.
 */
import { answeredRedirectUri } from '../../../shared/redirect-uri';

export interface SignInRequest {
  /** The full authorize URL (state, nonce, PKCE challenge, prompt=select_account included). */
  authorizeUrl: string;
  /** The Octopus Web URL: the redirect is intercepted here and that page is never loaded. */
  redirectUri: string;
  signal: AbortSignal;
}

export type SignInOutcome =
  /** The browser was sent to the redirect URI: parameters from the query, fragment or form_post body. */
  | { kind: 'redirect'; params: Record<string, string> }
  /** Entra showed an error page instead of redirecting (e.g. AADSTS50011); its visible text. */
  | { kind: 'error-page'; text: string }
  /** The person closed the window, or the run was cancelled. */
  | { kind: 'cancelled'; reason: string };

export interface SignInDriver {
  /** Shown in results: "sign-in window", "robot (practice tenant)", ... */
  readonly name: string;
  signIn(request: SignInRequest): Promise<SignInOutcome>;
}

/**
 * True when `url` is the redirect URI, or the redirect URI plus a query or fragment. A root URI
 * given without its trailing slash is answered with it (shared/redirect-uri.ts).
 */
export function isRedirectTo(url: string, redirectUri: string): boolean {
  return [redirectUri, answeredRedirectUri(redirectUri)].some((base) => {
    if (!url.startsWith(base)) return false;
    const rest = url.slice(base.length);
    return rest === '' || rest.startsWith('?') || rest.startsWith('#');
  });
}

/** The parameters of a redirect URL: query first, then fragment (response_mode=fragment). */
export function redirectParams(url: string): Record<string, string> {
  const parsed = new URL(url);
  const out: Record<string, string> = {};
  for (const [k, v] of parsed.searchParams) out[k] = v;
  if (parsed.hash.length > 1) for (const [k, v] of new URLSearchParams(parsed.hash.slice(1))) out[k] = v;
  return out;
}

/** Fields of an application/x-www-form-urlencoded body (response_mode=form_post). */
export function formParams(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}
