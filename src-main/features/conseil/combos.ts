// CONSEIL's combo proposals (issue 18): same-match doubles whose fair price, correlation included, beats
// what a book pays for the double. Pure: the run gathers the legs (Agent B's blended probability, each
// book's fresh quote), the correlation of each pair and its source, and the exposure already taken.
//   offered   = best over the books quoting both legs of the double's price: the product of the legs' quoted
//               prices, net of the book's commission once (one book for both legs: a double is one bet)
//   fair      = P(A and B) from the legs' probabilities and their correlation (quant jointFromCorrelation)
//   proposed  = fair × offered > 1 + minEdge; the independent product P(A)·P(B) is shown beside it but
//               never decides, so a pair that only looks good as if the legs were independent is refused
// Best pair per match, the day's cap, fractional Kelly stake capped as the singles' (and held within the
// same exposure limits).
import { comboPrice, jointFromCorrelation, legCorrelationRange } from '../../../src-shared/quant/combos';
import { netOdds } from '../../../src-shared/quant/commission';
import { cappedKelly } from '../../../src-shared/quant/kelly';
import { legsNested, type ScoreLegSpec } from '../../../src-shared/quant/score-joint';
import type { Exposure, Staking } from '../decision';

export interface BookQuote {
  quoted: number;
  /** The quoted price net of the book's commission on winnings. */
  net: number;
  commission: number;
}

export interface ComboLegIn extends ScoreLegSpec {
  /** Agent B's blended probability (the one its single would be staked on). */
  probability: number;
  /** Fresh quotes of the books one can combine legs with, by book code. */
  quotes: ReadonlyMap<string, BookQuote>;
  /** A high-severity FERRARI trap on the selection vetoes every combo with the leg. */
  trap: 'low' | 'medium' | 'high' | null;
}

export type PairCorrelation = { phi: number; source: string } | { why: string };

export interface ComboFixtureIn {
  matchId: number;
  league: string;
  legs: readonly ComboLegIn[];
  correlation(a: ComboLegIn, b: ComboLegIn): PairCorrelation;
}

export interface ComboParams {
  /** Least edge fair × offered − 1 a proposal needs. */
  minEdge: number;
  /** Most combos proposed in a day (those of earlier runs count). */
  maxPerDay: number;
}

export interface ProposedCombo {
  matchId: number;
  league: string;
  legs: (ScoreLegSpec & { probability: number; odds: number; quoted: number })[];
  bookmaker: string;
  /** Product of the legs' net prices at the book, and of their quoted prices. */
  offered: number;
  offeredQuoted: number;
  probability: number;
  independentProbability: number;
  correlation: number;
  correlationSource: string;
  edge: number;
  edgeIndependent: number;
  stake: number;
}

/** The pairs a double is made of: a result (1X2 or a half handicap) with a half goal line. */
const pairable = (a: ScoreLegSpec, b: ScoreLegSpec) => (a.market === '1x2' || a.market === 'spreads') && b.market === 'totals';

/** The best book quoting both legs: the largest product of their net prices (ties: the first code). */
function bestBook(a: ComboLegIn, b: ComboLegIn): { book: string; qa: BookQuote; qb: BookQuote } | null {
  let best: { book: string; qa: BookQuote; qb: BookQuote } | null = null;
  for (const book of [...a.quotes.keys()].sort()) {
    const qb = b.quotes.get(book);
    const qa = a.quotes.get(book) as BookQuote;
    if (qb && (!best || qa.net * qb.net > best.qa.net * best.qb.net)) best = { book, qa, qb };
  }
  return best;
}

type PairOutcome = { combo: Omit<ProposedCombo, 'stake'> } | { why: string };

function pricePair(f: ComboFixtureIn, a: ComboLegIn, b: ComboLegIn, p: ComboParams): PairOutcome {
  if (legsNested(a, b)) return { why: 'one leg settles the other (a single at a false price)' };
  if (a.trap === 'high' || b.trap === 'high') return { why: 'trap veto on a leg' };
  const at = bestBook(a, b);
  if (!at) return { why: 'no book quotes both legs' };
  const c = f.correlation(a, b);
  if ('why' in c) return { why: c.why };
  const range = legCorrelationRange(a.probability, b.probability);
  // the model's phi comes with its own marginals: blended ones can leave it no room (nested legs)
  if (c.phi < range.min - 1e-12 || c.phi > range.max + 1e-12) return { why: 'correlation outside what the legs’ probabilities allow' };
  const price = comboPrice(jointFromCorrelation(a.probability, b.probability, c.phi));
  // one ticket at one book: its commission, if any, is taken once on the double's winnings
  const offered = netOdds(at.qa.quoted * at.qb.quoted, at.qa.commission);
  const edge = price.probability * offered - 1;
  if (!(edge > p.minEdge)) {
    const indep = price.independentProbability * offered - 1;
    return { why: indep > p.minEdge ? 'edge only as if independent' : 'edge' };
  }
  const leg = (l: ComboLegIn, q: BookQuote) => ({
    market: l.market,
    line: l.line,
    selection: l.selection,
    probability: l.probability,
    odds: q.net,
    quoted: q.quoted,
  });
  return {
    combo: {
      matchId: f.matchId,
      league: f.league,
      legs: [leg(a, at.qa), leg(b, at.qb)],
      bookmaker: at.book,
      offered,
      offeredQuoted: at.qa.quoted * at.qb.quoted,
      probability: price.probability,
      independentProbability: price.independentProbability,
      correlation: c.phi,
      correlationSource: c.source,
      edge,
      edgeIndependent: price.independentProbability * offered - 1,
    },
  };
}

/** Every pair of the fixture priced; the best (largest edge) kept, the others counted by reason. */
function bestOfFixture(f: ComboFixtureIn, p: ComboParams, refused: Record<string, number>): Omit<ProposedCombo, 'stake'> | null {
  let best: Omit<ProposedCombo, 'stake'> | null = null;
  const count = (why: string) => (refused[why] = (refused[why] ?? 0) + 1);
  for (const a of f.legs) {
    for (const b of f.legs) {
      if (!pairable(a, b)) continue;
      const r = pricePair(f, a, b, p);
      if ('why' in r) count(r.why);
      else if (!best || r.combo.edge > best.edge) {
        if (best) count('another pair of the match has a larger edge');
        best = r.combo;
      } else count('another pair of the match has a larger edge');
    }
  }
  return best;
}

export interface ComboChoice {
  combos: ProposedCombo[];
  refused: Record<string, number>;
}

/** The day's proposals: the best pair of each fixture (none where one was proposed earlier that day),
 * largest edges first up to the day's cap, each staked by capped fractional Kelly on its correlated
 * probability and the offered price, within the exposure left (`taken` is updated). */
export function proposeCombos(
  fixtures: readonly ComboFixtureIn[],
  p: ComboParams,
  staking: Staking,
  taken: Exposure,
  earlier: { count: number; matches: ReadonlySet<number> },
): ComboChoice {
  const refused: Record<string, number> = {};
  const count = (why: string, n = 1) => (refused[why] = (refused[why] ?? 0) + n);
  const best: Omit<ProposedCombo, 'stake'>[] = [];
  for (const f of fixtures) {
    if (earlier.matches.has(f.matchId)) count('a combo of the match proposed earlier today');
    else {
      const b = bestOfFixture(f, p, refused);
      if (b) best.push(b);
    }
  }
  best.sort((x, y) => y.edge - x.edge || x.matchId - y.matchId);
  const combos: ProposedCombo[] = [];
  const room = (used: number, share: number) => Math.max(0, share * staking.bankroll - used);
  const unit = staking.unit ?? 0.01;
  for (const c of best) {
    if (earlier.count + combos.length >= p.maxPerDay) {
      count('the day’s combo cap');
      continue;
    }
    const key = String(c.matchId);
    const kelly = cappedKelly(c.probability, c.offered, staking.kellyFraction, staking.maxStakeShare) * staking.bankroll;
    const fits = Math.min(
      kelly,
      room(taken.byMatch.get(key) ?? 0, staking.exposure.perMatch),
      room(taken.byLeague.get(c.league) ?? 0, staking.exposure.perLeague),
      room(taken.day, staking.exposure.perDay),
    );
    const stake = Number((Math.floor(fits / unit + 1e-9) * unit).toPrecision(12));
    if (stake <= 0 || stake < staking.minStake) {
      count(kelly > fits ? 'exposure' : 'stake below minimum');
      continue;
    }
    combos.push({ ...c, stake });
    taken.day += stake;
    taken.byMatch.set(key, (taken.byMatch.get(key) ?? 0) + stake);
    taken.byLeague.set(c.league, (taken.byLeague.get(c.league) ?? 0) + stake);
  }
  return { combos, refused };
}

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;

/** Why the combo is proposed, in words, from its numbers (the same text when it is read back). */
export function comboReasons(c: {
  offered: number;
  bookmaker: string | null;
  probability: number;
  independentProbability: number;
  correlation: number;
  correlationSource: string;
}): string[] {
  const edge = c.probability * c.offered - 1;
  const indep = c.independentProbability * c.offered - 1;
  return [
    `fair price ${(1 / c.probability).toFixed(2)} with the legs' correlation (phi ${c.correlation.toFixed(3)}, ${c.correlationSource}) against ${c.offered.toFixed(2)} offered${c.bookmaker ? ` at ${c.bookmaker}` : ''}: edge ${pct(edge)}`,
    `as if independent: fair ${(1 / c.independentProbability).toFixed(2)}, edge ${pct(indep)} — the correlation ${edge >= indep ? 'adds' : 'takes'} ${pct(Math.abs(edge - indep))}`,
    'the offered price is the product of the legs’ singles: a book’s bet builder may price the correlation itself — check the slip before placing',
  ];
}
