import { safeStorage } from 'electron';
import type { OsKeyProtector } from '../vault/os-protector';

/**
 * safeStorage as the vault's OS layer. On Linux the 'basic_text' backend is a hard-coded
 * password, not protection: it counts as unavailable, and the passphrase alone protects the key.
 */
export const osKeyProtector: OsKeyProtector = {
  isAvailable() {
    if (!safeStorage.isEncryptionAvailable()) return false;
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')
      return false;
    return true;
  },
  encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
  decrypt: (cipher) => Buffer.from(safeStorage.decryptString(cipher), 'base64'),
};
