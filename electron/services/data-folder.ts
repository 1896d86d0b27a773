/**
 * One writer at a time in the data folder, across processes (the app and any number of CLI runs
 * share it) and within one. A write is "read the file, change it, write it back": without this lock
 * two writers each write back what they read and one of them loses its change.
 *
 * The cross-process part is the lock-directory technique of proper-lockfile: `mkdir` is atomic on
 * every OS and file system we run on, so exactly one process creates `store.lock`; a lock older than
 * STALE_MS belongs to a process that died inside its section and is taken over, so a crash never
 * blocks the folder for good. Taking over is itself exclusive (removeIfStale): of the processes that
 * saw the same dead lock, one removes it, and none removes the live lock that may stand in its place
 * by then. (proper-lockfile itself is not used: its signal-exit dependency
 * re-raises SIGINT, which killed the CLI's graceful Ctrl+C.) Every critical section is synchronous
 * and lasts milliseconds, so inside one process no two of them interleave, and no section outlives
 * STALE_MS; the lock is re-entrant so a profile write may write the secrets file in the same section.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../../shared/ipc-core';

/** How long a writer waits for another one before it refuses (the sections last milliseconds). */
const WAIT_MS = 15_000;
/** A lock directory this old belongs to a process that died inside its section. */
const STALE_MS = 10_000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

export class DataLock {
  private static readonly byDir = new Map<string, DataLock>();
  private depth = 0;

  private constructor(readonly dir: string) {}

  /** The one lock of a data folder in this process. */
  static for(dir: string): DataLock {
    const key = path.resolve(dir);
    let lock = DataLock.byDir.get(key);
    if (!lock) {
      lock = new DataLock(key);
      DataLock.byDir.set(key, lock);
    }
    return lock;
  }

  get lockPath(): string {
    return path.join(this.dir, 'store.lock');
  }

  /**
   * Runs `section` holding the folder's lock. Throws a 'conflict' DeskError, having changed nothing,
   * when another process keeps the lock longer than WAIT_MS.
   */
  run<T>(section: () => T, waitMs: number = WAIT_MS): T {
    if (this.depth > 0) {
      this.depth++;
      try {
        return section();
      } finally {
        this.depth--;
      }
    }
    ensurePrivateDir(this.dir);
    const release = this.acquire(waitMs);
    this.depth = 1;
    try {
      return section();
    } finally {
      this.depth = 0;
      try {
        release();
      } catch {
        // Already released or taken over as stale: nothing of ours left to remove.
      }
    }
  }

  private acquire(waitMs: number): () => void {
    const deadline = Date.now() + waitMs;
    let pause = 2;
    for (;;) {
      try {
        fs.mkdirSync(this.lockPath);
        const mine = instanceOf(fs.statSync(this.lockPath, { bigint: true }));
        return () => {
          // Only our own lock: after a section that outlived STALE_MS (the computer slept), another
          // process may hold the folder by now, under a lock that is not ours to remove.
          if (instanceOf(fs.statSync(this.lockPath, { bigint: true })) === mine) fs.rmSync(this.lockPath, { recursive: true, force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      if (removeIfStale(this.lockPath)) continue;
      if (Date.now() >= deadline)
        throw new DeskError(
          'conflict',
          `Another Federation Desk (the app or a CLI command) kept the data folder ${this.dir} busy for ${Math.round(waitMs / 1000)} s, so nothing was saved. Try again; if it keeps happening, check for a stuck federation-desk process.`,
        );
      sleepSync(pause + Math.floor(Math.random() * pause));
      pause = Math.min(pause * 2, 50);
    }
  }
}

/** One lock directory, told apart from any later one at the same path (a new one may reuse the inode). */
function instanceOf(stats: fs.BigIntStats): string {
  return `${stats.ino}-${stats.mtimeNs}`;
}

function statIfThere(file: string): fs.BigIntStats | null {
  try {
    return fs.statSync(file, { bigint: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Removes the lock directory `dir` when it is older than STALE_MS, and returns true when the caller
 * should try again at once (the lock is gone), false when it should wait (the lock is alive, or
 * another process is removing it).
 *
 * Seeing a lock stale and removing it are two steps: between them another process may have removed
 * the same dead lock and taken the folder with a new one, which a plain remove (or rename) of the
 * path would take away from it. So the removal of one lock instance is claimed first by creating
 * `<dir>.takeover-<instance>`, an atomic mkdir only one process wins for that instance; the winner
 * removes the lock only if it is still that instance. A claim left by a process that died holding
 * it is itself stale after STALE_MS and removed the same way.
 */
function removeIfStale(dir: string): boolean {
  const seen = statIfThere(dir);
  if (seen === null) return true;
  if (Date.now() - Number(seen.mtimeMs) <= STALE_MS) return false;
  const instance = instanceOf(seen);
  const claim = `${dir}.takeover-${instance}`;
  try {
    fs.mkdirSync(claim);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another process is removing this lock, or died doing so: wait, or clear its claim.
    return removeIfStale(claim);
  }
  try {
    const now = statIfThere(dir);
    if (now === null) return true;
    // Another lock than the one seen stale: a process that removed it before us holds the folder now.
    if (instanceOf(now) !== instance) return false;
    fs.rmSync(dir, { recursive: true, force: true });
    return true;
  } finally {
    fs.rmSync(claim, { recursive: true, force: true });
  }
}

/**
 * Creates the data folder readable by the current user only: mode 0700 on macOS and Linux. On
 * Windows the app's folder lives under %APPDATA%, whose inherited ACL already grants only the user,
 * SYSTEM and Administrators; POSIX modes do not exist there, and no ACL is set here (that would take
 * native code or spawning icacls), so a folder given with --data-dir keeps its own ACL (README,
 * "Where data lives", gives the icacls command).
 */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  restrictDir(dir);
}

/** Takes group and other permissions off an existing data folder (Electron creates userData 0755). */
export function restrictDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const mode = fs.statSync(dir).mode & 0o777;
    if (mode & 0o077) fs.chmodSync(dir, mode & 0o700);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** What is on disk for one JSON document, before any schema is applied. */
export type RawDocument =
  | { kind: 'missing' }
  | { kind: 'json'; value: unknown }
  | { kind: 'unreadable'; reason: string };

/**
 * Reads a JSON document as a reader may: never changes the file. A UTF-8 byte-order mark (Notepad
 * writes one) is skipped, as JSON (RFC 8259 §8.1) allows a parser to do; `null`, an array or any
 * other non-object is reported as such, never taken for an empty document.
 */
export function readJsonDocument(file: string): RawDocument {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: `it could not be opened (${(error as Error).message})` };
  }
  let value: unknown;
  try {
    value = parseJsonText(text);
  } catch (error) {
    return { kind: 'unreadable', reason: `it is not valid JSON (${(error as Error).message})` };
  }
  if (value === null) return { kind: 'unreadable', reason: 'it holds null instead of a JSON object' };
  if (Array.isArray(value)) return { kind: 'unreadable', reason: 'it holds a JSON array instead of a JSON object' };
  if (typeof value !== 'object') return { kind: 'unreadable', reason: `it holds a JSON ${typeof value} instead of a JSON object` };
  return { kind: 'json', value };
}

/**
 * JSON.parse for a document file: a leading UTF-8 byte-order mark (Notepad writes one) is skipped, as
 * RFC 8259 §8.1 allows a parser to do. The document-file adapters parse with it too, so a file with
 * a BOM that readers accept can also be written back.
 */
export function parseJsonText(text: string): unknown {
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** A file-name-safe timestamp. */
export function fileStamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/**
 * Moves a file a writer cannot use out of the way, next to itself under `<name>.<label>-<time>.json`
 * (never deleted), and returns where it went. Only writers call this, holding the DataLock.
 */
export function moveAside(file: string, label: string, now: Date): string {
  const target = file.replace(/\.json$/, `.${label}-${fileStamp(now)}.json`);
  fs.renameSync(file, target);
  return target;
}
