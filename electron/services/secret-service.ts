/**
 * Client secrets: encrypted by the OS (safeStorage) and stored apart from the profiles, or, where the
 * OS offers no real encryption, held in memory for this run only. Never written in clear; every
 * value is registered with the redaction function the moment it is seen.
 */
import fs from 'node:fs';
import { z } from 'zod';
import type { SecretStorageStatus } from '../../shared/ipc-profiles';
import type { SecretStorage } from '../../shared/profile';
import type { Clock, DocumentFileFactory, JsonDocumentFile, Logger, SecretVault } from './ports';
import { registerSecret } from './redact';

export const SECRETS_DOCUMENT = 'secrets';

const SecretsDocumentSchema = z.object({
  version: z.literal(1),
  secrets: z.record(
    z.string(),
    z.object({
      /** base64 of the OS-encrypted bytes. */
      ciphertext: z.string(),
      backend: z.string(),
      updatedAt: z.string(),
    }),
  ),
});
type SecretsDocument = z.infer<typeof SecretsDocumentSchema>;

export class SecretService {
  private readonly file: JsonDocumentFile;
  private readonly session = new Map<string, string>();
  private statusCache: Promise<SecretStorageStatus> | undefined;

  constructor(
    private readonly vault: SecretVault,
    files: DocumentFileFactory,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.file = files(SECRETS_DOCUMENT);
  }

  /** Whether secrets survive a restart here (false on Linux without a keyring: basic_text). */
  status(): Promise<SecretStorageStatus> {
    return (this.statusCache ??= this.vault.status());
  }

  /** Store a secret for a profile; returns where it went. */
  async put(profileId: string, value: string): Promise<SecretStorage> {
    registerSecret(value);
    const status = await this.status();
    if (!status.persistent) {
      this.session.set(profileId, value);
      this.removeFromDisk(profileId);
      return 'session';
    }
    const cipher = await this.vault.encrypt(value);
    const doc = this.read();
    doc.secrets[profileId] = { ciphertext: cipher.toString('base64'), backend: status.backend, updatedAt: this.clock.now().toISOString() };
    this.file.write(doc);
    this.session.set(profileId, value);
    return 'encrypted';
  }

  /** The secret, or null when none is available (never stored, or session-only and the app restarted). */
  async get(profileId: string): Promise<string | null> {
    const cached = this.session.get(profileId);
    if (cached !== undefined) return cached;
    const entry = this.read().secrets[profileId];
    if (!entry) return null;
    const { value, shouldReEncrypt } = await this.vault.decrypt(Buffer.from(entry.ciphertext, 'base64'));
    registerSecret(value);
    this.session.set(profileId, value);
    if (shouldReEncrypt) await this.put(profileId, value);
    return value;
  }

  /** True when a secret can be had for this profile without asking the user. */
  has(profileId: string): boolean {
    return this.session.has(profileId) || this.read().secrets[profileId] !== undefined;
  }

  async delete(profileId: string): Promise<void> {
    this.session.delete(profileId);
    this.removeFromDisk(profileId);
  }

  private removeFromDisk(profileId: string): void {
    const doc = this.read();
    if (doc.secrets[profileId]) {
      delete doc.secrets[profileId];
      this.file.write(doc);
    }
  }

  private read(): SecretsDocument {
    let reason: string;
    try {
      const raw = this.file.read();
      if (raw && typeof raw === 'object' && Object.keys(raw).length === 0) return { version: 1, secrets: {} };
      const parsed = SecretsDocumentSchema.safeParse(raw);
      if (parsed.success) return parsed.data;
      reason = 'it has an unexpected format';
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    // Never write over what we cannot read: move it aside, keep it, and start a new file.
    const target = this.file.path.replace(/\.json$/, `.corrupt-${this.clock.now().toISOString().replace(/[:.]/g, '-')}.json`);
    try {
      fs.renameSync(this.file.path, target);
      this.logger.warn(`The secrets file could not be read (${reason}); it was moved to ${target}.`);
    } catch {
      this.logger.warn(`The secrets file ${this.file.path} could not be read (${reason}).`);
    }
    return { version: 1, secrets: {} };
  }
}
