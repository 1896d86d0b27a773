/**
 * One Microsoft Graph GET that honours throttling: a 429 answer is waited out for its Retry-After
 * and retried, a bounded number of times, and the wait ends at once when the run is cancelled
 * (learn.microsoft.com/graph/throttling; tests/fixtures/recorded/graph-throttled-429.json).
 * Shared by the check's /me probe and the audit's Graph reader.
 */
import type { HttpClient, HttpResponse } from '../http';

/** Retries of one throttled request, and the longest Retry-After we are willing to wait out. */
export const MAX_THROTTLE_RETRIES = 3;
export const MAX_RETRY_AFTER_MS = 30_000;

export type Wait = (ms: number, signal: AbortSignal) => Promise<void>;

/** setTimeout, ended early by `signal`. */
export function abortableWait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Retry-After in milliseconds: delta-seconds (Graph sends these, sometimes fractional) or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: number): number | null {
  if (value === undefined || value.trim() === '') return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.ceil(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export interface GraphGetOptions {
  accessToken: string;
  signal: AbortSignal;
  timeoutMs: number;
  wait?: Wait;
  now?: () => number;
}

/**
 * GET `url` with the bearer token. Returns the last response: a 429 comes back only when Graph kept
 * throttling past the retries or asked for a wait longer than MAX_RETRY_AFTER_MS, or the run was
 * cancelled while waiting. Network errors are thrown as the HttpClient throws them.
 */
export async function graphGet(http: HttpClient, url: string, o: GraphGetOptions): Promise<HttpResponse> {
  const wait = o.wait ?? abortableWait;
  for (let attempt = 0; ; attempt++) {
    const res = await http.request(url, { headers: { authorization: `Bearer ${o.accessToken}`, accept: 'application/json' }, signal: o.signal, timeoutMs: o.timeoutMs });
    if (res.status !== 429 || attempt >= MAX_THROTTLE_RETRIES) return res;
    // Without Retry-After the guidance is exponential back-off.
    const ms = retryAfterMs(res.headers['retry-after'], (o.now ?? Date.now)()) ?? 2 ** attempt * 1000;
    if (ms > MAX_RETRY_AFTER_MS) return res;
    await wait(ms, o.signal);
    if (o.signal.aborted) return res;
  }
}
