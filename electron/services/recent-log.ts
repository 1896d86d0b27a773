/**
 * The last few hundred log lines, kept in memory for the support summary. A Logger that forwards
 * every call unchanged to the logger it wraps, and keeps its own copy of each line already passed
 * through the one redaction function, so nothing secret ever sits in the ring.
 */
import { systemClock, type Clock, type Logger } from './ports';
import { redact } from './redact';

export const RECENT_LOG_CAPACITY = 200;
/** A single line longer than this is cut (a stack trace or a response body can be huge). */
const LINE_MAX = 2000;

type Level = 'info' | 'warn' | 'error';

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export class RecentLog implements Logger {
  private readonly ring: string[] = [];
  private next = 0;

  constructor(
    private readonly inner: Logger,
    private readonly capacity = RECENT_LOG_CAPACITY,
    private readonly clock: Clock = systemClock,
  ) {}

  info(message: string, ...rest: unknown[]): void {
    this.keep('info', message, rest);
    this.inner.info(message, ...rest);
  }

  warn(message: string, ...rest: unknown[]): void {
    this.keep('warn', message, rest);
    this.inner.warn(message, ...rest);
  }

  error(message: string, ...rest: unknown[]): void {
    this.keep('error', message, rest);
    this.inner.error(message, ...rest);
  }

  /** The kept lines, oldest first. */
  lines(): string[] {
    return this.ring.length < this.capacity ? [...this.ring] : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
  }

  private keep(level: Level, message: string, rest: unknown[]): void {
    try {
      // Redact first, then cut: cutting first could leave half a token the patterns no longer see.
      let text = redact([message, ...rest].map(describe).join(' '));
      if (text.length > LINE_MAX) text = `${text.slice(0, LINE_MAX)} …(cut)`;
      const line = `${this.clock.now().toISOString()} ${level.toUpperCase().padEnd(5)} ${text}`;
      if (this.ring.length < this.capacity) this.ring.push(line);
      else this.ring[this.next] = line;
      this.next = (this.next + 1) % this.capacity;
    } catch {
      // Logging must never break the caller.
    }
  }
}
