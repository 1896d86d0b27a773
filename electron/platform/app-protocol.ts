/**
 * Serves the built renderer from `app://desk/` instead of file:// (Electron security guide, "Avoid usage of the file:// protocol and
 * prefer usage of custom protocols": https://www.electronjs.org/docs/latest/tutorial/security), with the CSP
 * as a response header. Only files inside the renderer folder can be served.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/**
 * Must run before `ready`. codeCache: V8 keeps the compiled renderer chunks between launches, as it
 * does for http(s) pages; a custom scheme gets that only when it asks, and only as a standard scheme
 * (https://www.electronjs.org/docs/latest/api/structures/custom-scheme, session.setCodeCachePath).
 * Compiling the first screen's ~450 KB entry is a large part of its start.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/** Resolve a request path to a file inside `root`, or null when it escapes it. */
export function resolveInside(root: string, requestPath: string): string | null {
  const decoded = decodeURIComponent(requestPath === '/' ? '/index.html' : requestPath);
  const full = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  return full === root || full.startsWith(`${root}${path.sep}`) ? full : null;
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveInside(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
