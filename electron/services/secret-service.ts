/**
 * Client secrets: encrypted by the OS (safeStorage) and stored apart from the profiles, or, where the
 * OS offers no real encryption, held in memory for this run only. Never written in clear; every
 * value is registered with the redaction function the moment it is seen.
 *
 * Writes hold the data folder's lock (data-folder.ts), the same one profile writes hold, so a
 * profile and its secret are written in one section. Readers never change the file.
 */
import path from 'node:path';
import { z } from 'zod';
import { DeskError } from '../../shared/ipc-core';
import type { Notice, SecretStorageStatus } from '../../shared/ipc-profiles';
import type { SecretStorage } from '../../shared/profile';
import { DataLock, moveAside, readJsonDocument } from './data-folder';
import type { Clock, DocumentFileFactory, JsonDocumentFile, Logger, SecretVault } from './ports';
import { registerSecret } from './redact';

export const SECRETS_DOCUMENT = 'secrets';
const SECRETS_FORMAT_VERSION = 1 as const;

const SecretEntrySchema = z.object({
  /** base64 of the OS-encrypted bytes. */
  ciphertext: z.string(),
  backend: z.string(),
  updatedAt: z.string(),
});
type SecretEntry = z.infer<typeof SecretEntrySchema>;

const SecretsDocumentSchema = z.object({
  version: z.literal(SECRETS_FORMAT_VERSION),
  secrets: z.record(z.string(), SecretEntrySchema),
});
type SecretsDocument = z.infer<typeof SecretsDocumentSchema>;

/** A secret made ready outside the lock (encryption is asynchronous), written inside it. */
export type SealedSecret = { storage: 'encrypted'; value: string; entry: SecretEntry } | { storage: 'session'; value: string };

type ReadResult = { kind: 'ok'; doc: SecretsDocument } | { kind: 'unreadable'; reason: string } | { kind: 'newer'; version: number };

/** The profile a stored secret belongs to (`<id>#previous` is kept during a rotation). */
export function secretOwner(secretId: string): string {
  const hash = secretId.indexOf('#');
  return hash < 0 ? secretId : secretId.slice(0, hash);
}

export class SecretService {
  private readonly file: JsonDocumentFile;
  private readonly session = new Map<string, string>();
  private statusCache: Promise<SecretStorageStatus> | undefined;
  private notice: Notice | null = null;
  readonly lock: DataLock;

  constructor(
    private readonly vault: SecretVault,
    files: DocumentFileFactory,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.file = files(SECRETS_DOCUMENT);
    this.lock = DataLock.for(path.dirname(this.file.path));
  }

  /** Whether secrets survive a restart here (false on Linux without a keyring: basic_text). */
  status(): Promise<SecretStorageStatus> {
    return (this.statusCache ??= this.vault.status());
  }

  /** What is wrong with the secrets file, if anything (unreadable, or from a newer version). */
  notices(): Notice[] {
    this.read();
    return this.notice ? [this.notice] : [];
  }

  /** Encrypts a secret for `commit`; nothing is written yet. */
  async seal(raw: string): Promise<SealedSecret> {
    registerSecret(raw);
    const status = await this.status();
    if (!status.persistent) return { storage: 'session', value: raw };
    const cipher = await this.vault.encrypt(raw);
    return { storage: 'encrypted', value: raw, entry: { ciphertext: cipher.toString('base64'), backend: status.backend, updatedAt: this.clock.now().toISOString() } };
  }

  /** Writes a sealed secret; call inside the data lock's section (it takes it if not held). */
  commit(secretId: string, sealed: SealedSecret): SecretStorage {
    this.lock.run(() =>
      this.writeDoc((doc) => {
        if (sealed.storage === 'encrypted') doc.secrets[secretId] = sealed.entry;
        else if (doc.secrets[secretId]) delete doc.secrets[secretId];
        else return false;
        return true;
      }),
    );
    this.session.set(secretId, sealed.value);
    return sealed.storage;
  }

  /** Store a secret for a profile; returns where it went. */
  async put(secretId: string, value: string): Promise<SecretStorage> {
    return this.commit(secretId, await this.seal(value));
  }

  /** The secret, or null when none is available (never stored, or session-only and the app restarted). */
  async get(secretId: string): Promise<string | null> {
    const cached = this.session.get(secretId);
    if (cached !== undefined) return cached;
    const entry = this.entries()[secretId];
    if (!entry) return null;
    const { value, shouldReEncrypt } = await this.vault.decrypt(Buffer.from(entry.ciphertext, 'base64'));
    registerSecret(value);
    this.session.set(secretId, value);
    if (shouldReEncrypt) await this.put(secretId, value);
    return value;
  }

  /** True when a secret can be had for this profile without asking the user. */
  has(secretId: string): boolean {
    return this.session.has(secretId) || this.entries()[secretId] !== undefined;
  }

  async delete(secretId: string): Promise<void> {
    this.remove([secretId]);
  }

  /** Removes secrets from memory and disk in one write. */
  remove(secretIds: string[]): void {
    for (const id of secretIds) this.session.delete(id);
    this.lock.run(() =>
      this.writeDoc((doc) => {
        let changed = false;
        for (const id of secretIds)
          if (doc.secrets[id]) {
            delete doc.secrets[id];
            changed = true;
          }
        return changed;
      }),
    );
  }

  /**
   * Removes stored secrets whose profile is gone: what a crash between a profile's write and its
   * secret's leaves behind. Never touches a file it cannot read.
   */
  pruneOrphans(liveProfileIds: ReadonlySet<string>): string[] {
    return this.lock.run(() => {
      const current = this.read();
      if (current.kind !== 'ok') return [];
      const orphans = Object.keys(current.doc.secrets).filter((id) => !liveProfileIds.has(secretOwner(id)));
      if (orphans.length > 0) this.remove(orphans);
      return orphans;
    });
  }

  private entries(): SecretsDocument['secrets'] {
    const current = this.read();
    return current.kind === 'ok' ? current.doc.secrets : {};
  }

  /** Reads without changing anything; a problem becomes a notice. */
  private read(): ReadResult {
    const raw = readJsonDocument(this.file.path);
    let result: ReadResult;
    if (raw.kind === 'missing') result = { kind: 'ok', doc: { version: SECRETS_FORMAT_VERSION, secrets: {} } };
    else if (raw.kind === 'unreadable') result = raw;
    else {
      const value = raw.value as Record<string, unknown>;
      const parsed = SecretsDocumentSchema.safeParse(value);
      if (Object.keys(value).length === 0) result = { kind: 'ok', doc: { version: SECRETS_FORMAT_VERSION, secrets: {} } };
      else if (parsed.success) result = { kind: 'ok', doc: parsed.data };
      else if (typeof value.version === 'number' && value.version > SECRETS_FORMAT_VERSION) result = { kind: 'newer', version: value.version };
      else result = { kind: 'unreadable', reason: 'it has an unexpected format' };
    }
    if (result.kind === 'unreadable')
      this.notice = {
        id: 'secrets-unreadable',
        level: 'warning',
        title: 'Stored secrets could not be read',
        message: `The secrets file ${this.file.path} could not be read because ${result.reason}, so stored client secrets show as missing. It is kept unchanged; the next time you save a secret it is moved aside (nothing is deleted).`,
      };
    else if (result.kind === 'newer')
      this.notice = {
        id: 'secrets-newer-format',
        level: 'warning',
        title: 'Secrets from a newer version',
        message: `The secrets file ${this.file.path} was written by a newer Federation Desk (format ${result.version}). It was left unchanged; secrets cannot be saved until you update Federation Desk.`,
      };
    else this.notice = null;
    return result;
  }

  /** Applies `change` (true: it changed the document) and writes; call holding the lock. */
  private writeDoc(change: (doc: SecretsDocument) => boolean): void {
    const current = this.read();
    if (current.kind === 'newer') throw new DeskError('forbidden', this.notice?.message ?? 'The secrets file is read-only.');
    const doc = current.kind === 'ok' ? current.doc : { version: SECRETS_FORMAT_VERSION, secrets: {} };
    if (!change(doc)) return;
    if (current.kind === 'unreadable') {
      const target = moveAside(this.file.path, 'corrupt', this.clock.now());
      this.logger.warn(`The secrets file could not be read (${current.reason}); it was moved to ${target}.`);
      this.notice = null;
    }
    this.file.write(doc);
  }
}
