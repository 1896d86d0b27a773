/**
 * A SecretVault for tests and the harness: AES-256-GCM with a key that lives only in this process's
 * memory, so ciphertext on disk is real ciphertext (the canary tests prove the secret is not there).
 * `persistent: false` imitates Linux's basic_text backend.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretVault } from '../../electron/services/ports';

export function ephemeralKeyVault(options: { persistent?: boolean; backend?: string; key?: Buffer } = {}): SecretVault {
  // A caller may pass the key so that a restarted harness can still decrypt, as the OS keychain would.
  const key = options.key ?? randomBytes(32);
  const persistent = options.persistent ?? true;
  return {
    status: async () => ({ persistent, backend: options.backend ?? (persistent ? 'test-aes-gcm' : 'basic_text') }),
    async encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return { value: Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8'), shouldReEncrypt: false };
    },
  };
}
