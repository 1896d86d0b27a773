/**
 * Delegated Microsoft Graph tokens for the audit, as a public client (default: Microsoft Graph
 * Command Line Tools). Two ways to the same token:
 * - `browserTokenSource`: MSAL Node's acquireTokenInteractive, the system browser and MSAL's own
 *   loopback server on http://localhost (response_mode=form_post since msal-node 6: lib/msal-node/docs/v6-migration.md
 *   in AzureAD/microsoft-authentication-library-for-js). For real tenants.
 * - `driverTokenSource`: authorization code + PKCE through a SignInDriver that hands back the
 *   redirect to http://localhost/ (the app's sign-in window, the E2E harness's page, or the practice
 *   tenant's HTTP robot). The system browser cannot open the practice tenant: the app opens only
 *   Microsoft hosts externally, so the practice tenant always goes through a driver.
 * Tokens live in memory only and are never logged.
 */
import { randomBytes } from 'node:crypto';
import { AuthError, CryptoProvider, PublicClientApplication, type AuthenticationResult, type Configuration } from '@azure/msal-node';
import { AUDIT_GRAPH_SCOPES, GRAPH_CLI_CLIENT_ID } from '../../../shared/audit';
import { descriptionText, errorRefFromBody, parseEntraError, type EntraErrorBody } from '../check/entra-response';
import type { Endpoints } from '../check/probe-context';
import type { SignInDriver } from '../check/sign-in-driver';
import { consentPageKind, errorFromPageText } from '../check/sign-in-probe';
import { createMsalNetworkModule, HttpRequestError, type HttpClient, type HttpResponse } from '../http';
import type { Clock } from '../ports';

/** Where a Graph token is wanted, and by which public client. */
export interface GraphTokenRequest {
  tenantId: string;
  endpoints: Endpoints;
  http: HttpClient;
  clientId: string;
  signal: AbortSignal;
  timeoutMs: number;
}

export interface GraphToken {
  accessToken: string;
  /** userPrincipalName of the account, when known. */
  username: string | null;
  expiresOn: Date | null;
}

/** The port: anything that can get a delegated Graph token for the audit. */
export interface GraphTokenSource {
  /** For people: "system browser", "sign-in window", "robot (practice tenant)". */
  readonly name: string;
  acquire(request: GraphTokenRequest): Promise<GraphToken>;
}

/** A sign-in that did not give a token, with what to do about it. */
export class GraphSignInError extends Error {
  constructor(
    message: string,
    readonly fix: string | null,
    readonly code: number | string | null = null,
    readonly cancelled = false,
  ) {
    super(message);
    this.name = 'GraphSignInError';
  }
}

/** Redirect URI of the driver flow: Graph Command Line Tools registers http://localhost (port and root path ignored for loopback). */
export const DRIVER_REDIRECT_URI = 'http://localhost/';

/** "Microsoft Graph Command Line Tools" for the default client, else the client id. */
export function graphClientName(clientId: string): string {
  return clientId.toLowerCase() === GRAPH_CLI_CLIENT_ID ? 'Microsoft Graph Command Line Tools' : `the public client ${clientId}`;
}

/** The scopes, on the cloud's (or practice tenant's) Graph host. */
export function graphScopes(graphHost: string, permissions: readonly string[] = AUDIT_GRAPH_SCOPES): string[] {
  return permissions.map((s) => `${graphHost}/${s}`);
}

/** What to tell the admin for the AADSTS codes a Graph sign-in really meets. */
export function signInFix(code: number | string | null, clientId: string): string | null {
  const name = graphClientName(clientId);
  switch (code) {
    case 65001:
    case 90094:
    case 90008:
    case 'consent_required':
      return (
        `${name} needs consent to the delegated Microsoft Graph permissions ${AUDIT_GRAPH_SCOPES.join(' and ')} (both need an administrator). ` +
        `A Global Administrator or Privileged Role Administrator grants it: Entra admin center > Identity > Applications > Enterprise applications > ${name} > Permissions > "Grant admin consent for <tenant>", ` +
        `or signs in here once and ticks "Consent on behalf of your organization". Then run the audit again.`
      );
    case 700016:
      return `${name} is not known in this tenant. Use the default client (Microsoft Graph Command Line Tools, ${GRAPH_CLI_CLIENT_ID}), or register your own public client with the redirect URI http://localhost (Mobile and desktop applications).`;
    case 50011:
      return `${name} does not have http://localhost as a redirect URI. Add it under Authentication > Mobile and desktop applications.`;
    case 7000218:
      return `${name} is not a public client: set "Allow public client flows" to Yes on its app registration.`;
    case 50105:
      return `${name} requires assignment in this tenant and your account is not assigned: Enterprise applications > ${name} > Users and groups > Add user/group.`;
    case 50076:
    case 50079:
      return 'Multi-factor authentication is required: complete it in the sign-in page. If it cannot be completed, check the Conditional Access policies that apply to this client.';
    case 50020:
      return 'The account belongs to another tenant. Sign in with an account of the audited tenant.';
    default:
      return null;
  }
}

function errorFromCode(code: number | string | null, message: string, clientId: string): GraphSignInError {
  const label = typeof code === 'number' ? `AADSTS${code}` : code;
  const text = (descriptionText(message) ?? '').replace(/^AADSTS\d+:\s*/, '').replace(/\s+/g, ' ').trim();
  return new GraphSignInError(`Signing in to Microsoft Graph failed${label ? `: ${label}` : ''}${text ? ` ${text}` : ''}`, signInFix(code, clientId), code);
}

/** The tenant's discovery document, as raw JSON for MSAL's authorityMetadata (no instance discovery round trip). */
async function discoveryMetadata(req: GraphTokenRequest): Promise<string> {
  const url = `${req.endpoints.authorityHost}/${encodeURIComponent(req.tenantId)}/v2.0/.well-known/openid-configuration`;
  let res: HttpResponse;
  try {
    res = await req.http.request(url, { signal: req.signal, timeoutMs: req.timeoutMs });
  } catch (error) {
    throw new GraphSignInError(`The sign-in service could not be reached (${error instanceof Error ? error.message : String(error)}).`, 'Check the network (proxy, firewall) and the cloud of the profile.');
  }
  if (res.status !== 200) {
    const body = parseEntraError(res.body);
    if (body) {
      const ref = errorRefFromBody(body);
      throw errorFromCode(ref.code, ref.message ?? '', req.clientId);
    }
    throw new GraphSignInError(`The tenant's discovery document answered HTTP ${res.status}.`, 'Check the Directory (tenant) ID and the cloud of the profile.');
  }
  return res.body;
}

/** A public client over our HTTP client (proxy, pinned CA), remembering the last Entra error body it saw. */
function publicClient(req: GraphTokenRequest, metadata: string): { pca: PublicClientApplication; lastError: () => EntraErrorBody | null } {
  let last: EntraErrorBody | null = null;
  const capturing = {
    request: async (url: string, options?: Parameters<HttpClient['request']>[1]) => {
      const res = await req.http.request(url, options);
      const body = res.status >= 400 ? parseEntraError(res.body) : null;
      if (body) last = body;
      return res;
    },
  };
  const config: Configuration = {
    auth: {
      clientId: req.clientId,
      authority: `${req.endpoints.authorityHost}/${encodeURIComponent(req.tenantId)}`,
      knownAuthorities: [new URL(req.endpoints.authorityHost).host],
      authorityMetadata: metadata,
    },
    system: {
      networkClient: createMsalNetworkModule(capturing, { signal: req.signal, timeoutMs: req.timeoutMs }),
      loggerOptions: { piiLoggingEnabled: false, logLevel: 0, loggerCallback: () => {} },
    },
  };
  return { pca: new PublicClientApplication(config), lastError: () => last };
}

function tokenOf(result: AuthenticationResult | null): GraphToken {
  if (!result?.accessToken) throw new GraphSignInError('Entra returned no access token for Microsoft Graph.', 'Run the audit again.');
  return { accessToken: result.accessToken, username: result.account?.username ?? null, expiresOn: result.expiresOn ?? null };
}

/** Turn what MSAL threw into a GraphSignInError (preferring the Entra error body we saw on the wire). */
function fromMsal(error: unknown, lastError: EntraErrorBody | null, clientId: string, signal: AbortSignal): GraphSignInError {
  if (error instanceof GraphSignInError) return error;
  if (signal.aborted) return new GraphSignInError('The sign-in to Microsoft Graph was cancelled or timed out.', 'Run the audit again and complete the sign-in.', null, true);
  if (lastError) {
    const ref = errorRefFromBody(lastError);
    return errorFromCode(ref.code, ref.message ?? '', clientId);
  }
  if (error instanceof AuthError) {
    const code = /AADSTS(\d{4,})/.exec(error.errorMessage)?.[1];
    if (error.errorCode === 'access_denied') return new GraphSignInError('The sign-in to Microsoft Graph was cancelled.', 'Run the audit again and complete the sign-in.', 'access_denied', true);
    return errorFromCode(code ? Number(code) : error.errorCode, error.errorMessage, clientId);
  }
  if (error instanceof HttpRequestError) return new GraphSignInError(`The sign-in service could not be reached (${error.message}).`, 'Check the network and run the audit again.');
  return new GraphSignInError(`Signing in to Microsoft Graph failed: ${error instanceof Error ? error.message : String(error)}`, null);
}

/**
 * Authorization code + PKCE as a public client, shown to a person (or the robot) by a SignInDriver.
 * `permissions` narrows what is asked for (e.g. only Application.Read.All where Directory.Read.All is
 * not consented: the consent step is then reported unknown, with who must consent to what).
 */
export function driverTokenSource(driver: SignInDriver, options: { permissions?: readonly string[] } = {}): GraphTokenSource {
  return {
    name: driver.name,
    async acquire(req) {
      const metadata = await discoveryMetadata(req);
      const { pca, lastError } = publicClient(req, metadata);
      const scopes = graphScopes(req.endpoints.graphHost, options.permissions);
      const pkce = await new CryptoProvider().generatePkceCodes();
      const state = randomBytes(16).toString('base64url');
      const authorizeUrl = await pca.getAuthCodeUrl({ scopes, redirectUri: DRIVER_REDIRECT_URI, codeChallenge: pkce.challenge, codeChallengeMethod: 'S256', state, prompt: 'select_account', responseMode: 'query' });
      let outcome;
      try {
        outcome = await driver.signIn({ authorizeUrl, redirectUri: DRIVER_REDIRECT_URI, signal: req.signal });
      } catch (error) {
        throw fromMsal(error, null, req.clientId, req.signal);
      }
      if (outcome.kind === 'cancelled') throw new GraphSignInError(`The sign-in to Microsoft Graph did not finish: ${outcome.reason}`, 'Run the audit again and complete the sign-in.', null, true);
      if (outcome.kind === 'error-page') {
        const ref = errorFromPageText(outcome.text);
        // A driver that cannot answer Entra's consent prompt (the practice robot) hands the page back.
        const consent = consentPageKind(outcome.text);
        if (consent !== null && (ref === null || ref.code === consent)) throw errorFromCode(consent, ref?.message ?? 'Entra asked for consent to the Microsoft Graph permissions.', req.clientId);
        if (ref) throw errorFromCode(ref.code, ref.message ?? '', req.clientId);
        throw new GraphSignInError('The sign-in ended on a page that is neither the redirect nor an Entra error.', null);
      }
      const p = outcome.params;
      if (p.error) {
        const code = /AADSTS(\d+)/.exec(p.error_description ?? '')?.[1];
        throw errorFromCode(code ? Number(code) : p.error, p.error_description ?? '', req.clientId);
      }
      if (p.state !== state) throw new GraphSignInError('The sign-in answer was not for this sign-in (state mismatch).', 'Run the audit again.');
      if (!p.code) throw new GraphSignInError('The sign-in answer carried no authorization code.', 'Run the audit again.');
      try {
        return tokenOf(await pca.acquireTokenByCode({ code: p.code, codeVerifier: pkce.verifier, redirectUri: DRIVER_REDIRECT_URI, scopes, state }));
      } catch (error) {
        throw fromMsal(error, lastError(), req.clientId, req.signal);
      }
    },
  };
}

/** A page MSAL's loopback server shows in the browser when the sign-in came back. */
const DONE_PAGE = '<!doctype html><meta charset="utf-8"><title>Federation Desk</title><p style="font-family:sans-serif">Signed in. You can close this tab and return to Federation Desk.</p>';
const ERROR_PAGE = '<!doctype html><meta charset="utf-8"><title>Federation Desk</title><p style="font-family:sans-serif">The sign-in did not complete. Return to Federation Desk for details.</p>';

/**
 * The system browser and MSAL's loopback server (real tenants). `openBrowser` gets the authorize URL;
 * cancelling (the signal) sends MSAL's own loopback server an access_denied answer, so it closes
 * its port instead of waiting forever.
 */
export function browserTokenSource(openBrowser: (url: string) => Promise<void>): GraphTokenSource {
  return {
    name: 'system browser',
    async acquire(req) {
      const metadata = await discoveryMetadata(req);
      const { pca, lastError } = publicClient(req, metadata);
      let opened: URL | null = null;
      const onAbort = () => {
        const redirect = opened?.searchParams.get('redirect_uri');
        const state = opened?.searchParams.get('state');
        if (!redirect || !state) return;
        const loopback = new URL(redirect);
        void fetch(`http://127.0.0.1:${loopback.port}/`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ error: 'access_denied', error_description: 'Cancelled in Federation Desk.', state }).toString(),
        }).catch(() => undefined);
      };
      req.signal.addEventListener('abort', onAbort, { once: true });
      try {
        return tokenOf(
          await pca.acquireTokenInteractive({
            scopes: graphScopes(req.endpoints.graphHost),
            prompt: 'select_account',
            successTemplate: DONE_PAGE,
            errorTemplate: ERROR_PAGE,
            openBrowser: async (url) => {
              opened = new URL(url);
              if (req.signal.aborted) onAbort();
              await openBrowser(url);
            },
          }),
        );
      } catch (error) {
        throw fromMsal(error, lastError(), req.clientId, req.signal);
      } finally {
        req.signal.removeEventListener('abort', onAbort);
      }
    },
  };
}

/**
 * Keeps the last token per tenant, authority and client in memory until shortly before it expires,
 * so auditing again does not mean signing in again. `forget()` drops them (e.g. after a 401).
 */
export function cachedTokenSource(source: GraphTokenSource, clock: Clock, cache: Map<string, GraphToken> = new Map()): GraphTokenSource & { forget(): void } {
  return {
    name: source.name,
    forget: () => cache.clear(),
    async acquire(req) {
      const key = `${req.endpoints.authorityHost}|${req.tenantId.toLowerCase()}|${req.clientId.toLowerCase()}`;
      const hit = cache.get(key);
      if (hit?.expiresOn && hit.expiresOn.getTime() - 120_000 > clock.now().getTime()) return hit;
      const token = await source.acquire(req);
      cache.set(key, token);
      return token;
    },
  };
}
