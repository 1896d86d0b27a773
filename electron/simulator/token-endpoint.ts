/**
 * POST /{tenant}/oauth2/v2.0/token: authorization_code (PKCE verified, single use, redirect_uri
 * bound), client_credentials, refresh_token and password, with Entra's checks in Entra's order:
 * tenant, client, client authentication, app enabled, then the grant itself.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { opaque, type SimulatorContext } from './context';
import { resolveTenantSegment } from './discovery-endpoints';
import { ERR, type EntraError } from './entra-errors';
import { headerValue, type Exchange } from './exchange';
import { platformRedirectMatches as redirectMatches } from '../../shared/redirect-uri';
import type { ScenarioApplication, ScenarioServicePrincipal, ScenarioUser } from './scenario-schema';
import {
  ACCESS_TOKEN_LIFETIME_S,
  clientInfo,
  mintAppAccessToken,
  mintIdToken,
  mintUserAccessToken,
  parseScopes,
  planDelegated,
  responseScope,
} from './tokens';

const REFRESH_LIFETIME_MS = 90 * 86_400_000;

/** Token request fields, as strings of sane length (zod at the trust boundary). */
const TokenForm = z
  .object({
    grant_type: z.string().max(200).optional(),
    client_id: z.string().max(200).optional(),
    client_secret: z.string().max(2000).optional(),
    scope: z.string().max(4000).optional(),
    code: z.string().max(4000).optional(),
    redirect_uri: z.string().max(2000).optional(),
    code_verifier: z.string().max(200).optional(),
    refresh_token: z.string().max(4000).optional(),
    username: z.string().max(500).optional(),
    password: z.string().max(500).optional(),
    client_info: z.string().max(10).optional(),
  })
  .passthrough();
type TokenFormT = z.infer<typeof TokenForm>;

function basicCredentials(x: Exchange): { id: string; secret: string } | undefined {
  const auth = headerValue(x.req, 'authorization');
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(auth ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1] as string, 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return undefined;
  return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
}

/** Check a client secret against the app's password credentials (7000215 / 7000222), or null when fine. */
export function checkSecret(app: ScenarioApplication, secret: string, now: Date): EntraError | null {
  const cred = app.passwordCredentials.find((p) => p.secretText === secret);
  if (!cred || Date.parse(cred.startDateTime) > now.getTime()) return ERR.invalidSecret(app.appId);
  if (Date.parse(cred.endDateTime) <= now.getTime()) return ERR.expiredSecret(app.appId);
  return null;
}

/**
 * True when a token request for this app may come without a secret. Entra decides the client type
 * from the platform of the redirect URI the code was sent to: Mobile and desktop (localhost port
 * ignored) or single-page is public, Web is confidential. isFallbackPublicClient ("Allow public
 * client flows") decides only where no redirect URI tells, such as ROPC or device code (Graph
 * application resource, isFallbackPublicClient).
 */
function publicClientAllowed(app: ScenarioApplication, redirectUri: string | undefined): boolean {
  if (redirectUri !== undefined) {
    if ([...app.publicClient.redirectUris, ...app.spa.redirectUris].some((r) => redirectMatches(r, redirectUri))) return true;
    if (app.web.redirectUris.some((r) => redirectMatches(r, redirectUri))) return false;
  }
  return app.isFallbackPublicClient;
}

/** At the token endpoint, interaction errors come back as invalid_grant with a suberror. */
function asTokenError(e: EntraError): EntraError {
  return e.error === 'consent_required' || e.error === 'interaction_required' ? { ...e, error: 'invalid_grant' } : e;
}

export async function handleToken(ctx: SimulatorContext, x: Exchange, segment: string): Promise<void> {
  if (x.method !== 'POST') return x.entraError({ error: 'invalid_request', code: 900561, status: 400, message: 'The endpoint only accepts POST requests. Received a GET request.' });
  const ref = resolveTenantSegment(ctx, segment);
  if (ref.kind === 'unknown') return x.entraError(ERR.tenantNotFound(decodeURIComponent(segment)));
  const parsed = TokenForm.safeParse(await x.form());
  if (!parsed.success) return x.entraError(ERR.malformedRequest(parsed.error.issues.map((i) => i.path.join('.')).join(', ')));
  const form = parsed.data;
  const basic = basicCredentials(x);
  const clientId = (form.client_id ?? basic?.id)?.toLowerCase();
  if (!form.grant_type) return x.entraError(ERR.missingParameter('grant_type'));
  if (!clientId) return x.entraError(ERR.missingParameter('client_id'));
  const grant = form.grant_type;
  if (!['authorization_code', 'client_credentials', 'refresh_token', 'password'].includes(grant)) return x.entraError(ERR.unsupportedGrantType(grant));

  // Which tenant: the path's, or (for common/organizations) the one the grant belongs to.
  const now = ctx.now();
  const codeEntry = grant === 'authorization_code' && form.code ? ctx.state.codes.get(form.code) : undefined;
  const refreshEntry = grant === 'refresh_token' && form.refresh_token ? ctx.state.refreshTokens.get(form.refresh_token) : undefined;
  let tenantId: string | undefined = ref.kind === 'tenant' ? ref.tenant.id : undefined;
  if (!tenantId) {
    if (grant === 'client_credentials') return x.entraError(ERR.noTenantInfo());
    tenantId = codeEntry?.tenantId ?? refreshEntry?.tenantId ?? (form.username ? ctx.dir.userByUpn(form.username)?.tenantId : undefined);
    if (!tenantId) return x.entraError(grant === 'password' ? ERR.userNotFound(form.username ?? '', segment) : ERR.badGrant());
  }
  const tenant = ctx.dir.tenantById(tenantId);
  const tenantName = tenant ? ctx.dir.tenantName(tenant) : tenantId;

  const client = ctx.dir.clientApp(tenantId, clientId);
  if (!client) return x.entraError(ERR.appNotFound(clientId, tenantName));
  if (ref.kind === 'keyword' && client.app.signInAudience === 'AzureADMyOrg') return x.entraError(ERR.singleTenantViaCommon(client.app.appId, client.app.displayName));

  // Client authentication.
  const secret = form.client_secret ?? basic?.secret;
  let confidential = false;
  if (secret !== undefined && secret !== '') {
    const bad = checkSecret(client.app, secret, now);
    if (bad) return x.entraError(bad);
    confidential = true;
  } else {
    const redirect = grant === 'authorization_code' ? (form.redirect_uri ?? codeEntry?.redirectUri) : undefined;
    if (grant === 'client_credentials' || !publicClientAllowed(client.app, redirect)) return x.entraError(ERR.secretRequired());
  }
  if (client.sp && !client.sp.accountEnabled) return x.entraError(ERR.appDisabled(client.app.appId, client.app.displayName));

  switch (grant) {
    case 'client_credentials':
      return clientCredentials(ctx, x, form, tenantId, tenantName, client.app, client.sp);
    case 'authorization_code':
      return authorizationCode(ctx, x, form, tenantId, client, confidential);
    case 'refresh_token':
      return refreshToken(ctx, x, form, tenantId, client, confidential);
    default:
      return password(ctx, x, form, tenantId, tenantName, client, confidential);
  }
}

async function clientCredentials(ctx: SimulatorContext, x: Exchange, form: TokenFormT, tenantId: string, tenantName: string, app: ScenarioApplication, sp: ScenarioServicePrincipal | undefined): Promise<void> {
  if (!form.scope) return x.entraError(ERR.missingParameter('scope'));
  const scopes = parseScopes(form.scope);
  const only = scopes[0];
  if (scopes.length !== 1 || !only || !only.endsWith('/.default')) return x.entraError(ERR.defaultScopeRequired(form.scope));
  const resourceId = only.slice(0, -'/.default'.length);
  const resource = ctx.dir.resource(tenantId, resourceId, x.origin);
  if (!resource) return x.entraError(ERR.resourceNotFound(resourceId, tenantName));
  if (!sp) return x.entraError(ERR.appNotFound(app.appId, tenantName));
  const accessToken = await mintAppAccessToken(ctx, x.origin, tenantId, app, sp, resource);
  x.json(200, { token_type: 'Bearer', expires_in: ACCESS_TOKEN_LIFETIME_S, ext_expires_in: ACCESS_TOKEN_LIFETIME_S, access_token: accessToken });
}

type Client = { app: ScenarioApplication; sp: ScenarioServicePrincipal | undefined };

async function issueUserTokens(
  ctx: SimulatorContext,
  x: Exchange,
  form: TokenFormT,
  tenantId: string,
  client: Client,
  user: ScenarioUser,
  scopes: string[],
  nonce: string | undefined,
  confidential: boolean,
): Promise<void> {
  const plan = planDelegated(ctx, x.origin, tenantId, client, user, scopes);
  if ('error' in plan) return x.entraError(asTokenError(plan));
  const lower = scopes.map((s) => s.toLowerCase());
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: responseScope(plan),
    expires_in: ACCESS_TOKEN_LIFETIME_S,
    ext_expires_in: ACCESS_TOKEN_LIFETIME_S,
    access_token: await mintUserAccessToken(ctx, x.origin, tenantId, client.app, user, plan, confidential),
  };
  if (lower.includes('offline_access')) {
    const rt = `1.${opaque(48)}`;
    ctx.state.refreshTokens.set(rt, { clientId: client.app.appId.toLowerCase(), userId: user.id, tenantId, scopes, expiresAt: ctx.now().getTime() + REFRESH_LIFETIME_MS });
    body.refresh_token = rt;
  }
  if (lower.includes('openid')) body.id_token = await mintIdToken(ctx, x.origin, tenantId, client.app, user, nonce, lower.includes('email'));
  if (form.client_info === '1') body.client_info = clientInfo(user);
  x.json(200, body);
}

async function authorizationCode(ctx: SimulatorContext, x: Exchange, form: TokenFormT, tenantId: string, client: Client, confidential: boolean): Promise<void> {
  if (!form.code) return x.entraError(ERR.missingParameter('code'));
  const entry = ctx.state.codes.get(form.code);
  if (!entry || entry.tenantId !== tenantId) return x.entraError(ERR.badGrant());
  if (entry.clientId !== client.app.appId.toLowerCase()) return x.entraError(ERR.codeForOtherClient());
  if (entry.redeemed) return x.entraError(ERR.codeRedeemed());
  entry.redeemed = true;
  if (entry.expiresAt < ctx.now().getTime()) return x.entraError(ERR.grantExpired());
  if (!form.redirect_uri) return x.entraError(ERR.missingParameter('redirect_uri'));
  if (form.redirect_uri !== entry.redirectUri) return x.entraError(ERR.redirectUriChanged(form.redirect_uri, entry.redirectUri));
  if (entry.codeChallenge !== undefined) {
    if (!form.code_verifier) return x.entraError(ERR.missingParameter('code_verifier'));
    const computed = entry.codeChallengeMethod === 'plain' ? form.code_verifier : createHash('sha256').update(form.code_verifier).digest('base64url');
    if (computed !== entry.codeChallenge) return x.entraError(ERR.pkceMismatch());
  }
  const user = ctx.dir.userById(entry.userId);
  if (!user) return x.entraError(ERR.badGrant());
  const scopes = form.scope ? parseScopes(form.scope) : entry.scopes;
  return issueUserTokens(ctx, x, form, tenantId, client, user, scopes, entry.nonce, confidential);
}

async function refreshToken(ctx: SimulatorContext, x: Exchange, form: TokenFormT, tenantId: string, client: Client, confidential: boolean): Promise<void> {
  if (!form.refresh_token) return x.entraError(ERR.missingParameter('refresh_token'));
  const entry = ctx.state.refreshTokens.get(form.refresh_token);
  if (!entry || entry.tenantId !== tenantId || entry.clientId !== client.app.appId.toLowerCase()) return x.entraError(ERR.badGrant());
  if (entry.expiresAt < ctx.now().getTime()) return x.entraError(ERR.grantExpired());
  const user = ctx.dir.userById(entry.userId);
  if (!user || !user.accountEnabled) return x.entraError(ERR.badGrant());
  const scopes = form.scope ? parseScopes(form.scope) : entry.scopes;
  return issueUserTokens(ctx, x, form, tenantId, client, user, scopes, undefined, confidential);
}

async function password(ctx: SimulatorContext, x: Exchange, form: TokenFormT, tenantId: string, tenantName: string, client: Client, confidential: boolean): Promise<void> {
  if (!form.username) return x.entraError(ERR.missingParameter('username'));
  if (!form.password) return x.entraError(ERR.missingParameter('password'));
  if (!form.scope) return x.entraError(ERR.missingParameter('scope'));
  const user = ctx.dir.userByUpn(form.username);
  if (!user) return x.entraError(ERR.userNotFound(form.username, tenantName));
  if (user.password !== form.password || !user.accountEnabled) return x.entraError(ERR.invalidCredentials());
  const blocked = postSignInError(ctx, tenantId, tenantName, client, user);
  if (blocked) return x.entraError(asTokenError(blocked));
  const scopes = parseScopes(form.scope);
  const plan = planDelegated(ctx, x.origin, tenantId, client, user, scopes);
  if ('error' in plan) return x.entraError(asTokenError(plan));
  if (ctx.scenario.policies.mfaRequired) return x.entraError(asTokenError(ERR.mfaRequired(plan.resource.requested)));
  return issueUserTokens(ctx, x, form, tenantId, client, user, scopes, undefined, confidential);
}

/**
 * The checks Entra makes once it knows the user, in its order: another tenant's user (50020),
 * assignment required (50105), then (by the caller, with the scopes) consent (65001), then app
 * disabled (7000112) and MFA (50076). Returns the first failure except consent, which needs scopes.
 */
export function postSignInError(ctx: SimulatorContext, tenantId: string, tenantName: string, client: Client, user: ScenarioUser): EntraError | null {
  if (user.tenantId.toLowerCase() !== tenantId.toLowerCase()) return ERR.userFromOtherTenant(user.userPrincipalName, tenantName, client.app.appId, client.app.displayName);
  if (client.sp?.appRoleAssignmentRequired && !ctx.dir.isAssigned(client.sp.id, user.id)) return ERR.userNotAssigned(client.app.displayName, client.app.appId, user.userPrincipalName);
  return null;
}
