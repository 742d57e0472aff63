import { safeStorage } from 'electron';
import fs from 'node:fs';
import path from 'node:path';

// The source URL carries a password: it is stored only encrypted by the OS keychain (safeStorage).
const fileIn = (dir: string): string => path.join(dir, 'source-url.enc');

export function readStoredSourceUrl(dir: string): string | undefined {
  const file = fileIn(dir);
  if (!fs.existsSync(file) || !safeStorage.isEncryptionAvailable()) return undefined;
  return safeStorage.decryptString(fs.readFileSync(file));
}

export function storeSourceUrl(dir: string, url: string | undefined): void {
  const file = fileIn(dir);
  if (!url) {
    fs.rmSync(file, { force: true });
    return;
  }
  if (!safeStorage.isEncryptionAvailable()) throw new Error('the OS keychain is not available: the source URL cannot be stored safely');
  fs.writeFileSync(file, safeStorage.encryptString(url), { mode: 0o600 });
}
