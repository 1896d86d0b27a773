/**
 * The simulator's request handler: injects the configured faults (latency, error status, stall,
 * malformed JSON), then routes to Entra's and Graph's paths. Graph shares the server with Entra:
 * its paths (/v1.0/...) never collide with Entra's (/{tenant}/...).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimulatorContext } from './context';
import { handleAuthorize } from './authorize-endpoint';
import { handleDiscovery, handleInstanceDiscovery, handleKeys, handleV1Discovery, handleV1Keys } from './discovery-endpoints';
import { entraErrorBody, ERR } from './entra-errors';
import { Exchange } from './exchange';
import type { CompiledFaults } from './faults';
import { handleFederationMetadata } from './federation-metadata';
import { handleGraph } from './graph-endpoints';
import { handleToken } from './token-endpoint';

export interface RouterOptions {
  faults: CompiledFaults;
  /** Aborted when the simulator closes, so pending latency timers end at once. */
  closing: AbortSignal;
  log?: (line: string) => void;
}

const ROUTES: [RegExp, (ctx: SimulatorContext, x: Exchange, segment: string) => void | Promise<void>][] = [
  [/^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration\/?$/i, handleDiscovery],
  [/^\/([^/]+)\/discovery\/v2\.0\/keys\/?$/i, handleKeys],
  [/^\/([^/]+)\/\.well-known\/openid-configuration\/?$/i, handleV1Discovery],
  [/^\/([^/]+)\/discovery\/keys\/?$/i, handleV1Keys],
  [/^\/([^/]+)\/oauth2\/v2\.0\/authorize\/?$/i, handleAuthorize],
  [/^\/([^/]+)\/oauth2\/v2\.0\/token\/?$/i, handleToken],
  [/^\/([^/]+)\/federationmetadata\/2007-06\/federationmetadata\.xml$/i, handleFederationMetadata],
];

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

const isGraphPath = (p: string) => /^\/v1\.0(\/|$)/i.test(p);

/** A node:http request listener over the simulator context. */
export function createRequestHandler(ctx: SimulatorContext, opts: RouterOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = Date.now();
    const x = new Exchange(req, res, ctx.now(), ctx.origins);
    const pathname = x.url.pathname;
    res.on('finish', () => opts.log?.(`${x.method} ${pathname} -> ${res.statusCode} (${Date.now() - started} ms)`));
    if (opts.faults.stalls(pathname)) {
      opts.log?.(`${x.method} ${pathname} -> (stalled on purpose: no response will come)`);
      req.resume();
      return;
    }
    void (async () => {
      try {
        if (opts.faults.latencyMs > 0) await delay(opts.faults.latencyMs, opts.closing);
        if (opts.closing.aborted) return void res.destroy();
        const failStatus = opts.faults.failFor(pathname);
        if (failStatus !== undefined) {
          if (isGraphPath(pathname)) return x.graphError(failStatus, failStatus === 503 ? 'serviceNotAvailable' : 'generalException', 'The service is unavailable (a fault injected by the practice tenant).');
          const headers: Record<string, string> = failStatus === 503 || failStatus === 429 ? { 'retry-after': '5' } : {};
          return x.json(failStatus, entraErrorBody(ERR.serviceError(failStatus), x.errorContext), headers);
        }
        if (opts.faults.malformed(pathname)) {
          await x.body().catch(() => '');
          return x.send(200, '{"token_type":"Bearer","expires_in":3599,"access_token":"eyJ0eXAiOiJKV1Qi', { 'content-type': 'application/json; charset=utf-8' });
        }
        if (/^\/common\/discovery\/instance\/?$/i.test(pathname)) return handleInstanceDiscovery(x);
        const graph = /^\/v1\.0\/(.*)$/i.exec(pathname);
        if (graph) return await handleGraph(ctx, x, graph[1] ?? '');
        for (const [re, handler] of ROUTES) {
          const m = re.exec(pathname);
          if (m) return await handler(ctx, x, m[1] ?? '');
        }
        x.send(404, 'Not found: the practice tenant serves Entra ID and Microsoft Graph paths only.', { 'content-type': 'text/plain; charset=utf-8' });
      } catch (error) {
        opts.log?.(`${x.method} ${pathname} failed: ${error instanceof Error ? error.message : String(error)}`);
        x.entraError(ERR.serviceError(500));
      }
    })();
  };
}
