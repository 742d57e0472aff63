// The walk-forward engine: replays a strategy match day by match day. Before each day the strategy may
// train on the past (a view bounded by that day); each fixture of the day is decided with its pre-kick-off
// prices and that past only; results and closing prices are read afterwards, here, to settle the bets and
// measure them against the closing line.
import type { BacktestBet, BacktestResult } from '../../../../src-shared/contract/agents';
import { JobCancelled } from '../../../platform/jobs/define';
import { commissionOf } from '../../../../src-shared/domain/market-prices';
import { betClv, closingOf } from '../../decision';
import { calibration, scoreForecasts, summarise, summariseBy, type ScoredForecast } from './evaluate';
import { History } from './past';
import { outcome1x2, settleBet } from './settle';
import { SELECTIONS } from '../../../../src-shared/contract/market';
import { parseParams, rolesWithCommission, type AnyStrategy, type BetIntent } from './strategy';
import type { BacktestData, BacktestFixture, FixtureInfo } from './types';

export interface RunOptions {
  /** First and last match day replayed (YYYY-MM-DD, inclusive); the whole data by default. Fixtures
   * before `from` are the past the strategy trains on. */
  from?: string;
  to?: string;
  signal?: AbortSignal;
  progress?: (p: { fraction: number; message: string }) => void;
  /** Bootstrap resamples of the pooled intervals (default 10,000; the groups by league, season and market use a tenth of it). */
  resamples?: number;
  seed?: number;
  withBets?: boolean;
}

export const BOOTSTRAP_SEED = 20260101;

const info = (f: BacktestFixture): FixtureInfo => ({
  key: f.key,
  matchId: f.matchId,
  league: f.league,
  season: f.season,
  date: f.date,
  kickoff: f.kickoff,
  home: f.home,
  away: f.away,
  order: f.order,
});

function count(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}

/** A bet as the record shows it: settled from the result, with its closing line and CLV. */
function record(f: BacktestFixture, b: BetIntent, data: BacktestData): BacktestBet {
  if (!SELECTIONS[b.market].includes(b.selection))
    throw new Error(`strategy bet on unknown selection '${b.selection}' of ${b.market} (${f.key})`);
  if (!(b.odds > 1) || !(b.stake > 0)) throw new Error(`strategy bet with odds ${b.odds} and stake ${b.stake} on ${f.key}`);
  const settled = f.result ? settleBet(b, f.result) : null;
  const close = closingOf(f.closing, b.market, b.line, data.roles, f.kickoff);
  const clv = betClv(close, b.market, b.selection, b.bookmaker, b.odds);
  const commission = commissionOf(data.roles, b.bookmaker);
  return {
    fixture: f.key,
    matchId: f.matchId,
    league: f.league,
    season: f.season,
    date: f.date,
    kickoff: f.kickoff,
    home: f.home,
    away: f.away,
    market: b.market,
    line: b.line,
    selection: b.selection,
    bookmaker: b.bookmaker,
    odds: b.odds,
    quotedOdds: b.quoted,
    commission,
    stake: b.stake,
    probability: b.probability,
    edge: b.edge,
    basis: b.basis,
    result: settled ? settled.result : 'unsettled',
    profit: settled ? settled.unit * b.stake : null,
    closing: close.role,
    closingSource: close.source,
    closingFairOdds: clv.fairOdds,
    clv: clv.clv,
  };
}

export function sortFixtures(fixtures: readonly BacktestFixture[]): BacktestFixture[] {
  return [...fixtures].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
}

/** The replay, one match day per step: `runBacktest` runs it through, `runBacktestAsync` lets the event
 * loop in between days (a job's cancel message must be heard while it runs). */
function* replay(
  data: BacktestData,
  strategy: AnyStrategy,
  rawParams: Record<string, unknown>,
  opts: RunOptions,
): Generator<void, BacktestResult> {
  const t0 = performance.now();
  const params: unknown = parseParams(strategy, rawParams);
  // every price is read net of the books' commission (the data's defaults, then the run's parameter)
  const roles = rolesWithCommission(data.roles, rawParams.commission);
  data = { ...data, roles };
  const sorted = sortFixtures(data.fixtures);
  const history = new History(sorted);
  const inRange = sorted.filter((f) => (!opts.from || f.date >= opts.from) && (!opts.to || f.date <= opts.to));
  const days = [...new Set(inRange.map((f) => f.date))];
  const bets: BacktestBet[] = [];
  const forecasts: ScoredForecast[] = [];
  const skipped: Record<string, number> = {};
  const notes: Record<string, number> = {};
  let state: unknown;
  let i = 0;
  for (let d = 0; d < days.length; d++) {
    const day = days[d];
    if (d > 0) yield;
    if (opts.signal?.aborted) throw new JobCancelled();
    const todays: BacktestFixture[] = [];
    while (i < inRange.length && inRange[i].date === day) todays.push(inRange[i++]);
    const past = history.view(day);
    if (strategy.train) state = strategy.train({ day, fixtures: todays.map(info), past, params, roles: data.roles, previous: state });
    for (const f of todays) {
      const decision = strategy.decide({
        fixture: info(f),
        decision: f.decision,
        atKickoff: f.closing,
        roles: data.roles,
        past,
        params,
        state,
      });
      if (decision.skip) count(skipped, decision.skip);
      for (const n of decision.notes ?? []) count(notes, n);
      for (const b of decision.bets) bets.push(record(f, b, data));
      if (decision.forecast && f.result) {
        const close = closingOf(f.closing, '1x2', null, data.roles, f.kickoff);
        forecasts.push({ probabilities: decision.forecast, outcome: outcome1x2(f.result), closing: close.probabilities });
      }
    }
    if (opts.progress && (d % 10 === 0 || d === days.length - 1))
      opts.progress({ fraction: (d + 1) / days.length, message: `${day}: ${d + 1}/${days.length} match days, ${bets.length} bets` });
  }
  const resamples = opts.resamples ?? 10_000;
  const seed = opts.seed ?? BOOTSTRAP_SEED;
  const pooled = { resamples, seed };
  const groups = { resamples: Math.floor(resamples / 10), seed };
  const equity = { date: [] as string[], profit: [] as number[] };
  let cum = 0;
  for (const b of bets) {
    if (b.profit === null) continue;
    cum += b.profit;
    equity.date.push(b.date);
    equity.profit.push(cum);
  }
  const warnings: string[] = strategy.warnings ? strategy.warnings(state) : [];
  const unsettled = bets.filter((b) => b.profit === null).length;
  if (unsettled) warnings.push(`${unsettled} bets on fixtures without a result are unsettled and left out of the ROI`);
  const noClose = bets.filter((b) => b.clv === null).length;
  if (noClose) warnings.push(`${noClose} bets have no closing line: left out of the mean CLV (not counted as 0)`);
  warnings.push(
    'A backtest ranked among many parameter settings flatters the best one (data snooping): judge a setting chosen after the fact on new seasons.',
  );
  return {
    strategy: strategy.name,
    params: { ...(params as Record<string, unknown>), commission: roles.commission },
    source: data.description,
    from: opts.from ?? null,
    to: opts.to ?? null,
    days: days.length,
    fixtures: inRange.length,
    fixturesWithoutResult: inRange.filter((f) => !f.result).length,
    fixturesWithoutClosingLine: inRange.filter((f) => closingOf(f.closing, '1x2', null, data.roles, f.kickoff).role === 'none').length,
    skipped,
    notes,
    summary: summarise(bets, pooled),
    byLeague: summariseBy(bets, (b) => b.league, groups),
    bySeason: summariseBy(bets, (b) => b.season, groups),
    byMarket: summariseBy(bets, (b) => b.market, groups),
    equity,
    forecasts: scoreForecasts(forecasts),
    calibration: forecasts.length ? calibration(forecasts) : [],
    chosen: strategy.report ? strategy.report(state) : {},
    warnings,
    seconds: (performance.now() - t0) / 1000,
    bets: opts.withBets === false ? [] : bets,
  };
}

export function runBacktest(
  data: BacktestData,
  strategy: AnyStrategy,
  rawParams: Record<string, unknown>,
  opts: RunOptions = {},
): BacktestResult {
  const steps = replay(data, strategy, rawParams, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The same replay, yielding to the event loop every 50 ms between match days. */
export async function runBacktestAsync(
  data: BacktestData,
  strategy: AnyStrategy,
  rawParams: Record<string, unknown>,
  opts: RunOptions = {},
): Promise<BacktestResult> {
  const steps = replay(data, strategy, rawParams, opts);
  let last = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - last > 50) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      last = performance.now();
    }
  }
}
