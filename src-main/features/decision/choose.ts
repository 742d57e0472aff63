// CONSEIL ULTIM's rule, the same live and in replay: from PATRON-scored candidates, the picks of a day
// with their stakes. A high-severity trap on the selection vetoes it; a candidate needs at least the
// minimum PATRON score (a tier's floor), a positive expected CLV and an edge against the blended fair probability; one selection
// per market line (the best score); stakes are fractional Kelly on the blended probability, capped per
// bet, then held within the exposure limits per match, per league and per day (a pick that does not fit
// whole is cut to the room left, or dropped under the minimum stake).
import { cappedKelly } from '../../../src-shared/quant';
import { INPUT_LABELS, TIER_FLOORS, type Candidate, type PatronInput } from '../agents/patron';

export interface Staking {
  bankroll: number;
  kellyFraction: number;
  maxStakeShare: number;
  minStake: number;
  exposure: { perMatch: number; perDay: number; perLeague: number };
  /** Stakes are rounded down to this (a cent of the currency live; a replay's bankroll of 1 uses 1e-6). */
  unit?: number;
}

export interface ConseilParams {
  /** Lowest PATRON score picked (the silver tier's floor by default). */
  minScore: number;
  minEdge: number;
}
export const CONSEIL_DEFAULTS: ConseilParams = { minScore: TIER_FLOORS.silver, minEdge: 0 };

/** Exposure already taken (earlier runs of the day, or earlier fixtures of a replayed day). */
export interface Exposure {
  day: number;
  byMatch: Map<string, number>;
  byLeague: Map<string, number>;
}
export const emptyExposure = (): Exposure => ({ day: 0, byMatch: new Map(), byLeague: new Map() });

export interface Chosen extends Candidate {
  stake: number;
  confidence: number;
  reasons: string[];
  warnings: string[];
}

export interface Refused {
  candidate: Candidate;
  why: 'trap veto' | 'score' | 'edge' | 'another selection of the line' | 'exposure' | 'stake below minimum';
}

const pct = (x: number, digits = 1): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(digits)}%`;

/** The inputs that carried the score, in words (largest positive parts of the expected CLV first). */
function reasonsOf(c: Candidate): string[] {
  const words: Partial<Record<PatronInput, (v: number) => string>> = {
    edge: (v) =>
      c.commission > 0
        ? `edge ${pct(v)} at ${c.quoted} with ${c.bookmaker} (${c.odds.toFixed(2)} net of its ${+(c.commission * 100).toFixed(2)}% commission) against the blended fair price`
        : `edge ${pct(v)} at ${c.odds} with ${c.bookmaker} against the blended fair price`,
    marketEdge: (v) => `${pct(v)} against the market's fair price`,
    model: (v) => `Dixon-Coles gives ${pct(v)} more probability than the market`,
    steam: (v) => `steam toward the selection (Agent A score ${Math.round(v * 100)})`,
    pattern: (v) => `historical pattern ROI ${pct(v)} (significant after correction)`,
    outlier: (v) => `best price ${pct(v)} above the second best`,
    priceBand: () => `price band ${c.odds.toFixed(2)}`,
  };
  const out = [`PATRON ${Math.round(c.patron.score)} (${c.patron.tier}): expected CLV ${pct(c.patron.expectedClv, 2)}`];
  for (const k of c.patron.contributions) {
    if (k.clv <= 0.0005 || out.length >= 5) continue;
    const say = words[k.input];
    out.push(`${say ? say(k.value) : INPUT_LABELS[k.input]} (adds ${pct(k.clv, 2)} CLV)`);
  }
  return out;
}

function warningsOf(c: Candidate, sameMatch: number): string[] {
  const w: string[] = [];
  if (c.trap) w.push(`FERRARI trap (${c.trap.kind}, ${c.trap.severity}) on this selection`);
  if (c.books <= 2) w.push(`thin market: ${c.books} book${c.books === 1 ? '' : 's'} quote the selection`);
  if (c.stale) w.push('a better price elsewhere is stale (unchanged since the market moved): the price shown is the best fresh one');
  if (sameMatch > 0) w.push(`correlated exposure: ${sameMatch} other pick${sameMatch === 1 ? '' : 's'} on this match`);
  for (const k of c.patron.contributions)
    if (k.clv < -0.005) w.push(`${INPUT_LABELS[k.input]} takes ${pct(k.clv, 2)} off the expected CLV`);
  return w;
}

export function chooseCandidates(
  candidates: readonly Candidate[],
  staking: Staking,
  params: ConseilParams,
  taken: Exposure = emptyExposure(),
): { picks: Chosen[]; refused: Refused[] } {
  const refused: Refused[] = [];
  const eligible: Candidate[] = [];
  for (const c of candidates) {
    if (c.trap?.severity === 'high') refused.push({ candidate: c, why: 'trap veto' });
    else if (c.patron.score < params.minScore || !(c.patron.expectedClv > 0)) refused.push({ candidate: c, why: 'score' });
    else if (!(c.edge > params.minEdge)) refused.push({ candidate: c, why: 'edge' });
    else eligible.push(c);
  }
  const ranked = eligible.sort((a, b) => b.patron.score - a.patron.score || b.patron.expectedClv - a.patron.expectedClv);
  const lines = new Set<string>();
  const picks: Chosen[] = [];
  const room = (used: number, share: number) => Math.max(0, share * staking.bankroll - used);
  for (const c of ranked) {
    const line = `${c.fixture}|${c.market}|${c.line ?? ''}`;
    if (lines.has(line)) {
      refused.push({ candidate: c, why: 'another selection of the line' });
      continue;
    }
    const kelly = cappedKelly(c.probability, c.odds, staking.kellyFraction, staking.maxStakeShare) * staking.bankroll;
    const fits = Math.min(
      kelly,
      room(taken.byMatch.get(c.fixture) ?? 0, staking.exposure.perMatch),
      room(taken.byLeague.get(c.league) ?? 0, staking.exposure.perLeague),
      room(taken.day, staking.exposure.perDay),
    );
    const unit = staking.unit ?? 0.01;
    const stake = Number((Math.floor(fits / unit + 1e-9) * unit).toPrecision(12));
    if (stake <= 0 || stake < staking.minStake) {
      refused.push({ candidate: c, why: kelly > fits ? 'exposure' : 'stake below minimum' });
      continue;
    }
    lines.add(line);
    const sameMatch = picks.filter((p) => p.fixture === c.fixture).length;
    picks.push({
      ...c,
      stake,
      confidence: c.patron.score / 100,
      reasons: reasonsOf(c),
      warnings: [
        ...warningsOf(c, sameMatch),
        ...(stake < kelly - 0.005 ? [`stake cut from ${kelly.toFixed(2)} to fit the exposure limits`] : []),
      ],
    });
    taken.day += stake;
    taken.byMatch.set(c.fixture, (taken.byMatch.get(c.fixture) ?? 0) + stake);
    taken.byLeague.set(c.league, (taken.byLeague.get(c.league) ?? 0) + stake);
  }
  return { picks, refused };
}
