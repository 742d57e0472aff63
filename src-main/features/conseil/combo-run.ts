// CONSEIL's combos in its run: the day's fixtures turned into combo legs (Agent B's blended probability,
// each combinable book's fresh quote), each pair's correlation — the Dixon-Coles score matrix's exact
// joint when the fixture has a model, else Agent C's within-match phi when its table knows the pair with
// enough sample: the picks' sameMatchCorrelation, the one the combo slip prices with — the proposals
// chosen (./combos), recorded as this desk's combos (picks.recordCombo, settled leg by leg like any
// combo) unless a dry run, and read back for conseil.today.
import type { ConseilCombo } from '../../../src-shared/contract/conseil';
import { ContractError } from '../../../src-shared/contract/errors';
import { comboInput } from '../../../src-shared/contract/picks';
import { SELECTIONS } from '../../../src-shared/contract/market';
import { commissionOf, completeOdds, findMarket, type BookRoles, type MarketPrices } from '../../../src-shared/domain/market-prices';
import { netOdds } from '../../../src-shared/quant/commission';
import type { ScoreLegSpec } from '../../../src-shared/quant/score-joint';
import type { Cache } from '../../platform/cache/open';
import { tableExists } from '../../platform/cache/tables';
import { decideValue, LIVE_DEFAULTS, type LiveFixture, type ValueModel, type ValueRules } from '../agents/value';
import { recordCombo, sameMatchCorrelation } from '../picks';
import type { Exposure, Staking } from '../decision';
import {
  comboReasons,
  proposeCombos,
  type BookQuote,
  type ComboParams,
  type ComboFixtureIn,
  type ComboLegIn,
  type ProposedCombo,
} from './combos';
import { conseilComboPrefix, conseilComboRows, leagueCodeOf, matchLabel, type ComboDbRow } from './queries';
import type { DaySignals } from './signals';

const isHalf = (line: number | null) => line !== null && Math.abs((line * 2) % 2) === 1;

/** Fresh quotes of the books a double can be placed with: not an exchange (no multiples there), not the
 * sharp book (it refuses doubles of related legs of one match), not an aggregate column or an excluded
 * book (`roles.aggregate` holds both), a whole sane line, not stale. */
function quotesOf(m: MarketPrices, k: number, roles: BookRoles): Map<string, BookQuote> {
  const out = new Map<string, BookQuote>();
  const n = SELECTIONS[m.market].length;
  const [lo, hi] = LIVE_DEFAULTS.overround;
  for (const b of m.books) {
    if ([roles.exchange, roles.sharp, roles.aggregate].some((r) => r.includes(b.bookmaker))) continue;
    const odds = completeOdds(b, n);
    if (!odds) continue;
    const s = odds.reduce((a, o) => a + 1 / o, 0);
    const since = b.priceSince?.[k];
    if (s < lo || s > hi || (m.lastMoveAt && typeof since === 'string' && since < m.lastMoveAt)) continue;
    const commission = commissionOf(roles, b.bookmaker);
    out.set(b.bookmaker, { quoted: odds[k], net: netOdds(odds[k], commission), commission });
  }
  return out;
}

type TrapOf = (market: string, line: number | null, selection: string, odds: number) => ComboLegIn['trap'];

/** A fixture's legs a double can join: 1X2, half goal lines, half handicaps, with Agent B's blended
 * probability and the combinable books' quotes. The same live and in the real-data replay. */
export function comboLegs(
  prices: readonly MarketPrices[],
  model: ValueModel,
  roles: BookRoles,
  rules: ValueRules,
  trapOf: TrapOf,
): ComboLegIn[] {
  const legs: ComboLegIn[] = [];
  for (const r of decideValue(prices, roles, model, rules).rows) {
    if (r.blendProb === null || !(r.blendProb > 0 && r.blendProb < 1)) continue;
    if (r.market !== '1x2' && !isHalf(r.line)) continue;
    const m = findMarket(prices, r.market, r.line) as MarketPrices;
    const quotes = quotesOf(m, SELECTIONS[r.market].indexOf(r.selection), roles);
    if (quotes.size === 0) continue;
    const trap = trapOf(r.market, r.line, r.selection, r.bestOdds ?? 0);
    legs.push({ market: r.market, line: r.line, selection: r.selection, probability: r.blendProb, quotes, trap });
  }
  return legs;
}

/** The pair's correlation: the score matrix's exact joint when the fixture has a model, else Agent C's
 * within-match phi; the one reading the combo slip uses (picks' sameMatchCorrelation). */
export function pairCorrelation(db: Cache, f: LiveFixture): ComboFixtureIn['correlation'] {
  const fixture = { league: f.match.league, matrix: f.model.matrix };
  return (a, b) => sameMatchCorrelation(db, fixture, a, b);
}

export function comboFixtures(
  db: Cache,
  day: readonly LiveFixture[],
  roles: BookRoles,
  rules: ValueRules,
  signals: DaySignals,
): ComboFixtureIn[] {
  return day.map((f) => ({
    matchId: f.match.matchId,
    league: f.match.league,
    legs: comboLegs(
      f.prices,
      f.model,
      roles,
      rules,
      (market, line, selection, odds) =>
        signals.at(f.match.matchId, f.match.league, market, line, selection, odds).trapInfo?.severity ?? null,
    ),
    correlation: pairCorrelation(db, f),
  }));
}

const legId = (l: ScoreLegSpec) => `${l.market}.${l.selection}${l.line === null ? '' : `.${l.line}`}`;
export const conseilComboId = (deskId: string, date: string, c: Pick<ProposedCombo, 'matchId' | 'legs'>) =>
  `${conseilComboPrefix(deskId, date)}${c.matchId}:${c.legs.map(legId).join('_')}`;

/** The day's earlier combos of the desk: how many, on which matches, and the exposure they take. */
export function earlierCombos(db: Cache, deskId: string, date: string, exposure: Exposure): Earlier {
  const matches = new Set<number>();
  const rows = conseilComboRows(db, date, deskId);
  for (const r of rows) {
    const matchId = Number(r.combo_id.slice(conseilComboPrefix(deskId, date).length).split(':')[0]);
    matches.add(matchId);
    exposure.day += r.stake;
    exposure.byMatch.set(String(matchId), (exposure.byMatch.get(String(matchId)) ?? 0) + r.stake);
    const league = leagueCodeOf(db, matchId);
    if (league) exposure.byLeague.set(league, (exposure.byLeague.get(league) ?? 0) + r.stake);
  }
  return { count: rows.length, matches };
}

/** Records the proposals as this desk's combos; the number written (none without the combo table). */
export function recordProposals(
  db: Cache,
  combos: readonly ProposedCombo[],
  deskId: string,
  date: string,
  now: Date,
  warnings: string[],
  rates: Readonly<Record<string, number>>,
): number {
  if (combos.length === 0) return 0;
  if (!tableExists(db, 'fg_combo_tracking')) {
    warnings.push('the cache has no fg_combo_tracking mirror yet (sync once): combos not recorded');
    return 0;
  }
  let recorded = 0;
  for (const c of combos) {
    const parsed = comboInput.safeParse({
      comboId: conseilComboId(deskId, date, c),
      kind: 'accumulator',
      legs: c.legs.map((l) => ({
        matchId: c.matchId,
        market: l.market,
        line: l.line,
        selection: l.selection,
        odds: l.odds,
        probability: l.probability,
      })),
      odds: c.offeredQuoted,
      stake: c.stake,
      bookmaker: c.bookmaker,
      source: 'conseil',
      pickedAt: now.toISOString(),
      correlations: [{ legs: [0, 1], value: c.correlation, source: c.correlationSource }],
    });
    // one combo the tracker refuses (a book it does not know, a kick-off passed meanwhile) loses no other
    try {
      if (!parsed.success)
        throw new ContractError('VALIDATION', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      recordCombo(db, parsed.data, now, rates);
      recorded++;
    } catch (err) {
      if (!(err instanceof ContractError)) throw err;
      warnings.push(`combo ${conseilComboId(deskId, date, c)} not recorded: ${err.message}`);
    }
  }
  return recorded;
}

/** A proposal as conseil.run shows it (recorded or, in a dry run, not). */
export function proposedView(c: ProposedCombo, id: string, label: Partial<ConseilCombo>, status: string, now: Date): ConseilCombo {
  return {
    comboId: id,
    matchId: c.matchId,
    league: label.league ?? c.league,
    kickoff: label.kickoff ?? null,
    home: label.home ?? null,
    away: label.away ?? null,
    legs: c.legs.map((l) => ({
      market: l.market,
      line: l.line,
      selection: l.selection,
      probability: l.probability,
      odds: l.odds,
      result: null,
    })),
    bookmaker: c.bookmaker,
    offeredOdds: c.offered,
    fairOdds: 1 / c.probability,
    probability: c.probability,
    independentFairOdds: 1 / c.independentProbability,
    independentProbability: c.independentProbability,
    correlation: c.correlation,
    correlationSource: c.correlationSource,
    edge: c.edge,
    edgeIndependent: c.edgeIndependent,
    stake: c.stake,
    reasons: comboReasons({ ...c, bookmaker: c.bookmaker }),
    status,
    profit: null,
    pickedAt: now.toISOString(),
  };
}

interface StoredLeg {
  match_id: number;
  market: ConseilCombo['legs'][number]['market'];
  line: number | null;
  selection: string;
  odds: number;
  probability: number;
  result: 'won' | 'lost' | 'void' | null;
}

function storedView(r: ComboDbRow, db: Cache): ConseilCombo {
  const legs = JSON.parse(r.legs) as StoredLeg[];
  const pricing = (r.pricing ? (JSON.parse(r.pricing) as { correlation: number; correlation_source: string }[]) : [])[0];
  const probability = r.model_prob ?? legs.reduce((a, l) => a * l.probability, 1);
  const independentProbability = r.independent_prob ?? legs.reduce((a, l) => a * l.probability, 1);
  const correlation = pricing?.correlation ?? 0;
  const correlationSource = pricing?.correlation_source ?? 'none recorded';
  const matchId = Number(legs[0]?.match_id);
  const label = matchLabel(db, matchId);
  return {
    comboId: r.combo_id,
    matchId,
    league: label?.league ?? null,
    kickoff: label?.kickoff ? new Date(label.kickoff).toISOString() : null,
    home: label?.home ?? null,
    away: label?.away ?? null,
    legs: legs.map((l) => ({
      market: l.market,
      line: l.line,
      selection: String(l.selection),
      probability: l.probability,
      odds: l.odds,
      result: l.result ?? null,
    })),
    bookmaker: r.bookmaker,
    offeredOdds: r.odds,
    fairOdds: 1 / probability,
    probability,
    independentFairOdds: 1 / independentProbability,
    independentProbability,
    correlation,
    correlationSource,
    edge: probability * r.odds - 1,
    edgeIndependent: independentProbability * r.odds - 1,
    stake: r.stake,
    reasons: comboReasons({ offered: r.odds, bookmaker: r.bookmaker, probability, independentProbability, correlation, correlationSource }),
    status: r.result ?? 'open',
    profit: r.profit,
    pickedAt: r.picked_at ? new Date(r.picked_at).toISOString() : '',
  };
}

/** The day's CONSEIL combos of this desk, largest edge first. */
export function dayCombos(db: Cache, date: string): ConseilCombo[] {
  return conseilComboRows(db, date)
    .map((r) => storedView(r, db))
    .sort((a, b) => b.edge - a.edge || a.comboId.localeCompare(b.comboId));
}

interface Earlier {
  count: number;
  matches: Set<number>;
}

export interface ComboRunContext {
  day: readonly LiveFixture[];
  roles: BookRoles;
  rules: ValueRules;
  signals: DaySignals;
  staking: Staking;
  params: ComboParams;
  /** After the singles: combos get the room they leave. */
  exposure: Exposure;
  earlier: Earlier;
  deskId: string;
  date: string;
  dryRun: boolean;
  warnings: string[];
}

/** The run's combos: proposed, recorded unless a dry run, and shown (a real run shows the day's recorded
 * ones, earlier runs' included; a dry run the proposals alone). */
export function conseilCombos(
  db: Cache,
  x: ComboRunContext,
  now: Date,
): { views: ConseilCombo[]; recorded: number; refused: Record<string, number> } {
  const fixtures = comboFixtures(db, x.day, x.roles, x.rules, x.signals);
  const { combos, refused } = proposeCombos(fixtures, x.params, x.staking, x.exposure, x.earlier);
  if (x.dryRun) {
    const byMatch = new Map(x.day.map((f) => [f.match.matchId, f.match]));
    const views = combos.map((c) =>
      proposedView(c, conseilComboId(x.deskId, x.date, c), byMatch.get(c.matchId) ?? {}, 'not recorded (dry run)', now),
    );
    return { views, recorded: 0, refused };
  }
  const recorded = recordProposals(db, combos, x.deskId, x.date, now, x.warnings, x.roles.commission);
  return { views: dayCombos(db, x.date), recorded, refused };
}
