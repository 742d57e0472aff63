// Agent B's decision for one fixture, the same function live (prices from the cache) and in replay
// (prices from a backtest's data): fair probability per selection = the sharp book de-vigged when it
// quotes the line, else the de-vigged consensus of the books; blended with the Dixon-Coles probability,
// p = w·model + (1 − w)·market; edge of the best fresh soft price; Kelly stake (fractional, capped,
// simultaneous for the exclusive 1X2 outcomes). A best price unchanged since the market's last move is
// stale and not value.
import { SELECTIONS, type MarketKind } from '../../../../src-shared/contract/market';
import {
  bestSoftPrices,
  completeOdds,
  isSoftBook,
  sharpFair,
  type Best,
  type BookRoles,
  type MarketPrices,
} from '../../../../src-shared/domain/market-prices';
import { consensusProbabilities } from '../../../../src-shared/quant/consensus';
import { cappedKelly, simultaneousKelly } from '../../../../src-shared/quant/kelly';
import type { ScoreMatrix } from '../../../../src-shared/quant/markets';
import { modelProbabilities } from './model';

export interface ValueRules {
  /** Weight of the model in the blend (chosen by the backtester; 0 = market only). */
  w: number;
  minEdge: number;
  kellyFraction: number;
  cap: number;
  markets: readonly MarketKind[];
  /** 1X2: 'simultaneous' stakes every selection with an edge by Kelly for exclusive outcomes; 'best' bets
   * only the largest edge. Two-way lines always bet their better side. */
  staking: 'simultaneous' | 'best';
  /** No sharp price on a line: use the consensus of the books, or pass. */
  noSharp: 'consensus' | 'skip';
  /** No model probability (a team with too little history): bet on the market alone, or pass. */
  noModel: 'market' | 'skip';
  /** A soft book counts only when 1/odds of its whole line sums within this range (publisher errors out). */
  overround: readonly [number, number];
  staleCheck: boolean;
  /** Where a bet may be placed: every book but the aggregates ('all': the sharp book and the exchange
   * too), or the soft books only (the sharp book being the reference it is measured against). */
  books: 'all' | 'soft';
}

export interface ValueModel {
  matrix: ScoreMatrix | null;
  /** Why there is no model probability (said in the bet record). */
  missing: string | null;
}

export interface ValueRow {
  market: MarketKind;
  line: number | null;
  selection: string;
  marketProb: number | null;
  marketSource: string | null;
  modelProb: number | null;
  blendProb: number | null;
  /** The best price net of its book's commission on winnings (what edge and stake use), the price as the
   * book quotes it, and the commission. */
  bestOdds: number | null;
  bestQuoted: number | null;
  bestCommission: number | null;
  bestBook: string | null;
  bestAt: string | null;
  edge: number | null;
  stake: number | null;
  staleBest: { odds: number; bookmaker: string } | null;
  bet: boolean;
  note: string;
  /** How p was made: "blend w=0.30 of model and sharp PS", "market only (consensus of 6 books): no model …". */
  basis: string;
}

export interface ValueDecision {
  rows: ValueRow[];
  /** The 1X2 probabilities used (home, draw, away), null when the fixture had none. */
  forecast: number[] | null;
  /** Reasons counted by a backtest (e.g. "no sharp price", "no model: market only"). */
  notes: string[];
}

const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;

/** "2.10 (B365)", or "5.20 (BFE), 4.99 net of 5%" for a book that takes a commission. */
const priceText = (b: Best): string =>
  b.commission > 0
    ? `${b.quoted} (${b.bookmaker}), ${b.odds.toFixed(2)} net of ${+(b.commission * 100).toFixed(2)}%`
    : `${b.odds} (${b.bookmaker})`;

/** The market's fair probabilities of a line: sharp book, else consensus of the sane complete soft books. */
function marketFair(m: MarketPrices, roles: BookRoles, rules: ValueRules): { p: number[]; source: string } | { why: string } {
  const sharp = sharpFair(m, roles);
  if (sharp) return { p: sharp.probabilities, source: `sharp ${sharp.bookmaker}` };
  if (rules.noSharp === 'skip') return { why: 'no sharp price' };
  const n = SELECTIONS[m.market].length;
  const [lo, hi] = rules.overround;
  const books = m.books.filter((b) => {
    if (!isSoftBook(b.bookmaker, roles)) return false;
    const o = completeOdds(b, n);
    if (!o) return false;
    const s = o.reduce((a, x) => a + 1 / x, 0);
    return s >= lo && s <= hi;
  });
  if (books.length === 0) return { why: 'no book quotes the whole line' };
  return { p: consensusProbabilities(books).probabilities, source: `consensus of ${books.length} book${books.length === 1 ? '' : 's'}` };
}

/** Every selection of one market line, with the bets the rules take on it. */
function lineRows(m: MarketPrices, roles: BookRoles, model: ValueModel, rules: ValueRules, notes: string[]): ValueRow[] {
  const sels = SELECTIONS[m.market];
  const n = sels.length;
  const blank = (note: string): ValueRow[] =>
    sels.map((selection) => ({
      market: m.market,
      line: m.line,
      selection,
      marketProb: null,
      marketSource: null,
      modelProb: null,
      blendProb: null,
      bestOdds: null,
      bestQuoted: null,
      bestCommission: null,
      bestBook: null,
      bestAt: null,
      edge: null,
      stake: null,
      staleBest: null,
      bet: false,
      note,
      basis: '',
    }));
  const fair = marketFair(m, roles, rules);
  if ('why' in fair) {
    notes.push(fair.why);
    return blank(`${fair.why}: no fair probability`);
  }
  const pm = model.matrix ? modelProbabilities(model.matrix, m.market, m.line) : null;
  let p: number[];
  let basis: string;
  if (pm && rules.w > 0) {
    p = pm.map((q, k) => rules.w * q + (1 - rules.w) * fair.p[k]);
    basis = `blend w=${rules.w.toFixed(3)} of Dixon-Coles and ${fair.source}`;
  } else if (rules.w === 0) {
    p = fair.p;
    basis = `${fair.source} (blend weight 0)`;
  } else if (rules.noModel === 'market') {
    p = fair.p;
    basis = `market only (${fair.source}): ${model.missing ?? 'no model'}`;
    notes.push('no model: market only');
  } else {
    notes.push('no model: skipped');
    return blank(`${model.missing ?? 'no model'}: skipped`).map((r, k) => ({ ...r, marketProb: fair.p[k], marketSource: fair.source }));
  }
  const lastMove = m.lastMoveAt ?? null;
  const stale = (b: { priceSince?: (string | null)[] }, k: number): boolean => {
    const since = b.priceSince?.[k];
    return rules.staleCheck && lastMove !== null && typeof since === 'string' && since < lastMove;
  };
  const where = rules.books === 'all' ? { ...roles, sharp: [] } : roles;
  const best = bestSoftPrices(m, where, { overround: rules.overround, refuse: stale });
  const anyBest = rules.staleCheck && lastMove ? bestSoftPrices(m, where, { overround: rules.overround }) : best;
  const edge = best.map((b, k) => (b ? p[k] * b.odds - 1 : null));
  const stakes = new Array<number | null>(n).fill(null);
  const full = best.every((b): b is Best => b !== null);
  if (m.market === '1x2' && rules.staking === 'simultaneous' && full) {
    const kelly = simultaneousKelly(
      p,
      best.map((b) => (b as Best).odds),
    );
    kelly.fractions.forEach((f, k) => {
      if (f > 0 && (edge[k] as number) > rules.minEdge) stakes[k] = Math.min(rules.cap, rules.kellyFraction * f);
    });
  } else {
    let top = -1;
    edge.forEach((e, k) => {
      if (e !== null && (top < 0 || e > (edge[top] as number))) top = k;
    });
    if (top >= 0 && (edge[top] as number) > rules.minEdge)
      stakes[top] = cappedKelly(p[top], (best[top] as Best).odds, rules.kellyFraction, rules.cap);
  }
  return sels.map((selection, k) => {
    const b = best[k];
    const e = edge[k];
    const a = anyBest[k];
    const staleBest = a && (!b || a.odds > b.odds) ? { odds: a.odds, bookmaker: a.bookmaker } : null;
    const stake = stakes[k] !== null && (stakes[k] as number) > 0 ? stakes[k] : null;
    let note: string;
    const at = b ? priceText(b) : '';
    if (!b) note = staleBest ? `only a stale price (${staleBest.bookmaker} ${staleBest.odds})` : 'no soft price';
    else if (stake !== null) note = `edge ${pct(e as number)} at ${at} > ${pct(rules.minEdge)}`;
    else if ((e as number) > rules.minEdge) note = `edge ${pct(e as number)} at ${at}, but another selection takes the stake`;
    else note = `edge ${pct(e as number)} at ${at} ≤ ${pct(rules.minEdge)}`;
    if (staleBest && b) note += `; ${staleBest.bookmaker} ${staleBest.odds} is stale (unchanged since the market moved)`;
    return {
      market: m.market,
      line: m.line,
      selection,
      marketProb: fair.p[k],
      marketSource: fair.source,
      modelProb: pm ? pm[k] : null,
      blendProb: p[k],
      bestOdds: b?.odds ?? null,
      bestQuoted: b?.quoted ?? null,
      bestCommission: b?.commission ?? null,
      bestBook: b?.bookmaker ?? null,
      bestAt: b?.observedAt ?? null,
      edge: e,
      stake,
      staleBest,
      bet: stake !== null,
      note,
      basis,
    };
  });
}

/** Agent B on one fixture: a row per selection of every market line it covers, the bets among them
 * (at most one line per market kind: the one with the largest edge), and the 1X2 probabilities used. */
export function decideValue(markets: readonly MarketPrices[], roles: BookRoles, model: ValueModel, rules: ValueRules): ValueDecision {
  const notes: string[] = [];
  const rows: ValueRow[] = [];
  let forecast: number[] | null = null;
  for (const kind of rules.markets) {
    const lines = markets.filter((m) => m.market === kind);
    if (kind === '1x2' && lines.length === 0) notes.push('no 1X2 prices');
    const perLine = lines.map((m) => lineRows(m, roles, model, rules, notes));
    // one line per market kind: the one whose best bet has the largest edge
    let keep = -1;
    perLine.forEach((rs, i) => {
      const e = Math.max(...rs.filter((r) => r.bet).map((r) => r.edge as number));
      if (Number.isFinite(e) && (keep < 0 || e > Math.max(...perLine[keep].filter((r) => r.bet).map((r) => r.edge as number)))) keep = i;
    });
    perLine.forEach((rs, i) => {
      for (const r of rs) {
        if (r.bet && i !== keep)
          rows.push({ ...r, bet: false, stake: null, note: `${r.note}, but another ${kind} line has a larger edge` });
        else rows.push(r);
      }
    });
    if (kind === '1x2' && perLine.length) {
      const first = perLine[0];
      if (first.every((r) => r.blendProb !== null)) forecast = first.map((r) => r.blendProb as number);
    }
  }
  return { rows, forecast, notes };
}
