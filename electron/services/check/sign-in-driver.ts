/**
 * Sign-in drivers: whatever shows Entra's sign-in page to a person (the app's window, a Playwright
 * page in the E2E tests, an HTTP robot for the practice tenant) hands back what the browser reached
 * at the redirect URI, or the error page Entra showed instead. The sign-in probe does the rest.
 */
import { z } from 'zod';
import { answeredRedirectUri } from '../../../shared/redirect-uri';

export interface SignInRequest {
  /** The full authorize URL (state, nonce, PKCE challenge, prompt=select_account included). */
  authorizeUrl: string;
  /** The Octopus Web URL: the redirect is intercepted here and that page is never loaded. */
  redirectUri: string;
  signal: AbortSignal;
  /**
   * Stop as soon as Entra shows its consent prompt or "Need admin approval" page, and hand the page
   * back, instead of letting the person grant consent (Check compatibility must not change the tenant).
   */
  stopAtConsent?: boolean;
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

/**
 * The fields of the `$Config` script object in which Entra's sign-in pages keep their error
 * (tests/fixtures/recorded/error-page-config-fields.json). Read from a page: validated, unknown
 * fields ignored, wrong types dropped.
 */
export const EntraPageConfigSchema = z.object({
  sErrorCode: z.union([z.string(), z.number()]).optional().catch(undefined),
  iErrorCode: z.number().optional().catch(undefined),
  strServiceExceptionMessage: z.string().optional().catch(undefined),
  strMainMessage: z.string().optional().catch(undefined),
  correlationId: z.string().optional().catch(undefined),
  sessionId: z.string().optional().catch(undefined),
  pgid: z.string().optional().catch(undefined),
});
export type EntraPageConfig = z.infer<typeof EntraPageConfigSchema>;

/** What a sign-in window reads from a page: its visible text and, when present, its `$Config`. */
export interface PageReading {
  text: string;
  config: unknown;
}

const CONSENT_TEXT = /Permissions requested|Need admin approval/i;

/**
 * An Entra error page (from `$Config`, or visible text with an AADSTS code and a request ID), or
 * with `stopAtConsent` the consent prompt, as a sign-in outcome; null while the page is neither
 * (a sign-in form, or an error page not rendered yet). The `$Config` error comes first in the
 * returned text, so the code and IDs are found even when the visible text is folded away.
 */
export function pageOutcome(page: PageReading, stopAtConsent: boolean): SignInOutcome | null {
  const parsed = EntraPageConfigSchema.safeParse(page.config);
  const cfg: EntraPageConfig = parsed.success ? parsed.data : {};
  const codeFrom = (v: string | number | undefined) => (v === undefined ? null : /^\d{4,}$/.test(String(v)) ? String(v) : null);
  const message = cfg.strServiceExceptionMessage ?? '';
  const code = codeFrom(cfg.sErrorCode) ?? codeFrom(cfg.iErrorCode) ?? /AADSTS(\d{4,})/.exec(message)?.[1] ?? null;
  if (code !== null) {
    const line = /^AADSTS\d+/.test(message) ? message : `AADSTS${code}: ${message || cfg.strMainMessage || ''}`.trim();
    const ids = cfg.correlationId ? `\nCorrelation ID: ${cfg.correlationId}` : '';
    return { kind: 'error-page', text: `${line}${ids}\n${page.text}` };
  }
  if (/AADSTS\d{4,}/.test(page.text) && /(Trace|Correlation|Request) ID/i.test(page.text)) return { kind: 'error-page', text: page.text };
  if (stopAtConsent && CONSENT_TEXT.test(page.text)) return { kind: 'error-page', text: page.text };
  return null;
}
