// Does the model add to the market? For each league, every match day of the 7 football-data seasons: the
// models are refitted on the 3 years before the day (nothing of the day or later), and each fixture gets
// their 1X2, the pre-closing market's (Pinnacle's pre-closing PSH/PSD/PSA de-vigged, else the average
// AvgH/D/A) and the close (Pinnacle's closing PSCH/PSCD/PSCA de-vigged, else the closing average AvgCH/D/A:
// football-data's 2025-26 files lose Pinnacle in mid-January 2026). The blend p = w·model + (1 − w)·market
// takes, for a season, the w that minimised the cross-entropy against the close over the league's earlier
// seasons only (walk-forward), then is scored on that season, on days neither side was fitted on.
// Models:
//  - dc: Dixon-Coles on results (ξ = 0.0019/day; the desk's model);
//  - closing: the same goal model fitted to past closing prices instead of results: each past match's
//    close, de-vigged, turned into the expected goals (λ, μ) of independent Poisson scores that give its
//    home and away probabilities, then attack/defence/home fitted to those (Poisson quasi-likelihood,
//    ξ = 0.01/day) — team strengths as the market priced them, updated every day;
//  - mix: the product of the two (log-linear pool, renormalised): results and closing prices together;
//  - dc+draw: Dixon-Coles with its draw probability inflated by a factor k chosen on earlier seasons.
import fs from 'node:fs';
import path from 'node:path';
import { parseFootballDataFile, type FootballDataMatch } from '../../src-main/ingest/football-data/parse';
import { dayNumber, devig, lbfgs, matchOdds, predictMatrix, refitDixonColes, type DixonColesModel } from '../../src-shared/quant';
import { dixonColesMatrix } from '../../src-shared/quant/poisson/score-matrix';
import { footballDataDir } from './shared-data';

export const STUDY_LEAGUES = ['E0', 'SP1', 'D1', 'F1'];
export const STUDY_SEASONS = ['2024-25', '2025-26'];
const XI = 0.0019;
/** The closing-price rating forgets faster: prices already carry the past, what matters is how they moved lately (half-life 70 days). */
const XI_CLOSING = 0.01;
const WINDOW = 3 * 365;
const MIN_TEAM = 5;
export const MODELS = ['dc', 'closing', 'mix'] as const;
export type ModelName = (typeof MODELS)[number];

export interface StudyFixture {
  season: string;
  date: string;
  outcome: number;
  market: number[];
  close: number[];
  /** Pinnacle's close (true) or the closing average. */
  pinnacleClose: boolean;
  models: Record<ModelName, number[]>;
}

function fair(m: FootballDataMatch, sets: string[][]): { p: number[]; first: boolean } | null {
  for (const [i, cols] of sets.entries()) {
    const odds = cols.map((c) => m.odds[c]);
    if (odds.every((o) => typeof o === 'number' && o > 1)) return { p: devig(odds as number[]).probabilities, first: i === 0 };
  }
  return null;
}

/** Expected goals (λ, μ) of independent Poisson scores whose home and away win probabilities are pH, pA
 * (Newton on log λ, log μ with a numerical Jacobian; from 1.4, 1.1). */
export function impliedGoals(pH: number, pA: number): [number, number] {
  let a = Math.log(1.4);
  let b = Math.log(1.1);
  const probs = (x: number, y: number) => {
    const o = matchOdds(dixonColesMatrix(Math.exp(x), Math.exp(y), 0, 12));
    return [o.home - pH, o.away - pA];
  };
  for (let k = 0; k < 30; k++) {
    const [f1, f2] = probs(a, b);
    if (Math.abs(f1) + Math.abs(f2) < 1e-10) break;
    const h = 1e-6;
    const [a1, a2] = probs(a + h, b);
    const [b1, b2] = probs(a, b + h);
    const j11 = (a1 - f1) / h;
    const j21 = (a2 - f2) / h;
    const j12 = (b1 - f1) / h;
    const j22 = (b2 - f2) / h;
    const det = j11 * j22 - j12 * j21;
    a -= (j22 * f1 - j12 * f2) / det;
    b -= (-j21 * f1 + j11 * f2) / det;
    a = Math.min(Math.max(a, -3), 2.5);
    b = Math.min(Math.max(b, -3), 2.5);
  }
  return [Math.exp(a), Math.exp(b)];
}

/** Attack/defence/home fitted to past matches' implied expected goals (weights exp(−ξ·age)). */
function fitClosingRating(
  past: readonly { day: number; h: number; a: number; x: number; y: number }[],
  teams: Map<string, number>,
  asOf: number,
  init: Float64Array | null,
): Float64Array {
  const n = teams.size;
  const w = past.map((r) => Math.exp(-XI_CLOSING * (asOf - r.day)));
  const W = w.reduce((s, v) => s + v, 0);
  // x = [attack 0..n-1, defence 0..n-1, home]; a small ridge on attack keeps it identified (sum 0 is its optimum)
  const f = (p: Float64Array, g: Float64Array) => {
    g.fill(0);
    let s = 0;
    let meanA = 0;
    for (let i = 0; i < n; i++) meanA += p[i];
    for (let k = 0; k < past.length; k++) {
      const r = past[k];
      const ll = p[r.h] + p[n + r.a] + p[2 * n];
      const lm = p[r.a] + p[n + r.h];
      const el = Math.exp(ll);
      const em = Math.exp(lm);
      s += w[k] * (el - r.x * ll + em - r.y * lm);
      const dl = w[k] * (el - r.x);
      const dm = w[k] * (em - r.y);
      g[r.h] += dl;
      g[n + r.a] += dl;
      g[2 * n] += dl;
      g[r.a] += dm;
      g[n + r.h] += dm;
    }
    meanA /= n;
    s += W * meanA * meanA;
    for (let i = 0; i < n; i++) g[i] += (2 * W * meanA) / n;
    for (let i = 0; i < g.length; i++) g[i] /= W;
    return s / W;
  };
  const x0 = init && init.length === 2 * n + 1 ? init : new Float64Array(2 * n + 1).fill(0);
  if (!init) x0[2 * n] = 0.25;
  return lbfgs(f, x0, { gtol: 1e-9, maxIterations: 500 }).x;
}

function poissonOneX2(l: number, m: number): number[] {
  const o = matchOdds(dixonColesMatrix(l, m, 0, 15));
  return [o.home, o.draw, o.away];
}

function logPool(a: readonly number[], b: readonly number[]): number[] {
  const p = a.map((x, i) => Math.sqrt(x * b[i]));
  const s = p.reduce((u, v) => u + v, 0);
  return p.map((x) => x / s);
}

/** Every fixture of a league's files with the models' forecasts made before its day. */
export function studyLeague(league: string): StudyFixture[] {
  const files = fs
    .readdirSync(footballDataDir())
    .filter((f) => f.startsWith(`${league}_`) && f.endsWith('.csv'))
    .sort();
  const rows = files
    .flatMap((f) => parseFootballDataFile(path.join(footballDataDir(), f)).matches)
    .filter((m) => m.fthg !== null && m.ftag !== null)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const teams = new Map<string, number>();
  for (const m of rows) for (const t of [m.homeTeam, m.awayTeam]) if (!teams.has(t)) teams.set(t, teams.size);
  const days = rows.map((m) => dayNumber(m.date));
  const implied = rows.map((m) => {
    const c = fair(m, [
      ['PSCH', 'PSCD', 'PSCA'],
      ['AvgCH', 'AvgCD', 'AvgCA'],
    ]);
    return c ? impliedGoals(c.p[0], c.p[2]) : null;
  });
  const out: StudyFixture[] = [];
  let prev: DixonColesModel | null = null;
  let rating: Float64Array | null = null;
  let i = 0;
  while (i < rows.length) {
    const date = rows[i].date;
    const day = days[i];
    let j = i;
    while (j < rows.length && rows[j].date === date) j++;
    let lo = 0;
    while (days[lo] < day - WINDOW) lo++;
    const window = rows.slice(lo, i).map((m, k) => ({
      date: m.date,
      home: m.homeTeam,
      away: m.awayTeam,
      homeGoals: m.fthg!,
      awayGoals: m.ftag!,
      day: days[lo + k],
    }));
    const played = new Map<string, number>();
    for (const r of window) for (const t of [r.home, r.away]) played.set(t, (played.get(t) ?? 0) + 1);
    const need = rows.slice(i, j).some((m) => (played.get(m.homeTeam) ?? 0) >= MIN_TEAM && (played.get(m.awayTeam) ?? 0) >= MIN_TEAM);
    if (need && window.length >= 60) {
      const fit = refitDixonColes(window, { asOf: date, xi: XI, previous: prev, what: `${league} before ${date}` });
      if (fit.model) prev = fit.model;
      const past = [];
      for (let k = lo; k < i; k++) {
        const g = implied[k];
        if (g) past.push({ day: days[k], h: teams.get(rows[k].homeTeam)!, a: teams.get(rows[k].awayTeam)!, x: g[0], y: g[1] });
      }
      rating = past.length ? fitClosingRating(past, teams, day, rating) : null;
      const n = teams.size;
      for (let k = i; k < j; k++) {
        const m = rows[k];
        if ((played.get(m.homeTeam) ?? 0) < MIN_TEAM || (played.get(m.awayTeam) ?? 0) < MIN_TEAM || !fit.model || !rating) continue;
        const market = fair(m, [
          ['PSH', 'PSD', 'PSA'],
          ['AvgH', 'AvgD', 'AvgA'],
        ]);
        const close = fair(m, [
          ['PSCH', 'PSCD', 'PSCA'],
          ['AvgCH', 'AvgCD', 'AvgCA'],
        ]);
        if (!market || !close) continue;
        const x = matchOdds(predictMatrix(fit.model, m.homeTeam, m.awayTeam));
        const dc = [x.home, x.draw, x.away];
        const h = teams.get(m.homeTeam)!;
        const a = teams.get(m.awayTeam)!;
        const cl = poissonOneX2(Math.exp(rating[h] + rating[n + a] + rating[2 * n]), Math.exp(rating[a] + rating[n + h]));
        out.push({
          season: m.season,
          date: m.date,
          outcome: m.fthg! > m.ftag! ? 0 : m.fthg === m.ftag ? 1 : 2,
          market: market.p,
          close: close.p,
          pinnacleClose: close.first,
          models: { dc, closing: cl, mix: logPool(dc, cl) },
        });
      }
    }
    i = j;
  }
  return out;
}

type Forecast = (f: StudyFixture) => number[];
const blendOf = (f: StudyFixture, p: Forecast, w: number) => p(f).map((x, k) => w * x + (1 - w) * f.market[k]);
const crossEntropy = (fs: readonly StudyFixture[], p: Forecast) =>
  fs.reduce((s, f) => s - f.close.reduce((u, c, k) => u + c * Math.log(p(f)[k]), 0), 0) / fs.length;
const logLoss = (fs: readonly StudyFixture[], p: Forecast) => fs.reduce((s, f) => s - Math.log(p(f)[f.outcome]), 0) / fs.length;

/** The w in [0, 1] (grid by 0.005) minimising the cross-entropy of the blend against the close. */
export function chooseW(fs: readonly StudyFixture[], p: Forecast): number {
  let best = 0;
  let bestLoss = Infinity;
  for (let i = 0; i <= 200; i++) {
    const w = i / 200;
    const l = crossEntropy(fs, (f) => blendOf(f, p, w));
    if (l < bestLoss) [best, bestLoss] = [w, l];
  }
  return best;
}

/** Draw inflation: the draw probability times k, renormalised. */
const inflate = (p: readonly number[], k: number) => {
  const s = p[0] + k * p[1] + p[2];
  return [p[0] / s, (k * p[1]) / s, p[2] / s];
};

/** The k in [0.8, 1.4] (by 0.01) for which Dixon-Coles' inflated draw best predicts the close. */
function chooseDraw(fs: readonly StudyFixture[]): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let i = 80; i <= 140; i++) {
    const l = crossEntropy(fs, (f) => inflate(f.models.dc, i / 100));
    if (l < bestLoss) [best, bestLoss] = [i / 100, l];
  }
  return best;
}

export interface StudyRow {
  league: string;
  season: string;
  /** The model, with its draw factor where it has one ("dc+draw k 1.05"). */
  model: string;
  fixtures: number;
  pinnacleClose: number;
  /** w chosen on the league's earlier seasons, and the fixtures it was chosen on. */
  w: number;
  wFixtures: number;
  ceBlend: number;
  ceMarket: number;
  llModel: number;
  llBlend: number;
  llMarket: number;
  llClose: number;
}

/** The variants of a season, each with what was chosen for it on earlier seasons only. */
function variants(earlier: readonly StudyFixture[]): { name: string; p: Forecast }[] {
  const k = chooseDraw(earlier);
  return [
    ...MODELS.map((m) => ({ name: m as string, p: (f: StudyFixture) => f.models[m] })),
    { name: `dc+draw k ${k.toFixed(2)}`, p: (f: StudyFixture) => inflate(f.models.dc, k) },
  ];
}

export function studyRows(league: string, fixtures: readonly StudyFixture[]): StudyRow[] {
  const out: StudyRow[] = [];
  for (const season of STUDY_SEASONS) {
    const test = fixtures.filter((f) => f.season === season);
    const earlier = fixtures.filter((f) => f.season < season);
    for (const v of variants(earlier)) {
      const w = chooseW(earlier, v.p);
      out.push({
        league,
        season,
        model: v.name,
        fixtures: test.length,
        pinnacleClose: test.filter((f) => f.pinnacleClose).length,
        w,
        wFixtures: earlier.length,
        ceBlend: crossEntropy(test, (f) => blendOf(f, v.p, w)),
        ceMarket: crossEntropy(test, (f) => f.market),
        llModel: logLoss(test, v.p),
        llBlend: logLoss(test, (f) => blendOf(f, v.p, w)),
        llMarket: logLoss(test, (f) => f.market),
        llClose: logLoss(test, (f) => f.close),
      });
    }
  }
  return out;
}

export function studyTable(rows: readonly StudyRow[]): string {
  const f4 = (x: number) => x.toFixed(4);
  const pct = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(2)}%`;
  return [
    '| league | season | model | fixtures (Pinnacle close) | w (earlier seasons) | cross-entropy vs close: blend | market | blend − market | log loss: model | blend | pre-closing market | Pinnacle close | blend vs close |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.league} | ${r.season} | ${r.model} | ${r.fixtures} (${r.pinnacleClose}) | ${r.w.toFixed(3)} (${r.wFixtures}) | ${f4(r.ceBlend)} | ${f4(r.ceMarket)} | ${(r.ceBlend - r.ceMarket).toExponential(1)} | ${f4(r.llModel)} | ${f4(r.llBlend)} | ${f4(r.llMarket)} | ${f4(r.llClose)} | ${pct(r.llBlend / r.llClose - 1)} |`,
    ),
  ].join('\n');
}
