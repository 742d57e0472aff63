import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SETTINGS, settings as settingsSchema, SETTINGS_SECTIONS, type Settings } from '../../../src-shared/contract/settings';

// The settings file (settings.json in the data folder): the analyst's settings under `settings`, and,
// in the headless mode only, the secrets beside them. Written whole, atomically, readable by its owner
// only (0600), since it may hold a password.

export const settingsFileIn = (dataDir: string): string => path.join(dataDir, 'settings.json');

/** The file as stored. `sourceUrl` sits at the top level as it always has (resolveConfig reads it). */
export interface RawSettingsFile {
  settings?: unknown;
  updatedAt?: string;
  sourceUrl?: string;
  telegramToken?: string;
  [key: string]: unknown;
}

export function readRawSettings(file: string): RawSettingsFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`settings file ${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`settings file ${file} does not hold a JSON object`);
  return raw as RawSettingsFile;
}

/** Writes the whole file through a temporary one (a crash leaves the old or the new file, never half
 * of one), created 0600; a file that was readable by others is replaced by one that is not. */
export function writeRawSettings(file: string, raw: RawSettingsFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeFileSync(fd, `${JSON.stringify(raw, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.chmodSync(tmp, 0o600); // whatever the umask did
  fs.renameSync(tmp, file);
}

export interface LoadedSettings {
  settings: Settings;
  updatedAt: string | null;
  /** Stored values that were not valid and were replaced by defaults ("staking.kellyFraction: …"). */
  problems: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Objects merged key by key, anything else replaced: a file written by an older version gets the
 * defaults of fields it did not know. */
export function mergeDeep<T>(base: T, over: unknown): T {
  if (!isObject(base) || !isObject(over)) return (over === undefined ? base : over) as T;
  // an empty default is a record (the per-book commission): its keys are the user's, not the defaults'
  // (merging only the default's keys dropped every saved rate: the jobs read the exchanges' 5% instead)
  if (Object.keys(base).length === 0) return over as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) if (k in out) out[k] = mergeDeep(out[k], v);
  return out as T;
}

/** Stored settings over the defaults. A section that does not validate (a hand-edited file) falls back
 * to its defaults and is reported, so the app still starts. */
export function resolveSettings(stored: unknown): { settings: Settings; problems: string[] } {
  const merged = mergeDeep(DEFAULT_SETTINGS, stored);
  const whole = settingsSchema.safeParse(merged);
  if (whole.success) return { settings: whole.data, problems: [] };
  const problems = whole.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const bad = new Set(whole.error.issues.map((i) => String(i.path[0])));
  const repaired = { ...merged } as Record<string, unknown>;
  for (const section of SETTINGS_SECTIONS) if (bad.has(section)) repaired[section] = DEFAULT_SETTINGS[section];
  const again = settingsSchema.safeParse(repaired);
  return { settings: again.success ? again.data : DEFAULT_SETTINGS, problems };
}

export function loadSettings(file: string): LoadedSettings {
  const raw = readRawSettings(file);
  const { settings, problems } = resolveSettings(raw.settings);
  return { settings, updatedAt: typeof raw.updatedAt === 'string' ? raw.updatedAt : null, problems };
}
