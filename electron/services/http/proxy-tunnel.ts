/**
 * Explicit HTTP proxy support: HTTPS goes through an HTTP CONNECT tunnel, so TLS (and the pinned
 * practice CA) stays end to end between us and the server. Loopback targets (the practice tenant)
 * skip the proxy unless told otherwise. A system-proxy resolver can later produce a ProxyConfig
 * per URL and plug in here.
 */
import http from 'node:http';
import type net from 'node:net';
import { registerSecret } from '../redact';
import { HttpRequestError } from './http-error';

export interface ProxyConfig {
  /** http://[user:password@]host:port */
  url: string;
  /** Host names (or ".suffix" / "*.suffix") that go direct, as in NO_PROXY. */
  noProxy?: string[];
  /** Send loopback hosts (127.0.0.1, localhost, ::1) direct. Default true. */
  bypassLoopback?: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True when `url` should not go through the proxy. */
export function shouldBypassProxy(url: URL, proxy: ProxyConfig): boolean {
  const host = url.hostname.toLowerCase();
  if ((proxy.bypassLoopback ?? true) && LOOPBACK.has(host)) return true;
  return (proxy.noProxy ?? []).some((raw) => {
    const rule = raw.trim().toLowerCase().replace(/^\*/, '');
    if (rule === '') return false;
    if (rule === '*') return true;
    const [ruleHost, rulePort] = rule.split(/:(?=\d+$)/);
    if (rulePort && rulePort !== (url.port || (url.protocol === 'https:' ? '443' : '80'))) return false;
    const h = ruleHost ?? '';
    return h.startsWith('.') ? host.endsWith(h) || host === h.slice(1) : host === h || host.endsWith(`.${h}`);
  });
}

/**
 * A proxy URL fit to show: whatever stands between "://" and the last "@" (user and password, even
 * when the URL is too malformed to parse) is replaced. Every message that names a proxy uses this.
 */
export function proxyForDisplay(raw: string): string {
  const scheme = raw.indexOf('://');
  const start = scheme < 0 ? 0 : scheme + 3;
  const at = raw.lastIndexOf('@');
  return at >= start ? `${raw.slice(0, start)}[credentials]@${raw.slice(at + 1)}` : raw;
}

/** Registers a proxy URL's password (as written and decoded) with the redaction function. */
export function registerProxyCredentials(raw: string): void {
  const scheme = raw.indexOf('://');
  const at = raw.lastIndexOf('@');
  if (scheme < 0 || at < scheme) return;
  const userinfo = raw.slice(scheme + 3, at);
  const colon = userinfo.indexOf(':');
  if (colon < 0) return;
  const password = userinfo.slice(colon + 1);
  registerSecret(password);
  try {
    registerSecret(decodeURIComponent(password));
  } catch {
    // Not percent-encoded: the raw form is registered.
  }
}

/** The proxy from HTTPS_PROXY / https_proxy / HTTP_PROXY and NO_PROXY, or null. Its password is registered for redaction. */
export function proxyFromEnv(env: NodeJS.ProcessEnv): ProxyConfig | null {
  const url = env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy;
  if (!url) return null;
  registerProxyCredentials(url);
  const noProxy = (env.NO_PROXY ?? env.no_proxy ?? '').split(',').filter((s) => s.trim() !== '');
  return { url, noProxy };
}

/** Open a CONNECT tunnel through `proxy` to the target's host:port; resolves with the raw socket. */
export function openTunnel(proxy: ProxyConfig, target: URL, signal?: AbortSignal): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    let p: URL;
    try {
      p = new URL(proxy.url);
    } catch {
      return reject(new HttpRequestError('proxy', `The proxy URL "${proxyForDisplay(proxy.url)}" is not valid.`, target.toString()));
    }
    if (p.protocol !== 'http:') return reject(new HttpRequestError('proxy', `Only http:// proxies are supported (got ${p.protocol}).`, target.toString()));
    const authority = `${target.hostname}:${target.port || (target.protocol === 'https:' ? '443' : '80')}`;
    const headers: Record<string, string> = { host: authority };
    if (p.username) headers['proxy-authorization'] = `Basic ${Buffer.from(`${decodeURIComponent(p.username)}:${decodeURIComponent(p.password)}`).toString('base64')}`;
    const req = http.request({ host: p.hostname.replace(/^\[|\]$/g, ''), port: p.port || 80, method: 'CONNECT', path: authority, headers, agent: false });
    const onAbort = () => req.destroy(new HttpRequestError('aborted', 'The request was cancelled.', target.toString()));
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('connect', (res, socket) => {
      signal?.removeEventListener('abort', onAbort);
      if (res.statusCode !== 200) {
        socket.destroy();
        return reject(new HttpRequestError('proxy', `The proxy refused the tunnel to ${authority}: HTTP ${res.statusCode ?? '?'}.`, target.toString()));
      }
      resolve(socket);
    });
    req.on('error', (e) => {
      signal?.removeEventListener('abort', onAbort);
      reject(e instanceof HttpRequestError ? e : new HttpRequestError('proxy', `Cannot reach the proxy ${p.host}: ${e.message}`, target.toString(), (e as NodeJS.ErrnoException).code));
    });
    req.end();
  });
}
