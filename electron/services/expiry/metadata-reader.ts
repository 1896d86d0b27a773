/**
 * Reads the SAML app's signing certificates from its app federation metadata (public, no sign-in),
 * over the profile's cloud endpoints (the practice tenant's through PracticeService), with a cache
 * so the badges of every profile cost one request per app every few hours. Never throws: network
 * errors, HTTP errors and malformed XML become a reason a person can act on.
 */
import { federationMetadataUrl, parseSigningCertificates, SamlMetadataError, type SigningCertificate } from '../saml-metadata';
import { createHttpClient, HttpRequestError, type HttpClient, type PinnedCa, type ProxyConfig } from '../http';
import type { Endpoints } from '../check/probe-context';
import type { Clock } from '../ports';
import type { CollectOptions, ExpiryTarget } from './sources';

export type MetadataResult = { ok: true; url: string; certificates: SigningCertificate[] } | { ok: false; url: string | null; reason: string };

/** Where to send a target's requests, which extra CAs to trust there, and what to let go of once read (the practice tenant). */
export type NetworkResolver = (target: ExpiryTarget) => Promise<{ endpoints: Endpoints; pinnedCas: PinnedCa[]; release?: () => void }>;

export interface MetadataReaderOptions {
  resolve: NetworkResolver;
  /** Where a target's requests would go, known without starting anything (null: only `resolve` knows). */
  known?: (target: ExpiryTarget) => Endpoints | null;
  clock: Clock;
  proxy?: () => ProxyConfig | null;
  timeoutMs?: number;
  /** How long a good answer is reused (default 6 hours). */
  successTtlMs?: number;
  /** How long a failure is reused (default 2 minutes), so a list of profiles does not hammer a dead host. */
  failureTtlMs?: number;
  /** Use this client (tests); otherwise one is built per request with the target's pinned CAs. */
  http?: HttpClient;
}

export interface MetadataReader {
  read(target: ExpiryTarget, options?: CollectOptions): Promise<MetadataResult>;
}

/** The first line of Entra's error_description, when the body is an Entra error. */
function entraReason(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error_description?: unknown };
    if (typeof parsed.error_description === 'string') return `: ${parsed.error_description.split(/\r?\n/)[0]}`;
  } catch {
    // not JSON: an HTML error page, nothing more to say
  }
  return '';
}

/** Why a host gave no answer, in words an admin acts on (Node's error codes stay in the log, not the banner). */
function unreachableWords(url: string, error: unknown): string {
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // keep the URL as it is
  }
  if (!(error instanceof HttpRequestError)) return `${host} did not answer. Check the network connection, then check again.`;
  const byKind: Partial<Record<HttpRequestError['kind'], string>> = {
    timeout: `${host} did not answer in time. Check the network connection and the proxy, then check again.`,
    tls: `the certificate of ${host} is not trusted. If a corporate proxy inspects TLS, add its CA certificate in Settings > Network.`,
    connect:
      error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN'
        ? `${host} could not be found (no DNS answer). Check the network connection and that this is the right cloud for the profile.`
        : `${host} refused or dropped the connection. Check the network connection and the proxy settings.`,
    proxy: `the proxy did not let the request through to ${host}. Check the proxy settings.`,
  };
  return byKind[error.kind] ?? `${host} did not answer. Check the network connection, then check again.`;
}

/** A reader with a per-URL cache. */
export function createMetadataReader(o: MetadataReaderOptions): MetadataReader {
  const cache = new Map<string, { at: number; result: MetadataResult }>();
  const successTtl = o.successTtlMs ?? 6 * 3_600_000;
  const failureTtl = o.failureTtlMs ?? 120_000;

  async function fetchOnce(url: string, pinnedCas: PinnedCa[]): Promise<MetadataResult> {
    const http = o.http ?? createHttpClient({ pinnedCas, proxy: o.proxy?.() ?? null, timeoutMs: o.timeoutMs ?? 10_000 });
    let res;
    try {
      res = await http.request(url, { timeoutMs: o.timeoutMs ?? 10_000 });
    } catch (error) {
      return { ok: false, url, reason: `The SAML signing certificates could not be read: ${unreachableWords(url, error)}` };
    }
    if (res.status !== 200)
      return { ok: false, url, reason: `The SAML signing certificates could not be read: ${url} answered HTTP ${res.status}${entraReason(res.body)}. Check the tenant and the SAML-OpenID application ID.` };
    try {
      return { ok: true, url, certificates: parseSigningCertificates(res.body) };
    } catch (error) {
      const message = error instanceof SamlMetadataError ? error.message : `The federation metadata could not be read (${error instanceof Error ? error.message : String(error)}).`;
      return { ok: false, url, reason: message };
    }
  }

  return {
    async read(target, options = {}) {
      if (target.samlAppId === null) return { ok: false, url: null, reason: 'This profile’s target has no SAML app.' };
      const fresh = (url: string, now: number) => {
        const hit = cache.get(url);
        return !options.refresh && hit && now - hit.at < (hit.result.ok ? successTtl : failureTtl) ? hit.result : null;
      };
      // A good answer read before needs no practice tenant started again to be shown.
      const known = o.known?.(target);
      const early = known ? fresh(federationMetadataUrl(known.authorityHost, target.tenantId, target.samlAppId), o.clock.now().getTime()) : null;
      if (early) return early;
      let net: Awaited<ReturnType<NetworkResolver>> | undefined;
      try {
        net = await o.resolve(target);
        const url = federationMetadataUrl(net.endpoints.authorityHost, target.tenantId, target.samlAppId);
        const now = o.clock.now().getTime();
        const hit = fresh(url, now);
        if (hit) return hit;
        const result = await fetchOnce(url, net.pinnedCas);
        cache.set(url, { at: now, result });
        return result;
      } catch (error) {
        return { ok: false, url: null, reason: `The SAML signing certificates could not be read: ${error instanceof Error ? error.message : String(error)}` };
      } finally {
        // The read is over: the practice tenant may stop once nothing else holds it.
        net?.release?.();
      }
    },
  };
}
