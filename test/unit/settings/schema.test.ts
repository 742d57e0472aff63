import { describe, expect, it } from 'vitest';
import { contract } from '../../../src-shared/contract';
import { DEFAULT_SETTINGS, settings } from '../../../src-shared/contract/settings';
import { cronProblem, nextCronRun } from '../../../src-shared/domain/cron';

/** The issues of a settings.update input, as "path: message". */
function issues(input: unknown): string[] {
  const r = contract['settings.update'].input.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const staking = DEFAULT_SETTINGS.staking;

describe('the settings contract', () => {
  it('holds valid defaults, which the whole-settings schema accepts as they are', () => {
    expect(settings.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(issues({ staking, schedule: { sync: { cron: '*/2 * * * *', enabled: true } } })).toEqual([]);
  });

  it('refuses a bankroll of 0 or less and a Kelly fraction outside (0, 1], naming the field', () => {
    expect(issues({ staking: { ...staking, bankroll: 0 } })).toEqual(['staking.bankroll: the bankroll must be more than 0']);
    expect(issues({ staking: { ...staking, bankroll: -50 } })).toEqual(['staking.bankroll: the bankroll must be more than 0']);
    expect(issues({ staking: { ...staking, kellyFraction: 0 } })).toEqual(['staking.kellyFraction: the Kelly fraction must be above 0']);
    expect(issues({ staking: { ...staking, kellyFraction: 1.2 } })).toEqual([
      'staking.kellyFraction: the Kelly fraction must be at most 1 (full Kelly)',
    ]);
    expect(issues({ staking: { ...staking, kellyFraction: 1 } })).toEqual([]);
    expect(issues({ staking: { ...staking, bankroll: 'a lot' } })[0]).toBe('staking.bankroll: the bankroll must be a number');
  });

  it('checks the caps against each other: stake cap ≤ match limit ≤ daily limit, league ≤ daily, minimum ≤ largest stake', () => {
    expect(issues({ staking: { ...staking, maxStakeShare: 0.1 } })).toEqual([
      'staking.maxStakeShare: the stake cap (10%) is above the match limit (5%)',
    ]);
    expect(issues({ staking: { ...staking, exposure: { perMatch: 0.05, perDay: 0.04, perLeague: 0.03 } } })).toEqual([
      'staking.exposure.perMatch: the match limit (5%) is above the daily limit (4%)',
    ]);
    expect(issues({ staking: { ...staking, exposure: { ...staking.exposure, perLeague: 0.5 } } })).toEqual([
      'staking.exposure.perLeague: the league limit (50%) is above the daily limit (20%)',
    ]);
    expect(issues({ staking: { ...staking, minStake: 25 } })).toEqual([
      'staking.minStake: the minimum stake (25) is above the largest stake allowed (20)',
    ]);
    expect(issues({ staking: { ...staking, exposure: { ...staking.exposure, perDay: 1.5 } } })).toEqual([
      'staking.exposure.perDay: the daily limit must be at most 100% of the bankroll',
    ]);
  });

  it('refuses an invalid cron expression with what croner found, and one that never fires', () => {
    expect(issues({ schedule: { sync: { cron: '61 * * * *', enabled: true } } })).toEqual([
      'schedule.sync.cron: not a valid cron expression: Invalid value for minute: 61',
    ]);
    expect(issues({ schedule: { learning: { cron: '0 0 30 2 *', enabled: true } } })).toEqual([
      'schedule.learning.cron: this cron expression never fires',
    ]);
    expect(issues({ schedule: { settlement: { cron: 'every hour', enabled: true } } })[0]).toMatch(
      /^schedule\.settlement\.cron: not a valid cron expression: .*five, six, or seven/,
    );
    expect(issues({ schedule: { sync: { cron: '0 */2 * * * *', enabled: true } } })[0]).toMatch(/requires exactly 5 parts/);
    expect(issues({ schedule: { sync: { cron: null, enabled: false } } })).toEqual([]);
    expect(issues({ schedule: { nightly: { cron: null, enabled: true } } })[0]).toMatch(/Unrecognized key/);
    expect(cronProblem('@daily')).toBeNull();
    expect(nextCronRun('30 4 * * *', new Date(2026, 0, 5, 5, 0))).toEqual(new Date(2026, 0, 6, 4, 30));
  });

  it('a commission per book: a rate in [0, 1), none by default (a section saved before it existed still loads)', () => {
    const m = { preferredBookmakers: [], excludedBookmakers: [], leagues: [] };
    expect(DEFAULT_SETTINGS.markets.commission).toEqual({});
    expect(issues({ markets: m })).toEqual([]);
    expect(contract['settings.update'].input.parse({ markets: m }).markets?.commission).toEqual({});
    expect(issues({ markets: { ...m, commission: { BFE: 0.02, B365: 0 } } })).toEqual([]);
    expect(issues({ markets: { ...m, commission: { BFE: 1 } } })).toEqual([
      'markets.commission.BFE: a commission is a share of the winnings, under 100%',
    ]);
    expect(issues({ markets: { ...m, commission: { BFE: -0.01 } } })).toEqual(['markets.commission.BFE: a commission cannot be negative']);
  });

  it('refuses a bookmaker both preferred and excluded, equal quiet-hour bounds, a bad chat id or base URL', () => {
    expect(issues({ markets: { preferredBookmakers: ['PS', 'B365'], excludedBookmakers: ['B365'], leagues: [] } })).toEqual([
      'markets.excludedBookmakers: B365: both preferred and excluded',
    ]);
    const n = DEFAULT_SETTINGS.notifications;
    expect(issues({ notifications: { ...n, quietHours: { enabled: true, from: '23:00', to: '23:00' } } })).toEqual([
      'notifications.quietHours.to: quiet hours must end at another time than they start',
    ]);
    expect(issues({ notifications: { ...n, quietHours: { enabled: true, from: '24:00', to: '07:00' } } })).toEqual([
      'notifications.quietHours.from: a time as HH:MM, 00:00 to 23:59',
    ]);
    expect(issues({ notifications: { ...n, maxPerMinute: 0 } })).toEqual(['notifications.maxPerMinute: at least 1 a minute']);
    expect(issues({ telegram: { baseUrl: 'ftp://api.telegram.org', chatId: '' } })).toEqual([
      'telegram.baseUrl: an http(s) URL such as https://api.telegram.org',
    ]);
    expect(issues({ telegram: { baseUrl: 'https://api.telegram.org', chatId: 'my friends' } })[0]).toMatch(
      /^telegram\.chatId: a numeric chat id/,
    );
    expect(issues({ telegram: { baseUrl: 'http://127.0.0.1:8081', chatId: '-1001234567890' } })).toEqual([]);
    expect(issues({ telegram: { baseUrl: 'https://api.telegram.org', chatId: '@monps_alerts' } })).toEqual([]);
  });

  it('needs a chat id before Telegram alerts are turned on (checked on the whole settings)', () => {
    const r = settings.safeParse({ ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, telegram: true } });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'notifications.telegram: Telegram alerts need a chat id (Telegram section)',
    ]);
  });
});
