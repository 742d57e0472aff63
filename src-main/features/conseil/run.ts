// CONSEIL ULTIM live: the day's fixtures as Agent B sees them now (prices, Dixon-Coles), every priced
// selection turned into PATRON's inputs with the live signals (traps, steam, patterns), scored with the
// latest learned weights, chosen by CONSEIL's rule with the analyst's staking settings (bankroll, Kelly
// fraction, caps, exposure per match/league/day counting the day's earlier picks; excluded bookmakers
// never give the price; only the leagues followed), and recorded as picks with everything they were
// decided on (odds snapshot, model versions and parameters, weights, inputs). A re-run records only what
// is new: a selection picked once that day is not picked again.
import { pickInput, type PickInput } from '../../../src-shared/contract/picks';
import type { ConseilPick, ConseilRun } from '../../../src-shared/contract/conseil';
import { MARKETS, SELECTIONS } from '../../../src-shared/contract/market';
import type { Settings } from '../../../src-shared/contract/settings';
import { findMarket, type MarketPrices } from '../../../src-shared/domain/market-prices';
import type { Cache } from '../../platform/cache/open';
import { tableExists } from '../../platform/cache/tables';
import { currentDeskId, deskOf } from '../../platform/desk';
import { settingsCommission } from '../../platform/settings';
import { contributionLabel, fixtureInputs, PATRON_VERSION, scoreCandidates, weightRecord, type Candidate } from '../agents/patron';
import { liveFixtures } from '../agents/value';
import {
  candidateRules,
  chooseCandidates,
  CONSEIL_DEFAULTS,
  emptyExposure,
  type Chosen,
  type Exposure,
  type Refused,
  type Staking,
} from '../decision';
import { bookRoles } from '../market';
import { recordPicks } from '../picks';
import { conseilCombos, earlierCombos } from './combo-run';
import { learn, refit } from './learn';
import { daySignals } from './signals';
import { conseilPicksBetween } from './queries';
import { dayPicks } from './today';
import { latestWeights, weightsView, type StoredWeights } from './versions';

export interface RunOptions {
  date?: string;
  dryRun?: boolean;
  settings: Settings;
  settingsUpdatedAt: string | null;
}

const selectionKey = (matchId: number | null, market: string, line: number | null, selection: string) =>
  `${matchId}|${market}|${line ?? ''}|${selection}`;

/** Deterministic pick id: one pick per desk, day, match, market line and selection. The desk is in the
 * key so that two desks on one database, picking the same line, keep a pick each (issue 18). */
export const conseilPickId = (deskId: string, date: string, c: Pick<Candidate, 'matchId' | 'market' | 'line' | 'selection'>): string =>
  `conseil:${deskId}:${date}:${c.matchId}:${c.market}:${c.line === null ? 'na' : String(c.line)}:${c.selection}`;

/** The day's earlier CONSEIL picks: their exposure counts against today's limits, and they are not re-picked. */
function alreadyPicked(db: Cache, date: string): { keys: Set<string>; lines: Set<string>; exposure: Exposure } {
  const exposure = emptyExposure();
  const keys = new Set<string>();
  const lines = new Set<string>();
  const from = `${date}T00:00:00.000Z`;
  const to = new Date(Date.parse(from) + 86_400_000).toISOString();
  const rows = conseilPicksBetween(db, from, to);
  for (const p of rows) {
    keys.add(selectionKey(p.matchId, p.market, p.line, p.selection));
    lines.add(selectionKey(p.matchId, p.market, p.line, ''));
    exposure.day += p.stake;
    exposure.byMatch.set(String(p.matchId), (exposure.byMatch.get(String(p.matchId)) ?? 0) + p.stake);
    exposure.byLeague.set(p.league, (exposure.byLeague.get(p.league) ?? 0) + p.stake);
  }
  return { keys, lines, exposure };
}

function snapshotOf(m: MarketPrices, now: Date) {
  const sels = SELECTIONS[m.market];
  return m.books.flatMap((b) =>
    b.odds.flatMap((odds, k) =>
      typeof odds === 'number' && odds > 1
        ? [{ bookmaker: b.bookmaker, selection: sels[k], line: m.line, odds, observedAt: b.observedAt ?? now.toISOString() }]
        : [],
    ),
  );
}

/** A line without pushes (1X2, half lines): the blended probability is the win probability. */
const noPush = (market: string, line: number | null) => market === '1x2' || (line !== null && Math.abs((line * 2) % 2) === 1);

/** The latest PATRON weights; with none yet, a first fit: saved by a real run, kept in memory by a dry run
 * (which writes nothing). */
function weightsFor(
  db: Cache,
  dryRun: boolean,
  now: Date,
  commission: Readonly<Record<string, number>>,
  warnings: string[],
): StoredWeights | null {
  const stored = latestWeights(db);
  if (stored) return stored;
  try {
    if (!dryRun) {
      learn(db, now, commission);
      return latestWeights(db);
    }
    warnings.push('dry run: PATRON fitted in memory for this run, not saved (a real run saves it)');
    return { version: 0, fittedAt: now.toISOString(), weights: refit(db, now, commission).weights };
  } catch (err) {
    warnings.push((err as Error).message);
    return null;
  }
}

export function runConseil(db: Cache, opts: RunOptions, now = new Date()): ConseilRun {
  const t0 = performance.now();
  const date = opts.date ?? now.toISOString().slice(0, 10);
  // a dry run writes nothing, not even a first identity: its pick ids are only shown
  const deskId = opts.dryRun ? (currentDeskId(db) ?? 'no-desk-yet') : deskOf(db).deskId;
  const warnings: string[] = [];
  const commission = settingsCommission(opts.settings);
  const stored = weightsFor(db, opts.dryRun === true, now, commission, warnings);
  const staking = opts.settings.staking;
  const { fixtures, blend, warnings: agentWarnings } = liveFixtures(db, now);
  warnings.push(...agentWarnings);
  // every price read net of each book's commission (the exchanges' default, then the Settings)
  const roles0 = bookRoles(db, commission);
  const excluded = opts.settings.markets.excludedBookmakers;
  // an excluded book never gives the price taken, nor counts among the soft books of the consensus
  const roles = { ...roles0, aggregate: [...roles0.aggregate, ...excluded] };
  const leagues = opts.settings.markets.leagues;
  const day = fixtures.filter(
    (f) =>
      f.match.kickoff.slice(0, 10) === date &&
      f.match.kickoff > now.toISOString() &&
      (leagues.length === 0 || leagues.includes(f.match.league)),
  );
  const rules = candidateRules(blend?.w ?? 0, { books: 'all', markets: MARKETS });
  const signals = daySignals(
    db,
    day.map((f) => f.match.matchId),
    now,
  );
  const candidates: Candidate[] = [];
  const byMatch = new Map(day.map((f) => [f.match.matchId, f]));
  const { keys, lines, exposure } = alreadyPicked(db, date);
  const earlier = earlierCombos(db, deskId, date, exposure);
  const inputsByKey = new Map<string, Record<string, number>>();
  if (stored) {
    for (const f of day) {
      const m = f.match;
      const { rows } = fixtureInputs(f.prices, roles, f.model, rules, (market, line, selection, odds) =>
        signals.at(m.matchId, m.league, market, line, selection, odds),
      );
      for (const r of rows) inputsByKey.set(selectionKey(m.matchId, r.market, r.line, r.selection), r.inputs);
      candidates.push(...scoreCandidates({ key: String(m.matchId), matchId: m.matchId, league: m.league }, rows, stored.weights));
    }
  } else warnings.push('no PATRON weights: no picks until it has learned from settled history');
  const unpicked = candidates.filter((c) => !keys.has(selectionKey(c.matchId, c.market, c.line, c.selection)));
  // one selection per line holds across the day's runs too: a line picked earlier is not picked again on
  // its other side (its first pick no longer among the candidates would leave that side unopposed)
  const fresh = unpicked.filter((c) => !lines.has(selectionKey(c.matchId, c.market, c.line, '')));
  const stakingRule = stakingOf(opts.settings);
  const { picks, refused } = chooseCandidates(fresh, stakingRule, CONSEIL_DEFAULTS, exposure);
  const refusedBy = refusalCounts(refused, candidates.length - unpicked.length, unpicked.length - fresh.length);

  const inputs = picks.map((c) =>
    toPickInput(c, deskId, date, now, byMatch.get(c.matchId as number)!.prices, inputsByKey, stored!, blend?.w ?? 0, opts),
  );
  let recorded = 0;
  if (!opts.dryRun && inputs.length) {
    if (!tableExists(db, 'tracking_clv_picks'))
      warnings.push('the cache has no tracking_clv_picks mirror yet (sync once): picks not recorded');
    else
      recorded = recordPicks(
        db,
        inputs.map((p) => pickInput.parse(p)),
        now,
        roles.commission,
      ).length;
  }
  // same-match doubles get the room the singles leave
  const combos = conseilCombos(
    db,
    {
      day,
      roles,
      rules,
      signals,
      staking: stakingRule,
      params: staking.combos,
      exposure,
      earlier,
      deskId,
      date,
      dryRun: opts.dryRun === true,
      warnings,
    },
    now,
  );
  const views = opts.dryRun
    ? picks.map((c) => chosenView(c, deskId, date, now, byMatch.get(c.matchId as number)!.match))
    : dayPicks(db, date);
  return {
    date,
    asOf: now.toISOString(),
    patron: weightsView(stored),
    fixtures: day.length,
    candidates: candidates.length,
    picks: views,
    recorded,
    combos: combos.views,
    combosRecorded: combos.recorded,
    combosRefused: combos.refused,
    refused: refusedBy,
    staking: { bankroll: staking.bankroll, kellyFraction: staking.kellyFraction, currency: staking.currency, exposureTaken: exposure.day },
    warnings,
    seconds: (performance.now() - t0) / 1000,
  };
}

const stakingOf = (s: Settings): Staking => ({
  bankroll: s.staking.bankroll,
  kellyFraction: s.staking.kellyFraction,
  maxStakeShare: s.staking.maxStakeShare,
  minStake: s.staking.minStake,
  exposure: s.staking.exposure,
});

/** Candidates not picked, by reason: CONSEIL's rule's, and those picked (or their line) earlier today. */
function refusalCounts(refused: readonly Refused[], already: number, sameLine: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of refused) out[r.why] = (out[r.why] ?? 0) + 1;
  if (already) out['picked earlier today'] = already;
  if (sameLine) out['another selection of the line picked earlier today'] = sameLine;
  return out;
}

function patronDetail(c: Chosen, inputs: Record<string, number> | undefined) {
  return {
    score: c.patron.score,
    tier: c.patron.tier,
    expectedClv: c.patron.expectedClv,
    inputs: inputs ?? {},
    contributions: c.patron.contributions.map((k) => ({ input: k.input, value: k.value, clv: k.clv, mergedInto: k.mergedInto })),
  };
}

function toPickInput(
  c: Chosen,
  deskId: string,
  date: string,
  now: Date,
  prices: MarketPrices[],
  inputsByKey: Map<string, Record<string, number>>,
  stored: NonNullable<ReturnType<typeof latestWeights>>,
  w: number,
  opts: RunOptions,
): PickInput {
  const m = findMarket(prices, c.market, c.line) as MarketPrices;
  return {
    pickId: conseilPickId(deskId, date, c),
    matchId: c.matchId as number,
    market: c.market,
    line: c.line,
    selection: c.selection,
    bookmaker: c.bookmaker,
    // the price the book quotes (the snapshot shows it) and its commission: the pick is tracked net
    odds: c.quoted,
    commission: c.commission,
    stake: c.stake,
    pickedAt: now.toISOString(),
    source: 'conseil',
    fairOdds: 1 / c.probability,
    modelProb: noPush(c.market, c.line) ? c.probability : null,
    edge: c.edge,
    confidence: c.confidence,
    reasons: c.reasons,
    warnings: c.warnings,
    decision: {
      modelVersion: `conseil-ultim 1 / ${PATRON_VERSION} v${stored.version} / agent-b blend w=${w.toFixed(3)}`,
      modelParams: {
        date,
        minScore: CONSEIL_DEFAULTS.minScore,
        minEdge: CONSEIL_DEFAULTS.minEdge,
        staking: opts.settings.staking,
        settingsUpdatedAt: opts.settingsUpdatedAt,
        patronVersion: stored.version,
        patronTrainedThrough: stored.weights.trainedThrough,
        blendWeight: w,
      },
      weights: { ...weightRecord(stored.weights), blendWeight: w },
      oddsSnapshot: snapshotOf(m, now),
      inputs: {
        patron: patronDetail(c, inputsByKey.get(selectionKey(c.matchId, c.market, c.line, c.selection))),
        trap: c.trap,
        agentB: { probability: c.probability, edge: c.edge, stale: c.stale, books: c.books },
      },
    },
  };
}

/** A chosen pick shown without being recorded (dry run). */
function chosenView(
  c: Chosen,
  deskId: string,
  date: string,
  now: Date,
  match: { league: string; kickoff: string; home: string; away: string },
): ConseilPick {
  return {
    pickId: conseilPickId(deskId, date, c),
    matchId: c.matchId as number,
    league: match.league,
    kickoff: match.kickoff,
    home: match.home,
    away: match.away,
    market: c.market,
    line: c.line,
    selection: c.selection,
    bookmaker: c.bookmaker,
    odds: c.odds,
    quotedOdds: c.quoted,
    commission: c.commission,
    fairOdds: 1 / c.probability,
    modelProb: noPush(c.market, c.line) ? c.probability : null,
    outcomeProbs: null,
    edge: c.edge,
    stake: c.stake,
    confidence: c.confidence,
    score: c.patron.score,
    tier: c.patron.tier,
    expectedClv: c.patron.expectedClv,
    contributions: c.patron.contributions.map((k) => ({ ...k, label: contributionLabel(k.input, k.mergedInto) })),
    reasons: c.reasons,
    warnings: c.warnings,
    traps: [],
    scorers: [],
    pickedAt: now.toISOString(),
    placed: [],
    status: 'not recorded (dry run)',
    clv: null,
  };
}
