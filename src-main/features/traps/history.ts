// The history of similar situations (SPEC 5): for every finished match whose quotes are in the
// cache, the traps the detector finds in its series up to kick-off (the same rules, with as many soft
// books as priced the match, at least one), and what backing the selection at the trap's price returned.
// Kept in trap_history, so it outlives the sync's pruning of old quotes; a trap's historical ROI and
// count are those of the situations with its kind, market and price band.
import type { TrapKind } from '../../../src-shared/contract/intel';
import { settle1x2, settleAsianHandicap, settleTotal, type Outcome1x2 } from '../../../src-shared/quant/settlement';
import { PRICE_BANDS, priceBand } from '../../../src-shared/domain/price-bands';
import type { Cache } from '../../platform/cache/open';
import { tableExists } from '../../platform/cache/tables';
import { parseTime, readGroups, replay, Skips, type MarketGroup } from '../agents/anomaly';
import { detectTraps } from './detect';

const ODDS_MIRRORS = ['odds_history', 'odds_totals', 'odds_spreads'];

/** The price band of "similar" situations: the shared bands (src-shared/domain/price-bands). */
export const bandOf = (odds: number): string => priceBand(odds).key;

/** The band's prices as a query range: [lower, upper), the first band open below and the last above
 * (read by price, not by the stored key, so rows stored under an older cut still count). */
function bandRange(odds: number): [number, number] {
  const b = priceBand(odds);
  return [b === PRICE_BANDS[0] ? 0 : b.lower, Number.isFinite(b.upper) ? b.upper : Number.MAX_VALUE];
}

interface Result {
  homeGoals: number;
  awayGoals: number;
}

/** Profit per unit of backing `selection` at `odds` (Asian lines and totals settled exactly). */
export function profitOf(g: Pick<MarketGroup, 'market' | 'line'>, selection: string, odds: number, r: Result): number {
  if (g.market === '1x2') return settle1x2(selection as Outcome1x2, odds, r.homeGoals, r.awayGoals).profit;
  if (g.market === 'totals') return settleTotal(selection as 'over' | 'under', g.line ?? 0, odds, r.homeGoals, r.awayGoals).profit;
  const line = g.line ?? 0;
  return settleAsianHandicap(selection as 'home' | 'away', selection === 'home' ? line : -line, odds, r.homeGoals, r.awayGoals).profit;
}

const BATCH = 300;

/** How far back an incremental update looks for matches that finished since (a full one reads all). */
export const HISTORY_LOOKBACK_MS = 14 * 86_400_000;

/** Reads the finished matches not yet in the history (kicked off in the last two weeks; all of them with
 * `full` or when none was read yet). */
export function updateHistory(db: Cache, asOf: number, full = false): { matches: number; situations: number } {
  if (!tableExists(db, 'matches') || !tableExists(db, 'trap_history')) return { matches: 0, situations: 0 };
  if (full)
    db.transaction(() => {
      db.prepare('DELETE FROM trap_history').run();
      db.prepare('DELETE FROM trap_history_matches').run();
    })();
  // the first update of a cache reads every finished match it holds, not two weeks: a fresh start's
  // traps get their history at once
  const first = !full && db.prepare('SELECT 1 FROM trap_history_matches LIMIT 1').get() === undefined;
  const todo = db
    .prepare(
      `SELECT match_id AS matchId, kickoff, home_goals AS homeGoals, away_goals AS awayGoals FROM matches
       WHERE status = 'finished' AND kickoff >= ? AND kickoff <= ? AND home_goals IS NOT NULL AND away_goals IS NOT NULL
         AND match_id NOT IN (SELECT match_id FROM trap_history_matches)
         AND (${
           ODDS_MIRRORS.filter((t) => tableExists(db, t))
             .map((t) => `EXISTS (SELECT 1 FROM ${t} o WHERE o.match_id = matches.match_id)`)
             .join(' OR ') || '0'
         })
       ORDER BY match_id`,
    )
    .all(full || first ? '' : new Date(asOf - HISTORY_LOOKBACK_MS).toISOString(), new Date(asOf).toISOString()) as ({
    matchId: number;
    kickoff: string;
  } & Result)[];
  const insert = db.prepare(
    `INSERT OR REPLACE INTO trap_history (match_id, market, line, selection, kind, kickoff, bookmaker, odds, fair_odds, band, won, profit)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const done = db.prepare('INSERT OR REPLACE INTO trap_history_matches (match_id, read_at) VALUES (?, ?)');
  let situations = 0;
  const at = new Date(asOf).toISOString();
  for (let i = 0; i < todo.length; i += BATCH) {
    const batch = todo.slice(i, i + BATCH);
    const byId = new Map(batch.map((m) => [m.matchId, m]));
    const { groups } = readGroups(
      db,
      batch.map((m) => ({ matchId: m.matchId, kickoff: parseTime(m.kickoff) })),
      asOf,
      new Skips(),
    );
    db.transaction(() => {
      for (const g of groups) {
        const m = byId.get(g.matchId);
        if (!m) continue;
        const r = replay(g, g.kickoff);
        if (!r.times.length) continue;
        // the same detector over the match's whole series, with as many soft books as priced it
        const books = Math.max(1, Math.min(3, r.soft.length));
        for (const t of detectTraps(r, g.kickoff, undefined, books)) {
          if (t.odds === null) continue;
          const profit = profitOf(g, t.selection, t.odds, m);
          insert.run(
            g.matchId,
            g.market,
            g.line,
            t.selection,
            t.kind,
            m.kickoff,
            t.bookmaker,
            t.odds,
            t.fairOdds,
            bandOf(t.odds),
            profit > 0 ? 1 : 0,
            profit,
          );
          situations++;
        }
      }
      for (const m of batch) done.run(m.matchId, at);
    })();
  }
  return { matches: todo.length, situations };
}

export interface Similar {
  n: number;
  roi: number | null;
}

/** Count and ROI of the past situations like a trap (its kind, market and price band). */
export function similarStats(db: Cache, kind: TrapKind, market: string, odds: number | null): Similar {
  if (odds === null || !tableExists(db, 'trap_history')) return { n: 0, roi: null };
  const r = db
    .prepare('SELECT count(*) AS n, avg(profit) AS roi FROM trap_history WHERE kind = ? AND market = ? AND odds >= ? AND odds < ?')
    .get(kind, market, ...bandRange(odds)) as { n: number; roi: number | null };
  return { n: r.n, roi: r.n ? Math.round((r.roi as number) * 1e4) / 1e4 : null };
}

export interface SimilarRow {
  matchId: number;
  kickoff: string;
  home: string;
  away: string;
  selection: string;
  odds: number;
  fairOdds: number | null;
  won: boolean;
  profit: number;
}

export function similarRows(db: Cache, kind: TrapKind, market: string, odds: number | null, limit = 50): SimilarRow[] {
  if (odds === null || !tableExists(db, 'trap_history')) return [];
  const rows = db
    .prepare(
      `SELECT h.match_id AS matchId, h.kickoff, COALESCE(ht.name, '?') AS home, COALESCE(at.name, '?') AS away, h.selection, h.odds,
              h.fair_odds AS fairOdds, h.won, h.profit
       FROM trap_history h LEFT JOIN matches m ON m.match_id = h.match_id
       LEFT JOIN teams ht ON ht.team_id = m.home_team_id LEFT JOIN teams at ON at.team_id = m.away_team_id
       WHERE h.kind = ? AND h.market = ? AND h.odds >= ? AND h.odds < ? ORDER BY h.kickoff DESC LIMIT ?`,
    )
    .all(kind, market, ...bandRange(odds), limit) as (Omit<SimilarRow, 'won'> & { won: number })[];
  return rows.map((r) => ({ ...r, won: r.won === 1 }));
}
