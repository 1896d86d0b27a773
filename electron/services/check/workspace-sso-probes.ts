/**
 * The probes Workspace SSO (OnTrackio-style) swaps in for Octopus's.
 *
 * - `api-app`: the app registration exists, and EVERY workspace's redirect URI is accepted by Entra.
 *   Without signing in: for each URI, the authorize endpoint is asked to start a sign-in with it.
 *   Entra validates the client and the redirect URI before it shows any sign-in page, and answers an
 *   unregistered URI with its error page (AADSTS50011) instead of a sign-in page. No user signs in
 *   and no code is issued. What this cannot see (Graph would be needed, with a delegated token and
 *   Application.Read.All): on which platform a URI is registered (Web, as required, or SPA/mobile),
 *   and whether implicit grant and public client flows are off. The result says so.
 * - `secret`: proven against Microsoft Graph `/.default` (the app exposes no API of its own).
 * - `sign-in`: the ordinary sign-in probe, through the first workspace's redirect URI.
 * - `graph-me`: a user without a mail address is a warning, not a failure: the product falls back to
 *   userPrincipalName / preferred_username.
 */
import { randomBytes } from 'node:crypto';
import { WORKSPACE_SSO_SCOPES } from '../../../shared/targets/workspace-sso/rules';
import type { HttpResponse } from '../http';
import type { ProbeContext, ProbeOutcome } from './probe-context';
import { apiAppProbe, networkFailure } from './probes';
import { errorFromPageText, graphMeProbe } from './sign-in-probe';

const APP_REG = 'Entra admin center > Identity > Applications > App registrations > the workspace SSO app';

/** What Entra said about one redirect URI. */
export type RedirectVerdict = { uri: string; accepted: true } | { uri: string; accepted: false; code: number | string | null; message: string | null };

/** The authorize URL that makes Entra validate `redirectUri` for the app (no prompt is ever answered). */
export function authorizeProbeUrl(authorizationEndpoint: string, clientId: string, redirectUri: string): string {
  const url = new URL(authorizationEndpoint);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('response_mode', 'query');
  url.searchParams.set('scope', WORKSPACE_SSO_SCOPES.join(' '));
  url.searchParams.set('state', randomBytes(12).toString('hex'));
  url.searchParams.set('prompt', 'login');
  return url.toString();
}

/** A redirect (to the URI or to a sign-in step) or a page without an AADSTS error: the URI is accepted. */
export function verdictOf(uri: string, res: HttpResponse): RedirectVerdict {
  if (res.status >= 300 && res.status < 400) return { uri, accepted: true };
  const ref = errorFromPageText(res.body);
  if (res.status === 200 && !ref) return { uri, accepted: true };
  return { uri, accepted: false, code: ref?.code ?? null, message: ref?.message ?? (res.status === 200 ? null : `HTTP ${res.status}`) };
}

/** Ask Entra about every workspace redirect URI, one after the other (they are few, and this is polite). */
async function checkRedirects(ctx: ProbeContext, authorizationEndpoint: string, uris: readonly string[]): Promise<RedirectVerdict[] | ProbeOutcome> {
  const verdicts: RedirectVerdict[] = [];
  for (const uri of uris) {
    const url = authorizeProbeUrl(authorizationEndpoint, ctx.target.clientId, uri);
    try {
      verdicts.push(verdictOf(uri, await ctx.http.request(url, { signal: ctx.signal, timeoutMs: ctx.requestTimeoutMs })));
    } catch (error) {
      return networkFailure(error, authorizationEndpoint, `The redirect URI ${uri} could not be checked`, ctx.requestTimeoutMs);
    }
  }
  return verdicts;
}

const NOT_SEEN =
  'Not visible without Microsoft Graph: that each URI is on the Web platform (not SPA or mobile), and that implicit grant (access and ID tokens) and "Allow public client flows" are off. Check them under Authentication.';

/** The app registration exists and accepts every redirect URI its target derives (for workspace SSO, one per workspace). */
export async function workspaceAppProbe(ctx: ProbeContext): Promise<ProbeOutcome> {
  const app = await apiAppProbe(ctx);
  if (app.status === 'failed') return app;
  const d = await ctx.discovery();
  if (!d.ok) return { status: 'failed', summary: 'The discovery document was not available.', tested: '' };
  const uris = ctx.target.redirectUris;
  const checked = await checkRedirects(ctx, d.doc.authorization_endpoint, uris);
  if (!Array.isArray(checked)) return checked;
  const tested = `${app.tested}; then GET ${d.doc.authorization_endpoint} once per workspace redirect URI (${uris.length}), without signing in: Entra validates the redirect URI before any sign-in page`;
  const missing = checked.filter((v): v is Extract<RedirectVerdict, { accepted: false }> => !v.accepted);
  const facts = [
    ...(app.facts ?? []),
    { label: 'Workspace redirect URIs', value: checked.map((v) => `${v.accepted ? '✓' : '✗'} ${v.uri}`).join('\n') },
    { label: 'Not checked', value: NOT_SEEN },
  ];
  if (missing.length === 0)
    return { status: 'passed', summary: `The app registration is in this tenant and accepts all ${uris.length} workspace redirect URI(s).`, tested, facts };
  const unregistered = missing.filter((m) => m.code === 50011 || m.code === 500113);
  const other = missing.filter((m) => !unregistered.includes(m));
  const first = other[0];
  if (unregistered.length === 0 && first)
    return {
      status: 'failed',
      summary: `Entra refused the sign-in request for ${first.uri}: ${first.code === null ? 'an unexpected answer' : `AADSTS${first.code}`}${first.message ? ` ${first.message}` : ''}.`,
      fix: ['Run the check again; if it repeats, paste the error into Diagnose.'],
      tested,
      facts,
    };
  const names = unregistered.map((m) => m.uri);
  return {
    status: 'failed',
    summary: `${names.length === 1 ? 'This workspace redirect URI is' : `${names.length} workspace redirect URIs are`} not registered on the app: ${names.join(', ')}. Sign-in to ${names.length === 1 ? 'that workspace' : 'those workspaces'} stops with AADSTS50011.`,
    error: null,
    fix: [
      `${APP_REG} > Authentication > Web > Redirect URIs: add ${names.join(', ')} exactly, then Save. Entra has no wildcard redirect URIs: every workspace needs its own.`,
      'Keep the profile’s workspace list and the registered URIs in step whenever a workspace is added.',
    ],
    tested,
    facts,
  };
}

/** `graph-me` for workspace SSO: no mail address is a warning, because the product falls back to the UPN. */
export async function workspaceGraphMeProbe(ctx: ProbeContext): Promise<ProbeOutcome> {
  const outcome = await graphMeProbe(ctx);
  const upn = outcome.facts?.find((f) => f.label === 'User principal name')?.value;
  if (outcome.status !== 'failed' || upn === undefined) return outcome;
  return {
    ...outcome,
    status: 'warning',
    summary: `${upn || 'The signed-in user'} has no email address in Entra, so the product falls back to the userPrincipalName / preferred_username (${upn}). It must be in an allowed domain or on the collaborator list.`,
    fix: ['To use a real address instead: Entra admin center > Identity > Users > the user > Properties > Contact information > Email.'],
  };
}
