/**
 * The app's and CLI's HTTPS client, on node:https: per-request timeout and AbortSignal, no
 * redirect following (sign-in flows need the raw 302), and an extra CA (the practice tenant's)
 * that is trusted ONLY for the host:port pairs it is given, never globally. Proxy support is a
 * connection strategy (see proxy-tunnel.ts): an explicit proxy URL today, system proxy later.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { HttpRequestError } from './http-error';
import { openTunnel, shouldBypassProxy, type ProxyConfig } from './proxy-tunnel';

export { HttpRequestError, type HttpFailure } from './http-error';

/** A CA trusted for some host:port pairs only (e.g. `127.0.0.1:51234`). */
export interface PinnedCa {
  caPem: string;
  /** `host:port` (port required; IPv6 in brackets, e.g. `[::1]:8443`). */
  hosts: string[];
}

export interface HttpClientOptions {
  pinnedCas?: PinnedCa[];
  /** Default per-request timeout (whole request, connect to last byte). 30 s if not given. */
  timeoutMs?: number;
  proxy?: ProxyConfig | null;
  /** Largest response body accepted, for every endpoint (default: responseLimitFor each URL). */
  maxResponseBytes?: number;
  userAgent?: string;
}

export interface HttpRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Largest response body accepted for this request (default: the client's, else responseLimitFor). */
  maxResponseBytes?: number;
}

export interface HttpResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", " (set-cookie with "\n"). */
  headers: Record<string, string>;
  /** Body decoded as UTF-8. */
  body: string;
  rawBody: Buffer;
  url: string;
}

export interface HttpClient {
  request(url: string, options?: HttpRequestOptions): Promise<HttpResponse>;
  /** Open `count` connections to an https origin now, for requests about to be sent at the same time (direct connections only). */
  preconnect?(origin: string, count: number): void;
}

const TLS_CODES = /^(?:CERT_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|ERR_TLS|ERR_SSL|HOSTNAME_MISMATCH|ERR_CERT)/;

/**
 * The largest body an endpoint may answer with. Entra's token endpoint returns one JSON object of
 * a few tokens (each well under 16 KB); discovery documents, federation metadata and Graph pages
 * (100 objects by default; this app never asks for more with $top) stay far below 1 MB. A hostile
 * or broken server sending more is cut off there instead of being read, parsed and redacted.
 */
export function responseLimitFor(url: URL): number {
  return /\/oauth2(?:\/v2\.0)?\/token$/.test(url.pathname) ? 256 * 1024 : 1024 * 1024;
}

/** `host:port` of a URL, with the scheme's default port filled in and IPv6 in brackets. */
export function hostPort(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.hostname.toLowerCase()}:${port}`;
}

function classify(error: NodeJS.ErrnoException, url: string): HttpRequestError {
  if (error instanceof HttpRequestError) return error;
  const code = error.code ?? '';
  if (TLS_CODES.test(code)) return new HttpRequestError('tls', `TLS: ${error.message}`, url, code);
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'].includes(code))
    return new HttpRequestError(code === 'ECONNRESET' ? 'network' : 'connect', error.message, url, code);
  return new HttpRequestError('network', error.message, url, code || undefined);
}

/**
 * A keep-alive agent that can open connections ahead of the requests that will use them
 * (`warm`): requests a run sends at the same time to one host then find their TCP and TLS set-up
 * already done, instead of each paying two more round trips after the first answer.
 */
class WarmAgent extends https.Agent {
  private readonly spare: tls.TLSSocket[] = [];

  warm(count: number, connect: tls.ConnectionOptions): void {
    for (let i = this.spare.length; i < count; i++) {
      const socket = tls.connect(connect);
      const drop = () => {
        socket.destroy();
        const at = this.spare.indexOf(socket);
        if (at >= 0) this.spare.splice(at, 1);
      };
      socket.once('error', drop);
      // Unused, it goes after the idle time the agent gives its own sockets; it never keeps the process alive.
      socket.setTimeout(IDLE_MS, drop);
      socket.unref();
      this.spare.push(socket);
    }
  }

  override createConnection(options: https.RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    for (let socket = this.spare.shift(); socket; socket = this.spare.shift()) {
      if (socket.destroyed) continue;
      socket.removeAllListeners('error').removeAllListeners('timeout').setTimeout(0).ref();
      return socket;
    }
    return super.createConnection(options, callback);
  }
}

/** How long an idle connection is kept (under the 5 s servers commonly keep theirs). */
const IDLE_MS = 4_000;

/**
 * One keep-alive agent per host:port: a run's requests to the same host share their TCP and TLS
 * connections, so each costs one round trip instead of three (TCP, TLS, request). Idle sockets are
 * unref'd by Node's agent (they never keep the CLI alive) and dropped after a few seconds.
 * https://nodejs.org/api/http.html#new-agentoptions
 */
function agentPool(): (url: URL) => http.Agent {
  const agents = new Map<string, http.Agent>();
  return (url) => {
    const key = `${url.protocol}//${hostPort(url)}`;
    let agent = agents.get(key);
    if (!agent) {
      const o = { keepAlive: true, maxSockets: 8, maxFreeSockets: 8, timeout: IDLE_MS, scheduling: 'lifo' as const };
      agent = url.protocol === 'https:' ? new WarmAgent(o) : new http.Agent(o);
      agents.set(key, agent);
    }
    return agent;
  };
}

/** Create a client. Requests share connections per host (agentPool), and these options. */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const pins = new Map<string, string[]>();
  for (const pin of options.pinnedCas ?? []) for (const h of pin.hosts) pins.set(h.toLowerCase(), [...(pins.get(h.toLowerCase()) ?? []), pin.caPem]);
  const agentFor = agentPool();
  /** A pinned host trusts exactly its CA(s); every other host keeps Node's default roots. */
  const tlsOptionsFor = (url: URL, host: string): tls.ConnectionOptions => {
    const pinned = pins.get(hostPort(url));
    return { ...(pinned ? { ca: pinned } : {}), ...(net.isIP(host) ? {} : { servername: host }) };
  };
  const direct = (url: URL) => !options.proxy || shouldBypassProxy(url, options.proxy);

  return {
    preconnect(origin, count) {
      const url = new URL(origin);
      const agent = agentFor(url);
      if (url.protocol !== 'https:' || !direct(url) || !(agent instanceof WarmAgent)) return;
      const host = url.hostname.replace(/^\[|\]$/g, '');
      agent.warm(count, { ...tlsOptionsFor(url, host), host, port: Number(url.port || 443) });
    },
    request(rawUrl, req = {}) {
      return new Promise<HttpResponse>((resolve, reject) => {
        let url: URL;
        try {
          url = new URL(rawUrl);
        } catch {
          return reject(new HttpRequestError('network', `Not a URL: ${rawUrl}`, rawUrl));
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:') return reject(new HttpRequestError('network', `Unsupported scheme ${url.protocol}`, rawUrl));
        if (req.signal?.aborted) return reject(new HttpRequestError('aborted', 'The request was cancelled.', rawUrl));

        const maxBytes = req.maxResponseBytes ?? options.maxResponseBytes ?? responseLimitFor(url);
        const host = url.hostname.replace(/^\[|\]$/g, '');
        const tlsOptions = tlsOptionsFor(url, host);
        const headers: Record<string, string> = { 'user-agent': options.userAgent ?? 'FederationDesk', ...req.headers };
        const body = req.body === undefined ? undefined : Buffer.from(req.body);
        if (body) headers['content-length'] = String(body.length);

        let settled = false;
        let current: http.ClientRequest | undefined;
        const tunnelAbort = new AbortController();
        const fail = (e: HttpRequestError) => {
          if (settled) return;
          settled = true;
          cleanup();
          tunnelAbort.abort();
          current?.destroy();
          reject(e);
        };
        const timeoutMs = req.timeoutMs ?? options.timeoutMs ?? 30_000;
        const timer = setTimeout(() => fail(new HttpRequestError('timeout', `No complete response within ${timeoutMs} ms.`, rawUrl)), timeoutMs);
        const onAbort = () => fail(new HttpRequestError('aborted', 'The request was cancelled.', rawUrl));
        req.signal?.addEventListener('abort', onAbort, { once: true });
        const cleanup = () => {
          clearTimeout(timer);
          req.signal?.removeEventListener('abort', onAbort);
        };

        const send = (socket: net.Socket | undefined, retried = false) => {
          if (settled) return socket?.destroy();
          const common: https.RequestOptions = {
            method: req.method ?? 'GET',
            host,
            port: url.port || (url.protocol === 'https:' ? 443 : 80),
            path: `${url.pathname}${url.search}`,
            headers,
            // A proxy tunnel is this request's own socket; a direct request shares the host's connections.
            agent: socket ? false : agentFor(url),
          };
          let r: http.ClientRequest;
          if (url.protocol === 'https:') {
            const opts: https.RequestOptions = { ...common, ...tlsOptions };
            if (socket) opts.createConnection = () => tls.connect({ ...tlsOptions, socket, host });
            r = https.request(opts);
          } else {
            const opts: http.RequestOptions = { ...common };
            if (socket) opts.createConnection = () => socket;
            r = http.request(opts);
          }
          current = r;
          r.on('error', (e: NodeJS.ErrnoException) => {
            // A kept-alive connection the server closed as we reused it: send once more on a new one
            // (https://nodejs.org/api/http.html#requestreusedsocket).
            if (r.reusedSocket && e.code === 'ECONNRESET' && !retried && !settled) return send(undefined, true);
            fail(classify(e, rawUrl));
          });
          r.on('response', (res) => {
            const tooLarge = () => new HttpRequestError('too-large', `The server answered with more than ${maxBytes} bytes, more than this endpoint ever sends; the answer was not read.`, rawUrl);
            if (Number(res.headers['content-length'] ?? 0) > maxBytes) return fail(tooLarge());
            const chunks: Buffer[] = [];
            let size = 0;
            res.on('data', (c: Buffer) => {
              size += c.length;
              if (size > maxBytes) fail(tooLarge());
              else chunks.push(c);
            });
            res.on('error', (e) => fail(classify(e, rawUrl)));
            res.on('end', () => {
              if (settled) return;
              settled = true;
              cleanup();
              const out: Record<string, string> = {};
              for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(k === 'set-cookie' ? '\n' : ', ') : v;
              const rawBody = Buffer.concat(chunks);
              resolve({ status: res.statusCode ?? 0, headers: out, body: rawBody.toString('utf8'), rawBody, url: rawUrl });
            });
          });
          r.end(body);
        };

        const proxy = options.proxy;
        if (proxy && !direct(url)) {
          openTunnel(proxy, url, tunnelAbort.signal)
            .then((socket) => send(socket))
            .catch((e: unknown) => fail(e instanceof HttpRequestError ? e : new HttpRequestError('proxy', `Proxy: ${e instanceof Error ? e.message : String(e)}`, rawUrl)));
        } else send(undefined);
      });
    },
  };
}

/** GET, POST-a-form and JSON helpers over a client. */
export async function postForm(client: HttpClient, url: string, fields: Record<string, string>, options: Omit<HttpRequestOptions, 'method' | 'body'> = {}): Promise<HttpResponse> {
  return client.request(url, {
    ...options,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', ...options.headers },
    body: new URLSearchParams(fields).toString(),
  });
}
