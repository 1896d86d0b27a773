/**
 * How Entra compares a redirect URI with the registered ones (Microsoft Learn, "Redirect URI (reply
 * URL) outline and restrictions"): a URI registered without a path is answered with a trailing
 * slash (https://contoso.com -> https://contoso.com/), so with or without the slash it is the same
 * URI; a URI with a path is compared as registered, byte for byte. The Octopus Web URL has a path
 * (https://ENV.octopus-itsm.com/octopus/), so its trailing slash matters.
 */

const ROOT_URI = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+\/?$/i;

/** True when the URI names a host and nothing after it but an optional slash. */
export function isRootUri(uri: string): boolean {
  return ROOT_URI.test(uri);
}

/** The URI Entra sends its answer to: a root URI gets its trailing slash. */
export function answeredRedirectUri(uri: string): string {
  return isRootUri(uri) && !uri.endsWith('/') ? `${uri}/` : uri;
}

/** True when `requested` names the registered URI the way Entra matches it (loopback ports aside). */
export function redirectUriMatches(registered: string, requested: string): boolean {
  if (registered === requested) return true;
  return isRootUri(registered) && isRootUri(requested) && answeredRedirectUri(registered) === answeredRedirectUri(requested);
}

/**
 * Matching as Entra applies it to a registered URI of any platform: redirectUriMatches, plus the
 * loopback exception (for http://localhost and 127.0.0.1 the port is not compared).
 */
export function platformRedirectMatches(registered: string, given: string): boolean {
  if (redirectUriMatches(registered, given)) return true;
  try {
    const r = new URL(registered);
    const g = new URL(given);
    const loopback = (h: string) => h === 'localhost' || h === '127.0.0.1' || h === '[::1]';
    return r.protocol === 'http:' && g.protocol === 'http:' && loopback(r.hostname) && r.hostname === g.hostname && r.pathname === g.pathname && r.search === g.search;
  } catch {
    return false;
  }
}
