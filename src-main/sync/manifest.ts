import { ContractError } from '../../src-shared/contract/errors';
import { manifestEntry, type ManifestEntry, type ManifestEntryInput } from '../../src-shared/contract/sync';
import type { Cache } from '../platform/cache/open';

export type { ManifestEntry, ManifestEntryInput };

/** Tables the app itself fills (intelligence, decision): written to the cache with an outbox entry
 * and published to the source when the connection may write. */
export const OWN_OUTPUT_TABLES = [
  'agent_analyses',
  'agent_predictions',
  'agent_feedback',
  'market_traps',
  'scorer_market_picks',
  'tracking_clv_picks',
  'market_patterns',
  'patterns_correlations',
  'fg_combo_tracking',
  'desks',
] as const;

export const DEFAULT_ODDS_DAYS = 30;
const ODDS_RULES = ['missing_key', 'odds_price', 'match_exists', 'observed_at_sane', 'selection_known'] as const;

function odds(table: string, pk: string[], days: number, extraRules: ManifestEntryInput['rules'] = []): ManifestEntryInput {
  return {
    table,
    primaryKey: pk,
    window: { kind: 'recent-or-open', timeColumn: 'observed_at', days, matchColumn: 'match_id' },
    // By-match lookups use the primary key, which starts with match_id; observed_at serves the
    // "latest quotes" views and the window prune.
    indexes: [['observed_at']],
    rules: [...ODDS_RULES, ...(extraRules ?? [])],
    // A key reconcile reads every key of the window: periodic, not every sync.
    reconcileEveryMinutes: 15,
  };
}

/** The core tables, in sync order (referenced tables first). */
export function defaultManifest(oddsDays = DEFAULT_ODDS_DAYS): ManifestEntry[] {
  const own = (table: string, pk: string, indexes: string[][] = []): ManifestEntryInput => ({
    table,
    primaryKey: [pk],
    indexes,
    ownOutput: true,
  });
  const entries: ManifestEntryInput[] = [
    { table: 'leagues', primaryKey: ['league_code'] },
    { table: 'bookmakers', primaryKey: ['bookmaker'] },
    { table: 'teams', primaryKey: ['team_id'], indexes: [['league_code']] },
    { table: 'players', primaryKey: ['player_id'], indexes: [['team_id']] },
    { table: 'coaches', primaryKey: ['coach_id'], indexes: [['team_id']] },
    {
      table: 'matches',
      primaryKey: ['match_id'],
      indexes: [['kickoff'], ['status', 'kickoff'], ['home_team_id'], ['away_team_id'], ['league_code', 'season']],
    },
    { table: 'match_events', primaryKey: ['event_id'], indexes: [['match_id'], ['player_id']] },
    odds('odds_history', ['match_id', 'bookmaker', 'selection', 'observed_at'], oddsDays),
    odds('odds_totals', ['match_id', 'bookmaker', 'line', 'selection', 'observed_at'], oddsDays, ['line_sane']),
    odds('odds_spreads', ['match_id', 'bookmaker', 'line', 'selection', 'observed_at'], oddsDays, ['line_sane']),
    // goalscorer prices: windowed like the odds; selection_known checks their market (anytime | first)
    {
      ...odds('odds_scorers', ['match_id', 'player_id', 'bookmaker', 'market', 'observed_at'], oddsDays),
      indexes: [['observed_at'], ['player_id']],
    },
    { table: 'team_intelligence', primaryKey: ['team_id'] },
    { table: 'scorer_intelligence', primaryKey: ['player_id'], indexes: [['team_id']] },
    { table: 'coach_intelligence', primaryKey: ['coach_id'], indexes: [['team_id']] },
    own('agent_analyses', 'analysis_id', [['match_id'], ['agent']]),
    own('agent_predictions', 'prediction_id', [['match_id'], ['agent']]),
    own('agent_feedback', 'feedback_id', [['agent'], ['prediction_id']]),
    own('tracking_clv_picks', 'pick_id', [['match_id'], ['picked_at']]),
    own('fg_combo_tracking', 'combo_id'),
    own('market_patterns', 'pattern_id'),
    own('patterns_correlations', 'correlation_id'),
    own('market_traps', 'trap_id', [['match_id'], ['status', 'detected_at']]),
    own('scorer_market_picks', 'pick_id', [['match_id'], ['player_id']]),
    // the team's desks and their names (issue 18), each desk writing its own row
    own('desks', 'desk_id'),
  ];
  return entries.map((e) => manifestEntry.parse(e));
}

/** Cache tables of the app itself: a source table of the same name cannot have a mirror. */
export function isReservedName(table: string): boolean {
  return (
    table.startsWith('sync_') ||
    table.startsWith('sqlite_') ||
    ['quarantine', 'outbox', 'app_settings', 'monps_schema_migrations'].includes(table)
  );
}

/** Validates entries (shape, duplicates); zod defaults fill what a caller left out. */
export function parseManifest(entries: readonly ManifestEntryInput[]): ManifestEntry[] {
  const seen = new Set<string>();
  return entries.map((raw, i) => {
    const r = manifestEntry.safeParse(raw);
    if (!r.success) {
      const issues = r.error.issues.map((x) => `${x.path.join('.') || '(entry)'}: ${x.message}`).join('; ');
      throw new ContractError('VALIDATION', `manifest entry ${i} (${(raw as { table?: string }).table ?? '?'}): ${issues}`);
    }
    const e = r.data;
    if (seen.has(e.table)) throw new ContractError('VALIDATION', `manifest lists table '${e.table}' twice`);
    seen.add(e.table);
    if (e.columns) {
      for (const k of [...e.primaryKey, ...(e.watermark ? [e.watermark] : [])]) {
        if (!e.columns.includes(k)) throw new ContractError('VALIDATION', `manifest entry ${e.table}: column list must include '${k}'`);
      }
    }
    if (isReservedName(e.table))
      throw new ContractError(
        'VALIDATION',
        `manifest entry ${e.table}: the cache keeps its own table under that name, it cannot be mirrored`,
      );
    return e;
  });
}

const SAVED_KEY = 'sync.manifest.saved';

/** The manifest stored in the cache; the default one on first use. */
export function loadManifest(db: Cache): ManifestEntry[] {
  const rows = db.prepare('SELECT entry FROM sync_manifest ORDER BY position').all() as { entry: string }[];
  if (rows.length === 0 && !db.prepare('SELECT 1 FROM app_settings WHERE key = ?').get(SAVED_KEY)) {
    const def = defaultManifest();
    saveManifest(db, def);
    return def;
  }
  return parseManifest(rows.map((r) => JSON.parse(r.entry) as ManifestEntryInput));
}

export function saveManifest(db: Cache, entries: readonly ManifestEntryInput[]): ManifestEntry[] {
  const parsed = parseManifest(entries);
  const ins = db.prepare('INSERT INTO sync_manifest (table_name, position, entry) VALUES (?, ?, ?)');
  db.transaction(() => {
    db.prepare('DELETE FROM sync_manifest').run();
    parsed.forEach((e, i) => ins.run(e.table, i, JSON.stringify(e)));
    // An empty manifest saved on purpose stays empty (no default on next load).
    db.prepare("INSERT INTO app_settings (key, value) VALUES (?, 'true') ON CONFLICT (key) DO NOTHING").run(SAVED_KEY);
  })();
  return parsed;
}
