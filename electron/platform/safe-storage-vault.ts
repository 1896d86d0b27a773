/**
 * The SecretVault port over Electron's safeStorage (async API; the sync one is deprecated in
 * Electron 45). Linux's basic_text backend encrypts with a hard-coded password, which protects
 * nothing, so it counts as "not persistent": secrets then stay in memory for the session only.
 */
import { safeStorage } from 'electron';
import type { SecretVault } from '../services/ports';

function backendName(): string {
  if (process.platform === 'win32') return 'dpapi';
  if (process.platform === 'darwin') return 'keychain';
  return safeStorage.getSelectedStorageBackend();
}

export function safeStorageVault(): SecretVault {
  return {
    async status() {
      const available = await safeStorage.isAsyncEncryptionAvailable();
      const backend = backendName();
      return { persistent: available && backend !== 'basic_text' && backend !== 'unknown', backend: available ? backend : `${backend} (unavailable)` };
    },
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    async decrypt(cipher) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(cipher);
      return { value: result, shouldReEncrypt };
    },
  };
}
