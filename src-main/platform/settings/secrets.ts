import { readRawSettings, writeRawSettings } from './file';

/** The secrets the app keeps: the source URL (it carries the password) and the Telegram bot token. */
export type SecretName = 'sourceUrl' | 'telegramToken';

/** Where secrets live: Electron's safeStorage (the OS keychain) in the desktop app, the 0600 settings
 * file in the headless mode. Values are never logged, exported or answered back by the contract. */
export interface SecretStore {
  readonly storage: 'safeStorage' | 'file';
  get(name: SecretName): string | undefined;
  /** undefined removes it. */
  set(name: SecretName, value: string | undefined): void;
}

/** The headless mode's store: top-level keys of the settings file, which is written 0600. */
export function fileSecrets(settingsFile: string): SecretStore {
  return {
    storage: 'file',
    get(name) {
      const v = readRawSettings(settingsFile)[name];
      return typeof v === 'string' && v ? v : undefined;
    },
    set(name, value) {
      const raw = readRawSettings(settingsFile);
      if (value === undefined) delete raw[name];
      else raw[name] = value;
      writeRawSettings(settingsFile, raw);
    },
  };
}
