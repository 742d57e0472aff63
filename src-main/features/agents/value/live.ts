// Agent B live: every upcoming match of the cache, its latest prices (through the market feature), the
// Dixon-Coles fit of its league on the window the blend weight was chosen for, and the decision function
// the backtests replay. Memoised per cache version, blend version and parameters.
import type { BlendVersion, LeagueModelStatus } from '../../../../src-shared/contract/agents';
import type { MarketPrices } from '../../../../src-shared/domain/market-prices';
import { MARKETS, type BoardMatch } from '../../../../src-shared/contract/market';
import { dayNumber } from '../../../../src-shared/quant/dates';
import { predictMatrix, type DixonColesModel } from '../../../../src-shared/quant/poisson/dixon-coles';
import { refitDixonColes } from '../../../../src-shared/quant/poisson/refit';
import type { Cache } from '../../../platform/cache/open';
import { tablesSignature, VersionedMemo } from '../../../platform/cache/reader';
import { requireTables } from '../../../platform/cache/tables';
import { fitDate, leagueResults, leagueSignature } from '../../analysis';
import { bookRoles, collectSeries, iterateQuoteChanges, pricesAt, rowId, upcomingMatches } from '../../market';
import { decideValue, type ValueModel, type ValueRow, type ValueRules } from './decide';
import { matchNames, matchTeams } from './queries';
import { latestBlend } from './versions';

/** Settings of the live agent, and the defaults of its backtest strategy ('value'). */
export const LIVE_DEFAULTS = {
  minEdge: 0.02,
  kellyFraction: 0.25,
  cap: 0.05,
  minTeamMatches: 5,
  xi: 0.0019,
  windowDays: 1095,
  overround: [0.9, 1.3] as const,
};

export interface LiveParams {
  minEdge: number;
  kellyFraction: number;
  cap: number;
  /** The Settings' commission per book (over the exchanges' default): prices are read net of it. */
  commission?: Readonly<Record<string, number>>;
}

export interface LiveRow extends ValueRow {
  id: string;
  matchId: number;
}

export interface LiveValue {
  asOf: string;
  blend: BlendVersion | null;
  warnings: string[];
  models: LeagueModelStatus[];
  matches: BoardMatch[];
  rows: LiveRow[];
  buildMs: number;
}

const TABLES = ['matches', 'teams', 'bookmakers', 'odds_history', 'odds_totals', 'odds_spreads'];
const fits = new Map<string, { key: string; model: DixonColesModel | null; played: Map<string, number>; error: string | null }>();

/** The league's fit on [asOf − windowDays, asOf), refitted only when its results or the settings change. */
function leagueFit(db: Cache, league: string, asOf: string, xi: number, windowDays: number) {
  const key = `${leagueSignature(db, league)}|${asOf}|${xi}|${windowDays}`;
  const prev = fits.get(league);
  if (prev && prev.key === key) return prev;
  const since = new Date((dayNumber(asOf) - windowDays) * 86_400_000).toISOString().slice(0, 10);
  const results = leagueResults(db, league).filter((r) => r.date >= since && r.date < asOf);
  const played = new Map<string, number>();
  for (const r of results) for (const t of [r.home, r.away]) played.set(t, (played.get(t) ?? 0) + 1);
  let model: DixonColesModel | null = null;
  let error: string | null = null;
  if (results.length === 0) error = `no finished ${league} match in the ${windowDays} days before ${asOf}`;
  else ({ model, error } = refitDixonColes(results, { asOf, xi, previous: prev?.model, what: `${league} before ${asOf}` }));
  const entry = { key, model, played, error };
  fits.set(league, entry);
  return entry;
}

function fixtureModel(
  fit: ReturnType<typeof leagueFit>,
  teams: { home: string; away: string } | undefined,
  m: Pick<BoardMatch, 'home' | 'away'>,
): ValueModel {
  if (!fit.model || !teams) return { matrix: null, missing: fit.error ?? 'no model' };
  for (const [id, name] of [
    [teams.home, m.home],
    [teams.away, m.away],
  ]) {
    const n = fit.played.get(id) ?? 0;
    if (n < LIVE_DEFAULTS.minTeamMatches)
      return {
        matrix: null,
        missing: `${name} has ${n} match${n === 1 ? '' : 'es'} in the fit window (${LIVE_DEFAULTS.minTeamMatches} needed)`,
      };
  }
  return { matrix: predictMatrix(fit.model, teams.home, teams.away), missing: null };
}

/** One match's model as liveFixtures gives it (same fit, blend settings and team minimum), for a combo
 * priced on its own (picks.priceCombo); null when the cache has no such match. */
export function matchModel(db: Cache, matchId: number, now: Date): { league: string; model: ValueModel } | null {
  const m = matchNames(db, matchId);
  if (!m) return null;
  const blend = latestBlend(db);
  const fit = leagueFit(db, m.league, fitDate(now), blend?.xi ?? LIVE_DEFAULTS.xi, blend?.windowDays ?? LIVE_DEFAULTS.windowDays);
  return { league: m.league, model: fixtureModel(fit, matchTeams(db, [matchId]).get(matchId), m) };
}

/** The live agent's rules: every market, simultaneous Kelly on 1X2, the consensus when no sharp book
 * quotes a line, the market alone for a team without history, stale quotes refused. */
export function liveRules(w: number, p: LiveParams): ValueRules {
  return {
    w,
    minEdge: p.minEdge,
    kellyFraction: p.kellyFraction,
    cap: p.cap,
    markets: MARKETS,
    staking: 'simultaneous',
    noSharp: 'consensus',
    noModel: 'market',
    overround: LIVE_DEFAULTS.overround,
    staleCheck: true,
    books: 'all',
  };
}

/** One upcoming match as Agent B sees it now: its latest prices (with the stale-quote bookkeeping) and
 * the Dixon-Coles model of its league (or why there is none). CONSEIL reads the same. */
export interface LiveFixture {
  match: BoardMatch;
  prices: MarketPrices[];
  model: ValueModel;
}

/** Every upcoming quoted match with its prices and model; the blend version in force and the warnings. */
export function liveFixtures(
  db: Cache,
  now: Date,
): { fixtures: LiveFixture[]; blend: BlendVersion | null; warnings: string[]; models: LeagueModelStatus[] } {
  requireTables(db, ['matches', 'teams', 'bookmakers']);
  const asOf = now.toISOString();
  const blend = latestBlend(db);
  const warnings: string[] = [];
  if (!blend) warnings.push("Agent B's blend weight is not calibrated yet (run value.calibrate): the market's fair price alone (w = 0)");
  const xi = blend?.xi ?? LIVE_DEFAULTS.xi;
  const windowDays = blend?.windowDays ?? LIVE_DEFAULTS.windowDays;
  const roles = bookRoles(db);
  const matches = upcomingMatches(db, asOf);
  const series = collectSeries(
    (function* () {
      for (const m of MARKETS) yield* iterateQuoteChanges(db, m, { upcomingAsOf: asOf });
    })(),
  );
  const teams = matchTeams(
    db,
    matches.map((m) => m.matchId),
  );
  const fitAsOf = fitDate(now);
  const fixtures: LiveFixture[] = [];
  const leagueFits = new Map<string, ReturnType<typeof leagueFit>>();
  for (const m of matches) {
    const s = series.get(m.matchId);
    if (!s) continue;
    let fit = leagueFits.get(m.league);
    if (!fit) leagueFits.set(m.league, (fit = leagueFit(db, m.league, fitAsOf, xi, windowDays)));
    fixtures.push({ match: m, prices: pricesAt(s, asOf, { sharpBooks: roles.sharp }), model: fixtureModel(fit, teams.get(m.matchId), m) });
  }
  const models: LeagueModelStatus[] = [];
  for (const [league, f] of leagueFits) {
    if (f.error) warnings.push(`no model for ${league}: ${f.error}`);
    models.push({ league, fitted: f.model !== null, reason: f.error });
  }
  return { fixtures, blend, warnings, models };
}

export function buildLiveValue(db: Cache, now: Date, p: LiveParams): LiveValue {
  const t0 = performance.now();
  const { fixtures, blend, warnings, models } = liveFixtures(db, now);
  const roles = bookRoles(db, p.commission);
  const rules = liveRules(blend?.w ?? 0, p);
  const rows: LiveRow[] = [];
  for (const f of fixtures) {
    const d = decideValue(f.prices, roles, f.model, rules);
    for (const r of d.rows) rows.push({ ...r, id: rowId(f.match.matchId, r.market, r.line, r.selection), matchId: f.match.matchId });
  }
  return { asOf: now.toISOString(), blend, warnings, models, matches: fixtures.map((f) => f.match), rows, buildMs: performance.now() - t0 };
}

/** A build "now" is reused for up to this long unless the cache or the blend version changes. */
const NOW_MAX_AGE_MS = 60_000;
const memo = new VersionedMemo<LiveValue>((db) => tablesSignature(db, TABLES), 8);

export function liveValue(db: Cache, p: LiveParams, now = new Date()): LiveValue {
  const blend = latestBlend(db);
  const key = `${p.minEdge}|${p.kellyFraction}|${p.cap}|${JSON.stringify(p.commission ?? {})}|${blend?.version ?? 'none'}|${Math.floor(now.getTime() / NOW_MAX_AGE_MS)}`;
  const { value, fresh } = memo.get(db, key, () => buildLiveValue(db, now, p));
  return fresh ? value : { ...value, buildMs: 0 };
}
