// `npm run bench -- patterns [--reps N] [--resamples B]`: Agent C over the real football-data files, 4 leagues
// (E0 SP1 D1 F1) × 7 seasons (2019-20 to 2025-26), from ../shared/data beside the repository (not copied).
// Measured, each the median of N runs, interleaved so a busy machine weighs on all alike:
//  - baseline: reading and parsing the 28 files (parseFootballDataFile, as `monps patterns mine --csv` does);
//  - mining all situations from the parsed history: the bets, every cut of every family, and for each cut
//    tested its Wilson interval, t test, bootstrap interval of the ROI (B resamples, default 1,000) and the
//    Benjamini–Hochberg q over all;
//  - the correlations: the walk-forward Dixon-Coles fits (one per league-month) and the phi of every pair.
import fs from 'node:fs';
import path from 'node:path';
import { parseFootballDataFile } from '../../src-main/ingest/football-data';
import { betsOf, CSV_PRICE_REFERENCE, historyFromCsv, mineCorrelations, mineSituations } from '../../src-main/features/agents/patterns';
import { footballDataDir } from '../support/shared-data';
import { median, report } from './report';

function arg(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive integer`);
  return v;
}

/** Wall and CPU time (one thread: on a shared machine the CPU time is the steadier measure). */
function time<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, value };
}

export default async function patternsBench(argv: string[]): Promise<void> {
  const reps = arg(argv, 'reps', 3);
  const resamples = arg(argv, 'resamples', 1000);
  const dir = footballDataDir();
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^(E0|SP1|D1|F1)_20(19|2[0-5])-\d\d\.csv$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
  if (files.length !== 28) throw new Error(`expected 28 football-data files in ${dir}, found ${files.length}`);
  const history = historyFromCsv(files).matches;
  const parse: number[] = [];
  const mine: number[] = [];
  const corr: number[] = [];
  const cpu = { parse: [] as number[], mine: [] as number[], corr: [] as number[] };
  let tried = 0;
  let bets = 0;
  let fits = 0;
  for (let r = 0; r < reps; r++) {
    const p = time(() => files.map((f) => parseFootballDataFile(f).matches.length));
    parse.push(p.ms);
    cpu.parse.push(p.cpuMs);
    const m = time(() =>
      mineSituations(betsOf(history), { minSample: 100, fdr: 0.05, method: 'bh', resamples, priceReference: CSV_PRICE_REFERENCE }),
    );
    mine.push(m.ms);
    cpu.mine.push(m.cpuMs);
    tried = m.value.tried;
    bets = m.value.bets;
    const c = time(() => mineCorrelations(betsOf(history).matches));
    corr.push(c.ms);
    cpu.corr.push(c.cpuMs);
    fits = c.value.fits;
  }
  const baseline = median(parse);
  const cpuBase = median(cpu.parse);
  const common = { baseline, unit: 'ms', files: files.length, matches: history.length, reps };
  const cpuOf = (xs: number[]) => ({ cpuMs: median(xs), cpuBaselineMs: cpuBase, cpuRatio: median(xs) / cpuBase });
  report({
    bench: 'patterns',
    metric: 'read and parse the 28 files (baseline)',
    value: baseline,
    ...common,
    ratio: 1,
    ...cpuOf(cpu.parse),
  });
  report({
    bench: 'patterns',
    metric: 'mine all situations',
    value: median(mine),
    ratio: median(mine) / baseline,
    ...common,
    bets,
    situations: tried,
    resamples,
    ...cpuOf(cpu.mine),
  });
  report({
    bench: 'patterns',
    metric: 'correlations (walk-forward Dixon-Coles + phi)',
    value: median(corr),
    ratio: median(corr) / baseline,
    ...common,
    fits,
    ...cpuOf(cpu.corr),
  });
}
