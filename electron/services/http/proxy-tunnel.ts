/**
 * Explicit HTTP proxy support: HTTPS goes through an HTTP CONNECT tunnel, so TLS (and the pinned
 * practice CA) stays end to end between us and the server. Loopback targets (the practice tenant)
 * skip the proxy unless told otherwise. A system-proxy resolver can later produce a ProxyConfig
 * per URL and plug in here.
 */
import http from 'node:http';
import type net from 'node:net';
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

/** The proxy from HTTPS_PROXY / https_proxy / HTTP_PROXY and NO_PROXY, or null. */
export function proxyFromEnv(env: NodeJS.ProcessEnv): ProxyConfig | null {
  const url = env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy;
  if (!url) return null;
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
      return reject(new HttpRequestError('proxy', `The proxy URL "${proxy.url}" is not valid.`, target.toString()));
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
