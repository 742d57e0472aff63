import fs from 'node:fs';
import path from 'node:path';
import type { AgentRunSummary } from '../../../src-shared/contract/intel';
import { resolveConfig } from '../../app/config';
import { runAgents } from '../../features/agents/runner';
import { isDay, isInstant } from '../../../src-shared/contract/dates';
import { EXIT, parse, printJson, UsageError, type Command } from '../command';

export const agentsRunCommand: Command = {
  name: 'agents run',
  summary:
    'Run Agent A (steam, outliers, reverse lines), the FERRARI trap detector and scorer market picks over the cache; incremental unless --full',
  usage: 'monps agents run [--cache FILE] [--full] [--as-of ISO] [--json]',
  exits: { 0: 'the run completed (what it skipped is listed with reasons)', 1: 'the run failed, or the cache does not exist' },
  async run(argv, io) {
    const { values } = parse(argv, {
      cache: { type: 'string' },
      full: { type: 'boolean', default: false },
      'as-of': { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const asOf = values['as-of'];
    if (asOf !== undefined && !isDay(asOf) && !isInstant(asOf))
      throw new UsageError(`--as-of must be an ISO date-time (or a date) on the calendar, got '${asOf}'`);
    const cacheFile = resolveConfig({ cacheFile: values.cache && path.resolve(values.cache) }).cacheFile;
    if (!fs.existsSync(cacheFile)) {
      io.err(`no cache at ${cacheFile}: sync a source first (monps sync --source URL --cache FILE)`);
      return EXIT.FAILED;
    }
    const ac = new AbortController();
    const onSignal = (): void => ac.abort();
    process.once('SIGINT', onSignal);
    try {
      const { summary } = runAgents(
        { full: values.full, alerts: false, asOf: asOf && new Date(asOf).toISOString() },
        { cacheFile, signal: ac.signal, progress: (p) => (values.json ? undefined : io.err(p.message)) },
      );
      if (values.json) printJson(io, { cacheFile, ...summary });
      else io.out(formatRun(summary, cacheFile));
      return EXIT.OK;
    } finally {
      process.removeListener('SIGINT', onSignal);
    }
  },
};

export function formatRun(s: AgentRunSummary, cacheFile: string): string {
  const lines = [
    `cache: ${cacheFile}`,
    `${s.mode} run as of ${s.asOf}: ${s.matches} matches, ${s.quotes} quotes, ${s.ms.toFixed(0)} ms`,
    '',
    `${'Agent A'.padEnd(28)}${'found'.padStart(8)}${'written'.padStart(9)}`,
    ...s.findings.map((f) => `  ${f.kind.padEnd(26)}${String(f.found).padStart(8)}${String(f.written).padStart(9)}`),
    '',
    `${'traps'.padEnd(28)}${'found'.padStart(8)}`,
    ...s.traps.byKind.map((t) => `  ${t.kind.padEnd(26)}${String(t.count).padStart(8)}`),
    `  written ${s.traps.written}, active ${s.traps.active}, expired ${s.traps.expired}`,
    `scorer market picks: ${s.scorerPicks.found} found, ${s.scorerPicks.written} written${s.scorerPicks.note ? ` (${s.scorerPicks.note})` : ''}`,
    `history of similar situations: ${s.history.matches} finished matches read, ${s.history.situations} situations`,
    '',
    s.skipped.length ? 'skipped:' : 'skipped: nothing',
    ...s.skipped.map((x) => `  ${String(x.count).padStart(7)}  ${x.reason}${x.example ? `  (e.g. ${x.example})` : ''}`),
  ];
  return lines.join('\n');
}
