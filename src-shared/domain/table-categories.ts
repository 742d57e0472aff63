/** The seed's inventory categories, by table name. Tables of the app's own machinery are SYSTEM;
 * anything a user adds falls in OTHER. */
export const categoryOrder = [
  'ODDS',
  'MATCHES',
  'AGENTS ML',
  'INTELLIGENCE',
  'TRACKING',
  'PATTERNS',
  'FERRARI',
  'REFERENCE',
  'DEMO TRUTH',
  'SYSTEM',
  'OTHER',
] as const;
export type Category = (typeof categoryOrder)[number];

const exact: Record<string, Category> = {
  matches: 'MATCHES',
  match_events: 'MATCHES',
  team_intelligence: 'INTELLIGENCE',
  scorer_intelligence: 'INTELLIGENCE',
  coach_intelligence: 'INTELLIGENCE',
  tracking_clv_picks: 'TRACKING',
  fg_combo_tracking: 'TRACKING',
  market_patterns: 'PATTERNS',
  patterns_correlations: 'PATTERNS',
  market_traps: 'FERRARI',
  scorer_market_picks: 'FERRARI',
  leagues: 'REFERENCE',
  teams: 'REFERENCE',
  players: 'REFERENCE',
  coaches: 'REFERENCE',
  bookmakers: 'REFERENCE',
  app_settings: 'SYSTEM',
  monps_schema_migrations: 'SYSTEM',
  // the cache's own record of the agents' fitted settings (the blend weight chosen by backtest)
  agent_model_versions: 'SYSTEM',
  // PATRON DIAMOND's weight versions (the learning log)
  patron_versions: 'SYSTEM',
  // the agents' working state in the cache (runs, watermarks, raised alerts, the trap history index)
  agent_runs: 'SYSTEM',
  agent_watermarks: 'SYSTEM',
  agent_alerts: 'SYSTEM',
  trap_history: 'SYSTEM',
  trap_history_matches: 'SYSTEM',
  // this desk's identity (one row, copied from desk.json beside the settings)
  desk: 'SYSTEM',
  // the team's desks as published to the source (their names)
  desks: 'SYSTEM',
};

export function categoryOf(table: string): Category {
  if (exact[table]) return exact[table];
  if (table.startsWith('odds_')) return 'ODDS';
  if (table.startsWith('agent_')) return 'AGENTS ML';
  if (table.startsWith('demo_')) return 'DEMO TRUTH';
  if (table.startsWith('sync_') || table.startsWith('monps_') || table === 'quarantine' || table === 'outbox') return 'SYSTEM';
  return 'OTHER';
}
