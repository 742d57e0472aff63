import path from 'node:path';
import type { BacktestResult, BacktestSummary } from '../../../src-shared/contract/agents';
import {
  loadCacheData,
  loadFootballData,
  paramDocs,
  parseParams,
  runBacktest,
  findStrategy,
  STRATEGIES,
} from '../../features/agents/backtest';
import { resolveConfig } from '../../app/config';
import { jobCommission, settingsFileIn } from '../../platform/settings';
import { parse, printJson, rangeOptions, UsageError, type Command, type CommandIO } from '../command';

const USAGE =
  'monps backtest --strategy NAME [--param k=v ...] (--csv FILES... | --cache FILE [--data-dir DIR]) [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]\n       monps backtest --list';

const pct = (x: number | null, d = 2): string => (x === null ? '—' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(d)}%`);
const ci = (x: [number, number] | null): string => (x ? `[${pct(x[0])}, ${pct(x[1])}]` : '');

function line(name: string, s: BacktestSummary): string {
  const cells = [
    name.padEnd(9),
    String(s.bets).padStart(6),
    (s.hitRate === null ? '—' : (s.hitRate * 100).toFixed(1)).padStart(6),
    s.staked.toFixed(3).padStart(10),
    `${s.profit >= 0 ? '+' : ''}${s.profit.toFixed(3)}`.padStart(10),
    `${pct(s.roi)} ${ci(s.roiCi95)}`.padEnd(30),
    `${pct(s.meanClv)} ${ci(s.clvCi95)}`.padEnd(28),
    String(s.clvBets).padStart(6),
    s.maxDrawdown.toFixed(3).padStart(9),
  ];
  return cells.join(' ');
}

export function summaryTable(r: BacktestResult): string {
  const out: string[] = [];
  // a commission per book reads as the --param that sets it: BFE:0.05 ('none' when no book takes one)
  const paramText = (v: unknown): string =>
    Array.isArray(v)
      ? v.join(',')
      : v && typeof v === 'object'
        ? Object.entries(v)
            .map(([b, c]) => `${b}:${String(c)}`)
            .join(',') || 'none'
        : String(v);
  out.push(
    `${r.strategy} on ${r.source}: ${r.from ?? 'start'} → ${r.to ?? 'end'}, ${r.days} match days, ${r.fixtures} fixtures (${r.seconds.toFixed(2)} s)`,
  );
  out.push(
    `params: ${Object.entries(r.params)
      .map(([k, v]) => `${k}=${paramText(v)}`)
      .join(' ')}`,
  );
  if (r.chosen.w !== undefined) out.push(`chosen: w = ${String(r.chosen.w)} (${String(r.chosen.wChosenBy ?? '')})`);
  const m = r.chosen.model as { leagueDays: number; withoutModel: number; fitsFailed: number; share: number } | undefined;
  if (m) {
    const bar = m.share > 0.02 ? 'WARNING: ' : '';
    out.push(
      `${bar}model: Dixon-Coles on ${m.leagueDays - m.withoutModel} of ${m.leagueDays} league-days, none on ${m.withoutModel} (${(100 * m.share).toFixed(1)}%; ${m.fitsFailed} failed fits)`,
    );
  }
  out.push('');
  out.push(
    `${'group'.padEnd(9)} ${'bets'.padStart(6)} ${'hit%'.padStart(6)} ${'staked'.padStart(10)} ${'profit'.padStart(10)} ${'ROI [95% CI]'.padEnd(30)} ${'mean CLV [95% CI]'.padEnd(28)} ${'CLV n'.padStart(6)} ${'max DD'.padStart(9)}`,
  );
  out.push(line('all', r.summary));
  for (const [k, s] of Object.entries(r.byLeague)) out.push(line(k, s));
  for (const [k, s] of Object.entries(r.bySeason)) out.push(line(k, s));
  if (Object.keys(r.byMarket).length > 1) for (const [k, s] of Object.entries(r.byMarket)) out.push(line(k, s));
  out.push('');
  const c = r.summary.closingReference;
  out.push(`closing line: sharp ${c.sharp}, exchange ${c.exchange}, average ${c.average}, no closing line ${c.none}`);
  if (r.summary.expectedProfit !== null)
    out.push(
      `expected profit under the probabilities used ${r.summary.expectedProfit.toFixed(3)} ± ${(r.summary.expectedProfitSd ?? 0).toFixed(3)} (1 sd), realised ${r.summary.profit.toFixed(3)}; t test of ROI > 0: p = ${r.summary.roiPValue?.toFixed(3) ?? '—'}`,
    );
  if (r.forecasts) {
    const f = r.forecasts;
    const cl = f.closing
      ? ` — closing market on ${f.closingFixtures}: log loss ${f.closing.logLoss.toFixed(4)}, RPS ${f.closing.rps.toFixed(4)}, Brier ${f.closing.brier.toFixed(4)}`
      : '';
    out.push(
      `probabilities used on ${f.fixtures} fixtures: log loss ${f.strategy.logLoss.toFixed(4)}, RPS ${f.strategy.rps.toFixed(4)}, Brier ${f.strategy.brier.toFixed(4)}${cl}`,
    );
  }
  const counts = (o: Record<string, number>) =>
    Object.entries(o)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  if (Object.keys(r.skipped).length) out.push(`skipped: ${counts(r.skipped)}`);
  if (Object.keys(r.notes).length) out.push(`notes: ${counts(r.notes)}`);
  if (r.fixturesWithoutResult) out.push(`${r.fixturesWithoutResult} fixtures have no result`);
  if (r.fixturesWithoutClosingLine) out.push(`${r.fixturesWithoutClosingLine} fixtures have no closing line`);
  for (const w of r.warnings) out.push(`note: ${w}`);
  return out.join('\n');
}

function listStrategies(io: CommandIO): void {
  for (const s of STRATEGIES) {
    io.out(`${s.name} — ${s.summary}`);
    for (const p of paramDocs(s)) io.out(`    ${p.name} = ${JSON.stringify(p.default)}   (${p.type}) ${p.description}`);
  }
}

/** A cache's prices are read net of the Settings' commission per book, as the desk reads them (the
 * settings of the data folder; --param commission=... still overrides it). */
function cliCommission(dataDir: string | undefined): Readonly<Record<string, number>> {
  const { dataDir: dir } = resolveConfig({ dataDir: dataDir && path.resolve(dataDir) });
  return jobCommission({ settingsFile: settingsFileIn(dir) });
}

function parseParam(raw: string): [string, string] {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new UsageError(`--param '${raw}' must be k=v`);
  return [raw.slice(0, eq).trim(), raw.slice(eq + 1).trim()];
}

export const backtestCommand: Command = {
  name: 'backtest',
  summary: 'Walk-forward backtest of a strategy (no look-ahead) over football-data files or a cache; --list shows the strategies',
  usage: USAGE,
  exits: { 0: 'backtest done (or strategies listed)', 1: 'cannot run (unknown strategy or parameter, unreadable file, bad data)' },
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      {
        strategy: { type: 'string' },
        param: { type: 'string', multiple: true },
        csv: { type: 'string', multiple: true },
        cache: { type: 'string' },
        'data-dir': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        json: { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
      },
      true,
    );
    if (values.list) {
      if (values.json)
        printJson(
          io,
          STRATEGIES.map((s) => ({ name: s.name, summary: s.summary, params: paramDocs(s) })),
        );
      else listStrategies(io);
      return 0;
    }
    if (!values.strategy) throw new UsageError(`give --strategy NAME (one of ${STRATEGIES.map((s) => s.name).join(', ')}) or --list`);
    const csv = [...(values.csv ?? []), ...positionals];
    if (csv.length === 0 && !values.cache) throw new UsageError('give --csv FILES... or --cache FILE');
    if (csv.length > 0 && values.cache) throw new UsageError('give either --csv or --cache, not both');
    rangeOptions(values.from, values.to);
    const strategy = findStrategy(STRATEGIES, values.strategy);
    const params = Object.fromEntries((values.param ?? []).map(parseParam));
    parseParams(strategy, params); // a bad parameter fails before the files are read
    const data = values.cache ? loadCacheData(values.cache, { commission: cliCommission(values['data-dir']) }) : loadFootballData(csv);
    for (const p of data.problems) io.err(`warning: ${p}`);
    const r = runBacktest(data, strategy, params, { from: values.from, to: values.to, withBets: values.json });
    if (values.json) printJson(io, r);
    else io.out(summaryTable(r));
    return 0;
  },
};
