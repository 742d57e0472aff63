import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkSourceUrl, SourceError } from '../platform/pg/errors';

/** Where the app keeps its cache, settings and embedded PostgreSQL. Electron passes its userData. */
export function defaultDataDir(): string {
  return process.env.MONPS_DATA_DIR ?? path.join(os.homedir(), '.monps-desk');
}

export const cacheFileIn = (dataDir: string): string => path.join(dataDir, 'cache.sqlite');

export interface AppConfig {
  dataDir: string;
  cacheFile: string;
  /** A configured source; undefined = start the embedded PostgreSQL. */
  sourceUrl?: string;
  /** Where the configured source came from, for messages. */
  sourceOrigin: 'flag' | 'env' | 'settings' | 'embedded';
}

interface SettingsFile {
  sourceUrl?: string;
}

/** The settings file holds non-secret preferences; a source URL saved from the Electron app is
 * encrypted with safeStorage (see electron/secrets.ts) and handed in as `storedSourceUrl`. */
export function readSettingsFile(dataDir: string): SettingsFile {
  const file = path.join(dataDir, 'settings.json');
  if (!fs.existsSync(file)) return {};
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SettingsFile;
  } catch (err) {
    throw new Error(`settings file ${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Resolution order: --source, MONPS_SOURCE_URL, the settings, else the embedded default. */
export function resolveConfig(
  opts: { dataDir?: string; cacheFile?: string; sourceFlag?: string; storedSourceUrl?: string } = {},
): AppConfig {
  const dataDir = opts.dataDir ?? defaultDataDir();
  const cacheFile = opts.cacheFile ?? cacheFileIn(dataDir);
  const settings = readSettingsFile(dataDir);
  const candidates: [AppConfig['sourceOrigin'], string | undefined][] = [
    ['flag', opts.sourceFlag],
    ['env', process.env.MONPS_SOURCE_URL],
    ['settings', opts.storedSourceUrl ?? settings.sourceUrl],
  ];
  for (const [origin, url] of candidates) {
    if (url) return { dataDir, cacheFile, sourceUrl: validateSourceUrl(url, origin), sourceOrigin: origin };
  }
  return { dataDir, cacheFile, sourceOrigin: 'embedded' };
}

/** A bad connection string is named with where it came from, never echoed with its password
 * (a SourceError BAD_URL: the CLI exits 2, bad usage). */
export function validateSourceUrl(url: string, origin: string): string {
  try {
    checkSourceUrl(url);
  } catch (err) {
    const message = (err as Error).message.replace(/^bad source connection string: /, '');
    throw new SourceError('BAD_URL', `source URL from ${origin} is not usable: ${message}`, false);
  }
  return url;
}

/** postgres://user:***@host:port/db */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    // pg also reads the password from the query string (libpq style)
    for (const k of ['password', 'sslpassword']) if (u.searchParams.has(k)) u.searchParams.set(k, '***');
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}
