/**
 * /{tenant}/oauth2/v2.0/authorize: validates the request (unknown client 700016 and unregistered
 * redirect URI 50011 are shown on an error page, never redirected), shows the sign-in page, then
 * checks the user in Entra's order (50020, 50105, 65001, 7000112, 50076) and answers the redirect
 * URI with a code (query, fragment or form_post). Keeps a browser session cookie for SSO and
 * prompt=none/select_account/login.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { opaque, type PendingSignIn, type SimulatorContext } from './context';
import { resolveTenantSegment } from './discovery-endpoints';
import { entraErrorBody, ERR, type EntraError } from './entra-errors';
import { headerValue, type Exchange } from './exchange';
import type { ScenarioApplication, ScenarioServicePrincipal, ScenarioUser } from './scenario-schema';
import { consentPage, errorPage, formPostPage, PAGE_CSP, signInPage } from './sign-in-pages';
import { GRAPH_APP_ID, OIDC_SCOPES } from './directory';
import { postSignInError } from './token-endpoint';
import { parseScopes, planDelegated, splitScope } from './tokens';
import { answeredRedirectUri, platformRedirectMatches as redirectMatches } from '../../shared/redirect-uri';

const SESSION_COOKIE = 'fdsim_session';
const PENDING_LIFETIME_MS = 15 * 60_000;
const CODE_LIFETIME_MS = 10 * 60_000;

const AuthorizeParams = z
  .object({
    client_id: z.string().max(200).optional(),
    response_type: z.string().max(100).optional(),
    redirect_uri: z.string().max(2000).optional(),
    scope: z.string().max(4000).optional(),
    state: z.string().max(8000).optional(),
    nonce: z.string().max(2000).optional(),
    response_mode: z.string().max(50).optional(),
    prompt: z.string().max(50).optional(),
    login_hint: z.string().max(500).optional(),
    code_challenge: z.string().max(200).optional(),
    code_challenge_method: z.string().max(20).optional(),
  })
  .passthrough();

const SignInForm = z
  .object({
    flow: z.string().max(200),
    account: z.string().max(500).optional(),
    username: z.string().max(500).optional(),
    password: z.string().max(500).optional(),
    consent: z.enum(['accept', 'cancel']).optional(),
    consentForOrganization: z.string().max(10).optional(),
  })
  .passthrough();

function registeredRedirects(app: ScenarioApplication): string[] {
  return [...app.web.redirectUris, ...app.publicClient.redirectUris, ...app.spa.redirectUris];
}

function sessionId(x: Exchange): string | undefined {
  const cookie = headerValue(x.req, 'cookie') ?? '';
  const m = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([A-Za-z0-9_-]+)`).exec(cookie);
  return m?.[1];
}

function showError(x: Exchange, err: EntraError, app?: ScenarioApplication): void {
  x.html(200, errorPage(err, x.errorContext, app), PAGE_CSP);
}

/** Send `fields` to the redirect URI the way the request asked. */
function respondToClient(x: Exchange, p: Pick<PendingSignIn, 'redirectUri' | 'responseMode'>, fields: Record<string, string>, headers: Record<string, string> = {}): void {
  if (p.responseMode === 'form_post') {
    const nonce = opaque(16);
    const origin = new URL(p.redirectUri).origin;
    const csp = `default-src 'none'; script-src 'nonce-${nonce}'; form-action ${origin}; base-uri 'none'; frame-ancestors 'none'`;
    return x.html(200, formPostPage(answeredRedirectUri(p.redirectUri), fields, nonce), csp, headers);
  }
  // A root URI registered without a path is answered with its trailing slash.
  const url = new URL(answeredRedirectUri(p.redirectUri));
  const params = new URLSearchParams(fields);
  if (p.responseMode === 'fragment') url.hash = params.toString();
  else for (const [k, v] of params) url.searchParams.append(k, v);
  x.redirect(url.toString(), headers);
}

function redirectError(x: Exchange, p: Pick<PendingSignIn, 'redirectUri' | 'responseMode' | 'state'>, err: EntraError): void {
  const body = entraErrorBody(err, x.errorContext);
  const fields: Record<string, string> = { error: err.error, error_description: String(body.error_description), error_uri: String(body.error_uri) };
  if (err.suberror) fields.error_subcode = err.suberror;
  if (p.state !== undefined) fields.state = p.state;
  respondToClient(x, p, fields);
}

/** Find the client as seen from the path's tenant (or anywhere, for common/organizations). */
function findClient(ctx: SimulatorContext, tenantId: string | null, clientId: string): { app: ScenarioApplication; sp: ScenarioServicePrincipal | undefined } | undefined {
  if (tenantId) return ctx.dir.clientApp(tenantId, clientId);
  const app = ctx.dir.applicationByAppId(clientId);
  return app ? { app, sp: undefined } : undefined;
}

export async function handleAuthorize(ctx: SimulatorContext, x: Exchange, segment: string): Promise<void> {
  ctx.state.sweep(ctx.now().getTime());
  if (x.method === 'POST') return handleSignInPost(ctx, x, segment);
  const ref = resolveTenantSegment(ctx, segment);
  if (ref.kind === 'unknown') return showError(x, ERR.tenantNotFound(decodeURIComponent(segment)));
  const parsed = AuthorizeParams.safeParse(x.query());
  if (!parsed.success) return showError(x, ERR.malformedRequest(parsed.error.issues.map((i) => i.path.join('.')).join(', ')));
  const q = parsed.data;
  if (!q.client_id) return showError(x, ERR.missingParameter('client_id'));
  const tenantId = ref.kind === 'tenant' ? ref.tenant.id : null;
  const tenantName = ref.kind === 'tenant' ? ctx.dir.tenantName(ref.tenant) : ref.keyword;
  const client = findClient(ctx, tenantId, q.client_id);
  if (!client) return showError(x, ERR.appNotFound(q.client_id, tenantName));
  const { app } = client;
  const redirectUri = q.redirect_uri ?? app.web.redirectUris[0] ?? app.publicClient.redirectUris[0];
  if (!redirectUri || !registeredRedirects(app).some((r) => redirectMatches(r, redirectUri))) return showError(x, ERR.redirectMismatch(q.redirect_uri ?? '', app.appId), app);

  const responseMode = (q.response_mode ?? 'query') as PendingSignIn['responseMode'];
  const back = { redirectUri, responseMode: ['query', 'form_post', 'fragment'].includes(responseMode) ? responseMode : 'query', state: q.state } as const;
  if (!['query', 'form_post', 'fragment'].includes(responseMode))
    return redirectError(x, back, { error: 'invalid_request', code: 900144, status: 400, message: `The response_mode '${responseMode}' is not supported; use query, fragment or form_post.` });
  if (q.response_type !== 'code') return redirectError(x, back, ERR.unsupportedResponseType(q.response_type ?? ''));
  if (!q.scope) return redirectError(x, back, ERR.missingParameter('scope'));
  const method = q.code_challenge ? (q.code_challenge_method ?? 'plain') : undefined;
  if (method !== undefined && method !== 'S256' && method !== 'plain')
    return redirectError(x, back, { error: 'invalid_request', code: 501491, status: 400, message: `The code_challenge_method '${method}' is not supported; use S256.` });

  const pending: PendingSignIn = {
    id: opaque(24),
    tenantSegment: segment,
    tenantId,
    clientId: app.appId.toLowerCase(),
    redirectUri,
    responseMode,
    scopes: parseScopes(q.scope),
    state: q.state,
    nonce: q.nonce,
    codeChallenge: q.code_challenge,
    codeChallengeMethod: method,
    prompt: q.prompt,
    loginHint: q.login_hint,
    expiresAt: ctx.now().getTime() + PENDING_LIFETIME_MS,
  };

  const sid = sessionId(x);
  const sessionUsers = sid ? [...(ctx.state.sessions.get(sid) ?? [])] : [];
  if (q.prompt === 'none') {
    if (sessionUsers.length !== 1) return redirectError(x, back, sessionUsers.length === 0 ? ERR.loginRequired() : { ...ERR.loginRequired(), error: 'interaction_required' });
    const user = ctx.dir.userById(sessionUsers[0] as string);
    if (user) return completeSignIn(ctx, x, pending, user);
  }
  if (!q.prompt && sessionUsers.length === 1) {
    const user = ctx.dir.userById(sessionUsers[0] as string);
    if (user && (!q.login_hint || q.login_hint.toLowerCase() === user.userPrincipalName.toLowerCase())) return completeSignIn(ctx, x, pending, user);
  }
  ctx.state.pending.set(pending.id, pending);
  renderSignIn(ctx, x, pending, q.login_hint, undefined);
}

function renderSignIn(ctx: SimulatorContext, x: Exchange, p: PendingSignIn, selected: string | undefined, error: { message: string; code: number } | undefined): void {
  const sid = sessionId(x);
  const signedIn = new Set(sid ? [...(ctx.state.sessions.get(sid) ?? [])] : []);
  const tenant = p.tenantId ? ctx.dir.tenantById(p.tenantId) : undefined;
  const app = ctx.dir.applicationByAppId(p.clientId);
  const accounts = ctx.scenario.users.map((u) => ({ username: u.userPrincipalName, displayName: u.displayName, signedIn: signedIn.has(u.id) }));
  x.html(
    200,
    signInPage({
      action: `/${p.tenantSegment}/oauth2/v2.0/authorize`,
      flowId: p.id,
      tenantName: tenant?.displayName ?? p.tenantSegment,
      appName: app?.displayName ?? p.clientId,
      accounts,
      selected,
      error,
    }),
    PAGE_CSP,
  );
}

async function handleSignInPost(ctx: SimulatorContext, x: Exchange, segment: string): Promise<void> {
  const parsed = SignInForm.safeParse(await x.form());
  const pending = parsed.success ? ctx.state.pending.get(parsed.data.flow) : undefined;
  if (!parsed.success || !pending || pending.tenantSegment !== segment)
    return showError(x, { error: 'invalid_request', code: 90015, status: 400, message: 'This sign-in request is no longer valid (it expired or was already used). Start the sign-in again from the application.' });
  const f = parsed.data;
  if (pending.consentUserId !== undefined) return answerConsent(ctx, x, pending, f.consent, f.consentForOrganization === '1');
  const username = (f.account || f.username || '').trim();
  if (!username) return renderSignIn(ctx, x, pending, undefined, { message: 'Enter a valid email address.', code: 900144 });
  const user = ctx.dir.userByUpn(username);
  const tenant = pending.tenantId ? ctx.dir.tenantById(pending.tenantId) : undefined;
  if (!user) return renderSignIn(ctx, x, pending, username, { message: 'This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your admin.', code: ERR.userNotFound(username, tenant?.domains[0] ?? segment).code });
  const sid = sessionId(x);
  const alreadySignedIn = sid !== undefined && (ctx.state.sessions.get(sid)?.has(user.id) ?? false) && pending.prompt !== 'login';
  if (!alreadySignedIn && (f.password !== user.password || !user.accountEnabled))
    return renderSignIn(ctx, x, pending, username, { message: "Your account or password is incorrect. If you don't remember your password, ask your administrator to reset it.", code: 50126 });
  ctx.state.pending.delete(pending.id);
  return completeSignIn(ctx, x, pending, user);
}

/**
 * Missing consent during an interactive sign-in: Entra asks. An admin (or any user, where user
 * consent is allowed) sees "Permissions requested"; anyone else sees "Need admin approval",
 * AADSTS90094 (Microsoft Learn: application consent experience; unexpected consent prompt).
 */
function promptForConsent(ctx: SimulatorContext, x: Exchange, p: PendingSignIn, client: { app: ScenarioApplication; sp: ScenarioServicePrincipal | undefined }, user: ScenarioUser): void {
  if (!user.isAdmin && !ctx.scenario.policies.usersMayConsent) return showError(x, ERR.adminConsentRequired(client.app.displayName), client.app);
  const flow: PendingSignIn = { ...p, id: opaque(24), consentUserId: user.id, expiresAt: ctx.now().getTime() + PENDING_LIFETIME_MS };
  ctx.state.pending.set(flow.id, flow);
  x.html(
    200,
    consentPage({
      action: `/${p.tenantSegment}/oauth2/v2.0/authorize`,
      flowId: flow.id,
      appName: client.app.displayName,
      username: user.userPrincipalName,
      permissions: p.scopes.filter((s) => s.toLowerCase() !== 'offline_access'),
      forOrganization: user.isAdmin,
    }),
    PAGE_CSP,
  );
}

/** Accept records the grant (for everyone, or for this user) and signs in; Cancel answers AADSTS65004. */
function answerConsent(ctx: SimulatorContext, x: Exchange, p: PendingSignIn, answer: 'accept' | 'cancel' | undefined, forOrganization: boolean): void {
  ctx.state.pending.delete(p.id);
  const user = ctx.dir.userById(p.consentUserId ?? '');
  if (!user || answer !== 'accept') return redirectError(x, p, ERR.consentDeclined());
  const tenantId = p.tenantId ?? user.tenantId;
  const client = ctx.dir.clientApp(tenantId, p.clientId);
  const graph = ctx.dir.servicePrincipal(tenantId, GRAPH_APP_ID);
  if (client?.sp && graph) {
    const org = forOrganization && user.isAdmin;
    const byResource = new Map<string, string[]>([[graph.id, p.scopes.filter((s) => OIDC_SCOPES.has(s.toLowerCase()))]]);
    for (const { resourceId, value } of p.scopes.filter((s) => !OIDC_SCOPES.has(s.toLowerCase())).map(splitScope)) {
      const resource = ctx.dir.resource(tenantId, resourceId ?? 'https://graph.microsoft.com', x.origin);
      if (resource && value !== '.default') byResource.set(resource.sp.id, [...(byResource.get(resource.sp.id) ?? []), value]);
    }
    for (const [resourceId, values] of byResource)
      ctx.scenario.oauth2PermissionGrants.push({ id: opaque(32), clientId: client.sp.id, consentType: org ? 'AllPrincipals' : 'Principal', principalId: org ? null : user.id, resourceId, scope: values.join(' ') });
  }
  completeSignIn(ctx, x, p, user, true);
}

/** After the user is known: Entra's checks in order, then the code. */
function completeSignIn(ctx: SimulatorContext, x: Exchange, p: PendingSignIn, user: ScenarioUser, consented = false): void {
  const tenantId = p.tenantId ?? user.tenantId;
  const tenant = ctx.dir.tenantById(tenantId);
  const tenantName = tenant ? ctx.dir.tenantName(tenant) : tenantId;
  const client = ctx.dir.clientApp(tenantId, p.clientId);
  if (!client) return showError(x, ERR.appNotFound(p.clientId, tenantName));
  // Once the user is known, a single-tenant app reached through common/organizations is refused.
  if (p.tenantId === null && client.app.signInAudience === 'AzureADMyOrg') return redirectError(x, p, ERR.singleTenantViaCommon(client.app.appId, client.app.displayName));
  const blocked = postSignInError(ctx, tenantId, tenantName, client, user);
  if (blocked) return showError(x, blocked, client.app);
  const plan = planDelegated(ctx, x.origin, tenantId, client, user, p.scopes);
  if ('error' in plan && plan.code === ERR.consentRequired('', '').code && !consented && p.prompt !== 'none') return promptForConsent(ctx, x, p, client, user);
  if ('error' in plan) return redirectError(x, p, plan);
  if (client.sp && !client.sp.accountEnabled) return showError(x, ERR.appDisabled(client.app.appId, client.app.displayName), client.app);
  if (ctx.scenario.policies.mfaRequired) return redirectError(x, p, ERR.mfaRequired(plan.resource.requested));

  // Signed in: remember the session (Entra's SSO cookie) and issue a single-use code.
  let sid = sessionId(x);
  if (!sid || !ctx.state.sessions.has(sid)) {
    sid = opaque(24);
    ctx.state.sessions.set(sid, new Set());
  }
  ctx.state.sessions.get(sid)?.add(user.id);
  const code = `1.${opaque(64)}`;
  ctx.state.codes.set(code, {
    clientId: p.clientId,
    redirectUri: p.redirectUri,
    scopes: p.scopes,
    nonce: p.nonce,
    codeChallenge: p.codeChallenge,
    codeChallengeMethod: p.codeChallengeMethod,
    userId: user.id,
    tenantId,
    expiresAt: ctx.now().getTime() + CODE_LIFETIME_MS,
    redeemed: false,
  });
  const fields: Record<string, string> = { code };
  if (p.state !== undefined) fields.state = p.state;
  fields.session_state = randomUUID();
  respondToClient(x, p, fields, { 'set-cookie': `${SESSION_COOKIE}=${sid}; Path=/; Secure; HttpOnly; SameSite=None` });
}
