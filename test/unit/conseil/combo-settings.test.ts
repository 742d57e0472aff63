// The combo settings (Settings › Bankroll and staking): defaults for a file saved before them, refusals
// beside their fields.
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../../src-main/platform/settings';
import { DEFAULT_SETTINGS, settingsUpdate, stakingSettings } from '../../../src-shared/contract/settings';

describe('staking.combos', () => {
  it('a settings file saved before the combos gets their defaults (5% least edge, 3 a day), its other values kept', () => {
    const { combos, ...before } = DEFAULT_SETTINGS.staking;
    expect(combos).toEqual({ minEdge: 0.05, maxPerDay: 3 });
    const { settings, problems } = resolveSettings({ staking: { ...before, bankroll: 4321 } });
    expect(problems).toEqual([]);
    expect(settings.staking.bankroll).toBe(4321);
    expect(settings.staking.combos).toEqual({ minEdge: 0.05, maxPerDay: 3 });
    // a staking section sent without them (an older window) is completed the same way
    expect(settingsUpdate.parse({ staking: before }).staking?.combos).toEqual({ minEdge: 0.05, maxPerDay: 3 });
  });

  it('refuses a negative edge and a fractional or negative count, each at its path', () => {
    const r = stakingSettings.safeParse({ ...DEFAULT_SETTINGS.staking, combos: { minEdge: -0.01, maxPerDay: 1.5 } });
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual(['combos.minEdge: the combo minimum edge cannot be negative', 'combos.maxPerDay: a whole number of combos']);
    expect(stakingSettings.safeParse({ ...DEFAULT_SETTINGS.staking, combos: { minEdge: 0, maxPerDay: 0 } }).success).toBe(true);
  });
});
