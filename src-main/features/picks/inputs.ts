/** Cache tables whose change can move a closing line or a settlement: a sync that touched one of
 * them is followed by the tracking pass. */
export const TRACKING_INPUT_TABLES = [
  'matches',
  'match_events',
  'odds_history',
  'odds_totals',
  'odds_spreads',
  'bookmakers',
  'tracking_clv_picks',
  'fg_combo_tracking',
] as const;
