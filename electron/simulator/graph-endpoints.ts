/**
 * The slice of Microsoft Graph v1.0 the app reads (https://learn.microsoft.com/graph/api/resources/application and the
 * servicePrincipal, oAuth2PermissionGrant and user resources beside it): /me, applications,
 * servicePrincipals, a service principal's oauth2PermissionGrants and appRoleAssignedTo, and
 * /oauth2PermissionGrants. Bearer tokens are the simulator's own; Graph's error body and statuses:
 * 401 InvalidAuthenticationToken, 403 Authorization_RequestDenied, 404 Request_ResourceNotFound.
 */
import type { JWTPayload } from 'jose';
import type { SimulatorContext } from './context';
import { GRAPH_APP_ID } from './directory';
import { headerValue, type Exchange } from './exchange';
import type { ScenarioApplication, ScenarioServicePrincipal } from './scenario-schema';

const GRAPH_AUDIENCES = new Set(['https://graph.microsoft.com', 'https://graph.microsoft.com/', GRAPH_APP_ID]);

const READ_APPS = ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const READ_GRANTS = ['Directory.Read.All', 'Directory.ReadWrite.All', 'DelegatedPermissionGrant.Read.All', 'DelegatedPermissionGrant.ReadWrite.All'];
const READ_ASSIGNMENTS = ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All'];
const READ_ME = ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];

interface Caller {
  tenantId: string;
  userId: string | null;
  permissions: Set<string>;
}

async function authenticate(ctx: SimulatorContext, x: Exchange): Promise<Caller | null> {
  const auth = headerValue(x.req, 'authorization') ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(auth);
  if (!m) {
    x.graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    return null;
  }
  const result = await ctx.signer.verify(m[1] as string, ctx.now());
  if ('problem' in result) {
    x.graphError(401, 'InvalidAuthenticationToken', result.problem === 'expired' ? 'Lifetime validation failed, the token is expired.' : 'Access token validation failure. The token is not a valid JWT signed by this tenant.');
    return null;
  }
  const claims: JWTPayload = result.payload;
  if (typeof claims.aud !== 'string' || !GRAPH_AUDIENCES.has(claims.aud)) {
    x.graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
    return null;
  }
  const tid = typeof claims.tid === 'string' ? claims.tid : '';
  if (!ctx.dir.tenantById(tid)) {
    x.graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Unknown tenant.');
    return null;
  }
  const scp = typeof claims.scp === 'string' ? claims.scp.split(' ') : [];
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
  const isUser = claims.idtyp !== 'app' && typeof claims.scp === 'string';
  return { tenantId: tid, userId: isUser && typeof claims.oid === 'string' ? claims.oid : null, permissions: new Set([...scp, ...roles].map((p) => p.toLowerCase())) };
}

function allowed(x: Exchange, caller: Caller, any: string[]): boolean {
  if (any.some((p) => caller.permissions.has(p.toLowerCase()))) return true;
  x.graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  return false;
}

function applicationJson(ctx: SimulatorContext, a: ScenarioApplication): Record<string, unknown> {
  const tenant = ctx.dir.tenantById(a.tenantId);
  return {
    id: a.id,
    deletedDateTime: null,
    appId: a.appId,
    applicationTemplateId: null,
    createdDateTime: null,
    displayName: a.displayName,
    description: null,
    groupMembershipClaims: null,
    identifierUris: a.identifierUris,
    isDeviceOnlyAuthSupported: null,
    isFallbackPublicClient: a.isFallbackPublicClient,
    notes: null,
    publisherDomain: tenant?.domains[0] ?? null,
    signInAudience: a.signInAudience,
    tags: [],
    tokenEncryptionKeyId: null,
    api: {
      acceptMappedClaims: null,
      knownClientApplications: [],
      requestedAccessTokenVersion: a.api.requestedAccessTokenVersion,
      oauth2PermissionScopes: a.api.oauth2PermissionScopes.map((s) => ({ ...s, userConsentDisplayName: null, userConsentDescription: null })),
      preAuthorizedApplications: [],
    },
    appRoles: a.appRoles,
    keyCredentials: [],
    optionalClaims: a.optionalClaims,
    passwordCredentials: a.passwordCredentials.map((p) => ({
      customKeyIdentifier: null,
      displayName: p.displayName,
      endDateTime: p.endDateTime,
      hint: p.secretText.slice(0, 3),
      keyId: p.keyId,
      secretText: null,
      startDateTime: p.startDateTime,
    })),
    publicClient: { redirectUris: a.publicClient.redirectUris },
    requiredResourceAccess: a.requiredResourceAccess,
    spa: { redirectUris: a.spa.redirectUris },
    web: {
      homePageUrl: a.web.homePageUrl,
      logoutUrl: a.web.logoutUrl,
      redirectUris: a.web.redirectUris,
      implicitGrantSettings: a.web.implicitGrantSettings,
      redirectUriSettings: a.web.redirectUris.map((uri) => ({ uri, index: null })),
    },
  };
}

function servicePrincipalJson(ctx: SimulatorContext, sp: ScenarioServicePrincipal): Record<string, unknown> {
  const app = ctx.dir.applicationByAppId(sp.appId);
  const saml = ctx.samlCertificates.get(sp.appId.toLowerCase()) ?? [];
  return {
    id: sp.id,
    deletedDateTime: null,
    accountEnabled: sp.accountEnabled,
    appDisplayName: app?.displayName ?? sp.displayName,
    appId: sp.appId,
    appOwnerOrganizationId: sp.appOwnerOrganizationId ?? app?.tenantId ?? null,
    appRoleAssignmentRequired: sp.appRoleAssignmentRequired,
    displayName: sp.displayName,
    preferredSingleSignOnMode: sp.preferredSingleSignOnMode,
    notificationEmailAddresses: sp.notificationEmailAddresses,
    preferredTokenSigningKeyThumbprint: saml.find((c) => c.active)?.sha1Thumbprint ?? null,
    replyUrls: app ? [...app.web.redirectUris, ...app.publicClient.redirectUris, ...app.spa.redirectUris] : [],
    servicePrincipalNames: [sp.appId, ...(app?.identifierUris ?? [])],
    servicePrincipalType: sp.servicePrincipalType,
    signInAudience: app?.signInAudience ?? 'AzureADMultipleOrgs',
    tags: sp.preferredSingleSignOnMode === 'saml' ? ['WindowsAzureActiveDirectoryCustomSingleSignOnApplication', 'WindowsAzureActiveDirectoryIntegratedApp'] : ['WindowsAzureActiveDirectoryIntegratedApp'],
    // addTokenSigningCertificate adds, per certificate, a Sign (private) and a Verify (public) key
    // and a passwordCredential, all with customKeyIdentifier = base64 of the SHA-1 thumbprint
    // bytes; the private key and the password share a keyId (Graph v1.0 docs,
    // tests/fixtures/recorded/graph-add-token-signing-certificate.json).
    keyCredentials: saml.flatMap((c) =>
      (['Sign', 'Verify'] as const).map((usage) => ({
        customKeyIdentifier: thumbprintIdentifier(c.sha1Thumbprint),
        displayName: c.displayName,
        endDateTime: c.notAfter,
        key: null,
        keyId: usage === 'Sign' ? c.keyId : c.verifyKeyId,
        startDateTime: c.notBefore,
        type: usage === 'Sign' ? 'X509CertAndPassword' : 'AsymmetricX509Cert',
        usage,
      })),
    ),
    passwordCredentials: saml.map((c) => ({
      customKeyIdentifier: thumbprintIdentifier(c.sha1Thumbprint),
      displayName: c.displayName,
      endDateTime: c.notAfter,
      hint: null,
      keyId: c.keyId,
      secretText: null,
      startDateTime: c.notBefore,
    })),
    appRoles: ctx.dir.appRoles(sp),
    oauth2PermissionScopes: ctx.dir.offeredScopes(sp),
  };
}

/** Graph's customKeyIdentifier for a certificate: base64 of the SHA-1 thumbprint's bytes. */
export function thumbprintIdentifier(hexThumbprint: string): string {
  return Buffer.from(hexThumbprint, 'hex').toString('base64');
}

type Filter = { prop: string; value: string };

/** `appId eq 'x'` (also displayName / id / clientId); anything else is unsupported. */
function parseFilter(raw: string | null, props: string[]): Filter | null | 'unsupported' {
  if (raw === null) return null;
  const m = /^\s*([A-Za-z]+)\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(raw);
  if (!m) return 'unsupported';
  const prop = props.find((p) => p.toLowerCase() === (m[1] as string).toLowerCase());
  if (!prop) return 'unsupported';
  return { prop, value: (m[2] as string).replace(/''/g, "'") };
}

function matches(obj: Record<string, unknown>, f: Filter | null): boolean {
  if (!f) return true;
  const v = obj[f.prop];
  return typeof v === 'string' && v.toLowerCase() === f.value.toLowerCase();
}

function select(x: Exchange, obj: Record<string, unknown>): Record<string, unknown> {
  const sel = x.url.searchParams.get('$select');
  if (!sel) return obj;
  const wanted = sel.split(',').map((s) => s.trim().toLowerCase());
  return Object.fromEntries(Object.entries(obj).filter(([k]) => k === 'id' || wanted.includes(k.toLowerCase())));
}

function notFound(x: Exchange, id: string): void {
  x.graphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

/**
 * A collection page: `$top` items (else the scenario's page size) from `$skiptoken`, and an
 * `@odata.nextLink` that repeats the request's own query plus the skip token while more remain
 * (learn.microsoft.com/graph/paging; tests/fixtures/recorded/graph-paging-next-link.json).
 */
function collection(ctx: SimulatorContext, x: Exchange, context: string, items: Record<string, unknown>[]): void {
  const topRaw = x.url.searchParams.get('$top');
  const top = topRaw === null ? ctx.scenario.graph.pageSize : Number(topRaw);
  if (!Number.isInteger(top) || top < 1 || top > 999)
    return x.graphError(400, 'Request_BadRequest', `Invalid page size specified: '${topRaw ?? ''}'. Must be between 1 and 999 inclusive.`);
  const token = x.url.searchParams.get('$skiptoken');
  const start = token === null ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(start) || start < 0) return x.graphError(400, 'Request_BadRequest', 'The specified page token value has expired and can no longer be included in your request.');
  const page = items.slice(start, start + top);
  const body: Record<string, unknown> = { '@odata.context': `${x.origin}/v1.0/$metadata#${context}`, value: page.map((i) => select(x, i)) };
  if (start + top < items.length) {
    const next = new URL(x.url.pathname + x.url.search, x.origin);
    next.searchParams.set('$skiptoken', Buffer.from(String(start + top)).toString('base64url'));
    body['@odata.nextLink'] = next.toString();
  }
  x.json(200, body, odataHeaders(x));
}

function odataHeaders(x: Exchange): Record<string, string> {
  return { 'odata-version': '4.0', 'request-id': x.traceId, 'client-request-id': headerValue(x.req, 'client-request-id') ?? x.correlationId };
}

/** Route a /v1.0/... request. */
export async function handleGraph(ctx: SimulatorContext, x: Exchange, rest: string): Promise<void> {
  if (x.method !== 'GET') return x.graphError(405, 'Request_BadRequest', 'The practice tenant serves Microsoft Graph read-only (GET).');
  // Throttling as Graph answers it: 429, Retry-After in seconds, code TooManyRequests
  // (learn.microsoft.com/graph/throttling; tests/fixtures/recorded/graph-throttled-429.json).
  ctx.state.graphRequests += 1;
  if (ctx.state.graphRequests <= ctx.scenario.graph.throttleFirstRequests)
    return x.graphError(429, 'TooManyRequests', 'Please retry again later.', { 'retry-after': String(ctx.scenario.graph.retryAfterSeconds) }, { code: '429', message: 'Please retry after', status: '429' });
  const caller = await authenticate(ctx, x);
  if (!caller) return;
  const path = decodeURIComponent(rest);
  const inTenant = <T extends { tenantId: string }>(items: T[]) => items.filter((i) => i.tenantId.toLowerCase() === caller.tenantId.toLowerCase());

  if (/^me\/?$/i.test(path)) {
    if (!caller.userId) return x.graphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
    if (!allowed(x, caller, READ_ME)) return;
    const u = ctx.dir.userById(caller.userId);
    if (!u) return notFound(x, caller.userId);
    return x.json(
      200,
      select(x, {
        '@odata.context': `${x.origin}/v1.0/$metadata#users/$entity`,
        businessPhones: [],
        displayName: u.displayName,
        givenName: u.givenName,
        jobTitle: u.jobTitle,
        mail: u.mail,
        mobilePhone: null,
        officeLocation: null,
        preferredLanguage: null,
        surname: u.surname,
        userPrincipalName: u.userPrincipalName,
        id: u.id,
      }),
      odataHeaders(x),
    );
  }

  let m = /^applications(?:\(appId='([^']+)'\)|\/([^/]+))?\/?$/i.exec(path);
  if (m) {
    if (!allowed(x, caller, READ_APPS)) return;
    const apps = inTenant(ctx.scenario.applications).map((a) => applicationJson(ctx, a));
    const key = m[1] ?? m[2];
    if (key !== undefined) {
      const found = apps.find((a) => (m?.[1] ? a.appId : a.id) === key.toLowerCase());
      if (!found) return notFound(x, key);
      return x.json(200, { '@odata.context': `${x.origin}/v1.0/$metadata#applications/$entity`, ...select(x, found) }, odataHeaders(x));
    }
    const f = parseFilter(x.url.searchParams.get('$filter'), ['appId', 'displayName', 'id']);
    if (f === 'unsupported') return x.graphError(400, 'Request_UnsupportedQuery', 'Unsupported or invalid query filter clause specified for resource Application.');
    return collection(ctx, x, 'applications', apps.filter((a) => matches(a, f)));
  }

  m = /^servicePrincipals(?:\(appId='([^']+)'\)|\/([^/]+))?(?:\/(oauth2PermissionGrants|appRoleAssignedTo))?\/?$/i.exec(path);
  if (m) {
    const nav = m[3]?.toLowerCase();
    if (!allowed(x, caller, nav === 'oauth2permissiongrants' ? READ_GRANTS : nav === 'approleassignedto' ? READ_ASSIGNMENTS : READ_APPS)) return;
    const sps = inTenant(ctx.scenario.servicePrincipals);
    const key = m[1] ?? m[2];
    if (key === undefined) {
      if (nav) return x.graphError(400, 'BadRequest', 'Resource not found for the segment.');
      const all = sps.map((sp) => servicePrincipalJson(ctx, sp));
      const f = parseFilter(x.url.searchParams.get('$filter'), ['appId', 'displayName', 'id']);
      if (f === 'unsupported') return x.graphError(400, 'Request_UnsupportedQuery', 'Unsupported or invalid query filter clause specified for resource ServicePrincipal.');
      return collection(ctx, x, 'servicePrincipals', all.filter((sp) => matches(sp, f)));
    }
    const sp = sps.find((s) => (m?.[1] ? s.appId : s.id).toLowerCase() === key.toLowerCase());
    if (!sp) return notFound(x, key);
    if (nav === 'oauth2permissiongrants') {
      const grants = ctx.scenario.oauth2PermissionGrants.filter((g) => g.clientId.toLowerCase() === sp.id.toLowerCase());
      return collection(ctx, x, `servicePrincipals('${sp.id}')/oauth2PermissionGrants`, grants.map((g) => ({ ...g })));
    }
    if (nav === 'approleassignedto') {
      const items = ctx.scenario.appRoleAssignments
        .filter((a) => a.resourceId.toLowerCase() === sp.id.toLowerCase())
        .map((a) => ({
          id: a.id,
          deletedDateTime: null,
          appRoleId: a.appRoleId,
          createdDateTime: a.createdDateTime,
          principalDisplayName: (a.principalType === 'User' ? ctx.dir.userById(a.principalId)?.displayName : ctx.dir.servicePrincipalById(a.principalId)?.displayName) ?? null,
          principalId: a.principalId,
          principalType: a.principalType,
          resourceDisplayName: sp.displayName,
          resourceId: sp.id,
        }));
      return collection(ctx, x, `servicePrincipals('${sp.id}')/appRoleAssignedTo`, items);
    }
    return x.json(200, { '@odata.context': `${x.origin}/v1.0/$metadata#servicePrincipals/$entity`, ...select(x, servicePrincipalJson(ctx, sp)) }, odataHeaders(x));
  }

  if (/^oauth2PermissionGrants\/?$/i.test(path)) {
    if (!allowed(x, caller, READ_GRANTS)) return;
    const spIds = new Set(inTenant(ctx.scenario.servicePrincipals).map((s) => s.id.toLowerCase()));
    const grants = ctx.scenario.oauth2PermissionGrants.filter((g) => spIds.has(g.clientId.toLowerCase())).map((g) => ({ ...g }) as Record<string, unknown>);
    const f = parseFilter(x.url.searchParams.get('$filter'), ['clientId', 'resourceId', 'consentType', 'principalId']);
    if (f === 'unsupported') return x.graphError(400, 'Request_UnsupportedQuery', 'Unsupported or invalid query filter clause specified for resource OAuth2PermissionGrant.');
    return collection(ctx, x, 'oauth2PermissionGrants', grants.filter((g) => matches(g, f)));
  }

  x.graphError(400, 'BadRequest', `Resource not found for the segment '${path.split(/[/(]/)[0] ?? path}'.`);
}
