/**
 * The non-interactive probes: tenant, saml-app, api-app, secret. Each proves one thing with as few
 * requests as possible and explains a failure in terms of this configuration.
 */
import { decodeJwt } from 'jose';
import { z } from 'zod';
import { HttpRequestError, postForm, type HttpResponse } from '../http';
import { apiAppClient } from './api-app-client';
import { federationMetadataUrl, parseSigningCertificates, SamlMetadataError } from '../saml-metadata';
import { errorRefFromBody, parseEntraError, type EntraErrorBody } from './entra-response';
import type { ProbeContext, ProbeOutcome } from './probe-context';

const DAY = 86_400_000;

/** The fact the secret probes report the access token's `ver` claim under. */
export const TOKEN_VERSION_LABEL = 'Token version';

/** A request that got no HTTP answer, explained (timeout, TLS, unreachable, proxy). */
export function networkFailure(error: unknown, url: string, what: string, timeoutMs: number): ProbeOutcome {
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  if (error instanceof HttpRequestError) {
    const byKind: Record<string, [string, string[]]> = {
      timeout: [`${what}: no answer from ${host} within ${Math.round(timeoutMs / 1000)} s.`, ['Check the network connection and any proxy, then run the check again.']],
      tls: [
        `${what}: the TLS certificate of ${host} is not trusted (${error.code ?? error.message}).`,
        ['If a corporate proxy inspects TLS, add its CA certificate file in the network settings (or --ca-file in the CLI).'],
      ],
      connect: [`${what}: cannot connect to ${host} (${error.code ?? error.message}).`, ['Check the DNS name, the network and the proxy settings.']],
      proxy: [`${what}: the proxy refused or failed the connection to ${host} (${error.message}).`, ['Check the proxy URL and that it allows this host.']],
      aborted: [`${what}: cancelled.`, []],
    };
    const [summary, fix] = byKind[error.kind] ?? [`${what}: ${error.message}`, ['Check the network connection and run the check again.']];
    return { status: 'failed', summary, fix, tested: `GET/POST ${url}` };
  }
  return { status: 'failed', summary: `${what}: ${error instanceof Error ? error.message : String(error)}`, fix: [], tested: url };
}

/**
 * A successful token response (RFC 6749 §5.1: JSON with `access_token` and `token_type`; Microsoft
 * Learn, "client credentials flow", successful response). A 200 that is anything else (cut off, a
 * proxy's page, another media type) proves nothing about the app.
 */
const TokenResponseSchema = z.object({ access_token: z.string().min(1), token_type: z.string().min(1) });

export function isTokenResponse(res: HttpResponse): boolean {
  if (res.status !== 200 || !/^application\/json\b/i.test(res.headers['content-type'] ?? '')) return false;
  try {
    return TokenResponseSchema.safeParse(JSON.parse(res.body)).success;
  } catch {
    return false;
  }
}

/** A response that is not the expected JSON (a 5xx, a proxy's HTML page, garbage). */
export function unexpectedResponse(res: HttpResponse, what: string): ProbeOutcome {
  const entra = parseEntraError(res.body);
  if (entra) return entraFailure(entra, what, res);
  const kind = res.status >= 500 ? `a server error (HTTP ${res.status})` : `an unexpected answer (HTTP ${res.status}${/json/.test(res.headers['content-type'] ?? '') ? ', unreadable JSON' : ''})`;
  return {
    status: 'failed',
    summary: `${what}: Entra sent ${kind}.`,
    fix: res.status >= 500 ? ['This is usually temporary on Microsoft’s side: run the check again in a few minutes.'] : ['Check that no proxy or firewall rewrites the response, then run the check again.'],
    tested: res.url,
  };
}

export function entraFailure(body: EntraErrorBody, what: string, res: HttpResponse, fix: string[] = []): ProbeOutcome {
  const ref = errorRefFromBody(body);
  return {
    status: 'failed',
    summary: `${what}: ${typeof ref.code === 'number' ? `AADSTS${ref.code}` : ref.code}${ref.message ? ` ${ref.message.replace(/^AADSTS\d+:\s*/, '')}` : ''}`,
    error: ref,
    fix,
    tested: res.url,
  };
}

export async function tenantProbe(ctx: ProbeContext): Promise<ProbeOutcome> {
  const d = await ctx.discovery();
  if (!d.ok) {
    if (!d.response) return networkFailure(d.error, d.url, 'The OpenID discovery document could not be fetched', ctx.requestTimeoutMs);
    const body = parseEntraError(d.response.body);
    if (body && (body.error === 'invalid_tenant' || (body.error_codes ?? []).map(Number).includes(90002)))
      return entraFailure(body, `Tenant "${ctx.target.tenantId}" was not found in this cloud`, d.response, [
        'Copy the Directory (tenant) ID again from Entra admin center > Identity > Overview.',
        `Check the cloud: this profile uses ${ctx.endpoints.authorityHost}. A US Government or China tenant needs its own cloud.`,
      ]);
    if (d.response.status === 200) return { status: 'failed', summary: 'The discovery document is not valid OpenID Connect metadata.', fix: ['Check that no proxy rewrites the response.'], tested: d.url };
    return unexpectedResponse(d.response, 'The tenant could not be verified');
  }
  const tid = /\/([0-9a-f-]{36})\/v2\.0\/?$/i.exec(d.doc.issuer)?.[1];
  const multi = ['common', 'organizations'].includes(ctx.target.tenantId);
  return {
    status: multi ? 'warning' : 'passed',
    summary: multi
      ? `"${ctx.target.tenantId}" accepts users of any Entra tenant: the allowed email domains are the only boundary.`
      : `Tenant found${tid && tid !== ctx.target.tenantId ? ` (ID ${tid})` : ''}.`,
    tested: `GET ${d.url}`,
    facts: [
      { label: 'Issuer', value: d.doc.issuer },
      ...(d.doc.tenant_region_scope ? [{ label: 'Region', value: d.doc.tenant_region_scope }] : []),
      ...(d.doc.cloud_instance_name ? [{ label: 'Cloud instance', value: d.doc.cloud_instance_name }] : []),
    ],
  };
}

/**
 * Ask the token endpoint for a client-credentials token without a secret: Entra answers 7000218
 * ("a secret is required") for a registered confidential app, 700016 when no such app is in the tenant.
 */
async function appProbe(ctx: ProbeContext, appId: string, label: string): Promise<ProbeOutcome> {
  const d = await ctx.discovery();
  if (!d.ok) return { status: 'failed', summary: 'The discovery document was not available.', tested: '' };
  let res: HttpResponse;
  try {
    res = await postForm(ctx.http, d.doc.token_endpoint, { client_id: appId, grant_type: 'client_credentials', scope: `${ctx.endpoints.graphHost}/.default` }, { signal: ctx.signal, timeoutMs: ctx.requestTimeoutMs });
  } catch (error) {
    return networkFailure(error, d.doc.token_endpoint, `The ${label} could not be verified`, ctx.requestTimeoutMs);
  }
  const tested = `POST ${d.doc.token_endpoint} (client_credentials for ${appId}, no secret: only proves the app exists)`;
  if (isTokenResponse(res)) return { status: 'passed', summary: `The ${label} is registered in this tenant.`, tested };
  const body = res.status === 200 ? null : parseEntraError(res.body);
  if (!body) return unexpectedResponse(res, `The ${label} could not be verified`);
  const ref = errorRefFromBody(body);
  switch (ref.code) {
    case 7000218:
    case 7000215:
    case 7000216:
      return { status: 'passed', summary: `The ${label} is registered in this tenant.`, tested, facts: [{ label: 'Entra answered', value: `AADSTS${ref.code} (a credential is required), as expected for a registered app` }] };
    case 700016:
      return {
        ...entraFailure(body, `The ${label} ${appId} is not registered in this tenant`, res, [
          `Open Entra admin center > Identity > Applications > App registrations > All applications and search for ${appId}.`,
          'If it is not there, copy the Application (client) ID again from the right app registration, or check the Directory (tenant) ID: the app must live in this tenant.',
        ]),
        tested,
      };
    case 7000112:
      return {
        ...entraFailure(body, `The ${label} is disabled`, res, [
          'Entra admin center > Identity > Applications > Enterprise applications > the app > Properties: set "Enabled for users to sign-in?" to Yes.',
        ]),
        tested,
      };
    default:
      return { ...entraFailure(body, `The ${label} could not be verified`, res), tested };
  }
}

export async function samlAppProbe(ctx: ProbeContext): Promise<ProbeOutcome> {
  const samlAppId = ctx.target.samlAppId;
  if (samlAppId === null) return { status: 'failed', summary: `${ctx.target.nouns.product} has no SAML app to check.`, tested: '' };
  const metadataUrl = federationMetadataUrl(ctx.endpoints.authorityHost, ctx.target.tenantId, samlAppId);
  const [registration, metadata] = await Promise.all([
    appProbe(ctx, samlAppId, 'SAML-OpenID application'),
    ctx.http.request(metadataUrl, { signal: ctx.signal, timeoutMs: ctx.requestTimeoutMs }).then(
      (r) => ({ ok: true as const, r }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
  ]);
  if (registration.status === 'failed') return registration;
  const tested = `${registration.tested}; GET ${metadataUrl}`;
  if (!metadata.ok) return { ...networkFailure(metadata.error, metadataUrl, 'The SAML federation metadata could not be fetched', ctx.requestTimeoutMs), tested };
  if (metadata.r.status !== 200) return { ...unexpectedResponse(metadata.r, 'The SAML federation metadata could not be fetched'), tested };
  let certs;
  try {
    certs = parseSigningCertificates(metadata.r.body);
  } catch (error) {
    return {
      status: 'warning',
      summary: `The app is registered, but its SAML signing certificates could not be read: ${error instanceof SamlMetadataError ? error.message : String(error)}`,
      fix: ['Entra admin center > Enterprise applications > the SAML app > Single sign-on > SAML Certificates: check that a signing certificate is active.'],
      tested,
    };
  }
  const now = ctx.clock.now().getTime();
  const facts = certs.map((c, i) => ({ label: i === 0 ? 'Signing certificate (newest)' : 'Signing certificate', value: `${c.thumbprintSha1} valid until ${c.notAfter.slice(0, 10)}` }));
  const valid = certs.filter((c) => Date.parse(c.notAfter) > now && Date.parse(c.notBefore) <= now);
  const newest = certs[0];
  if (!newest || valid.length === 0)
    return {
      status: 'failed',
      summary: `Every SAML signing certificate has expired (newest: ${newest?.notAfter.slice(0, 10) ?? 'none'}). SAML sign-in fails until a new one is active.`,
      fix: ['Entra admin center > Enterprise applications > the SAML app > Single sign-on > SAML Certificates > Add a certificate, make it active, and give Octopus the new metadata.'],
      tested,
      facts,
    };
  const days = Math.ceil((Date.parse(newest.notAfter) - now) / DAY); // a certificate ending in 9.6 days "expires in 10 days"
  if (days <= 30)
    return {
      status: 'warning',
      summary: `Registered; the SAML signing certificate expires in ${days} day(s) (${newest.notAfter.slice(0, 10)}).`,
      fix: ['Create the next signing certificate now (Single sign-on > SAML Certificates), activate it, and update Octopus with the new metadata before the old one lapses.'],
      tested,
      facts,
    };
  return { status: 'passed', summary: `Registered; ${certs.length === 1 ? 'its signing certificate is' : `${certs.length} signing certificates,`} valid until ${newest.notAfter.slice(0, 10)}.`, tested, facts };
}

export function apiAppProbe(ctx: ProbeContext): Promise<ProbeOutcome> {
  return appProbe(ctx, ctx.target.clientId, ctx.target.nouns.appLabel);
}

/** Client credentials with the secret for `api://{client ID}/.default`, through MSAL as the product does. */
export function secretProbe(ctx: ProbeContext): Promise<ProbeOutcome> {
  return clientCredentialsProbe(ctx, `api://${ctx.target.clientId}/.default`, true);
}

/**
 * The secret proven against Microsoft Graph's `/.default`, for targets whose app exposes no API of
 * its own (The Things Stack): this needs no Application ID URI, only a valid secret.
 */
export function graphSecretProbe(ctx: ProbeContext): Promise<ProbeOutcome> {
  return clientCredentialsProbe(ctx, `${ctx.endpoints.graphHost}/.default`, false);
}

async function clientCredentialsProbe(ctx: ProbeContext, scope: string, exposesApi: boolean): Promise<ProbeOutcome> {
  if (!ctx.secret) return { status: 'failed', summary: `No client secret to test: ${ctx.secretMissingReason}`, fix: [ctx.secretMissingReason], tested: `client_credentials for ${scope}` };
  const d = await ctx.discovery();
  if (!d.ok) return { status: 'failed', summary: 'The discovery document was not available.', tested: '' };
  const { app, lastError } = apiAppClient(ctx, ctx.secret, d.raw);
  const tested = `POST ${d.doc.token_endpoint} (client_credentials, scope ${scope}, with the stored secret ${ctx.target.secretHint ?? ''}…)`;
  try {
    const result = await app.acquireTokenByClientCredential({ scopes: [scope], skipCache: true });
    if (!result?.accessToken) return { status: 'failed', summary: 'Entra returned no access token.', tested };
    const claims = decodeJwt(result.accessToken);
    const expires = ctx.target.secretExpiresAt;
    const days = expires ? Math.floor((Date.parse(`${expires}T00:00:00Z`) - ctx.clock.now().getTime()) / DAY) : null;
    const facts = [
      { label: 'Token audience', value: String(claims.aud ?? '') },
      { label: TOKEN_VERSION_LABEL, value: String(claims.ver ?? '') },
      ...(expires ? [{ label: 'Secret expires (recorded)', value: expires }] : []),
    ];
    if (days !== null && days <= 30)
      return { status: 'warning', summary: `The secret works, but expires in ${days} day(s) (${expires}).`, fix: ['Create a new secret in Certificates & secrets now and replace it here before the old one lapses.'], tested, facts };
    return { status: 'passed', summary: exposesApi ? `The secret works and ${scope.replace('/.default', '')} is exposed.` : 'The secret works.', tested, facts };
  } catch (error) {
    const captured = lastError();
    if (!captured) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      if (cause instanceof HttpRequestError) return { ...networkFailure(cause, d.doc.token_endpoint, 'The secret could not be tested', ctx.requestTimeoutMs), tested };
      return { status: 'failed', summary: `The secret could not be tested: ${error instanceof Error ? error.message : String(error)}`, tested };
    }
    const { body, res } = captured;
    const code = errorRefFromBody(body).code;
    const app = ctx.target.nouns.app;
    const credentials = `Entra admin center > Identity > Applications > App registrations > ${app} > Certificates & secrets`;
    const fixes: Record<string, string[]> = {
      7000215: [
        ctx.target.secretHint && /^[0-9a-f]{3}$/i.test(ctx.target.secretHint)
          ? `The stored value starts with "${ctx.target.secretHint}", like a Secret ID does. Copy the Value column instead.`
          : 'The stored value is not a valid secret of this app: it may belong to another app, or be incomplete.',
        `${credentials} > New client secret; copy its Value right away (Entra shows it only once) and put it in this profile: "Rotate client secret" keeps the old one until the new one is proven, "Replace secret" swaps it at once.`,
      ],
      7000222: [`${credentials}: the secret has expired. Create a new client secret, then put its Value in this profile ("Rotate client secret", or "Replace secret" in the form).`, 'Record the new expiry date so Federation Desk warns you in time.'],
      500011: [
        `Entra admin center > App registrations > ${app} > Expose an API > Application ID URI: set it to api://${ctx.target.clientId} and save.`,
      ],
      700016: [`${app.replace(/^the /, 'The ')} is not in this tenant: see its check above.`],
      7000112: [`Entra admin center > Identity > Applications > Enterprise applications > ${app} > Properties: set "Enabled for users to sign-in?" to Yes.`],
    };
    return { ...entraFailure(body, 'The client secret was refused', res, fixes[String(code)] ?? []), tested };
  }
}
