// Deep Analysis in the worker (jobs.ts): match preview (model vs market), scorers and team profile.
import { ContractError } from '../../../src-shared/contract/errors';
import type { Preview, PreviewMatch, Scorer } from '../../../src-shared/contract/analysis';
import type { MarketKind } from '../../../src-shared/contract/market';
import { QuantError } from '../../../src-shared/quant/errors';
import { predictMatrix } from '../../../src-shared/quant/poisson/dixon-coles';
import { impliedGoals } from '../../../src-shared/quant/implied-goals';
import type { Cache } from '../../platform/cache/open';
import { boardRows, bookRoles, LIVE_WINDOW_MS, ODDS_TABLES, seriesQuotes, sharpBooks, type Commissions, type SeriesQuote } from '../market';
import * as data from './queries';
import { previewMarkets, scorerRows } from './markets';
import { DEFAULT_XI, fitDate, leagueModel } from './model-cache';

/** Goals a side shown in the heatmap (the model's matrix goes further; the tail is tiny). */
export const HEATMAP_GOALS = 7;

/** Mirrors every analysis read needs. */
export const ANALYSIS_TABLES = ['matches', 'teams', 'leagues'];

export const upcomingFrom = (now: Date): string => new Date(now.getTime() - LIVE_WINDOW_MS).toISOString();

interface Lambdas {
  model: Preview['model'];
  modelError: string | null;
  matrix: ReturnType<typeof predictMatrix> | null;
}

function modelFor(db: Cache, m: PreviewMatch, now: Date): Lambdas {
  const asOf = fitDate(now);
  try {
    const model = leagueModel(db, m.league, asOf);
    const mx = predictMatrix(model, String(m.homeTeamId), String(m.awayTeamId));
    return {
      model: {
        league: m.league,
        asOf,
        xi: DEFAULT_XI,
        matches: model.matches,
        lambdaHome: mx.lambdaHome,
        lambdaAway: mx.lambdaAway,
        homeAdvantage: model.homeAdvantage,
        rho: model.rho,
        converged: model.converged,
      },
      modelError: null,
      matrix: mx,
    };
  } catch (err) {
    if (!(err instanceof QuantError)) throw err;
    // team ids → names in the model's message
    const msg = err.message.replace(`'${m.homeTeamId}'`, `'${m.home}'`).replace(`'${m.awayTeamId}'`, `'${m.away}'`);
    return { model: null, modelError: `no model for ${m.leagueName}: ${msg}`, matrix: null };
  }
}

/** The match's model against its market; the best prices and edges net of each book's commission (the
 * exchanges' default, then `commission`: the Settings' per-book rates, `settingsCommission`). */
export function buildPreview(db: Cache, m: PreviewMatch, now: Date, commission: Commissions): Preview {
  const t0 = performance.now();
  const { model, modelError, matrix } = modelFor(db, m, now);
  const asOf = now.toISOString();
  const quotes: SeriesQuote[] = [];
  if (m.matchId !== null)
    for (const k of Object.keys(ODDS_TABLES) as MarketKind[]) quotes.push(...seriesQuotes(db, k, asOf, { matchId: m.matchId }));
  const quoted = boardRows(quotes, sharpBooks(db), bookRoles(db, commission).commission);
  const before = m.kickoff && m.kickoff < asOf ? m.kickoff : asOf;
  const h2hRows = data.headToHead(db, m.homeTeamId, m.awayTeamId, before);
  let homeWins = 0;
  let draws = 0;
  let awayWins = 0;
  for (const r of h2hRows) {
    const homeGoals = r.homeTeamId === m.homeTeamId ? r.homeGoals : r.awayGoals;
    const awayGoals = r.homeTeamId === m.homeTeamId ? r.awayGoals : r.homeGoals;
    if (homeGoals > awayGoals) homeWins++;
    else if (homeGoals === awayGoals) draws++;
    else awayWins++;
  }
  const homeCoach = data.coachOf(db, m.homeTeamId);
  const awayCoach = data.coachOf(db, m.awayTeamId);
  const n = Math.min(HEATMAP_GOALS, matrix?.maxGoals ?? 0);
  return {
    match: m,
    picks: data.matchPicks(db, m.matchId),
    traps: data.matchActiveTraps(db, m.matchId),
    model,
    modelError,
    matrix: matrix
      ? {
          maxGoals: n,
          p: Array.from({ length: n + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => matrix.p[i * (matrix.maxGoals + 1) + j])),
        }
      : null,
    markets: matrix ? previewMarkets(matrix, quoted) : [],
    h2h: { matches: h2hRows.map(({ homeTeamId: _h, awayTeamId: _a, ...r }) => r), homeWins, draws, awayWins },
    form: {
      home: data.teamForm(db, { teamId: m.homeTeamId, name: m.home }, before),
      away: data.teamForm(db, { teamId: m.awayTeamId, name: m.away }, before),
    },
    coaches: {
      home: data.coachCardAgainst(homeCoach, awayCoach?.style ?? null),
      away: data.coachCardAgainst(awayCoach, homeCoach?.style ?? null),
    },
    scorers: previewScorers(db, m, now),
    buildMs: performance.now() - t0,
  };
}

/** The goal expectations scorer probabilities use: the ones the match's prices imply (de-vigged 1X2 and the
 * totals line nearest 2.5) when it is priced, else the league model's (counted: `source` says which). A
 * scorer price multiplies any error in the team's λ, and a model fitted on a few months of results errs
 * far more than the market (on the demo: 1.06 goals against a true 0.75). */
export function scorerLambdas(
  db: Cache,
  m: PreviewMatch,
  now: Date,
): { home: number | null; away: number | null; source: 'market' | 'model' | 'none' } {
  const { model, matrix } = modelFor(db, m, now);
  const quoted =
    m.matchId === null
      ? []
      : boardRows(
          (['1x2', 'totals'] as const).flatMap((k) => seriesQuotes(db, k, now.toISOString(), { matchId: m.matchId as number })),
          sharpBooks(db),
          {},
        );
  const fair = (market: string, line: number | null, sel: string) =>
    quoted.find((r) => r.market === market && r.line === line && r.selection === sel)?.fairProb ?? null;
  const [h, d, a] = [fair('1x2', null, 'home'), fair('1x2', null, 'draw'), fair('1x2', null, 'away')];
  if (h !== null && d !== null && a !== null) {
    const lines = [
      ...new Set(quoted.filter((r) => r.market === 'totals' && r.line !== null && r.line % 1 === 0.5).map((r) => r.line as number)),
    ];
    const line = lines.sort((x, y) => Math.abs(x - 2.5) - Math.abs(y - 2.5))[0];
    const over = line === undefined ? null : fair('totals', line, 'over');
    const sum = h + d + a;
    const g = impliedGoals(
      { home: h / sum, draw: d / sum, away: a / sum, ...(over !== null ? { totals: { line, over } } : {}) },
      model?.rho ?? 0,
    );
    return { home: g.lambdaHome, away: g.lambdaAway, source: 'market' };
  }
  if (matrix) return { home: matrix.lambdaHome, away: matrix.lambdaAway, source: 'model' };
  return { home: null, away: null, source: 'none' };
}

function previewScorers(db: Cache, m: PreviewMatch, now: Date): Preview['scorers'] {
  const l = scorerLambdas(db, m, now);
  return {
    home: scorerRows(data.teamPlayers(db, m.homeTeamId), l.home, l.away),
    away: scorerRows(data.teamPlayers(db, m.awayTeamId), l.away, l.home),
  };
}

/** Both teams' scorer probabilities for a match, from the goal expectations its prices imply (else its
 * league's model; null probabilities when there is neither), every player of each squad. */
export function matchScorerRows(
  db: Cache,
  m: PreviewMatch,
  now: Date,
): { home: Scorer[]; away: Scorer[]; source: 'market' | 'model' | 'none' } {
  const l = scorerLambdas(db, m, now);
  return {
    home: scorerRows(data.teamPlayers(db, m.homeTeamId), l.home, l.away, 100),
    away: scorerRows(data.teamPlayers(db, m.awayTeamId), l.away, l.home, 100),
    source: l.source,
  };
}

export function byTeams(db: Cache, home: string, away: string, now: Date, commission: Commissions): Preview {
  const h = data.resolveTeam(db, home);
  const a = data.resolveTeam(db, away);
  if (h.teamId === a.teamId) throw new ContractError('VALIDATION', `'${home}' and '${away}' are the same team`);
  const m = data.nextMatchBetween(db, h.teamId, a.teamId, upcomingFrom(now)) ?? data.hypotheticalMatch(db, h, a);
  return buildPreview(db, m, now, commission);
}

export function scorers(db: Cache, team: string, now: Date) {
  const t = data.resolveTeam(db, team);
  const m = data.nextMatchOf(db, t.teamId, upcomingFrom(now)) ?? null;
  let own: number | null = null;
  let opp: number | null = null;
  if (m) {
    const l = scorerLambdas(db, m, now);
    const home = m.homeTeamId === t.teamId;
    own = home ? l.home : l.away;
    opp = home ? l.away : l.home;
  }
  return {
    team: t.name,
    teamId: t.teamId,
    match: m,
    expectedGoals: own,
    scorers: scorerRows(data.teamPlayers(db, t.teamId), own, opp, 50),
  };
}

export function team(db: Cache, name: string, now: Date) {
  const t = data.resolveTeam(db, name);
  const asOf = now.toISOString();
  return {
    team: t.name,
    teamId: t.teamId,
    league: t.league,
    form: data.teamForm(db, t, asOf, 10),
    coach: data.coachCardAgainst(data.coachOf(db, t.teamId), null),
    nextMatch: data.nextMatchOf(db, t.teamId, upcomingFrom(now)) ?? null,
    marketAlerts: data.marketAlertsOf(db, t.teamId),
  };
}
