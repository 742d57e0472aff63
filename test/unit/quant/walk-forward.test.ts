// Walk-forward evaluation of the Dixon-Coles model on real data against the closing market.
// For each league and each of the two latest full seasons: before every match day (every distinct date
// with matches), fit on the matches of the previous 3 years (ξ = 0.0019/day, warm start from the previous
// day's fit) and predict that day's matches; nothing from the day itself or later is used.
// A fixture is scored when both teams have >= 5 matches in the window (promoted teams join after five
// games) and the market has a full 1X2 closing price: Pinnacle closing PSCH/PSCD/PSCA, else Pinnacle
// pre-closing PSH/PSD/PSA, else market-average closing AvgCH/D/A, else average AvgH/D/A
// (Pinnacle stops in mid-January 2026), de-vigged multiplicatively. Model and market are scored on the same set.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFootballDataFile, type FootballDataMatch } from '../../../src-main/data/football-data/parse';
import { brierScore, dayNumber, devig, fitDixonColes, logLoss, matchOdds, predictMatrix, type DixonColesModel, type MatchResult } from '../../../src-shared/quant';

const DATA = '/work/shared/data/football-data';
const LEAGUES = ['E0', 'SP1', 'D1', 'F1'];
const SEASONS = ['2024-25', '2025-26'];
const XI = 0.0019;
const WINDOW_DAYS = 3 * 365;
const MIN_TEAM_MATCHES = 5;
const MARKET_SOURCES = [['PSCH', 'PSCD', 'PSCA'], ['PSH', 'PSD', 'PSA'], ['AvgCH', 'AvgCD', 'AvgCA'], ['AvgH', 'AvgD', 'AvgA']];

interface Row {
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

function evaluate(league: string, season: string): Row {
  const files = fs.readdirSync(DATA).filter((f) => f.startsWith(`${league}_`) && f.endsWith('.csv')).sort();
  const all = files.flatMap((f) => parseFootballDataFile(path.join(DATA, f)).matches).filter((m) => m.fthg !== null && m.ftag !== null);
  const results: Array<MatchResult & { day: number }> = all.map((m) => ({ date: m.date, day: dayNumber(m.date), home: m.homeTeam, away: m.awayTeam, homeGoals: m.fthg!, awayGoals: m.ftag! }));
  const test = parseFootballDataFile(path.join(DATA, `${league}_${season}.csv`)).matches.filter((m) => m.fthg !== null);
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
    const model = fitDixonColes(window, { asOf: date, xi: XI, init: prev });
    expect(model.converged, `${league} ${date}`).toBe(true);
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

describe('walk-forward: Dixon-Coles vs the de-vigged closing market', () => {
  it('every league, the two latest full seasons', { timeout: 120_000 }, () => {
    const rows = LEAGUES.flatMap((l) => SEASONS.map((s) => evaluate(l, s)));
    const f = (x: number) => x.toFixed(4);
    const table = [
      '| league | season | fits | scored | skipped | Pinnacle closing | model log loss | market log loss | model Brier | market Brier |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...rows.map((r) => `| ${r.league} | ${r.season} | ${r.fits} | ${r.scored} | ${r.skipped} | ${r.pinnacleClosing} | ${f(r.model.logLoss)} | ${f(r.market.logLoss)} | ${f(r.model.brier)} | ${f(r.market.brier)} |`),
    ];
    const tot = (k: 'model' | 'market', m: 'logLoss' | 'brier') => rows.reduce((a, r) => a + r[k][m] * r.scored, 0) / rows.reduce((a, r) => a + r.scored, 0);
    table.push(`| all | | ${rows.reduce((a, r) => a + r.fits, 0)} | ${rows.reduce((a, r) => a + r.scored, 0)} | ${rows.reduce((a, r) => a + r.skipped, 0)} | ${rows.reduce((a, r) => a + r.pinnacleClosing, 0)} | ${f(tot('model', 'logLoss'))} | ${f(tot('market', 'logLoss'))} | ${f(tot('model', 'brier'))} | ${f(tot('market', 'brier'))} |`);
    table.push(`(uniform forecast: log loss ${f(Math.log(3))}, Brier ${f(2 / 3)})`);
    console.log(table.join('\n'));
    const uniformLogLoss = Math.log(3);
    for (const r of rows) {
      const what = `${r.league} ${r.season}`;
      expect(r.scored, what).toBeGreaterThan(200);
      expect(Number.isFinite(r.model.logLoss), what).toBe(true);
      // the closing market beats a uniform forecast, and so does the model
      expect(r.market.logLoss, what).toBeLessThan(uniformLogLoss - 0.03);
      expect(r.model.logLoss, what).toBeLessThan(uniformLogLoss);
      // the model sits in a sane band around the market: not far worse, and not better by a margin
      // that would betray look-ahead (closing prices are the best public forecast there is)
      expect(r.model.logLoss - r.market.logLoss, what).toBeLessThan(0.06);
      expect(r.model.logLoss - r.market.logLoss, what).toBeGreaterThan(-0.02);
      expect(r.model.brier - r.market.brier, what).toBeLessThan(0.04);
    }
    // over all eight league-seasons the market is the better forecaster (as it should be)
    expect(tot('market', 'logLoss')).toBeLessThan(tot('model', 'logLoss'));
  });
});
