// CONSEIL's same-match doubles replayed on the 28 football-data files (E0, SP1, D1, F1 × 2019-20…2025-26):
// each match's legs read at the pre-closing prices as live CONSEIL reads them (Agent B's probability: on
// these files the market alone, w = 0), the correlation from the walk-forward Dixon-Coles score matrix (a
// fit at each month's start on the league's previous three years: nothing of the month itself), offered =
// the product of one combinable book's prices (B365 is the only soft book quoting both 1X2 and totals in
// these files; PS is the sharp reference, BFE an exchange), proposed by the same rule as live (least edge
// and daily cap from the Settings' defaults). Each proposal's CLV against the same book's closing double
// (the product of its closing prices) and against the fair close (Pinnacle's closing legs de-vigged, joined
// with the same correlation), and its result. `npx tsx scripts/conseil-combos-real.ts` (about a minute).
import { DEFAULT_SETTINGS } from '../src-shared/contract/settings';
import { findMarket, selectionIndex, sharpFair, type MarketPrices } from '../src-shared/domain/market-prices';
import { bootstrapMeanInterval } from '../src-shared/quant/stats';
import { jointFromCorrelation, legCorrelation } from '../src-shared/quant/combos';
import { scoreJoint, scoreLegWins } from '../src-shared/quant/score-joint';
import { candidateRules, emptyExposure } from '../src-main/features/decision';
import { comboLegs } from '../src-main/features/conseil/combo-run';
import { proposeCombos, type ComboFixtureIn, type ProposedCombo } from '../src-main/features/conseil/combos';
import { drain } from '../src-main/features/agents/patterns/steps';
import { walkForwardSteps } from '../src-main/features/agents/patterns/model-walk';
import type { HistoryMatch } from '../src-main/features/agents/patterns';
import type { BacktestFixture } from '../src-main/features/agents/backtest';
import { loadSeasons } from '../test/support/conseil-table';

const t0 = performance.now();
const data = loadSeasons();
const played = data.fixtures.filter((f) => f.result).sort((a, b) => a.kickoff.localeCompare(b.kickoff) || a.order - b.order);
const history: HistoryMatch[] = played.map((f) => ({
  id: f.key,
  league: f.league,
  season: f.season,
  date: f.date,
  kickoff: f.kickoff,
  home: f.home,
  away: f.away,
  homeGoals: f.result!.homeGoals,
  awayGoals: f.result!.awayGoals,
  oneXTwo: null,
  totals25: null,
}));
const walk = drain(walkForwardSteps(history));
const rules = candidateRules(0, { books: 'all', markets: ['1x2', 'totals', 'spreads'] });
const { minEdge, maxPerDay } = DEFAULT_SETTINGS.staking.combos;
const s = DEFAULT_SETTINGS.staking;
const staking = {
  bankroll: s.bankroll,
  kellyFraction: s.kellyFraction,
  maxStakeShare: s.maxStakeShare,
  minStake: s.minStake,
  exposure: s.exposure,
};

const byDay = new Map<string, { f: BacktestFixture; c: ComboFixtureIn }[]>();
played.forEach((f, i) => {
  const matrix = walk.matrices.get(i);
  if (!matrix) return;
  const legs = comboLegs(f.decision, { matrix, missing: null }, data.roles, rules, () => null);
  const c: ComboFixtureIn = {
    matchId: i,
    league: f.league,
    legs,
    correlation: (a, b) => {
      const phi = legCorrelation(scoreJoint(matrix, a, b));
      return phi === null ? { why: 'a leg certain under the model' } : { phi, source: 'Dixon-Coles score matrix (exact joint)' };
    },
  };
  byDay.set(f.date, [...(byDay.get(f.date) ?? []), { f, c }]);
});

const closingPrice = (m: MarketPrices | undefined, book: string, k: number) => {
  const o = m?.books.find((b) => b.bookmaker === book)?.odds[k];
  return typeof o === 'number' && o > 1 ? o : null;
};
const fairClose = (f: BacktestFixture, l: ProposedCombo['legs'][number]) => {
  const m = findMarket(f.closing, l.market, l.line);
  return m ? (sharpFair(m, data.roles)?.probabilities[selectionIndex(l.market, l.selection)] ?? null) : null;
};

const clvBook: number[] = [];
const clvFair: number[] = [];
const profits: number[] = [];
let proposals = 0;
const refused: Record<string, number> = {};
const pairs = new Map<string, number>();
for (const [, day] of [...byDay].sort((a, b) => a[0].localeCompare(b[0]))) {
  const r = proposeCombos(
    day.map((d) => d.c),
    { minEdge, maxPerDay },
    staking,
    emptyExposure(),
    { count: 0, matches: new Set() },
  );
  for (const [k, v] of Object.entries(r.refused)) refused[k] = (refused[k] ?? 0) + v;
  for (const c of r.combos) {
    proposals++;
    const f = played[c.matchId];
    const pair = c.legs.map((l) => `${l.market}${l.line === null ? '' : ` ${l.line}`} ${l.selection}`).join(' + ');
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    const close = c.legs.map((l) =>
      closingPrice(findMarket(f.closing, l.market, l.line), c.bookmaker, selectionIndex(l.market, l.selection)),
    );
    if (close.every((x) => x !== null)) clvBook.push(c.offered / ((close[0] as number) * (close[1] as number)) - 1);
    const [pa, pb] = c.legs.map((l) => fairClose(f, l));
    if (pa !== null && pb !== null && pa > 0 && pa < 1 && pb > 0 && pb < 1) {
      try {
        clvFair.push(jointFromCorrelation(pa, pb, c.correlation).p11 * c.offered - 1);
      } catch {
        refused['fair close: correlation outside the closing legs’ range (not counted)'] =
          (refused['fair close: correlation outside the closing legs’ range (not counted)'] ?? 0) + 1;
      }
    }
    const won = c.legs.every((l) => scoreLegWins(l)(f.result!.homeGoals, f.result!.awayGoals));
    profits.push(won ? c.offered - 1 : -1);
  }
}

const pct = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(2)}%`;
const line = (what: string, xs: number[]) => {
  if (xs.length < 2) return `${what}: ${xs.length} values`;
  const ci = bootstrapMeanInterval(xs, { resamples: 10_000, seed: 20261207 });
  return `${what}: ${pct(ci.mean)} [${pct(ci.lower)}, ${pct(ci.upper)}] over ${xs.length}`;
};
console.log(`${played.length} played matches, ${walk.matrices.size} with a walk-forward model, ${byDay.size} days`);
console.log(`combos proposed (least edge ${pct(minEdge)}, at most ${maxPerDay} a day): ${proposals}`);
console.log(
  `pairs: ${[...pairs]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')}`,
);
console.log(line('CLV against the same book’s closing double (product of its closing prices)', clvBook));
console.log(line('CLV against the fair close (Pinnacle’s closing legs de-vigged, same correlation)', clvFair));
console.log(line('ROI per unit staked (flat stakes, results)', profits));
console.log(
  `pairs not proposed: ${Object.entries(refused)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')}`,
);
console.log(`(${((performance.now() - t0) / 1000).toFixed(0)} s)`);
