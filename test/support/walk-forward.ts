// Walk-forward evaluation (shared by the bench `walk-forward` and its integration test) of the Dixon-Coles model on real data against the closing market.
// For each league and each of the two latest full seasons: before every match day (every distinct date
// with matches), fit on the matches of the previous 3 years (ξ = 0.0019/day, warm start from the previous
// day's fit) and predict that day's matches; nothing from the day itself or later is used.
// A fixture is scored when both teams have >= 5 matches in the window (promoted teams join after five
// games) and the market has a full 1X2 closing price: Pinnacle closing PSCH/PSCD/PSCA, else Pinnacle
// pre-closing PSH/PSD/PSA, else market-average closing AvgCH/D/A, else average AvgH/D/A
// (Pinnacle stops in mid-January 2026), de-vigged multiplicatively. Model and market are scored on the same set.
import fs from 'node:fs';
import path from 'node:path';
import { parseFootballDataFile, type FootballDataMatch } from '../../src-main/ingest/football-data/parse';
import {
  brierScore,
  dayNumber,
  devig,
  refitDixonColes,
  logLoss,
  matchOdds,
  predictMatrix,
  type DixonColesModel,
  type MatchResult,
} from '../../src-shared/quant';
import { footballDataDir } from './shared-data';

export const LEAGUES = ['E0', 'SP1', 'D1', 'F1'];
export const SEASONS = ['2024-25', '2025-26'];
const XI = 0.0019;
const WINDOW_DAYS = 3 * 365;
const MIN_TEAM_MATCHES = 5;
const MARKET_SOURCES = [
  ['PSCH', 'PSCD', 'PSCA'],
  ['PSH', 'PSD', 'PSA'],
  ['AvgCH', 'AvgCD', 'AvgCA'],
  ['AvgH', 'AvgD', 'AvgA'],
];

export interface WalkForwardRow {
  league: string;
  season: string;
  fits: number;
  scored: number;
  skipped: number;
  pinnacleClosing: number;
  model: { logLoss: number; brier: number };
  market: { logLoss: number; brier: number };
}

function marketProbabilities(m: FootballDataMatch): { p: number[]; source: number } | null {
  for (const [i, cols] of MARKET_SOURCES.entries()) {
    const odds = cols.map((c) => m.odds[c]);
    if (odds.every((o) => typeof o === 'number' && o > 1)) return { p: devig(odds).probabilities, source: i };
  }
  return null;
}

export function evaluate(league: string, season: string): WalkForwardRow {
  const files = fs
    .readdirSync(footballDataDir())
    .filter((f) => f.startsWith(`${league}_`) && f.endsWith('.csv'))
    .sort();
  const all = files
    .flatMap((f) => parseFootballDataFile(path.join(footballDataDir(), f)).matches)
    .filter((m) => m.fthg !== null && m.ftag !== null);
  const results: Array<MatchResult & { day: number }> = all.map((m) => ({
    date: m.date,
    day: dayNumber(m.date),
    home: m.homeTeam,
    away: m.awayTeam,
    homeGoals: m.fthg!,
    awayGoals: m.ftag!,
  }));
  const test = parseFootballDataFile(path.join(footballDataDir(), `${league}_${season}.csv`)).matches.filter((m) => m.fthg !== null);
  const dates = [...new Set(test.map((m) => m.date))].sort();
  const modelP: number[][] = [];
  const marketP: number[][] = [];
  const outcomes: number[] = [];
  let prev: DixonColesModel | undefined;
  let skipped = 0;
  let pinnacle = 0;
  for (const date of dates) {
    const day = dayNumber(date);
    const window = results.filter((r) => r.day < day && r.day >= day - WINDOW_DAYS);
    const { model, error } = refitDixonColes(window, { asOf: date, xi: XI, previous: prev, what: `${league} before ${date}` });
    if (!model) throw new Error(`no Dixon-Coles model: ${error}`);
    prev = model;
    const played = new Map<string, number>();
    for (const r of window) for (const t of [r.home, r.away]) played.set(t, (played.get(t) ?? 0) + 1);
    for (const m of test.filter((x) => x.date === date)) {
      const market = marketProbabilities(m);
      if ((played.get(m.homeTeam) ?? 0) < MIN_TEAM_MATCHES || (played.get(m.awayTeam) ?? 0) < MIN_TEAM_MATCHES || !market) {
        skipped++;
        continue;
      }
      const x = matchOdds(predictMatrix(model, m.homeTeam, m.awayTeam));
      modelP.push([x.home, x.draw, x.away]);
      marketP.push(market.p);
      if (market.source === 0) pinnacle++;
      outcomes.push(m.fthg! > m.ftag! ? 0 : m.fthg === m.ftag ? 1 : 2);
    }
  }
  return {
    league,
    season,
    fits: dates.length,
    scored: outcomes.length,
    skipped,
    pinnacleClosing: pinnacle,
    model: { logLoss: logLoss(modelP, outcomes), brier: brierScore(modelP, outcomes) },
    market: { logLoss: logLoss(marketP, outcomes), brier: brierScore(marketP, outcomes) },
  };
}

/** The README's table: one line per league-season and the pooled line. */
export function walkForwardTable(rows: readonly WalkForwardRow[]): string {
  const f = (x: number) => x.toFixed(4);
  const sum = (g: (r: WalkForwardRow) => number) => rows.reduce((a, r) => a + g(r), 0);
  const table = [
    '| league | season | fits | scored | skipped | Pinnacle closing | model log loss | market log loss | model Brier | market Brier |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.league} | ${r.season} | ${r.fits} | ${r.scored} | ${r.skipped} | ${r.pinnacleClosing} | ${f(r.model.logLoss)} | ${f(r.market.logLoss)} | ${f(r.model.brier)} | ${f(r.market.brier)} |`,
    ),
  ];
  const tot = pooled(rows);
  table.push(
    `| all | | ${sum((r) => r.fits)} | ${sum((r) => r.scored)} | ${sum((r) => r.skipped)} | ${sum((r) => r.pinnacleClosing)} | ${f(tot.model.logLoss)} | ${f(tot.market.logLoss)} | ${f(tot.model.brier)} | ${f(tot.market.brier)} |`,
  );
  table.push(`(uniform forecast: log loss ${f(Math.log(3))}, Brier ${f(2 / 3)})`);
  return table.join('\n');
}

/** Scores over every fixture of the rows (weighted by fixtures scored). */
export function pooled(rows: readonly WalkForwardRow[]): Pick<WalkForwardRow, 'model' | 'market'> {
  const n = rows.reduce((a, r) => a + r.scored, 0);
  const avg = (k: 'model' | 'market', m: 'logLoss' | 'brier') => rows.reduce((a, r) => a + r[k][m] * r.scored, 0) / n;
  return {
    model: { logLoss: avg('model', 'logLoss'), brier: avg('model', 'brier') },
    market: { logLoss: avg('market', 'logLoss'), brier: avg('market', 'brier') },
  };
}

/** What a sane walk-forward looks like; an empty list when it holds. The model must not beat the
 * closing market by a margin that would betray look-ahead, nor fall far behind it. */
export function walkForwardProblems(r: WalkForwardRow): string[] {
  const what = `${r.league} ${r.season}`;
  const uniform = Math.log(3);
  const out: string[] = [];
  if (r.scored <= 200) out.push(`${what}: only ${r.scored} fixtures scored`);
  if (!Number.isFinite(r.model.logLoss)) out.push(`${what}: model log loss ${r.model.logLoss}`);
  if (!(r.market.logLoss < uniform - 0.03)) out.push(`${what}: market log loss ${r.market.logLoss} not below uniform − 0.03`);
  if (!(r.model.logLoss < uniform)) out.push(`${what}: model log loss ${r.model.logLoss} not below uniform`);
  const d = r.model.logLoss - r.market.logLoss;
  if (!(d < 0.06 && d > -0.02)) out.push(`${what}: model − market log loss ${d} outside (−0.02, 0.06)`);
  if (!(r.model.brier - r.market.brier < 0.04)) out.push(`${what}: model − market Brier ${r.model.brier - r.market.brier} ≥ 0.04`);
  return out;
}
