/**
 * The interactive probes. `sign-in`: auth code + PKCE through the app registration with the
 * target's (first) redirect URI, exactly as the product signs users in (for Octopus: the API app
 * and the Octopus Web URL); state, nonce and the ID token (signature against the tenant's JWKS, iss,
 * aud, exp) are validated. `graph-me`: Microsoft Graph /me with the user's token, which must return
 * the email the product matches users by. Results and fixes use the target's nouns.
 */
import { randomBytes } from 'node:crypto';
import { CryptoProvider, type AuthenticationResult } from '@azure/msal-node';
import { createLocalJWKSet, jwtVerify, errors as joseErrors, type JSONWebKeySet } from 'jose';
import { HttpRequestError, type HttpResponse } from '../http';
import { apiAppClient } from './api-app-client';
import type { PublicSignIn } from './public-sign-in';
import { errorRefFromBody, parseGraphError } from './entra-response';
import { graphGet } from './graph-request';
import type { Discovery, ProbeContext, ProbeOutcome } from './probe-context';
import { TARGETS } from '../../../shared/targets/registry';
import type { TargetNouns } from '../../../shared/targets/target';
import { networkFailure, unexpectedResponse } from './probes';
import type { EntraErrorRef } from '../../../shared/check';

const noEmailFix = (product: string) =>
  `Entra admin center > Identity > Users > the user > Properties > Contact information: set Email (or give the user a mailbox); the user must exist in ${product} with the same email address.`;
const appReg = (app: string) => `Entra admin center > Identity > Applications > App registrations > ${app}`;

/** The nouns of the profile's target, and the redirect URI itself where a fix should spell it out. */
export type SignInWords = TargetNouns;

/** The target's words with the redirect URI the sign-in uses in place of its noun. */
export function signInWords(ctx: ProbeContext): SignInWords {
  return { ...ctx.target.nouns, redirectUri: ctx.target.redirectUris[0] ?? ctx.target.nouns.redirectUri };
}

/** Fix steps for the errors a sign-in through this setup really meets ('public': the CLI's browser sign-in). */
export function signInFixesFor(code: number | string, mode: 'web' | 'public', words: SignInWords = TARGETS.octopus.nouns): string[] {
  const APP_REG = appReg(words.app);
  const ENTERPRISE = `Entra admin center > Identity > Applications > Enterprise applications > ${words.app}`;
  if (mode === 'public')
    switch (code) {
      case 50011:
        return [`${APP_REG} > Authentication > Add a platform > Mobile and desktop applications: add http://localhost (any port is accepted for localhost).`, `Or run this check in the app, which signs in through ${words.redirectUri} itself.`];
      case 7000218:
      case 700025:
        // Entra takes the client type from the redirect URI's platform; the flag counts only where no redirect URI tells.
        return [
          `${APP_REG} > Authentication: http://localhost must be under "Mobile and desktop applications", not "Web" (a Web redirect URI makes the sign-in confidential, so the code needs the client secret). Move it and save.`,
        ];
      default:
        break;
    }
  switch (code) {
    case 50011:
      return [
        `${APP_REG} > Authentication > Web > Redirect URIs: add exactly ${words.redirectUri} (Entra compares byte for byte, trailing slash included) and save.`,
        'If a URI without the trailing slash is registered, keep it or remove it, but the one with the slash must be there.',
      ];
    case 50105:
      return [`${ENTERPRISE} > Users and groups > Add user/group: assign the signing-in admin (or a group they are in).`, 'Or set "Assignment required?" to No under Properties, if every user of the tenant may sign in.'];
    case 65001:
    case 65004:
    case 90094:
      return [
        `${APP_REG} > API permissions: Microsoft Graph User.Read (delegated) must be listed; an administrator clicks "Grant admin consent for <tenant>" (or Enterprise applications > ${words.app} > Permissions > Grant admin consent).`,
        'Then run the check again. Check compatibility never grants consent itself: that would change the tenant while testing it.',
      ];
    case 50194:
      return [
        `The profile's tenant is "common" or "organizations", but ${words.app} accepts only its own tenant: put the Directory (tenant) ID (${APP_REG} > Overview) in the profile.`,
        'Making the app multi-tenant would also stop the error, but lets any Entra tenant sign in: the guide registers it for this organization only.',
      ];
    case 50020:
      return ['The account belongs to another tenant. Sign in with an account of this tenant, or invite the user as a guest (External Identities).'];
    case 50076:
    case 50079:
      return ['Multi-factor authentication is required: complete it in the sign-in window. If it cannot be completed, check Conditional Access policies for this app.'];
    case 7000112:
      return [`${ENTERPRISE} > Properties: set "Enabled for users to sign-in?" to Yes.`];
    case 700016:
      return [`${words.app.replace(/^the /, 'The ')} is not registered in this tenant: see its check above.`];
    case 54005:
      return ['The authorization code was already used. Run the check again.'];
    default:
      return [];
  }
}

/** What each consent answer means, in the words the check result uses. */
const CONSENT_MEANING = (w: SignInWords): Record<number, string> => ({
  65001: `nobody has consented to the permissions ${w.app} asks for (AADSTS65001): ${w.product} users would each be asked, or refused`,
  65004: 'the consent prompt was cancelled (AADSTS65004): nothing was granted',
  90094: 'Entra asked for admin approval (AADSTS90094, "Need admin approval"): the signing-in user may not consent, and no administrator has',
});

/**
 * Entra's consent prompt ("Permissions requested") or "Need admin approval" page, recognised from
 * its visible text (Microsoft Learn, "Microsoft Entra application consent experiences"). Null when
 * the page is neither.
 */
export function consentPageKind(text: string): 65001 | 90094 | null {
  if (/Need admin approval|AADSTS90094/i.test(text)) return 90094;
  if (/Permissions requested/i.test(text)) return 65001;
  return null;
}

/** A sign-in that met missing consent: failed, explained, with the admin-consent fix. Never granted here. */
function consentMissing(code: 65001 | 65004 | 90094, ref: EntraErrorRef | null, tested: string, ctx: ProbeContext): ProbeOutcome {
  return {
    status: 'failed',
    summary: `Admin consent is missing: ${CONSENT_MEANING(signInWords(ctx))[code]}. The check stopped at Entra’s consent page and granted nothing.`,
    error: ref ?? { code, traceId: null, correlationId: null, timestamp: null, message: null },
    fix: signInFixesFor(code, 'web', signInWords(ctx)),
    tested,
  };
}

/** AADSTS code and IDs from the visible text of Entra's error page. */
export function errorFromPageText(text: string): EntraErrorRef | null {
  const code = /AADSTS(\d{4,})/.exec(text);
  if (!code) return null;
  const pick = (label: string) => new RegExp(`${label}\\s*:?\\s*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})`, 'i').exec(text)?.[1] ?? null;
  const message = new RegExp(`AADSTS${code[1]}:?\\s*([^\\n]+)`).exec(text)?.[1]?.trim() ?? null;
  return {
    code: Number(code[1]),
    traceId: pick('Trace ID'),
    correlationId: pick('Correlation ID'),
    timestamp: /Timestamp\s*:?\s*(\d{4}-\d{2}-\d{2}[ T][\d:.]+Z?)/i.exec(text)?.[1] ?? null,
    message,
  };
}

function failedWith(ref: EntraErrorRef, what: string, tested: string, ctx: ProbeContext, mode: 'web' | 'public' = 'web'): ProbeOutcome {
  return {
    status: 'failed',
    summary: `${what}: ${typeof ref.code === 'number' ? `AADSTS${ref.code}` : ref.code}${ref.message ? ` ${ref.message.replace(/^AADSTS\d+:\s*/, '')}` : ''}`,
    error: ref,
    fix: signInFixesFor(ref.code, mode, signInWords(ctx)),
    tested,
  };
}

export async function signInProbe(ctx: ProbeContext): Promise<ProbeOutcome> {
  if (!ctx.signIn && ctx.publicSignIn) return publicSignInProbe(ctx, ctx.publicSignIn);
  if (!ctx.signIn) return { status: 'failed', summary: `Not run: ${ctx.signInMissingReason}`, fix: [], tested: 'Interactive sign-in (auth code + PKCE)' };
  if (!ctx.secret) return { status: 'failed', summary: `Not run: ${ctx.secretMissingReason}`, fix: [ctx.secretMissingReason], tested: 'Interactive sign-in (auth code + PKCE)' };
  const d = await ctx.discovery();
  if (!d.ok) return { status: 'failed', summary: 'The discovery document was not available.', tested: '' };
  const doc = d.doc;

  const { app, lastError } = apiAppClient(ctx, ctx.secret, d.raw);
  const scopes = ['openid', 'profile', 'email', `${ctx.endpoints.graphHost}/User.Read`];
  const crypto = new CryptoProvider();
  const pkce = await crypto.generatePkceCodes();
  const state = randomBytes(16).toString('base64url');
  const nonce = randomBytes(16).toString('base64url');
  const redirectUri = ctx.target.redirectUris[0];
  if (!redirectUri) return { status: 'failed', summary: 'The profile has no redirect URI to sign in through.', fix: ['Open the profile and save it again.'], tested: 'Interactive sign-in (auth code + PKCE)' };
  const authorizeUrl = await app.getAuthCodeUrl({ scopes, redirectUri, codeChallenge: pkce.challenge, codeChallengeMethod: 'S256', state, nonce, prompt: 'select_account', responseMode: 'query' });
  const tested = `Sign-in at ${doc.authorization_endpoint} (${ctx.signIn.name}), redirect URI ${redirectUri}; code redeemed at ${doc.token_endpoint}`;

  let outcome;
  try {
    outcome = await ctx.signIn.signIn({ authorizeUrl, redirectUri, signal: ctx.signal, stopAtConsent: true });
  } catch (error) {
    if (error instanceof HttpRequestError) return { ...networkFailure(error, doc.authorization_endpoint, 'The sign-in page could not be loaded', ctx.requestTimeoutMs), tested };
    return { status: 'failed', summary: `The sign-in could not run: ${error instanceof Error ? error.message : String(error)}`, tested };
  }
  if (outcome.kind === 'cancelled') return { status: 'failed', summary: outcome.reason, fix: ['Run the check again and complete the sign-in.'], tested };
  if (outcome.kind === 'error-page') {
    const ref = errorFromPageText(outcome.text);
    const consent = consentPageKind(outcome.text);
    if (consent !== null) return consentMissing(consent, ref, tested, ctx);
    if (ref) return failedWith(ref, 'Entra refused the sign-in', tested, ctx);
    return { status: 'failed', summary: 'The sign-in ended on a page that is neither the redirect nor an Entra error.', fix: [], tested, facts: [{ label: 'Page text', value: outcome.text.slice(0, 500) }] };
  }
  const params = outcome.params;
  if (params.error) {
    const code = /AADSTS(\d+)/.exec(params.error_description ?? '')?.[1];
    const fromPage = errorFromPageText(params.error_description ?? '');
    const ref: EntraErrorRef = fromPage ?? { code: code ? Number(code) : params.error, traceId: null, correlationId: null, timestamp: null, message: params.error_description ?? null };
    if (ref.code === 65001 || ref.code === 65004 || ref.code === 90094) return consentMissing(ref.code, ref, tested, ctx);
    return failedWith(ref, 'Entra sent the sign-in back with an error', tested, ctx);
  }
  if (params.state !== state) return { status: 'failed', summary: 'The state returned to the redirect URI does not match the one sent: the response was not for this sign-in.', fix: ['Run the check again. If it repeats, something between the browser and Entra rewrites the redirect.'], tested };
  if (!params.code) return { status: 'failed', summary: 'The redirect carried no authorization code.', tested };

  let result;
  try {
    result = await app.acquireTokenByCode({ code: params.code, codeVerifier: pkce.verifier, redirectUri, scopes, state, nonce }, undefined);
  } catch (error) {
    const captured = lastError();
    if (captured) return failedWith(errorRefFromBody(captured.body), 'The authorization code was refused', tested, ctx);
    return { status: 'failed', summary: `The authorization code could not be redeemed: ${error instanceof Error ? error.message : String(error)}`, tested };
  }
  if (!result?.idToken) return { status: 'failed', summary: 'Entra returned no ID token.', tested };

  return validatedSignIn(ctx, doc, result, nonce, tested, 'passed', `Signed in as {user}; the ID token is valid.`);
}

/**
 * `--sign-in browser`: the API app as a public client in the system browser. It proves the admin can
 * sign in and get a valid ID token and a Graph token, but not the Octopus Web URL redirect, so even a
 * clean sign-in is a warning that says what is left to prove.
 */
async function publicSignInProbe(ctx: ProbeContext, publicSignIn: PublicSignIn): Promise<ProbeOutcome> {
  const d = await ctx.discovery();
  if (!d.ok) return { status: 'failed', summary: 'The discovery document was not available.', tested: '' };
  const scopes = ['openid', 'profile', 'email', `${ctx.endpoints.graphHost}/User.Read`];
  const tested = `Sign-in at ${d.doc.authorization_endpoint} in the ${publicSignIn.name}; code redeemed at ${d.doc.token_endpoint} without the secret. The redirect to ${ctx.target.nouns.redirectUri} is not part of this sign-in.`;
  const { result, lastError, error } = await publicSignIn.signIn(ctx, d.raw, scopes);
  if (!result) {
    if (ctx.signal.aborted) return { status: 'failed', summary: 'Cancelled.', tested };
    if (lastError) return failedWith(errorRefFromBody(lastError), 'Entra refused the sign-in', tested, ctx, 'public');
    const message = error instanceof Error ? error.message : String(error);
    const code = /AADSTS(\d{4,})/.exec(message)?.[1];
    if (code) return failedWith({ code: Number(code), traceId: null, correlationId: null, timestamp: null, message }, 'Entra refused the sign-in', tested, ctx, 'public');
    return { status: 'failed', summary: `The sign-in did not complete: ${message}`, fix: ['Run the check again and complete the sign-in in the browser.'], tested };
  }
  if (!result.idToken) return { status: 'failed', summary: 'Entra returned no ID token.', tested };
  return validatedSignIn(ctx, d.doc, result, null, tested, 'warning', `Signed in as {user} through the system browser; the ID token is valid. The redirect to ${ctx.target.nouns.redirectUri} was not tested.`, [
    `Run Check compatibility in the app to prove the sign-in through ${ctx.target.nouns.redirectUri} as well.`,
  ]);
}

/**
 * Validate the ID token ourselves (signature against the tenant's keys, issuer, audience, expiry,
 * and the nonce when we chose it), then hand the access token to the Graph probe.
 */
async function validatedSignIn(
  ctx: ProbeContext,
  doc: Discovery,
  result: AuthenticationResult,
  nonce: string | null,
  tested: string,
  status: 'passed' | 'warning',
  summaryTemplate: string,
  extraFix: string[] = [],
): Promise<ProbeOutcome> {
  let jwksResponse: HttpResponse;
  try {
    jwksResponse = await ctx.http.request(doc.jwks_uri, { signal: ctx.signal, timeoutMs: ctx.requestTimeoutMs });
  } catch (error) {
    return { ...networkFailure(error, doc.jwks_uri, 'The signing keys could not be fetched', ctx.requestTimeoutMs), tested };
  }
  if (jwksResponse.status !== 200) return { ...unexpectedResponse(jwksResponse, 'The signing keys could not be fetched'), tested };
  try {
    const jwks = createLocalJWKSet(JSON.parse(jwksResponse.body) as JSONWebKeySet);
    const tid = String((result.idTokenClaims as Record<string, unknown> | undefined)?.tid ?? '');
    const { payload } = await jwtVerify(result.idToken, jwks, {
      issuer: doc.issuer.replace('{tenantid}', tid),
      audience: ctx.target.clientId,
      currentDate: ctx.clock.now(),
      clockTolerance: 300,
      algorithms: ['RS256'],
    });
    if (nonce !== null && payload.nonce !== nonce) return { status: 'failed', summary: 'The ID token’s nonce does not match this sign-in: it may be replayed.', tested };
    const username = String(payload.preferred_username ?? payload.upn ?? payload.sub ?? '');

    ctx.shared.session = { accessToken: result.accessToken, username, name: typeof payload.name === 'string' ? payload.name : null };
    const facts = [
      { label: 'User', value: `${payload.name ?? ''} (${username})` },
      { label: 'Issuer', value: String(payload.iss) },
      { label: 'Email claim', value: typeof payload.email === 'string' ? payload.email : 'not in the token: this user has no email address in Entra' },
    ];
    // This sign-in asks for the email scope, with which Entra puts the email of a user who has one
    // in the v2.0 ID token (optional-claims reference, "email"). None means the user has none, and
    // a product that matches users by email would not find them: never a clean pass.
    if (typeof payload.email !== 'string')
      return {
        status: 'warning',
        summary: `${summaryTemplate.replace('{user}', username)} But the ID token carries no email: ${username} has no email address in Entra, and ${ctx.target.nouns.product} matches users by email.`,
        fix: [noEmailFix(ctx.target.nouns.product), ...extraFix],
        tested,
        facts,
      };
    return { status, summary: summaryTemplate.replace('{user}', username), ...(extraFix.length ? { fix: extraFix } : {}), tested, facts };
  } catch (error) {
    const why =
      error instanceof joseErrors.JWTClaimValidationFailed
        ? `its "${error.claim}" claim is wrong (${error.reason})`
        : error instanceof joseErrors.JWTExpired
          ? 'it has expired (check this computer’s clock)'
          : error instanceof joseErrors.JWSSignatureVerificationFailed || error instanceof joseErrors.JWKSNoMatchingKey
            ? 'its signature does not match the tenant’s signing keys'
            : error instanceof Error
              ? error.message
              : String(error);
    return { status: 'failed', summary: `Entra returned an ID token, but ${why}.`, fix: ['Check the cloud and tenant of this profile: the token must come from the same tenant.'], tested };
  }
}

export async function graphMeProbe(ctx: ProbeContext): Promise<ProbeOutcome> {
  const url = `${ctx.endpoints.graphHost}/v1.0/me?$select=displayName,mail,userPrincipalName`;
  const tested = `GET ${url} with the signed-in user's token`;
  if (!ctx.shared.session) return { status: 'failed', summary: 'No signed-in user to ask Microsoft Graph about.', tested };
  let res: HttpResponse;
  try {
    res = await graphGet(ctx.http, url, { accessToken: ctx.shared.session.accessToken, signal: ctx.signal, timeoutMs: ctx.requestTimeoutMs, ...(ctx.wait ? { wait: ctx.wait } : {}) });
  } catch (error) {
    return { ...networkFailure(error, url, 'Microsoft Graph could not be reached', ctx.requestTimeoutMs), tested };
  }
  if (res.status !== 200) {
    const ref = parseGraphError(res.body);
    if (!ref) return { ...unexpectedResponse(res, 'Microsoft Graph refused the request'), tested };
    return {
      status: 'failed',
      summary: `Microsoft Graph refused /me: ${ref.code}${ref.message ? ` ${ref.message}` : ''}`,
      error: ref,
      fix:
        res.status === 403
          ? [`${appReg(ctx.target.nouns.app)} > API permissions: add Microsoft Graph User.Read (delegated) and grant admin consent.`]
          : [`Run the check again; if it repeats, check the API permissions of ${ctx.target.nouns.app}.`],
      tested,
    };
  }
  let me: { mail?: string | null; userPrincipalName?: string; displayName?: string };
  try {
    me = JSON.parse(res.body) as typeof me;
  } catch {
    return { ...unexpectedResponse(res, 'Microsoft Graph answered with unreadable JSON'), tested };
  }
  if (!me.mail)
    return {
      status: 'failed',
      summary: `${me.userPrincipalName ?? ctx.shared.session.username} has no email address in Entra, and ${ctx.target.nouns.product} matches users by email.`,
      fix: [noEmailFix(ctx.target.nouns.product)],
      tested,
      facts: [{ label: 'User principal name', value: me.userPrincipalName ?? '' }],
    };
  return { status: 'passed', summary: `Microsoft Graph returned ${me.displayName ?? ''} <${me.mail}>.`, tested, facts: [{ label: 'Email', value: me.mail }] };
}

