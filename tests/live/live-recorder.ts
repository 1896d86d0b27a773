/**
 * Records what a live run of the probes and the audit received from Entra and Microsoft Graph, as
 * files in the tests/fixtures/recorded format, with nothing a reader could use against the tenant:
 * tokens removed, every string passed through the app's own redaction (electron/services/redact.ts),
 * the tenant's and the apps' IDs replaced by placeholders, the test user's name too.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { HttpClient, HttpResponse } from '../../electron/services/http';
import { redact } from '../../electron/services/redact';

/** Headers worth keeping: the ones probes and the audit read, and the caching Entra sets. */
const KEPT_HEADERS = ['content-type', 'cache-control', 'retry-after', 'www-authenticate'];
/** Fields that hold a token or a code: never written. */
const TOKEN_FIELDS = new Set(['access_token', 'refresh_token', 'id_token', 'client_info', 'code', 'secretText', 'key']);

export interface Exchange {
  method: string;
  url: string;
  res: HttpResponse;
}

/** Wrap an HTTP client so every exchange is kept (in memory only) for `write`. */
export function recordingClient(inner: HttpClient): { http: HttpClient; exchanges: Exchange[] } {
  const exchanges: Exchange[] = [];
  return {
    exchanges,
    http: {
      async request(url, options) {
        const res = await inner.request(url, options);
        exchanges.push({ method: options?.method ?? 'GET', url, res });
        return res;
      },
    },
  };
}

/**
 * Tokens removed, IDs replaced, and every string through the app's redaction. String by string:
 * redacting the serialized JSON can rewrite a "secretText": null pair into invalid JSON.
 */
function scrub(value: unknown, replacements: [string, string][]): unknown {
  if (Array.isArray(value)) return value.map((v) => scrub(v, replacements));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, TOKEN_FIELDS.has(k) && v !== null ? '(removed)' : scrub(v, replacements)]));
  if (typeof value === 'string') return redact(replacements.reduce((s, [from, to]) => s.split(from).join(to).split(from.toLowerCase()).join(to), value));
  return value;
}

/** A file name for an exchange: endpoint kind and status. */
function caseName(e: Exchange): string {
  const u = new URL(e.url);
  const p = u.pathname.toLowerCase();
  const kind = p.includes('/oauth2/') && p.endsWith('/token')
    ? 'token'
    : p.endsWith('openid-configuration')
      ? 'discovery'
      : p.includes('/discovery/') && p.endsWith('/keys')
        ? 'jwks'
        : p.includes('federationmetadata')
          ? 'federation-metadata'
          : p.startsWith('/v1.0/')
            ? `graph-${p.split('/')[2]?.replace(/\(.*$/, '') ?? 'root'}`
            : 'other';
  return `live-${kind}-${e.res.status}`;
}

/** Write one file per endpoint kind and status into `dir`; returns the files written. */
export function writeRecordings(exchanges: Exchange[], dir: string, replacements: [string, string][], now: Date): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const written = new Map<string, string>();
  for (const e of exchanges) {
    const name = caseName(e);
    if (written.has(name)) continue;
    let body: unknown = e.res.body;
    try {
      body = JSON.parse(e.res.body);
    } catch {
      // Not JSON (federation metadata XML, an HTML page): kept as text.
    }
    const headers = Object.fromEntries(KEPT_HEADERS.filter((h) => e.res.headers[h] !== undefined).map((h) => [h, e.res.headers[h] as string]));
    const url = scrub(e.url, replacements) as string;
    const doc = {
      source: url,
      kind: 'recorded',
      notes: `Recorded by npm run test:live on ${now.toISOString().slice(0, 10)}; tokens removed, redacted by the app's redaction, tenant and app IDs replaced.`,
      request: { method: e.method, url },
      response: { status: e.res.status, headers, body: scrub(body, replacements) },
    };
    const file = path.join(dir, `${name}.json`);
    fs.writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
    written.set(name, file);
  }
  return [...written.values()];
}
