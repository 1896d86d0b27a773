/**
 * OpenID discovery (https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc), JWKS, and the instance-discovery document MSAL asks for
 * when the authority is not in knownAuthorities. The issuer uses the exact host:port the client
 * connected to, so MSAL's issuer validation accepts it.
 */
import type { SimulatorContext } from './context';
import { ERR } from './entra-errors';
import type { Exchange } from './exchange';
import type { ScenarioTenant } from './scenario-schema';

export const TENANT_KEYWORDS = ['common', 'organizations', 'consumers'] as const;
export const CONSUMERS_TENANT_ID = '9188040d-6c67-4c5b-b112-36a304b66dad';

/** A path's tenant segment resolved: a tenant of the scenario, a keyword, or unknown (90002). */
export type TenantRef = { kind: 'tenant'; tenant: ScenarioTenant } | { kind: 'keyword'; keyword: (typeof TENANT_KEYWORDS)[number] } | { kind: 'unknown' };

/** Resolve `{tenant}` from a URL path (GUID, verified domain or keyword). */
export function resolveTenantSegment(ctx: SimulatorContext, segment: string): TenantRef {
  const v = decodeURIComponent(segment).toLowerCase();
  if ((TENANT_KEYWORDS as readonly string[]).includes(v)) return { kind: 'keyword', keyword: v as (typeof TENANT_KEYWORDS)[number] };
  const tenant = ctx.dir.tenant(v);
  return tenant ? { kind: 'tenant', tenant } : { kind: 'unknown' };
}

const CLOUD_INSTANCE: Record<ScenarioTenant['cloud'], string> = {
  global: 'microsoftonline.com',
  usgov: 'microsoftonline.us',
  china: 'partner.microsoftonline.cn',
};

/** The v2.0 issuer for a tenant id (or the literal `{tenantid}` for common/organizations). */
export function issuerFor(origin: string, tenantId: string): string {
  return `${origin}/${tenantId}/v2.0`;
}

/** GET /{tenant}/v2.0/.well-known/openid-configuration */
export function handleDiscovery(ctx: SimulatorContext, x: Exchange, segment: string): void {
  const ref = resolveTenantSegment(ctx, segment);
  if (ref.kind === 'unknown') return x.entraError(ERR.tenantNotFound(decodeURIComponent(segment)));
  const host = new URL(x.origin).host;
  const pathTenant = ref.kind === 'tenant' ? ref.tenant.id : ref.keyword;
  const issuerTenant = ref.kind === 'tenant' ? ref.tenant.id : ref.keyword === 'consumers' ? CONSUMERS_TENANT_ID : '{tenantid}';
  const base = `${x.origin}/${pathTenant}`;
  const cloud = ref.kind === 'tenant' ? ref.tenant.cloud : 'global';
  const doc: Record<string, unknown> = {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: issuerFor(x.origin, issuerTenant),
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${x.origin}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud', 'exp', 'iat', 'auth_time',
      'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email',
    ],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: ref.kind === 'tenant' ? ref.tenant.regionScope : null,
    cloud_instance_name: CLOUD_INSTANCE[cloud],
    cloud_graph_host_name: 'graph.windows.net',
    // The practice tenant serves Graph itself, so Graph's host is the simulator's.
    msgraph_host: host,
    rbac_url: 'https://pas.windows.net',
  };
  if (ref.kind === 'tenant' && ref.tenant.regionSubScope) doc.tenant_region_sub_scope = ref.tenant.regionSubScope;
  x.json(200, doc, { 'cache-control': 'max-age=86400, private', 'access-control-allow-origin': '*' });
}

/** GET /{tenant}/discovery/v2.0/keys */
export function handleKeys(ctx: SimulatorContext, x: Exchange, segment: string): void {
  const ref = resolveTenantSegment(ctx, segment);
  if (ref.kind === 'unknown') return x.entraError(ERR.tenantNotFound(decodeURIComponent(segment)));
  const issuerTenant = ref.kind === 'tenant' ? ref.tenant.id : '{tenantid}';
  x.json(200, { keys: ctx.signer.jwks.map((k) => ({ ...k, issuer: issuerFor(x.origin, issuerTenant) })) }, { 'cache-control': 'max-age=86400, private', 'access-control-allow-origin': '*' });
}

/** The v1.0 issuer: what v1.0 access tokens carry (tests/fixtures/recorded/access-token-v1.json). */
export function v1IssuerFor(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

/**
 * GET /{tenant}/.well-known/openid-configuration: the v1.0 document beside v2.0's, which an API
 * validating v1.0 tokens reads (learn.microsoft.com/entra/identity-platform/access-tokens,
 * "v1.0 and v2.0 tokens").
 */
export function handleV1Discovery(ctx: SimulatorContext, x: Exchange, segment: string): void {
  const ref = resolveTenantSegment(ctx, segment);
  if (ref.kind === 'unknown') return x.entraError(ERR.tenantNotFound(decodeURIComponent(segment)));
  const pathTenant = ref.kind === 'tenant' ? ref.tenant.id : ref.keyword;
  const base = `${x.origin}/${pathTenant}`;
  x.json(
    200,
    {
      token_endpoint: `${base}/oauth2/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
      scopes_supported: ['openid'],
      issuer: v1IssuerFor(ref.kind === 'tenant' ? ref.tenant.id : '{tenantid}'),
      authorization_endpoint: `${base}/oauth2/authorize`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/logout`,
      tenant_region_scope: ref.kind === 'tenant' ? ref.tenant.regionScope : null,
      cloud_instance_name: CLOUD_INSTANCE[ref.kind === 'tenant' ? ref.tenant.cloud : 'global'],
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: new URL(x.origin).host,
      rbac_url: 'https://pas.windows.net',
    },
    { 'cache-control': 'max-age=86400, private', 'access-control-allow-origin': '*' },
  );
}

/** GET /{tenant}/discovery/keys: the v1.0 key set (the same keys, without the v2.0 issuer). */
export function handleV1Keys(ctx: SimulatorContext, x: Exchange, segment: string): void {
  const ref = resolveTenantSegment(ctx, segment);
  if (ref.kind === 'unknown') return x.entraError(ERR.tenantNotFound(decodeURIComponent(segment)));
  x.json(200, { keys: ctx.signer.jwks }, { 'cache-control': 'max-age=86400, private', 'access-control-allow-origin': '*' });
}

/** GET /common/discovery/instance: cloud discovery, naming the simulator as its own only alias. */
export function handleInstanceDiscovery(x: Exchange): void {
  const host = new URL(x.origin).host;
  const endpoint = x.url.searchParams.get('authorization_endpoint') ?? '';
  const tenant = /^https:\/\/[^/]+\/([^/]+)\//.exec(endpoint)?.[1] ?? 'common';
  x.json(200, {
    tenant_discovery_endpoint: `${x.origin}/${tenant}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  });
}
