// A large cache for the board's speed (bench and e2e): N upcoming matches × (1X2 + 5 totals lines +
// 5 handicap lines) × 8 books × 3 quotes, in the sync's mirror layout (see cache-fixture.ts). Written
// straight into SQLite: the point is the board's query and the browser, not the sync's speed.
import { openCache } from '../../../src-main/platform/cache/open';
import { sfc32 } from '../../../src-shared/quant/random';
import { MIRROR_DDL } from './cache-fixture';

/** The board reads the cache only: a closed port stands for "no source" (refused at once, the app
 * runs on its cache), which spares starting an embedded PostgreSQL. */
export const NO_SOURCE = 'postgres://monps:none@127.0.0.1:1/none';

export const BIG_BOOKS = ['B365', 'BW', 'IW', 'PS', 'WH', 'VC', 'LB', 'BFE'];
const TOTAL_LINES = [1.5, 2, 2.5, 3, 3.5];
const SPREAD_LINES = [-1, -0.5, -0.25, 0, 0.5];
/** Board rows per match: 3 + 2 × 5 + 2 × 5. */
export const ROWS_PER_MATCH = 3 + 2 * TOTAL_LINES.length + 2 * SPREAD_LINES.length;

export interface BigBoard {
  matches: number;
  rows: number;
  quotes: number;
  asOf: string;
}

/** ~`rows` board rows (rounded up to whole matches). Deterministic in `seed`; kick-offs spread over
 * the 7 days after `asOf`, quotes at −48 h, −12 h and −30 min. */
export function buildBigBoardCache(file: string, rows = 50_000, seed = 7, asOf = new Date()): BigBoard {
  const db = openCache(file, { migrate: true });
  db.exec(MIRROR_DDL);
  const rng = sfc32(seed);
  const now = asOf.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const nMatches = Math.ceil(rows / ROWS_PER_MATCH);
  const leagues = ['E0', 'E1', 'SP1', 'D1', 'I1', 'F1', 'N1', 'P1'];
  const stamp = iso(now);
  let quotes = 0;
  db.transaction(() => {
    const lg = db.prepare('INSERT INTO leagues VALUES (?, ?, NULL, 1, ?)');
    for (const l of leagues) lg.run(l, `League ${l}`, stamp);
    const bk = db.prepare('INSERT INTO bookmakers VALUES (?, ?, ?, 0, 0, ?)');
    for (const b of BIG_BOOKS) bk.run(b, b, b === 'PS' ? 1 : 0, stamp);
    const teams = db.prepare('INSERT INTO teams VALUES (?, ?, ?, NULL, ?)');
    const match = db.prepare("INSERT INTO matches VALUES (?, ?, '2026-27', ?, ?, ?, 'scheduled', NULL, NULL, NULL, NULL, ?)");
    const h = db.prepare('INSERT INTO odds_history VALUES (?, ?, ?, ?, ?, 0, ?)');
    const t = db.prepare('INSERT INTO odds_totals VALUES (?, ?, ?, ?, ?, ?, 0, ?)');
    const s = db.prepare('INSERT INTO odds_spreads VALUES (?, ?, ?, ?, ?, ?, 0, ?)');
    const times = [now - 48 * 3_600_000, now - 12 * 3_600_000, now - 30 * 60_000].map(iso);
    const price = (p: number, margin: number) => Math.round((1 / (p * (1 + margin))) * 100) / 100;
    for (let m = 1; m <= nMatches; m++) {
      const league = leagues[m % leagues.length];
      teams.run(2 * m - 1, `Home ${m}`, league, stamp);
      teams.run(2 * m, `Away ${m}`, league, stamp);
      match.run(m, league, iso(now + Math.floor(rng() * 7 * 24 * 60) * 60_000 + 3_600_000), 2 * m - 1, 2 * m, stamp);
      const pH = 0.25 + rng() * 0.4;
      const pD = 0.22 + rng() * 0.08;
      for (const b of BIG_BOOKS) {
        const margin = b === 'PS' ? 0.025 : 0.04 + rng() * 0.04;
        times.forEach((at, k) => {
          const drift = (rng() - 0.5) * 0.04 * k;
          const ph = Math.min(0.9, pH + drift);
          const probs = [ph, pD, Math.max(0.05, 1 - ph - pD)];
          ['home', 'draw', 'away'].forEach((sel, i) => h.run(m, b, sel, price(probs[i], margin), at, stamp));
          for (const line of TOTAL_LINES) {
            const po = Math.min(0.9, Math.max(0.1, 0.5 + (2.6 - line) * 0.22 + (rng() - 0.5) * 0.03));
            t.run(m, b, line, 'over', price(po, margin / 2), at, stamp);
            t.run(m, b, line, 'under', price(1 - po, margin / 2), at, stamp);
          }
          for (const line of SPREAD_LINES) {
            const ph2 = Math.min(0.9, Math.max(0.1, 0.5 + (ph - 0.42) + line * 0.3 + (rng() - 0.5) * 0.03));
            s.run(m, b, line, 'home', price(ph2, margin / 2), at, stamp);
            s.run(m, b, line, 'away', price(1 - ph2, margin / 2), at, stamp);
          }
          quotes += ROWS_PER_MATCH;
        });
      }
    }
    // the checkpoints a sync leaves (the board's memo is keyed on them)
    const st = db.prepare('INSERT INTO sync_state (table_name, last_success_at, updated_at) VALUES (?, ?, ?)');
    for (const table of ['leagues', 'bookmakers', 'teams', 'matches', 'odds_history', 'odds_totals', 'odds_spreads'])
      st.run(table, stamp, stamp);
  })();
  db.close();
  return { matches: nMatches, rows: nMatches * ROWS_PER_MATCH, quotes, asOf: iso(now) };
}
