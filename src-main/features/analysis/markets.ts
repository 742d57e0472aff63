// Model against market for one match: pure, on quant's score-matrix markets and the board's consensus rows.
import type { PreviewRow, Scorer } from '../../../src-shared/contract/analysis';
import type { BoardRow } from '../../../src-shared/contract/market';
import { expectedValue } from '../../../src-shared/quant/kelly';
import { asianHandicap, bothTeamsToScore, matchOdds, totals, type ScoreMatrix, type TwoWayFair } from '../../../src-shared/quant/markets';
import { scorerProbabilities } from '../../../src-shared/quant/scorers';
import type { PlayerRow } from './queries';

export const DEFAULT_LINES = { totals: [1.5, 2.5, 3.5], spreads: [-1, -0.5, 0, 0.5] };

type Quoted = Pick<
  BoardRow,
  'market' | 'line' | 'selection' | 'fairProb' | 'fairOdds' | 'bestOdds' | 'bestQuoted' | 'bestCommission' | 'bestBook'
>;

function marketSide(rows: readonly Quoted[], market: BoardRow['market'], line: number | null, selection: string) {
  const r = rows.find((x) => x.market === market && x.line === line && x.selection === selection);
  return {
    marketProb: r?.fairProb ?? null,
    marketFairOdds: r?.fairOdds ?? null,
    // the best net price (the board's: net of each book's commission), what the edge is computed on
    bestOdds: r?.bestOdds ?? null,
    bestQuoted: r?.bestQuoted ?? null,
    bestCommission: r?.bestCommission ?? null,
    bestBook: r?.bestBook ?? null,
  };
}

/** Expected profit per unit at `odds` of a two-way bet with pushes: win·(o − 1) − lose. */
export const twoWayEdge = (f: TwoWayFair, odds: number): number => f.win * (odds - 1) - f.lose;

function twoWayRow(market: 'totals' | 'spreads', line: number, selection: string, f: TwoWayFair, quoted: readonly Quoted[]): PreviewRow {
  const m = marketSide(quoted, market, line, selection);
  return {
    market,
    line,
    selection,
    modelProb: 1 / f.fairOdds,
    modelFairOdds: f.fairOdds,
    ...m,
    edge: m.bestOdds ? twoWayEdge(f, m.bestOdds) : null,
  };
}

/** 1X2, totals and Asian handicap on every line the market quotes (defaults when none), and BTTS. */
export function previewMarkets(matrix: ScoreMatrix, quoted: readonly Quoted[]): PreviewRow[] {
  const out: PreviewRow[] = [];
  const x = matchOdds(matrix);
  for (const sel of ['home', 'draw', 'away'] as const) {
    const m = marketSide(quoted, '1x2', null, sel);
    out.push({
      market: '1x2',
      line: null,
      selection: sel,
      modelProb: x[sel],
      modelFairOdds: 1 / x[sel],
      ...m,
      edge: m.bestOdds ? expectedValue(x[sel], m.bestOdds) : null,
    });
  }
  const lines = (market: 'totals' | 'spreads') => {
    const ls = [...new Set(quoted.filter((r) => r.market === market && r.line !== null).map((r) => r.line as number))].sort(
      (a, b) => a - b,
    );
    return ls.length ? ls : DEFAULT_LINES[market];
  };
  for (const line of lines('totals')) {
    const t = totals(matrix, line);
    out.push(twoWayRow('totals', line, 'over', t.over, quoted), twoWayRow('totals', line, 'under', t.under, quoted));
  }
  for (const line of lines('spreads')) {
    const a = asianHandicap(matrix, line);
    out.push(twoWayRow('spreads', line, 'home', a.home, quoted), twoWayRow('spreads', line, 'away', a.away, quoted));
  }
  const b = bothTeamsToScore(matrix);
  for (const [sel, p] of [
    ['yes', b.yes],
    ['no', b.no],
  ] as const) {
    out.push({
      market: 'btts',
      line: null,
      selection: sel,
      modelProb: p,
      modelFairOdds: 1 / p,
      marketProb: null,
      marketFairOdds: null,
      bestOdds: null,
      bestQuoted: null,
      bestCommission: null,
      bestBook: null,
      edge: null,
    });
  }
  return out;
}

/** Penalties a team wins per match when the cache says nothing better (≈ 0.25 per match in top leagues, per side). */
export const DEFAULT_PENALTIES_PER_MATCH = 0.12;
/** The prior's weight, in team matches: a season's penalties are mostly luck (teams' true rates differ by
 * ~0.04 a match, a 15-match record by ~0.1), and the taker's probability rests on that rate (the demo's
 * Quinuk: 6 in 15 matches, his estimate nearly twice the truth). */
export const PENALTY_PRIOR_MATCHES = 60;

/** Penalties the team wins per match: its season's record shrunk toward the typical rate. */
export const penaltyRate = (taken: number, matches: number): number =>
  (taken + PENALTY_PRIOR_MATCHES * DEFAULT_PENALTIES_PER_MATCH) / (Math.max(0, matches) + PENALTY_PRIOR_MATCHES);

/** Anytime / first scorer from the team's λ, each player's share of the goals, minutes and penalties. */
export function scorerRows(players: readonly PlayerRow[], teamLambda: number | null, opponentLambda: number | null, top = 8): Scorer[] {
  const takers = players.filter((p) => p.penaltyTaker).length;
  const apps = Math.max(0, ...players.map((p) => p.appearances ?? 0));
  const pens = players.reduce((a, p) => a + (p.penaltiesTaken ?? 0), 0);
  const penaltiesPerMatch = Math.min(1, penaltyRate(pens, apps));
  const rows = players.map((p) => {
    const minutes = Math.min(90, Math.max(0, p.expectedMinutes ?? 0));
    let anytime: number | null = null;
    let first: number | null = null;
    if (teamLambda !== null && opponentLambda !== null && minutes > 0) {
      const r = scorerProbabilities({
        teamExpectedGoals: teamLambda,
        opponentExpectedGoals: opponentLambda,
        share: Math.min(1, Math.max(0, p.goalShare ?? 0)),
        minutes,
        // a starter plays from kick-off; a substitute comes on for the end of the match
        startMinute: minutes >= 60 ? 0 : 90 - minutes,
        penaltiesPerMatch,
        penaltyShare: p.penaltyTaker && takers ? 1 / takers : 0,
      });
      anytime = r.anytime;
      first = r.first;
    }
    return {
      playerId: p.playerId,
      name: p.name,
      position: p.position,
      goals: p.goals ?? 0,
      appearances: p.appearances ?? 0,
      goalShare: p.goalShare ?? 0,
      expectedMinutes: minutes,
      penaltyTaker: !!p.penaltyTaker,
      anytime,
      first,
      sourceAnytime: p.sourceAnytime ?? null,
    };
  });
  rows.sort((a, b) => (b.anytime ?? b.sourceAnytime ?? 0) - (a.anytime ?? a.sourceAnytime ?? 0) || a.playerId - b.playerId);
  return rows.slice(0, top);
}
