import { validationError } from '../../../src-shared/contract/errors';
import {
  settings as settingsSchema,
  SETTINGS_SECTIONS,
  type Settings,
  type SettingsSection,
  type SettingsUpdate,
} from '../../../src-shared/contract/settings';
import { loadSettings, readRawSettings, resolveSettings, writeRawSettings } from './file';

export type SettingsListener = (changed: SettingsSection[], settings: Settings) => void;

/** The main process's settings: read once from the file, changed only through `update`/`replace`,
 * which validate the whole result first (a bad field saves nothing) and then write the file and tell
 * the listeners (scheduler, notifier) which sections changed. */
export class SettingsStore {
  private settingsNow: Settings;
  private updatedAtNow: string | null;
  private readonly listeners = new Set<SettingsListener>();

  constructor(
    readonly file: string,
    log?: (line: string) => void,
  ) {
    const loaded = loadSettings(file);
    this.settingsNow = loaded.settings;
    this.updatedAtNow = loaded.updatedAt;
    for (const p of loaded.problems) log?.(`settings file ${file}: ${p} (the section's defaults are used)`);
  }

  get settings(): Settings {
    return this.settingsNow;
  }

  get updatedAt(): string | null {
    return this.updatedAtNow;
  }

  /** Replaces the sections given (the schedule slot by slot). */
  update(patch: SettingsUpdate): SettingsSection[] {
    const next: Record<string, unknown> = { ...this.settingsNow };
    for (const [section, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      next[section] = section === 'schedule' ? { ...this.settingsNow.schedule, ...(value as object) } : value;
    }
    return this.replace(next, 'settings');
  }

  /** Replaces every section (an imported file); `where` names the input in error messages. */
  replace(candidate: unknown, where: string): SettingsSection[] {
    const parsed = settingsSchema.safeParse(candidate);
    if (!parsed.success) throw validationError(parsed.error.issues, where);
    const changed = SETTINGS_SECTIONS.filter((s) => JSON.stringify(parsed.data[s]) !== JSON.stringify(this.settingsNow[s]));
    const updatedAt = new Date().toISOString();
    const raw = readRawSettings(this.file);
    writeRawSettings(this.file, { ...raw, settings: parsed.data, updatedAt });
    this.settingsNow = parsed.data;
    this.updatedAtNow = updatedAt;
    if (changed.length) for (const l of this.listeners) l(changed, parsed.data);
    return changed;
  }

  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The settings as a worker job reads them (`ctx.settingsFile`, the same file the main process
 * writes): the decision engine's bankroll, Kelly fraction, caps, exposure limits, books and leagues.
 * Read per job, so a run uses the values saved when it started; defaults without a file. */
export function jobSettings(ctx: { settingsFile?: string }): { settings: Settings; updatedAt: string | null } {
  if (!ctx.settingsFile) return { settings: resolveSettings(undefined).settings, updatedAt: null };
  const { settings, updatedAt } = loadSettings(ctx.settingsFile);
  return { settings, updatedAt };
}
