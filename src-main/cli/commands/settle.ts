import fs from 'node:fs';
import path from 'node:path';
import type { SettleReport } from '../../../src-shared/contract/picks';
import { resolveConfig } from '../../app/config';
import { SETTLE_CLOCK_SKEW_MS, settlePicksJob } from '../../features/picks';
import { EXIT, instantOption, parse, printJson, UsageError, type Command } from '../command';

export const settleCommand: Command = {
  name: 'settle',
  summary: 'Capture the closing line and CLV of kicked-off picks and settle picks and combos from the results in the cache',
  usage: 'monps settle [--cache FILE] [--now ISO-TIME] [--json]',
  exits: {
    0: 'closing lines captured and picks settled (what could not be is listed under notes)',
    1: 'failed: no cache, a cache not synced yet, or another failure (the error is printed)',
  },
  async run(argv, io) {
    const { values } = parse(argv, {
      cache: { type: 'string' },
      now: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const { cacheFile } = resolveConfig({ cacheFile: values.cache && path.resolve(values.cache) });
    instantOption('now', values.now);
    // A closing line stamped "now" on a match that has not kicked off yet would be a guess, not a close.
    if (values.now !== undefined && Date.parse(values.now) > Date.now() + SETTLE_CLOCK_SKEW_MS)
      throw new UsageError(`--now ${values.now} is later than the clock (${new Date().toISOString()}): settle up to now at most`);
    if (!fs.existsSync(cacheFile)) {
      io.err(`monps settle: no cache at ${cacheFile}: run monps sync first`);
      return EXIT.FAILED;
    }
    let report: SettleReport;
    try {
      report = await settlePicksJob.run(settlePicksJob.params.parse(values.now ? { now: values.now } : {}), {
        cacheFile,
        signal: new AbortController().signal,
        progress: () => {},
      });
    } catch (err) {
      // a cache without the tracking tables is not the source being unreachable (exit 3): it failed
      io.err(`monps settle: ${(err as Error).message}`);
      return EXIT.FAILED;
    }
    if (values.json) printJson(io, { cacheFile, ...report });
    else io.out(formatSettle(report, cacheFile));
    return EXIT.OK;
  },
};

export function formatSettle(r: SettleReport, cacheFile: string): string {
  return [
    `cache: ${cacheFile}`,
    `closing lines: ${r.closing.candidates} picks past kick-off · ${r.closing.captured} at the close · ${r.closing.lastQuote} from the last quote before kick-off · ${r.closing.missing} missing · ${r.closing.written} written`,
    `results: ${r.results.candidates} picks to settle · ${r.results.settled} settled · ${r.results.resettled} re-settled · ${r.results.voided} void · ${r.results.written} written`,
    `combos: ${r.combos.candidates} looked at · ${r.combos.settled} settled · ${r.combos.written} written`,
    ...r.notes.map((n) => `note: ${n}`),
    `${r.seconds.toFixed(3)} s (published to the source at the next sync)`,
  ].join('\n');
}
