import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src-shared/contract/settings';
import {
  fileSecrets,
  jobCommission,
  jobSettings,
  settingsCommission,
  SettingsStore,
  settingsFileIn,
} from '../../../src-main/platform/settings';
import { exportSettings, readSettingsFile } from '../../../src-main/features/settings';
import { resolveConfig } from '../../../src-main/app/config';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-settings-'));
  file = settingsFileIn(dir);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const mode = (f: string) => fs.statSync(f).mode & 0o777;

describe('the settings store', () => {
  it("a book's commission saved in the Settings is read back by a restart and by every job (settingsCommission)", () => {
    const store = new SettingsStore(file);
    store.update({ markets: { ...DEFAULT_SETTINGS.markets, commission: { BFE: 0.02, B365: 0 } } });
    expect(new SettingsStore(file).settings.markets.commission).toEqual({ BFE: 0.02, B365: 0 });
    expect(jobCommission({ settingsFile: file })).toEqual({ BFE: 0.02, B365: 0 });
    expect(settingsCommission(jobSettings({ settingsFile: file }).settings)).toEqual({ BFE: 0.02, B365: 0 });
    // no file: no rate set, the books' defaults apply
    expect(jobCommission({})).toEqual({});
  });

  it('saves a section to a file only its owner can read, and a new store (a restart) reads it back', () => {
    const store = new SettingsStore(file);
    expect(store.settings).toEqual(DEFAULT_SETTINGS);
    expect(store.updatedAt).toBeNull();
    const heard: string[][] = [];
    store.onChange((changed) => heard.push(changed));
    const changed = store.update({ staking: { ...DEFAULT_SETTINGS.staking, bankroll: 2500, kellyFraction: 0.5 } });
    expect(changed).toEqual(['staking']);
    expect(heard).toEqual([['staking']]);
    expect(mode(file)).toBe(0o600);
    const again = new SettingsStore(file);
    expect(again.settings.staking).toMatchObject({ bankroll: 2500, kellyFraction: 0.5 });
    expect(again.updatedAt).toBe(store.updatedAt);
    // the schedule is replaced slot by slot
    again.update({ schedule: { learning: { cron: '0 5 * * *', enabled: false } } });
    expect(new SettingsStore(file).settings.schedule).toEqual({
      ...DEFAULT_SETTINGS.schedule,
      learning: { cron: '0 5 * * *', enabled: false },
    });
  });

  it('changes nothing when any field is wrong: the file keeps its bytes and listeners hear nothing', () => {
    const store = new SettingsStore(file);
    store.update({ staking: { ...DEFAULT_SETTINGS.staking, bankroll: 700 } });
    const before = fs.readFileSync(file, 'utf8');
    let heard = 0;
    store.onChange(() => heard++);
    let error: { code?: string; message?: string; details?: { issues: { path: string[] }[] } } = {};
    try {
      store.update({
        staking: { ...DEFAULT_SETTINGS.staking, bankroll: 900 },
        schedule: { sync: { cron: '99 * * * *', enabled: true } },
      });
    } catch (err) {
      error = err as typeof error;
    }
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('schedule.sync.cron');
    expect(error.details!.issues.map((i) => i.path.join('.'))).toEqual(['schedule.sync.cron']);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(store.settings.staking.bankroll).toBe(700);
    expect(heard).toBe(0);
  });

  it('keeps the headless secrets beside the settings in the 0600 file; a file readable by others is rewritten 0600', () => {
    fs.writeFileSync(file, JSON.stringify({ sourceUrl: 'postgres://analyst:s3cret@db.example:5432/monps' }), { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    const secrets = fileSecrets(file);
    expect(secrets.storage).toBe('file');
    expect(secrets.get('sourceUrl')).toBe('postgres://analyst:s3cret@db.example:5432/monps');
    secrets.set('telegramToken', '123456789:AAE-abcdefghijklmnopqrstuvwxyz012');
    expect(mode(file)).toBe(0o600);
    const store = new SettingsStore(file);
    store.update({ markets: { preferredBookmakers: ['PS'], excludedBookmakers: ['B365'], leagues: ['E0'] } });
    // saving settings keeps the secrets; saving a secret keeps the settings
    expect(secrets.get('telegramToken')).toBe('123456789:AAE-abcdefghijklmnopqrstuvwxyz012');
    secrets.set('telegramToken', undefined);
    expect(new SettingsStore(file).settings.markets.leagues).toEqual(['E0']);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).telegramToken).toBeUndefined();
    // the source resolution still finds the saved URL there
    expect(resolveConfig({ dataDir: dir }).sourceUrl).toBe('postgres://analyst:s3cret@db.example:5432/monps');
  });

  it('exports the settings without secrets, and imports them back with the same validation', () => {
    fileSecrets(file).set('sourceUrl', 'postgres://analyst:s3cret@db.example/monps');
    fileSecrets(file).set('telegramToken', '123456789:AAE-abcdefghijklmnopqrstuvwxyz012');
    const store = new SettingsStore(file);
    store.update({ staking: { ...DEFAULT_SETTINGS.staking, bankroll: 4200 } });
    const out = exportSettings(store.settings, new Date('2026-03-01T10:00:00Z'));
    expect(out.fileName).toBe('monps-settings-2026-03-01.json');
    expect(out.content).not.toContain('s3cret');
    expect(out.content).not.toContain('AAE-');
    expect(out.content).not.toMatch(/sourceUrl|telegramToken|postgres:/);

    const other = new SettingsStore(path.join(dir, 'other.json'));
    other.replace(readSettingsFile(out.content), 'settings file');
    expect(other.settings).toEqual(store.settings);

    const bad = JSON.parse(out.content);
    bad.settings.staking.kellyFraction = 3;
    expect(() => other.replace(readSettingsFile(JSON.stringify(bad)), 'settings file')).toThrow(
      'invalid settings file: staking.kellyFraction: the Kelly fraction must be at most 1 (full Kelly)',
    );
    expect(other.settings.staking.kellyFraction).toBe(DEFAULT_SETTINGS.staking.kellyFraction);
    expect(() => readSettingsFile('{"bankroll": 5')).toThrow(/^the file is not JSON/);
    expect(() => readSettingsFile('{"bankroll": 5}')).toThrow(
      "not a Mon_PS Desk settings file (expected format 'monps-settings', version 1)",
    );
    // an older file without the newer sections gets their defaults
    const old = { format: 'monps-settings', version: 1, exportedAt: '2025-01-01T00:00:00Z', settings: { staking: { bankroll: 300 } } };
    expect(readSettingsFile(JSON.stringify(old))).toMatchObject({
      staking: { bankroll: 300, kellyFraction: 0.25 },
      telegram: DEFAULT_SETTINGS.telegram,
    });
  });

  it('starts on the defaults of a hand-broken section and says which value was wrong; other sections are kept', () => {
    fs.writeFileSync(
      file,
      JSON.stringify({
        settings: { staking: { bankroll: -1 }, markets: { preferredBookmakers: ['PS'], excludedBookmakers: [], leagues: [] } },
      }),
    );
    const lines: string[] = [];
    const store = new SettingsStore(file, (l) => lines.push(l));
    expect(store.settings.staking).toEqual(DEFAULT_SETTINGS.staking);
    expect(store.settings.markets.preferredBookmakers).toEqual(['PS']);
    expect(lines).toEqual([`settings file ${file}: staking.bankroll: the bankroll must be more than 0 (the section's defaults are used)`]);
    fs.writeFileSync(file, '{ not json');
    expect(() => new SettingsStore(file)).toThrow(`settings file ${file} is not valid JSON`);
  });

  it('is what a worker job reads through ctx.settingsFile (defaults without a file)', () => {
    const store = new SettingsStore(file);
    store.update({ staking: { ...DEFAULT_SETTINGS.staking, bankroll: 12_345, kellyFraction: 0.1 } });
    const seen = jobSettings({ settingsFile: file });
    expect(seen.settings.staking).toMatchObject({ bankroll: 12_345, kellyFraction: 0.1 });
    expect(seen.updatedAt).toBe(store.updatedAt);
    expect(jobSettings({}).settings).toEqual(DEFAULT_SETTINGS);
    expect(jobSettings({ settingsFile: path.join(dir, 'none.json') }).settings).toEqual(DEFAULT_SETTINGS);
  });
});
