import fs from 'node:fs';
import path from 'node:path';
import type { ConseilRun, LearningEntry } from '../../../src-shared/contract/conseil';
import { resolveConfig } from '../../app/config';
import { conseilLearnJob, conseilRunJob } from '../../features/conseil';
import { settingsFileIn } from '../../platform/settings';
import { dayOption, EXIT, parse, printJson, UsageError, type Command } from '../command';

const pct = (x: number | null, d = 1) => (x === null ? '—' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(d)}%`);

export const conseilCommand: Command = {
  name: 'conseil',
  summary: "CONSEIL ULTIM: decide and record the day's picks (run), or refit PATRON's weights on the settled history (learn)",
  usage:
    'monps conseil run [--cache FILE] [--data-dir DIR] [--date YYYY-MM-DD] [--dry-run] [--json]\n       monps conseil learn [--cache FILE] [--json]',
  exits: {
    0: 'done (a day without a pick is not a failure: the reasons are printed)',
    1: 'failed: no cache, a cache not synced yet, PATRON without enough settled history to learn, or another failure',
    2: 'bad usage',
  },
  async run(argv, io) {
    const [action, ...rest] = argv;
    if (action !== 'run' && action !== 'learn') throw new UsageError(`monps conseil needs 'run' or 'learn' (got '${action ?? ''}')`);
    const { values } = parse(rest, {
      cache: { type: 'string' },
      'data-dir': { type: 'string' },
      date: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    });
    dayOption('date', values.date);
    const config = resolveConfig({
      dataDir: values['data-dir'] && path.resolve(values['data-dir']),
      cacheFile: values.cache && path.resolve(values.cache),
    });
    if (!fs.existsSync(config.cacheFile)) {
      io.err(`monps conseil: no cache at ${config.cacheFile}: run monps sync first`);
      return EXIT.FAILED;
    }
    const ctx = {
      cacheFile: config.cacheFile,
      settingsFile: settingsFileIn(config.dataDir),
      signal: new AbortController().signal,
      progress: () => {},
    };
    try {
      if (action === 'learn') {
        const e = await conseilLearnJob.run({}, ctx);
        if (values.json) printJson(io, e);
        else io.out(formatLearning(e));
      } else {
        const r = await conseilRunJob.run(conseilRunJob.params.parse({ date: values.date, dryRun: values['dry-run'] }), ctx);
        if (values.json) printJson(io, r);
        else io.out(formatRun(r, values['dry-run']));
      }
    } catch (err) {
      io.err(`monps conseil ${action}: ${(err as Error).message}`);
      return EXIT.FAILED;
    }
    return EXIT.OK;
  },
};

export function formatRun(r: ConseilRun, dryRun: boolean): string {
  const lines = [
    `CONSEIL ULTIM for ${r.date}: ${r.fixtures} fixtures, ${r.candidates} candidates, ${r.picks.length} picks (${dryRun ? 'dry run, nothing recorded' : `${r.recorded} recorded now`}) in ${r.seconds.toFixed(2)} s`,
    r.patron
      ? `PATRON v${r.patron.version} fitted ${r.patron.fittedAt} on ${r.patron.rows} settled candidates (${r.patron.picks} picks), trained through ${r.patron.trainedThrough ?? '—'}`
      : 'PATRON: no weights yet',
    `bankroll ${r.staking.bankroll} ${r.staking.currency}, Kelly × ${r.staking.kellyFraction}, exposure taken today ${r.staking.exposureTaken.toFixed(2)}`,
    '',
    'score tier     kick-off          match                                    pick                 book    odds   fair  edge    stake',
  ];
  for (const p of r.picks) {
    const what = `${p.market}${p.line === null ? '' : ` ${p.line}`} ${p.selection}`;
    lines.push(
      `${p.score.toFixed(0).padStart(5)} ${p.tier.padEnd(8)} ${(p.kickoff ?? '').slice(0, 16).padEnd(17)} ${`${p.home} – ${p.away}`.slice(0, 40).padEnd(40)} ${what.padEnd(20)} ${p.bookmaker.padEnd(6)} ${p.odds.toFixed(2).padStart(6)} ${(p.fairOdds ?? 0).toFixed(2).padStart(6)} ${pct(p.edge).padStart(6)} ${p.stake.toFixed(2).padStart(8)}`,
    );
    if (p.warnings.length) lines.push(`      ⚠ ${p.warnings.join('; ')}`);
  }
  if (Object.keys(r.refused).length)
    lines.push(
      '',
      `not picked: ${Object.entries(r.refused)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`,
    );
  lines.push(...formatCombos(r, dryRun));
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}

/** The same-match doubles: legs, book, offered and fair (with and without the correlation), its source. */
function formatCombos(r: ConseilRun, dryRun: boolean): string[] {
  const lines = ['', `combos: ${r.combos.length} (${dryRun ? 'dry run, nothing recorded' : `${r.combosRecorded} recorded now`})`];
  for (const c of r.combos) {
    const legs = c.legs.map((l) => `${l.market}${l.line === null ? '' : ` ${l.line}`} ${l.selection}`).join(' + ');
    lines.push(
      `  ${`${c.home} – ${c.away}`.slice(0, 40).padEnd(40)} ${legs.padEnd(28)} ${(c.bookmaker ?? '').padEnd(6)} offered ${c.offeredOdds.toFixed(2)} fair ${c.fairOdds.toFixed(2)} (independent ${c.independentFairOdds.toFixed(2)}) edge ${pct(c.edge)} (${pct(c.edgeIndependent)} as if independent) phi ${c.correlation.toFixed(3)} stake ${c.stake.toFixed(2)}`,
      `      correlation: ${c.correlationSource}`,
    );
  }
  const refused = Object.entries(r.combosRefused);
  if (refused.length) lines.push(`  pairs not proposed: ${refused.map(([k, v]) => `${v} ${k}`).join(', ')}`);
  return lines;
}

export function formatLearning(e: LearningEntry): string {
  const lines = [
    `PATRON v${e.version} fitted ${e.fittedAt}: ${e.rows} settled rows (${e.picks} picks), trained through ${e.trainedThrough ?? '—'}; ${e.feedback} settled picks fed back`,
    ...e.changes.map((c) => `  ${c.input.padEnd(14)} ${c.before === null ? '—' : c.before.toFixed(5)} → ${c.after.toFixed(5)}`),
  ];
  const o = e.outOfSample;
  if (o)
    lines.push(
      `out of sample (${o.from.slice(0, 10)} → ${o.to.slice(0, 10)}, ${o.candidates} candidates): old weights ${o.before.picked} picks, mean CLV ${pct(o.before.meanClv, 2)}; new ${o.after.picked}, ${pct(o.after.meanClv, 2)}`,
    );
  lines.push(e.note);
  return lines.join('\n');
}
