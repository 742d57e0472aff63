import fs from 'node:fs';
import { parse, printJson, UsageError, type Command, type CommandIO } from '../command';
import {
  CSV_PRICE_REFERENCE,
  cachePriceReference,
  goalEvents,
  historyFromCache,
  historyFromCsv,
  runPatterns,
  writeRun,
} from '../../features/agents/patterns';
import type { MiningRun } from '../../features/agents/patterns';
import { openCache } from '../../platform/cache/open';
import { dataSnoopingWarning, CORRELATIONS_NOTE } from '../../../src-shared/contract/patterns';

const pct = (x: number | null, digits = 1): string => (x === null ? '—' : `${(x * 100).toFixed(digits)}%`);
const pv = (p: number): string => (p < 0.001 ? p.toExponential(1) : p.toFixed(3));

function printText(io: CommandIO, run: MiningRun, source: string, top: number): void {
  const m = run.mined;
  io.out(
    `Patterns mined from ${source}: ${m.matches.toLocaleString('en-GB')} finished matches, ${m.pricedMatches.toLocaleString('en-GB')} priced ` +
      `(${m.dataFrom ?? '—'} to ${m.dataTo ?? '—'}), ${m.bets.toLocaleString('en-GB')} one-unit bets at ${m.priceReference}.`,
  );
  io.out(
    `Situations tried: ${m.tried} (cuts with fewer bets than the minimum are not tested: ${m.tooSmall}). ` +
      `${m.method === 'by' ? 'Benjamini–Yekutieli' : 'Benjamini–Hochberg'} at q ≤ ${m.fdr}: ${m.significant} survive.`,
  );
  io.out('');
  io.out(`WARNING: ${dataSnoopingWarning(m.tried, m.fdr, m.method)}`);
  io.out('');
  io.out(`Top ${Math.min(top, m.situations.length)} by p-value (t test of profit > 0; q over all ${m.tried}):`);
  io.out('      q        p      n   hit%  mkt%     ROI  [95% bootstrap]     CLV  situation');
  for (const s of m.situations.slice(0, top)) {
    io.out(
      `${pv(s.qValue).padStart(7)}  ${pv(s.pValue).padStart(7)}  ${String(s.n).padStart(5)}  ${pct(s.hitRate).padStart(5)} ${pct(s.marketHitRate).padStart(5)}` +
        `  ${pct(s.roi).padStart(6)}  [${pct(s.roiLower)}, ${pct(s.roiUpper)}]`.padEnd(27) +
        `  ${pct(s.meanClv).padStart(6)}  ${s.name}${s.significant ? '  *' : ''}`,
    );
  }
  const c = run.correlations;
  if (!c) return;
  io.out('');
  io.out(
    `Correlations between legs of one match (phi; model: Dixon-Coles walk-forward, ${c.fits} monthly fits, ${c.modelMatches} matches priced):`,
  );
  io.out('  league  legs                                              n    phi  [95% CI]            model  model-sample  within');
  for (const r of c.rows) {
    const f = (x: number | null) => (x === null ? '    —' : x.toFixed(3).padStart(6));
    io.out(
      `  ${r.league.padEnd(6)}  ${`${r.marketA} ~ ${r.marketB}`.padEnd(46)} ${String(r.empirical.n).padStart(6)} ${f(r.empirical.phi)}  ` +
        `[${r.empirical.lower.toFixed(3)}, ${r.empirical.upper.toFixed(3)}]`.padEnd(18) +
        ` ${f(r.modelCorrelation)}  ${f(r.modelSampleCorrelation).padStart(12)}  ${f(r.modelWithinCorrelation)}`,
    );
  }
  io.out(CORRELATIONS_NOTE);
}

function number(raw: string | undefined, name: string, ok: (x: number) => boolean, what: string): number {
  const x = Number(raw);
  if (raw === undefined || !Number.isFinite(x) || !ok(x)) throw new UsageError(`--${name} '${raw}' must be ${what}`);
  return x;
}

export const patternsMineCommand: Command = {
  name: 'patterns mine',
  summary:
    'Agent C: mine historical situations (league, odds band, favourite/underdog, move, rest, form) with sample size, hit rate, ROI, CLV, p- and Benjamini–Hochberg q-values, and the correlations between legs of one match',
  usage:
    'monps patterns mine (--cache FILE | --csv FILE... [--into CACHE]) [--dry-run] [--min-sample N] [--fdr Q] [--method bh|by] [--resamples B] [--top N] [--no-correlations] [--json]\n' +
    '       --cache: mines the cache and writes the patterns and correlations into it (the Historique shows them; the next sync publishes them)\n' +
    '       --csv:   mines football-data files; --into CACHE writes them into that cache, without it they are only printed\n' +
    '       --dry-run: prints only, writes nothing',
  exits: {
    0: 'mined (whether or not any pattern survives the correction), and written unless --dry-run',
    1: 'cannot mine or write (unreadable file, no finished match, a cache without the patterns tables)',
  },
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      {
        csv: { type: 'string', multiple: true },
        cache: { type: 'string' },
        'min-sample': { type: 'string', default: '100' },
        fdr: { type: 'string', default: '0.05' },
        method: { type: 'string', default: 'bh' },
        resamples: { type: 'string', default: '1000' },
        top: { type: 'string', default: '20' },
        'no-correlations': { type: 'boolean', default: false },
        into: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
      true,
    );
    const csv = [...(values.csv ?? []), ...positionals];
    if (csv.length === 0 && !values.cache) throw new UsageError('give --csv FILE... or --cache FILE');
    if (csv.length > 0 && values.cache)
      throw new UsageError('give either --csv or --cache, not both (--into CACHE writes a CSV run into a cache)');
    if (values.into && csv.length === 0) throw new UsageError('--into goes with --csv (a --cache run is written into its own cache)');
    const dryRun = values['dry-run'];
    // where the run is written: the mined cache itself, the --into cache, or nowhere
    const target = dryRun ? null : (values.cache ?? values.into ?? null);
    if (values.into && !fs.existsSync(values.into)) throw new Error(`cache file ${values.into} does not exist`);
    const minSample = number(values['min-sample'], 'min-sample', (x) => Number.isInteger(x) && x >= 10, 'an integer >= 10');
    const fdr = number(values.fdr, 'fdr', (x) => x > 0 && x < 1, 'a number in (0, 1)');
    const resamples = number(values.resamples, 'resamples', (x) => Number.isInteger(x) && x >= 100, 'an integer >= 100');
    const top = number(values.top, 'top', (x) => Number.isInteger(x) && x >= 0, 'an integer >= 0');
    const method = values.method;
    if (method !== 'bh' && method !== 'by') throw new UsageError(`--method '${method}' must be bh or by`);
    const correlations = !values['no-correlations'];

    let run: MiningRun;
    let source: string;
    let written: { cache: string; patterns: number; correlations: number } | null = null;
    const write = (db: ReturnType<typeof openCache>, file: string) => {
      try {
        const w = writeRun(db, run, new Date());
        written = { cache: file, patterns: w.patternsWritten, correlations: w.correlationsWritten };
      } catch (err) {
        throw new Error(`cache ${file}: nothing written: ${(err as Error).message}`);
      }
    };
    if (values.cache) {
      if (!fs.existsSync(values.cache)) throw new Error(`cache file ${values.cache} does not exist`);
      const db = openCache(values.cache, dryRun ? { readonly: true, migrate: false } : { migrate: true });
      try {
        let read: ReturnType<typeof historyFromCache>;
        try {
          read = historyFromCache(db);
        } catch (err) {
          // a cache without the tables is a bad file here, not an unreachable source (exit 1, not 3)
          throw new Error(`cache ${values.cache}: ${(err as Error).message}`);
        }
        const { matches, books } = read;
        if (matches.length === 0) throw new Error(`cache ${values.cache} has no finished match with a score`);
        run = runPatterns(matches, {
          minSample,
          fdr,
          method,
          resamples,
          correlations,
          priceReference: cachePriceReference(books),
          events: goalEvents(db),
        });
        source = `the cache ${values.cache}`;
        if (target) write(db, values.cache);
      } finally {
        db.close();
      }
    } else {
      const h = historyFromCsv(csv);
      if (h.matches.length === 0) throw new Error(`no finished match with a score in ${csv.length} file(s)`);
      if (h.duplicates > 0) io.err(`warning: ${h.duplicates} rows seen twice (a file given twice?) were counted once`);
      run = runPatterns(h.matches, { minSample, fdr, method, resamples, correlations, priceReference: CSV_PRICE_REFERENCE });
      source = `${csv.length} football-data file${csv.length > 1 ? 's' : ''}`;
      if (target) {
        const db = openCache(target, { migrate: true });
        try {
          write(db, target);
        } finally {
          db.close();
        }
      }
    }
    const w = written as { cache: string; patterns: number; correlations: number } | null;
    const writtenLine = w
      ? `Written into ${w.cache}: ${w.patterns} patterns and ${w.correlations} correlations written (run ${run.runId.slice(0, 12)}; the next sync publishes them).`
      : dryRun
        ? 'Dry run: nothing written.'
        : 'Printed only: give --into CACHE to keep a CSV run in a cache.';
    if (values.json) {
      const m = run.mined;
      printJson(io, {
        run_id: run.runId,
        dry_run: dryRun,
        written: w,
        warning: dataSnoopingWarning(m.tried, m.fdr, m.method),
        matches: m.matches,
        priced_matches: m.pricedMatches,
        bets: m.bets,
        data_from: m.dataFrom,
        data_to: m.dataTo,
        price_reference: m.priceReference,
        tests_tried: m.tried,
        too_small: m.tooSmall,
        significant: m.significant,
        fdr: m.fdr,
        method: m.method,
        patterns: m.situations,
        correlations: run.correlations && { note: CORRELATIONS_NOTE, fits: run.correlations.fits, rows: run.correlations.rows },
      });
    } else {
      printText(io, run, source, top);
      io.out('');
      io.out(writtenLine);
    }
    return 0;
  },
};
