/**
 * The ports services are built on. main.ts passes Electron-backed adapters (electron/platform/);
 * the CLI and the tests pass plain-Node ones. No service reaches for a global.
 */
import type { SecretStorageStatus } from '../../shared/ipc-profiles';

/** One JSON document on disk, written atomically (electron-store in the app, conf elsewhere). */
export interface JsonDocumentFile {
  readonly path: string;
  /** The parsed document, `{}` when the file does not exist. Throws when the file cannot be parsed. */
  read(): unknown;
  write(value: Record<string, unknown>): void;
}

/** Opens the JSON document called `name` in the data folder. */
export type DocumentFileFactory = (name: string) => JsonDocumentFile;

/** OS-backed encryption for the client secret (Electron safeStorage in the app). */
export interface SecretVault {
  status(): Promise<SecretStorageStatus>;
  encrypt(plain: string): Promise<Buffer>;
  /** `shouldReEncrypt`: the OS asks us to encrypt again with a newer key. */
  decrypt(cipher: Buffer): Promise<{ value: string; shouldReEncrypt: boolean }>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Today as yyyy-mm-dd in UTC. */
export function isoDay(clock: Clock): string {
  return clock.now().toISOString().slice(0, 10);
}

export interface Logger {
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
