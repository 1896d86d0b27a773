/**
 * One HTTP exchange inside the simulator: the parsed request, its Entra-style trace and correlation
 * ids, and the few ways Entra and Graph answer (JSON, Entra error JSON, Graph error JSON, HTML,
 * redirect). Endpoint modules receive an Exchange and never touch node:http directly.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { entraErrorBody, type EntraError, type ErrorContext } from './entra-errors';

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_BODY = 1_000_000;

export class Exchange {
  readonly traceId = randomUUID();
  readonly correlationId: string;
  readonly url: URL;
  /** The exact origin the client used (so issuer and endpoints match what it connected to). */
  readonly origin: string;
  private bodyText: string | undefined;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly now: Date,
    allowedOrigins: readonly string[],
  ) {
    const hostHeader = req.headers.host ?? '';
    const candidate = `https://${hostHeader}`.toLowerCase();
    this.origin = allowedOrigins.find((o) => o.toLowerCase() === candidate) ?? (allowedOrigins[0] as string);
    this.url = new URL(req.url ?? '/', this.origin);
    const cid = headerValue(req, 'client-request-id');
    this.correlationId = cid && GUID_RE.test(cid) ? cid.toLowerCase() : randomUUID();
  }

  get method(): string {
    return (this.req.method ?? 'GET').toUpperCase();
  }

  get errorContext(): ErrorContext {
    return { traceId: this.traceId, correlationId: this.correlationId, now: this.now, origin: this.origin };
  }

  /** The request body as UTF-8 (at most 1 MB). */
  async body(): Promise<string> {
    if (this.bodyText !== undefined) return this.bodyText;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of this.req) {
      const b = chunk as Buffer;
      size += b.length;
      if (size > MAX_BODY) throw new Error('request body too large');
      chunks.push(b);
    }
    this.bodyText = Buffer.concat(chunks).toString('utf8');
    return this.bodyText;
  }

  /** Form fields of an application/x-www-form-urlencoded body (last value wins). */
  async form(): Promise<Record<string, string>> {
    const params = new URLSearchParams(await this.body());
    return Object.fromEntries(params.entries());
  }

  /** Query parameters (last value wins). */
  query(): Record<string, string> {
    return Object.fromEntries(this.url.searchParams.entries());
  }

  private baseHeaders(): Record<string, string> {
    return {
      'x-ms-request-id': this.traceId,
      'x-ms-ests-server': 'federation-desk-practice-tenant',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
    };
  }

  send(status: number, body: string | Buffer, headers: Record<string, string>): void {
    if (this.res.headersSent || this.res.destroyed) return;
    this.res.writeHead(status, { ...this.baseHeaders(), ...headers, 'content-length': String(Buffer.byteLength(body)) });
    this.res.end(body);
  }

  json(status: number, value: unknown, headers: Record<string, string> = {}): void {
    this.send(status, JSON.stringify(value), { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store, no-cache', pragma: 'no-cache', ...headers });
  }

  /** Entra's JSON error body with Entra's status. */
  entraError(e: EntraError): void {
    this.json(e.status, entraErrorBody(e, this.errorContext));
  }

  /** Microsoft Graph's error body: {"error":{"code","message","innerError":{...}}}. */
  graphError(status: number, code: string, message: string, headers: Record<string, string> = {}, inner: Record<string, string> = {}): void {
    const clientRequestId = headerValue(this.req, 'client-request-id') ?? this.correlationId;
    this.json(
      status,
      { error: { code, message, innerError: { ...inner, date: this.now.toISOString().slice(0, 19), 'request-id': this.traceId, 'client-request-id': clientRequestId } } },
      { 'request-id': this.traceId, 'client-request-id': clientRequestId, ...headers },
    );
  }

  html(status: number, html: string, csp: string, headers: Record<string, string> = {}): void {
    this.send(status, html, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store, no-cache',
      pragma: 'no-cache',
      'content-security-policy': csp,
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      ...headers,
    });
  }

  redirect(location: string, headers: Record<string, string> = {}): void {
    this.send(302, '', { location, 'cache-control': 'no-store, no-cache', ...headers });
  }
}

/** One header's value (first, if repeated). */
export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
