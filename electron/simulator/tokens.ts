/**
 * Scope planning and token minting with Entra v2 claims: which resource a scope list names, what
 * has been consented, and the ID and access tokens that come out (iss, aud, tid, oid, sub, nonce,
 * name, preferred_username, ver, iat/nbf/exp; email only when the app asks for the optional claim
 * and the user has a mailbox).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SimulatorContext } from './context';
import { GRAPH_APP_ID, OIDC_SCOPES, type Resource } from './directory';
import { issuerFor } from './discovery-endpoints';
import { ERR, type EntraError } from './entra-errors';
import type { ScenarioApplication, ScenarioServicePrincipal, ScenarioUser } from './scenario-schema';

export const ACCESS_TOKEN_LIFETIME_S = 3599;
export const ID_TOKEN_LIFETIME_S = 3600;

/** A parsed scope list: OIDC scopes, the one resource the others name, and their values on it. */
export interface ScopePlan {
  oidc: string[];
  resource: Resource;
  /** Scope values on the resource (`User.Read`, `.default`, `access_as_user`). */
  values: string[];
  /** Every consented scope value from the client to the resource for this user. */
  consented: string[];
}

function splitScope(scope: string): { resourceId: string | null; value: string } {
  const i = scope.lastIndexOf('/');
  if (i > 0 && /^[a-z][a-z0-9+.-]*:|^[0-9a-f]{8}-/i.test(scope)) return { resourceId: scope.slice(0, i), value: scope.slice(i + 1) };
  return { resourceId: null, value: scope };
}

/** Split a space-separated scope parameter. */
export function parseScopes(scope: string | undefined): string[] {
  return (scope ?? '').split(/\s+/).filter((s) => s.length > 0);
}

/**
 * Plan a delegated (user) token: resolve the resource and check consent, as Entra does before it
 * issues a code or a token. Returns an Entra error when the resource is unknown or consent is missing.
 */
export function planDelegated(
  ctx: SimulatorContext,
  origin: string,
  tenantId: string,
  client: { app: ScenarioApplication; sp: ScenarioServicePrincipal | undefined },
  user: ScenarioUser,
  scopes: string[],
): ScopePlan | EntraError {
  const tenant = ctx.dir.tenantById(tenantId);
  const tenantName = tenant ? ctx.dir.tenantName(tenant) : tenantId;
  const oidc = scopes.filter((s) => OIDC_SCOPES.has(s.toLowerCase()));
  const others = scopes.filter((s) => !OIDC_SCOPES.has(s.toLowerCase())).map(splitScope);
  const first = others[0];
  const resourceId = first ? (first.resourceId ?? 'https://graph.microsoft.com') : 'https://graph.microsoft.com';
  const resource = ctx.dir.resource(tenantId, resourceId, origin);
  if (!resource) return ERR.resourceNotFound(resourceId, tenantName);
  const values = others.filter((o) => (o.resourceId ?? 'https://graph.microsoft.com') === resourceId).map((o) => o.value);
  const offered = new Set(ctx.dir.offeredScopes(resource.sp).map((s) => s.value.toLowerCase()));
  for (const v of values) if (v !== '.default' && !offered.has(v.toLowerCase())) return ERR.invalidScope(scopes.join(' '));

  const self = client.sp !== undefined && client.sp.id.toLowerCase() === resource.sp.id.toLowerCase();
  const consented = self ? [...offered] : client.sp ? [...ctx.dir.consentedScopes(client.sp.id, resource.sp.id, user.id)] : [];
  const consentedLower = new Set(consented.map((c) => c.toLowerCase()));
  const graphSp = ctx.dir.servicePrincipal(tenantId, GRAPH_APP_ID);
  // Signing in at all (openid) needs consent to Microsoft Graph; each named scope needs its own.
  const signInConsented = !client.sp ? false : graphSp ? ctx.dir.grants(client.sp.id, graphSp.id, user.id).length > 0 : true;
  const missing = values.some((v) => (v === '.default' ? consented.length === 0 : !consentedLower.has(v.toLowerCase())));
  if (!signInConsented || missing) return ERR.consentRequired(client.app.appId, client.app.displayName);
  return { oidc, resource, values, consented };
}

/** Entra's pairwise subject: stable per user and app, opaque. */
export function pairwiseSubject(userId: string, appId: string): string {
  return createHash('sha256').update(`${userId.toLowerCase()}|${appId.toLowerCase()}`).digest('base64url').slice(0, 43);
}

function opaqueClaim(): string {
  return randomBytes(36).toString('base64url');
}

function wantsOptionalClaim(app: ScenarioApplication, token: 'idToken' | 'accessToken', name: string): boolean {
  return app.optionalClaims?.[token].some((c) => c.name.toLowerCase() === name) ?? false;
}

/** The base64url client_info Entra returns when asked (client_info=1). */
export function clientInfo(user: ScenarioUser): string {
  return Buffer.from(JSON.stringify({ uid: user.id, utid: user.tenantId })).toString('base64url');
}

/** A signed v2.0 ID token. */
export async function mintIdToken(ctx: SimulatorContext, origin: string, tenantId: string, app: ScenarioApplication, user: ScenarioUser, nonce: string | undefined): Promise<string> {
  const iat = Math.floor(ctx.now().getTime() / 1000);
  const claims: Record<string, unknown> = {
    aud: app.appId,
    iss: issuerFor(origin, tenantId),
    iat,
    nbf: iat,
    exp: iat + ID_TOKEN_LIFETIME_S,
    aio: opaqueClaim(),
    name: user.displayName,
    oid: user.id,
    preferred_username: user.userPrincipalName,
    rh: `0.${opaqueClaim()}.`,
    sid: pairwiseSubject(user.id, 'session'),
    sub: pairwiseSubject(user.id, app.appId),
    tid: tenantId,
    ver: '2.0',
  };
  if (nonce !== undefined) claims.nonce = nonce;
  if (user.mail && wantsOptionalClaim(app, 'idToken', 'email')) claims.email = user.mail;
  return ctx.signer.sign(claims);
}

/** A signed v2.0 delegated access token for the plan's resource. */
export async function mintUserAccessToken(ctx: SimulatorContext, origin: string, tenantId: string, app: ScenarioApplication, user: ScenarioUser, plan: ScopePlan, confidential: boolean): Promise<string> {
  const iat = Math.floor(ctx.now().getTime() / 1000);
  const claims: Record<string, unknown> = {
    aud: plan.resource.audience,
    iss: issuerFor(origin, tenantId),
    iat,
    nbf: iat,
    exp: iat + ACCESS_TOKEN_LIFETIME_S,
    aio: opaqueClaim(),
    azp: app.appId,
    azpacr: confidential ? '1' : '0',
    idtyp: 'user',
    name: user.displayName,
    oid: user.id,
    preferred_username: user.userPrincipalName,
    rh: `0.${opaqueClaim()}.`,
    scp: plan.consented.filter((c) => c.toLowerCase() !== 'offline_access').join(' '),
    sid: pairwiseSubject(user.id, 'session'),
    sub: pairwiseSubject(user.id, plan.resource.sp.appId),
    tid: tenantId,
    ver: '2.0',
  };
  if (plan.resource.app && user.mail && wantsOptionalClaim(plan.resource.app, 'accessToken', 'email')) claims.email = user.mail;
  return ctx.signer.sign(claims);
}

/** A signed app-only access token (client credentials): v2.0, or v1.0 for an API app that asks for it. */
export async function mintAppAccessToken(ctx: SimulatorContext, origin: string, tenantId: string, app: ScenarioApplication, clientSp: ScenarioServicePrincipal, resource: Resource): Promise<string> {
  const iat = Math.floor(ctx.now().getTime() / 1000);
  const roles = ctx.dir.applicationRoles(clientSp.id, resource.sp);
  const claims: Record<string, unknown> = {
    aud: resource.audience,
    iss: issuerFor(origin, tenantId),
    iat,
    nbf: iat,
    exp: iat + ACCESS_TOKEN_LIFETIME_S,
    aio: opaqueClaim(),
    azp: app.appId,
    azpacr: '1',
    idtyp: 'app',
    oid: clientSp.id,
    rh: `0.${opaqueClaim()}.`,
    sub: clientSp.id,
    tid: tenantId,
    // An API app that has not opted in to v2.0 tokens (requestedAccessTokenVersion null or 1) gets
    // v1.0 tokens, whose audience is the Application ID URI (see Directory.resource).
    ver: resource.app && resource.app.api.requestedAccessTokenVersion !== 2 ? '1.0' : '2.0',
  };
  if (roles.length > 0) claims.roles = roles;
  return ctx.signer.sign(claims);
}

/** The `scope` field of a token response: full scope strings for the resource. */
export function responseScope(plan: ScopePlan): string {
  const prefix = plan.resource.sp.appId === GRAPH_APP_ID ? '' : `${plan.resource.requested.replace(/\/+$/, '')}/`;
  const oidcConsented = plan.consented.filter((c) => OIDC_SCOPES.has(c.toLowerCase()));
  const resourceScopes = plan.consented.filter((c) => !OIDC_SCOPES.has(c.toLowerCase())).map((c) => `${prefix}${c}`);
  return [...resourceScopes, ...new Set([...oidcConsented, ...plan.oidc.filter((o) => o !== 'offline_access')])].join(' ');
}
