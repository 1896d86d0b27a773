/**
 * The test harness: serves the built renderer and defines `window.api` by forwarding each call over
 * HTTP to the very handler table ipcMain registers in the app (`dispatch` + `createHandlers`), and
 * each event over Server-Sent Events. This is how the renderer is tested in Chromium without Electron.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServices, type AppServices } from '../../electron/app-services';
import { createHandlers, dispatch } from '../../electron/ipc-handlers';
import { confDocumentFiles } from '../../electron/services/conf-document-file';
import { systemClock, type Clock, type SecretVault } from '../../electron/services/ports';
import { HarnessSignIn } from './harness-sign-in';
import { ephemeralKeyVault } from './test-vault';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = path.join(ROOT, 'dist', 'renderer');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.svg': 'image/svg+xml' };

/** The script that stands in for electron/preload.ts. Same two functions, same envelopes. */
const API_SCRIPT = `
(() => {
  const listeners = new Map();
  let source;
  function ensureSource() {
    if (source) return;
    source = new EventSource('/__events');
    source.onmessage = (m) => {
      const { event, payload } = JSON.parse(m.data);
      for (const l of listeners.get(event) ?? []) l(payload);
    };
  }
  window.api = Object.freeze({
    async invoke(channel, request) {
      const r = await fetch('/__api/' + encodeURIComponent(channel), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request === undefined ? {} : request) });
      return r.json();
    },
    subscribe(event, listener) {
      ensureSource();
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event).delete(listener);
    },
  });
})();
`;

export interface HarnessOptions {
  dataDir: string;
  /** The built renderer to serve (default dist/renderer): the renderer bench serves its own builds. */
  rendererDir?: string;
  port?: number;
  vault?: SecretVault;
  clock?: Clock;
}

export interface Harness {
  url: string;
  services: AppServices;
  /** URLs the app asked to open in the system browser. */
  opened: string[];
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const opened: string[] = [];
  // The person at the file dialog is the test: POST /__harness/choose-file {"path"} answers the next one.
  let nextChosenFile: string | null = null;
  const signIn = new HarnessSignIn();
  const sinks = new Set<http.ServerResponse>();
  /** Requests being handled: close() waits for them, so none writes into the data folder after it. */
  const inFlight = new Set<Promise<void>>();
  const services = createAppServices({
    dataDir: options.dataDir,
    version: '0.1.0',
    platform: process.platform,
    files: confDocumentFiles(options.dataDir),
    vault: options.vault ?? ephemeralKeyVault(),
    clock: options.clock ?? systemClock,
    logger: { info: () => {}, warn: (m) => process.stderr.write(`[harness] ${m}\n`), error: (m) => process.stderr.write(`[harness] ${m}\n`) },
    openExternal: async (url) => {
      opened.push(url);
    },
    emit: (event, payload) => {
      for (const sink of sinks) sink.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
    },
    signInDriver: () => signIn.driver(),
    chooseFile: async () => {
      const chosen = nextChosenFile;
      nextChosenFile = null;
      return chosen;
    },
    timeouts: { requestMs: 5000, probeMs: 10_000, interactiveMs: 60_000 },
  });
  const table = createHandlers(services);

  const rendererDir = path.resolve(options.rendererDir ?? RENDERER_DIR);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://harness');
    if (req.method === 'POST' && url.pathname.startsWith('/__api/')) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let payload: unknown;
        try {
          payload = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        } catch {
          payload = undefined;
        }
        const handled = dispatch(table, decodeURIComponent(url.pathname.slice('/__api/'.length)), payload, (m) => process.stderr.write(`[harness] ${m}\n`)).then((envelope) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(envelope));
        });
        inFlight.add(handled);
        void handled.finally(() => inFlight.delete(handled));
      });
      return;
    }
    if (url.pathname === '/__events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write(': connected\n\n');
      sinks.add(res);
      req.on('close', () => sinks.delete(res));
      return;
    }
    if (url.pathname === '/__harness/api.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(API_SCRIPT);
      return;
    }
    if (url.pathname === '/__harness/sign-in' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(signIn.list()));
      return;
    }
    if (url.pathname.startsWith('/__harness/sign-in/') && req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const ok = signIn.complete(url.pathname.slice('/__harness/sign-in/'.length), JSON.parse(Buffer.concat(chunks).toString('utf8')) as Parameters<HarnessSignIn['complete']>[1]);
        res.writeHead(ok ? 200 : 404);
        res.end();
      });
      return;
    }
    if (req.method === 'POST' && url.pathname === '/__harness/choose-file') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { path?: unknown };
        nextChosenFile = typeof body.path === 'string' ? body.path : null;
        res.writeHead(204);
        res.end();
      });
      return;
    }
    if (url.pathname === '/__harness/opened') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(opened));
      return;
    }
    const rel = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
    const file = path.resolve(rendererDir, `.${path.posix.normalize(rel)}`);
    if (!file.startsWith(rendererDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    let body: string | Buffer = fs.readFileSync(file);
    if (file.endsWith('index.html')) {
      // window.api must exist before the app's module script runs.
      body = body.toString('utf8').replace('<script type="module"', '<script src="/__harness/api.js"></script>\n    <script type="module"');
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    services,
    opened,
    // As the app quits: no new request; what is under way ends (a sign-in still waiting is cancelled)
    // and is answered; then the practice tenants stop. The E2E fixture removes the data folder next.
    close: async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const sink of sinks) sink.end();
      signIn.cancelAll();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      server.closeAllConnections();
      await services.practice.stop();
      await stopped;
    },
  };
}
