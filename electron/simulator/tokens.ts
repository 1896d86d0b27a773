/**
 * Scope planning and token minting: which resource a scope list names, what has been consented,
 * and the ID and access tokens that come out. ID tokens are v2.0 (the v2.0 endpoint); access tokens
 * are v1.0 or v2.0 as the resource asks (tests/fixtures/recorded/access-token-v1.json and
 * access-token-v2.json): v1.0 has iss https://sts.windows.net/{tid}/ and appid/appidacr, v2.0 has
 * the v2.0 issuer and azp/azpacr; idtyp appears only in app-only tokens.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SimulatorContext } from './context';
import { GRAPH_APP_ID, OIDC_SCOPES, type Resource } from './directory';
import { issuerFor, v1IssuerFor } from './discovery-endpoints';
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

export function splitScope(scope: string): { resourceId: string | null; value: string } {
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

/**
 * A signed v2.0 ID token. `email` is there for a user with an email address when the request asked
 * for the `email` scope, or when the app configured the optional claim (learn.microsoft.com/entra/
 * identity-platform/optional-claims-reference, "email").
 */
export async function mintIdToken(ctx: SimulatorContext, origin: string, tenantId: string, app: ScenarioApplication, user: ScenarioUser, nonce: string | undefined, emailScope: boolean): Promise<string> {
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
  if (user.mail && (emailScope || wantsOptionalClaim(app, 'idToken', 'email'))) claims.email = user.mail;
  return ctx.signer.sign(claims);
}

/**
 * The access-token version a resource gets: 2.0 only for an app whose api.requestedAccessTokenVersion
 * is 2; null or 1 (and Microsoft Graph) give v1.0.
 */
export function accessTokenVersion(resource: Resource): '1.0' | '2.0' {
  return resource.app?.api.requestedAccessTokenVersion === 2 ? '2.0' : '1.0';
}

/** The claims that differ between v1.0 and v2.0 access tokens: issuer, client claims, version. */
function versionClaims(origin: string, tenantId: string, resource: Resource, clientAppId: string, clientAuthenticated: boolean): Record<string, unknown> {
  const acr = clientAuthenticated ? '1' : '0';
  return accessTokenVersion(resource) === '2.0'
    ? { iss: issuerFor(origin, tenantId), azp: clientAppId, azpacr: acr, ver: '2.0' }
    : { iss: v1IssuerFor(tenantId), appid: clientAppId, appidacr: acr, ver: '1.0' };
}

/** A signed delegated access token for the plan's resource (v1.0 or v2.0, as the resource asks). */
export async function mintUserAccessToken(ctx: SimulatorContext, origin: string, tenantId: string, app: ScenarioApplication, user: ScenarioUser, plan: ScopePlan, confidential: boolean): Promise<string> {
  const iat = Math.floor(ctx.now().getTime() / 1000);
  const v1 = accessTokenVersion(plan.resource) === '1.0';
  const claims: Record<string, unknown> = {
    aud: plan.resource.audience,
    iat,
    nbf: iat,
    exp: iat + ACCESS_TOKEN_LIFETIME_S,
    aio: opaqueClaim(),
    name: user.displayName,
    oid: user.id,
    rh: `0.${opaqueClaim()}.`,
    scp: plan.consented.filter((c) => c.toLowerCase() !== 'offline_access').join(' '),
    sid: pairwiseSubject(user.id, 'session'),
    sub: pairwiseSubject(user.id, plan.resource.sp.appId),
    tid: tenantId,
    ...(v1 ? { unique_name: user.userPrincipalName, upn: user.userPrincipalName } : { preferred_username: user.userPrincipalName }),
    ...versionClaims(origin, tenantId, plan.resource, app.appId, confidential),
  };
  if (v1 && user.givenName) claims.given_name = user.givenName;
  if (v1 && user.surname) claims.family_name = user.surname;
  if (plan.resource.app && user.mail && wantsOptionalClaim(plan.resource.app, 'accessToken', 'email')) claims.email = user.mail;
  return ctx.signer.sign(claims);
}

/** A signed app-only access token (client credentials): v1.0, or v2.0 for an API app that asks for it; idtyp "app". */
export async function mintAppAccessToken(ctx: SimulatorContext, origin: string, tenantId: string, app: ScenarioApplication, clientSp: ScenarioServicePrincipal, resource: Resource): Promise<string> {
  const iat = Math.floor(ctx.now().getTime() / 1000);
  const roles = ctx.dir.applicationRoles(clientSp.id, resource.sp);
  const claims: Record<string, unknown> = {
    aud: resource.audience,
    iat,
    nbf: iat,
    exp: iat + ACCESS_TOKEN_LIFETIME_S,
    aio: opaqueClaim(),
    idtyp: 'app',
    oid: clientSp.id,
    rh: `0.${opaqueClaim()}.`,
    sub: clientSp.id,
    tid: tenantId,
    ...versionClaims(origin, tenantId, resource, app.appId, true),
  };
  if (accessTokenVersion(resource) === '1.0') claims.idp = v1IssuerFor(tenantId);
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
