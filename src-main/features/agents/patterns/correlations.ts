// Correlations between legs of one match: empirical phi over finished matches (per league and over all),
// beside the walk-forward Dixon-Coles model's own — the phi of its per-match joints taken together (same
// matches, comparable with the empirical one) and the mean phi inside one match (what a combo is priced with).
import { legCorrelation } from '../../../../src-shared/quant/combos';
import type { ScoreMatrix } from '../../../../src-shared/quant/markets';
import type { HistoryMatch } from './history';
import { pairDescription, SCORE_PAIRS, SCORER_KEY, SCORER_LABEL, SCORER_PARTNERS, type ScoreLeg } from './legs';
import { DEFAULT_WALK, walkForwardSteps, type WalkOptions } from './model-walk';
import { mixturePhi, phiFromCounts, type PhiEstimate } from '../../../../src-shared/quant/phi';
import { scorerJoint, scorerObservations, type GoalEvent } from './scorer-legs';
import { drain, scaled, type Steps } from './steps';

export const ALL_LEAGUES = 'ALL';

export interface CorrelationResult {
  id: string;
  league: string;
  marketA: string;
  marketB: string;
  description: string;
  empirical: PhiEstimate;
  modelCorrelation: number | null;
  modelWithinCorrelation: number | null;
  modelSampleCorrelation: number | null;
  modelSample: number;
}

export interface CorrelationsResult {
  rows: CorrelationResult[];
  fits: number;
  /** Matches the model priced, and team-matches with a scorer leg. */
  modelMatches: number;
  scorerObservations: number;
}

/** Running sums of one pair in one scope. */
class Acc {
  n = 0;
  a = 0;
  b = 0;
  both = 0;
  // the model's sample: its joints, and the outcomes of the same units
  nM = 0;
  sumA = 0;
  sumB = 0;
  sumBoth = 0;
  withinSum = 0;
  withinN = 0;
  aM = 0;
  bM = 0;
  bothM = 0;

  observe(a: boolean, b: boolean, model: { both: number; a: number; b: number } | null): void {
    this.n++;
    if (a) this.a++;
    if (b) this.b++;
    if (a && b) this.both++;
    if (!model) return;
    this.nM++;
    this.sumA += model.a;
    this.sumB += model.b;
    this.sumBoth += model.both;
    if (a) this.aM++;
    if (b) this.bM++;
    if (a && b) this.bothM++;
    const within = withinPhi(model);
    if (within !== null) {
      this.withinSum += within;
      this.withinN++;
    }
  }
}

function withinPhi(j: { both: number; a: number; b: number }): number | null {
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  const p11 = clamp(j.both);
  const p10 = clamp(j.a - j.both);
  const p01 = clamp(j.b - j.both);
  const p00 = clamp(1 - p11 - p10 - p01);
  return legCorrelation({ p11, p10, p01, p00 });
}

function scoreJoint(m: ScoreMatrix, x: ScoreLeg, y: ScoreLeg): { both: number; a: number; b: number } {
  const n = m.maxGoals + 1;
  let both = 0;
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const p = m.p[i * n + j];
      const wa = x.wins(i, j);
      const wb = y.wins(i, j);
      if (wa) a += p;
      if (wb) b += p;
      if (wa && wb) both += p;
    }
  }
  return { both, a, b };
}

export const correlationId = (league: string, a: string, b: string): string => `cor.v1|${league}|${a}~${b}`;

function row(league: string, a: string, b: string, description: string, acc: Acc): CorrelationResult | null {
  const empirical = phiFromCounts(acc.n, acc.a, acc.b, acc.both);
  if (!empirical) return null;
  const onModel = acc.nM > 0 ? phiFromCounts(acc.nM, acc.aM, acc.bM, acc.bothM) : null;
  return {
    id: correlationId(league, a, b),
    league,
    marketA: a,
    marketB: b,
    description,
    empirical,
    modelCorrelation: acc.nM > 0 ? mixturePhi(acc.sumBoth / acc.nM, acc.sumA / acc.nM, acc.sumB / acc.nM) : null,
    modelWithinCorrelation: acc.withinN > 0 ? acc.withinSum / acc.withinN : null,
    modelSampleCorrelation: onModel?.phi ?? null,
    modelSample: acc.nM,
  };
}

export interface CorrelationOptions {
  walk?: WalkOptions;
  /** Goal events (the cache's match_events); none: no scorer pairs. */
  events?: readonly GoalEvent[];
}

/** Correlations over `sorted` (the history in kick-off order), as steps (the model's walk is the long part). */
export function* correlationSteps(sorted: readonly HistoryMatch[], opts: CorrelationOptions = {}): Steps<CorrelationsResult> {
  const walk = yield* scaled(walkForwardSteps(sorted, opts.walk ?? DEFAULT_WALK), 0, 0.95);
  const scopes = [ALL_LEAGUES, ...[...new Set(sorted.map((m) => m.league))].sort()];
  const accs = new Map<string, Acc>();
  const acc = (league: string, key: string): Acc => {
    const k = `${league}|${key}`;
    let x = accs.get(k);
    if (!x) accs.set(k, (x = new Acc()));
    return x;
  };
  sorted.forEach((m, i) => {
    const matrix = walk.matrices.get(i) ?? null;
    for (const pair of SCORE_PAIRS) {
      const joint = matrix ? scoreJoint(matrix, pair.a, pair.b) : null;
      const wa = pair.a.wins(m.homeGoals, m.awayGoals);
      const wb = pair.b.wins(m.homeGoals, m.awayGoals);
      const key = `${pair.a.key}~${pair.b.key}`;
      acc(ALL_LEAGUES, key).observe(wa, wb, joint);
      acc(m.league, key).observe(wa, wb, joint);
    }
  });
  const scorers = opts.events?.length ? scorerObservations(sorted, opts.events) : [];
  for (const o of scorers) {
    const m = sorted[o.match];
    const matrix = walk.matrices.get(o.match) ?? null;
    const [f, g] = o.side === 'home' ? [m.homeGoals, m.awayGoals] : [m.awayGoals, m.homeGoals];
    for (const partner of SCORER_PARTNERS) {
      const joint = matrix ? scorerJoint(matrix, o.side, o.share, partner) : null;
      const key = `${SCORER_KEY}~${partner.key}`;
      acc(ALL_LEAGUES, key).observe(o.scored, partner.wins(f, g), joint);
      acc(m.league, key).observe(o.scored, partner.wins(f, g), joint);
    }
  }
  const rows: CorrelationResult[] = [];
  for (const league of scopes) {
    for (const pair of SCORE_PAIRS) {
      const a = accs.get(`${league}|${pair.a.key}~${pair.b.key}`);
      const r = a && row(league, pair.a.key, pair.b.key, pairDescription(pair.a.label, pair.b.label, pair.note), a);
      if (r) rows.push(r);
    }
    for (const partner of SCORER_PARTNERS) {
      const a = accs.get(`${league}|${SCORER_KEY}~${partner.key}`);
      const r = a && row(league, SCORER_KEY, partner.key, pairDescription(SCORER_LABEL, partner.label), a);
      if (r) rows.push(r);
    }
  }
  return { rows, fits: walk.fits, modelMatches: walk.matrices.size, scorerObservations: scorers.length };
}

export function mineCorrelations(sorted: readonly HistoryMatch[], opts: CorrelationOptions = {}): CorrelationsResult {
  return drain(correlationSteps(sorted, opts));
}
