import { z } from 'zod';
import { cronProblem } from '../domain/cron';
import { event, method } from './define';
import { SCHEDULE_SLOTS } from './scheduler';

// Settings the analyst edits (SPEC 7, Settings): schedules, bankroll and staking limits, the books and
// leagues followed, notification rules, Telegram. Secrets (the source's password, the bot token) are
// never part of them: they are stored apart (safeStorage, or the 0600 settings file headless) and
// are neither exported nor answered back.

const num = (what: string) => z.number({ error: `${what} must be a number` }).finite(`${what} must be a finite number`);
/** A share of the bankroll, in (0, 1]; the panel shows it as a percentage. */
const share = (what: string) =>
  num(what).gt(0, `${what} must be more than 0% of the bankroll`).lte(1, `${what} must be at most 100% of the bankroll`);

export const cronExpression = z.string().superRefine((v, ctx) => {
  const problem = cronProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const slotSettings = z
  .object({
    /** null = the slot's default (see scheduler.list: defaultCron). */
    cron: cronExpression.nullable(),
    enabled: z.boolean(),
  })
  .strict();
export type SlotSettings = z.infer<typeof slotSettings>;

export const scheduleSettings = z
  .object(Object.fromEntries(SCHEDULE_SLOTS.map((s) => [s, slotSettings])) as Record<(typeof SCHEDULE_SLOTS)[number], typeof slotSettings>)
  .strict();

export const stakingSettings = z
  .object({
    bankroll: num('the bankroll').gt(0, 'the bankroll must be more than 0').max(1e12, 'the bankroll must be at most 10^12'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code in capitals (EUR, GBP, USD…)'),
    /** Multiplies the full Kelly stake: 0.25 = quarter Kelly, 1 = full Kelly. */
    kellyFraction: num('the Kelly fraction')
      .gt(0, 'the Kelly fraction must be above 0')
      .lte(1, 'the Kelly fraction must be at most 1 (full Kelly)'),
    /** The most one bet may stake. */
    maxStakeShare: share('the stake cap'),
    /** Stakes under this amount are not proposed (a bookmaker's minimum). */
    minStake: num('the minimum stake').min(0, 'the minimum stake cannot be negative'),
    /** The most staked at once on one match, one day, one league. */
    exposure: z
      .object({ perMatch: share('the match limit'), perDay: share('the daily limit'), perLeague: share('the league limit') })
      .strict(),
    /** CONSEIL's same-match doubles: proposed only where fair (correlation included) × offered − 1 is
     * above minEdge; at most maxPerDay a day (0 = none). Missing in a file saved before them: the defaults. */
    combos: z
      .object({
        minEdge: num('the combo minimum edge')
          .min(0, 'the combo minimum edge cannot be negative')
          .max(1, 'the combo minimum edge is at most 100%'),
        maxPerDay: z.number().int('a whole number of combos').min(0, 'at least 0 combos a day').max(50, 'at most 50 combos a day'),
      })
      .strict()
      .default({ minEdge: 0.05, maxPerDay: 3 }),
  })
  .strict()
  .superRefine((s, ctx) => {
    // Fields are compared only once each is valid on its own (zod runs this refinement after range errors too).
    const ok = (x: unknown) => typeof x === 'number' && x > 0 && x <= 1;
    const e = s.exposure;
    if (![s.maxStakeShare, e.perMatch, e.perDay, e.perLeague].every(ok) || !(s.bankroll > 0) || !(s.minStake >= 0)) return;
    const pct = (x: number) => `${+(x * 100).toFixed(2)}%`;
    if (s.maxStakeShare > s.exposure.perMatch)
      ctx.addIssue({
        code: 'custom',
        path: ['maxStakeShare'],
        message: `the stake cap (${pct(s.maxStakeShare)}) is above the match limit (${pct(s.exposure.perMatch)})`,
      });
    if (s.exposure.perMatch > s.exposure.perDay)
      ctx.addIssue({
        code: 'custom',
        path: ['exposure', 'perMatch'],
        message: `the match limit (${pct(s.exposure.perMatch)}) is above the daily limit (${pct(s.exposure.perDay)})`,
      });
    if (s.exposure.perLeague > s.exposure.perDay)
      ctx.addIssue({
        code: 'custom',
        path: ['exposure', 'perLeague'],
        message: `the league limit (${pct(s.exposure.perLeague)}) is above the daily limit (${pct(s.exposure.perDay)})`,
      });
    if (s.minStake > s.bankroll * s.maxStakeShare)
      ctx.addIssue({
        code: 'custom',
        path: ['minStake'],
        message: `the minimum stake (${s.minStake}) is above the largest stake allowed (${+(s.bankroll * s.maxStakeShare).toFixed(2)})`,
      });
  });
export type StakingSettings = z.infer<typeof stakingSettings>;

const code = z.string().trim().min(1, 'an empty code').max(64, 'a code of at most 64 characters');

export const marketSettings = z
  .object({
    /** Bookmakers whose prices are preferred when several are equal (empty = no preference). */
    preferredBookmakers: z.array(code).max(500),
    /** Bookmakers never proposed (no account, limited). */
    excludedBookmakers: z.array(code).max(500),
    /** League codes followed; empty = every league of the source. */
    leagues: z.array(code).max(1000),
    /** Commission on net winnings per bookmaker, where it differs from the default (an exchange 5%, a
     * bookmaker 0): every price of that book is read net of it (edges, stakes, CLV, settlement). */
    commission: z
      .record(
        code,
        num('a commission').min(0, 'a commission cannot be negative').lt(1, 'a commission is a share of the winnings, under 100%'),
      )
      .default({}),
  })
  .strict()
  .superRefine((m, ctx) => {
    const both = m.excludedBookmakers.filter((b) => m.preferredBookmakers.includes(b));
    if (both.length)
      ctx.addIssue({ code: 'custom', path: ['excludedBookmakers'], message: `${both.join(', ')}: both preferred and excluded` });
  });
export type MarketSettings = z.infer<typeof marketSettings>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM, 00:00 to 23:59');
export const minSeverity = z.enum(['off', 'medium', 'high']);

export const notificationSettings = z
  .object({
    /** New traps of at least this severity notify. */
    traps: minSeverity,
    /** Strong steam moves notify. */
    steam: z.boolean(),
    /** Picks of at least this tier notify (the decision engine maps its tiers onto medium/high). */
    picks: minSeverity,
    /** The settlement summary notifies. */
    settlement: z.boolean(),
    /** Local time; `from` after `to` spans midnight (23:00 → 07:00). Nothing is delivered inside. */
    quietHours: z
      .object({ enabled: z.boolean(), from: hhmm, to: hhmm })
      .strict()
      .refine((q) => q.from !== q.to, { path: ['to'], message: 'quiet hours must end at another time than they start' }),
    /** Channels: the desktop (Electron's notification, or the browser's in the headless mode) and Telegram. */
    desktop: z.boolean(),
    telegram: z.boolean(),
    /** Over this many a minute, the rest are summed up in one notification. */
    maxPerMinute: z.number().int('a whole number').min(1, 'at least 1 a minute').max(60, 'at most 60 a minute'),
  })
  .strict();
export type NotificationSettings = z.infer<typeof notificationSettings>;

export const telegramSettings = z
  .object({
    /** The Bot API server (Telegram's, or a self-hosted telegram-bot-api). */
    baseUrl: z.url({ protocol: /^https?$/, error: 'an http(s) URL such as https://api.telegram.org' }),
    /** A numeric chat id (-100… for groups and channels) or a public @channel; empty = not set. */
    chatId: z
      .string()
      .trim()
      .regex(/^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})?$/, 'a numeric chat id (e.g. -1001234567890) or a public @channelname'),
  })
  .strict();
export type TelegramSettings = z.infer<typeof telegramSettings>;

export const settings = z
  .object({
    schedule: scheduleSettings,
    staking: stakingSettings,
    markets: marketSettings,
    notifications: notificationSettings,
    telegram: telegramSettings,
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.notifications.telegram && !s.telegram.chatId)
      ctx.addIssue({
        code: 'custom',
        path: ['notifications', 'telegram'],
        message: 'Telegram alerts need a chat id (Telegram section)',
      });
  });
export type Settings = z.infer<typeof settings>;
export type SettingsSection = keyof Settings;
export const SETTINGS_SECTIONS = [
  'schedule',
  'staking',
  'markets',
  'notifications',
  'telegram',
] as const satisfies readonly SettingsSection[];

export const DEFAULT_SETTINGS: Settings = {
  schedule: Object.fromEntries(SCHEDULE_SLOTS.map((s) => [s, { cron: null, enabled: true }])) as Settings['schedule'],
  staking: {
    bankroll: 1000,
    currency: 'EUR',
    kellyFraction: 0.25,
    maxStakeShare: 0.02,
    minStake: 0,
    exposure: { perMatch: 0.05, perDay: 0.2, perLeague: 0.1 },
    combos: { minEdge: 0.05, maxPerDay: 3 },
  },
  markets: { preferredBookmakers: [], excludedBookmakers: [], leagues: [], commission: {} },
  notifications: {
    traps: 'medium',
    steam: true,
    picks: 'high',
    settlement: true,
    quietHours: { enabled: false, from: '23:00', to: '07:00' },
    desktop: true,
    telegram: false,
    maxPerMinute: 6,
  },
  telegram: { baseUrl: 'https://api.telegram.org', chatId: '' },
};

/** One or more whole sections (the schedule slot by slot); the result is validated as a whole, and
 * nothing is saved when any field is wrong. */
export const settingsUpdate = z
  .object({
    schedule: scheduleSettings.partial().optional(),
    staking: stakingSettings.optional(),
    markets: marketSettings.optional(),
    notifications: notificationSettings.optional(),
    telegram: telegramSettings.optional(),
  })
  .strict();
export type SettingsUpdate = z.input<typeof settingsUpdate>;

export const settingsState = z.object({
  settings,
  /** When they were last saved; null = never (defaults). */
  updatedAt: z.string().nullable(),
  /** The file that keeps them (jobs read the same file). */
  file: z.string(),
  /** Where secrets are kept, and which are set (never their values). */
  secrets: z.object({ storage: z.enum(['safeStorage', 'file']), telegramToken: z.boolean() }),
});
export type SettingsState = z.infer<typeof settingsState>;

/** An exported settings file: no secrets. */
export const settingsExport = z
  .object({ format: z.literal('monps-settings'), version: z.literal(1), exportedAt: z.string(), settings: z.unknown() })
  .strict();

/** What a connection test can name (SPEC 11: a bad connection string or unreachable server says which). */
export const connectionFailure = z.enum([
  'bad-url',
  'host-not-found',
  'unreachable',
  'refused',
  'timeout',
  'tls',
  'not-postgres',
  'auth',
  'no-database',
  'schema',
]);
export type ConnectionFailure = z.infer<typeof connectionFailure>;

export const connectionTest = z.object({
  ok: z.boolean(),
  failure: connectionFailure.nullable(),
  message: z.string(),
  /** host:port/database, never the password. */
  target: z.string(),
  /** server_version of PostgreSQL, when it answered. */
  server: z.string().nullable(),
  timescale: z.boolean().nullable(),
  /** What the schema check found ("ready", "empty: created on first sync", "2 migrations to apply"). */
  schema: z.string().nullable(),
  ms: z.number().nonnegative(),
});
export type ConnectionTest = z.infer<typeof connectionTest>;

const sourceUrl = z.string().trim().min(1, 'a connection URL is required (postgres://user@host:port/database)').max(4000);
/** The password apart from the URL, so the form never shows it; a URL whose password is `***` keeps the saved one. */
const password = z.string().max(1000).optional();

export const switchState = z.object({
  state: z.enum(['idle', 'syncing', 'failed', 'done']),
  /** The source being switched to (no password). */
  target: z.string().nullable(),
  message: z.string(),
  jobId: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const sourceState = z.object({
  current: z.object({
    kind: z.enum(['embedded', 'configured', 'none']),
    label: z.string(),
    /** Where the running source came from: --source, MONPS_SOURCE_URL, the saved settings, the embedded default. */
    origin: z.enum(['flag', 'env', 'settings', 'embedded']),
    error: z.string().nullable(),
  }),
  /** The saved source (redacted), which the app uses when started without --source or MONPS_SOURCE_URL. */
  saved: z.string().nullable(),
  /** The URL to edit: the current source with its password as *** (empty for the embedded default). */
  editUrl: z.string(),
  switch: switchState,
});
export type SourceState = z.infer<typeof sourceState>;

/** A book to choose from; `commission` is its default commission on net winnings (an exchange's 5%). */
export const bookOption = z.object({
  code: z.string(),
  name: z.string(),
  sharp: z.boolean(),
  exchange: z.boolean(),
  commission: z.number(),
});
export const leagueOption = z.object({ code: z.string(), name: z.string(), country: z.string().nullable() });

export const settingsMethods = {
  'settings.get': method({
    summary: 'The settings, when they were saved, and which secrets are set',
    input: z.object({}).strict(),
    output: settingsState,
  }),
  'settings.update': method({
    summary:
      'Replace one or more sections (validated as a whole: a bad field changes nothing; a new telegram.baseUrl forgets the bot token)',
    input: settingsUpdate,
    output: settingsState,
  }),
  'settings.export': method({
    summary: 'The settings as a file (secrets excluded)',
    input: z.object({}).strict(),
    output: z.object({ fileName: z.string(), content: z.string() }),
  }),
  'settings.import': method({
    summary:
      'Settings from an exported file (validated as a whole; secrets are untouched, but a new Bot API server forgets the Telegram token)',
    input: z.object({ content: z.string().min(1, 'the file is empty').max(1_000_000) }).strict(),
    output: settingsState,
  }),
  'settings.options': method({
    summary: 'Bookmakers and leagues of the cache, to choose from',
    input: z.object({}).strict(),
    output: z.object({ bookmakers: z.array(bookOption), leagues: z.array(leagueOption) }),
  }),
  'settings.telegram.setToken': method({
    summary: 'Store the Telegram bot token as a secret after Telegram accepted it (getMe); null removes it',
    input: z.object({ token: z.string().trim().min(1).max(200).nullable() }).strict(),
    output: z.object({ telegramToken: z.boolean(), bot: z.string().nullable() }),
  }),
  'settings.source.get': method({
    summary: 'The source in use, the saved one, and a switch in progress',
    input: z.object({}).strict(),
    output: sourceState,
  }),
  'settings.source.test': method({
    summary: 'Try a source connection and name what failed (host, refused, authentication, database, TLS, not PostgreSQL, schema)',
    input: z.object({ url: sourceUrl, password }).strict(),
    output: connectionTest,
  }),
  'settings.source.save': method({
    summary:
      'Test, save (encrypted) and switch to a source; null = the embedded default. The current cache stays in use until the new source has synced',
    input: z.object({ url: sourceUrl.nullable(), password }).strict(),
    output: sourceState,
  }),
};

export const settingsEvents = {
  'settings.changed': event({
    summary: 'Settings were saved (sections that changed)',
    payload: z.object({ sections: z.array(z.string()), updatedAt: z.string() }),
  }),
  'source.changed': event({ summary: 'A source switch moved on (syncing, failed, done)', payload: sourceState }),
};
