// The day's CONSEIL picks as the panel and /api/unified/picks-today show them: each recorded pick with
// what it was decided on (PATRON score, tier, contributions, reasons, warnings), its match's active traps
// and best scorer prices with an edge, the analyst's bets following it, and where tracking stands.
import type { ConseilPick, PicksToday } from '../../../src-shared/contract/conseil';
import type { Cache } from '../../platform/cache/open';
import { tableExists } from '../../platform/cache/tables';
import { INPUT_LABELS, tierOf, type PatronInput } from '../agents/patron';
import { latestWeights, weightsView } from './versions';

interface PickDbRow {
  pick_id: string;
  match_id: number;
  market: ConseilPick['market'];
  line: number | null;
  selection: string;
  bookmaker: string;
  odds_taken: number;
  quoted_odds: number;
  commission: number;
  fair_odds: number | null;
  edge: number | null;
  stake: number;
  confidence: number | null;
  inputs: string | null;
  reasons: string | null;
  warnings: string | null;
  picked_at: string;
  result: string | null;
  clv: number | null;
  closing_status: string | null;
  league: string | null;
  kickoff: string | null;
  home: string | null;
  away: string | null;
}

export interface PatronDetail {
  score: number;
  tier: string;
  expectedClv: number;
  inputs: Record<string, number>;
  contributions: { input: string; value: number; clv: number }[];
}

const parse = <T>(json: string | null, fallback: T): T => {
  try {
    return json ? (JSON.parse(json) as T) : fallback;
  } catch {
    return fallback;
  }
};

function dayRange(date: string): [string, string] {
  const start = new Date(`${date}T00:00:00.000Z`);
  return [start.toISOString(), new Date(start.getTime() + 86_400_000).toISOString()];
}

const PICK_SELECT = `SELECT p.pick_id, p.match_id, p.market, p.line, p.selection, p.bookmaker, p.odds_taken,
    COALESCE(p.quoted_odds, p.odds_taken) AS quoted_odds, p.commission, p.fair_odds, p.edge, p.stake,
    p.confidence, p.inputs, p.reasons, p.warnings, p.picked_at, p.result, p.clv, p.closing_status,
    COALESCE(l.name, m.league_code) AS league, m.kickoff, h.name AS home, a.name AS away
  FROM tracking_clv_picks p JOIN matches m ON m.match_id = p.match_id
  JOIN teams h ON h.team_id = m.home_team_id JOIN teams a ON a.team_id = m.away_team_id
  LEFT JOIN leagues l ON l.league_code = m.league_code`;

/** Recorded CONSEIL picks of matches kicking off on `date` (UTC), best PATRON score first. */
export function dayPicks(db: Cache, date: string): ConseilPick[] {
  if (!tableExists(db, 'tracking_clv_picks')) return [];
  const [from, to] = dayRange(date);
  const rows = db
    .prepare(`${PICK_SELECT} WHERE p.kind = 'pick' AND p.source = 'conseil' AND m.kickoff >= ? AND m.kickoff < ?`)
    .all(from, to) as PickDbRow[];
  const matchIds = [...new Set(rows.map((r) => r.match_id))];
  const traps = trapsOf(db, matchIds);
  const scorers = scorersOf(db, matchIds);
  const placed = placedOf(
    db,
    rows.map((r) => r.pick_id),
  );
  return rows
    .map((r): ConseilPick => {
      const patron = parse<{ patron?: PatronDetail }>(r.inputs, {}).patron;
      const score = patron?.score ?? (r.confidence ?? 0) * 100;
      return {
        pickId: r.pick_id,
        matchId: r.match_id,
        league: r.league,
        kickoff: r.kickoff ? new Date(r.kickoff).toISOString() : null,
        home: r.home,
        away: r.away,
        market: r.market,
        line: r.line,
        selection: r.selection,
        bookmaker: r.bookmaker,
        odds: r.odds_taken,
        quotedOdds: r.quoted_odds,
        commission: r.commission,
        fairOdds: r.fair_odds,
        edge: r.edge,
        stake: r.stake,
        confidence: r.confidence,
        score,
        tier: tierOf(score),
        expectedClv: patron?.expectedClv ?? 0,
        contributions: (patron?.contributions ?? []).map((c) => ({ ...c, label: INPUT_LABELS[c.input as PatronInput] ?? c.input })),
        reasons: parse<string[]>(r.reasons, []),
        warnings: parse<string[]>(r.warnings, []),
        traps: traps.get(r.match_id) ?? [],
        scorers: scorers.get(r.match_id) ?? [],
        pickedAt: new Date(r.picked_at).toISOString(),
        placed: placed.get(r.pick_id) ?? [],
        status: r.result ?? (r.closing_status ? `closed (${r.closing_status})` : 'open'),
        clv: r.clv,
      };
    })
    .sort((a, b) => b.score - a.score || a.pickId.localeCompare(b.pickId));
}

function trapsOf(db: Cache, matchIds: readonly number[]): Map<number, ConseilPick['traps']> {
  const out = new Map<number, ConseilPick['traps']>();
  if (!tableExists(db, 'market_traps') || matchIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT match_id, kind, severity, market, line, selection, score FROM market_traps
        WHERE status = 'active' AND match_id IN (${matchIds.map(() => '?').join(',')}) ORDER BY score DESC`,
    )
    .all(...matchIds) as ({ match_id: number } & ConseilPick['traps'][number])[];
  for (const { match_id, ...t } of rows) out.set(match_id, [...(out.get(match_id) ?? []), t]);
  return out;
}

function scorersOf(db: Cache, matchIds: readonly number[]): Map<number, ConseilPick['scorers']> {
  const out = new Map<number, ConseilPick['scorers']>();
  if (!tableExists(db, 'scorer_market_picks') || !tableExists(db, 'players') || matchIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT s.match_id, pl.name AS player, t.name AS team, s.market, s.bookmaker, s.odds, s.fair_odds AS fairOdds, s.edge
         FROM scorer_market_picks s JOIN players pl ON pl.player_id = s.player_id LEFT JOIN teams t ON t.team_id = pl.team_id
        WHERE s.edge > 0 AND s.match_id IN (${matchIds.map(() => '?').join(',')}) ORDER BY s.edge DESC`,
    )
    .all(...matchIds) as ({ match_id: number } & ConseilPick['scorers'][number])[];
  for (const { match_id, ...s } of rows) {
    const list = out.get(match_id) ?? [];
    if (list.length < 3) out.set(match_id, [...list, s]);
  }
  return out;
}

function placedOf(db: Cache, pickIds: readonly string[]): Map<string, ConseilPick['placed']> {
  const out = new Map<string, ConseilPick['placed']>();
  if (pickIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT parent_pick_id AS parent, pick_id AS pickId, bookmaker, odds_taken AS odds,
        COALESCE(quoted_odds, odds_taken) AS quotedOdds, commission, stake, picked_at AS placedAt
         FROM tracking_clv_picks WHERE kind = 'bet' AND parent_pick_id IN (${pickIds.map(() => '?').join(',')}) ORDER BY picked_at`,
    )
    .all(...pickIds) as ({ parent: string } & ConseilPick['placed'][number])[];
  for (const { parent, ...b } of rows)
    out.set(parent, [...(out.get(parent) ?? []), { ...b, placedAt: new Date(b.placedAt).toISOString() }]);
  return out;
}

export function picksToday(db: Cache, date: string): PicksToday {
  const picks = dayPicks(db, date);
  const patron = weightsView(latestWeights(db));
  let note: string | null = null;
  if (picks.length === 0)
    note = patron
      ? `no CONSEIL pick for ${date} yet: run CONSEIL (it runs on the intelligence schedule), or no candidate reached the score floor`
      : 'PATRON has not learned yet: it needs settled history (finished matches with prices and a closing line) — run the learning step or CONSEIL';
  return { date, picks, patron, note };
}
