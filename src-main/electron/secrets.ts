import { safeStorage } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import type { SecretName, SecretStore } from '../platform/settings';

// Secrets of the desktop app (the source URL carries a password; the Telegram bot token) are stored
// only encrypted by the OS keychain (safeStorage), one file each in the user-data folder.
const FILES: Record<SecretName, string> = { sourceUrl: 'source-url.enc', telegramToken: 'telegram-token.enc' };

export function safeStorageSecrets(dir: string): SecretStore {
  return {
    storage: 'safeStorage',
    get(name) {
      const file = path.join(dir, FILES[name]);
      if (!fs.existsSync(file) || !safeStorage.isEncryptionAvailable()) return undefined;
      return safeStorage.decryptString(fs.readFileSync(file));
    },
    set(name, value) {
      const file = path.join(dir, FILES[name]);
      if (value === undefined) {
        fs.rmSync(file, { force: true });
        return;
      }
      if (!safeStorage.isEncryptionAvailable())
        throw new Error('the OS keychain is not available: the secret cannot be stored safely (nothing was saved)');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(file, safeStorage.encryptString(value), { mode: 0o600 });
    },
  };
}
