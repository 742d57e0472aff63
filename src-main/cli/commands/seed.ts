import { dayOption, parse, printJson, UsageError, type Command } from '../command';
import { seedDemo, SourceNotEmptyError } from '../../ingest/demo';

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Fill a PostgreSQL source with the deterministic demo world (leagues, results, odds, planted anomalies, ground truth)',
  usage: 'monps seed --source URL [--seed N] [--scale X] [--anchor YYYY-MM-DD] [--force] [--json]',
  exits: {
    0: 'the demo world was written',
    1: 'the source already holds data (use --force), or another failure',
    3: 'the source is unreachable',
  },
  async run(argv, io) {
    const { values } = parse(argv, {
      source: { type: 'string' },
      seed: { type: 'string', default: '1' },
      scale: { type: 'string', default: '1' },
      anchor: { type: 'string' },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    });
    const url = values.source ?? process.env.MONPS_SOURCE_URL;
    if (!url) throw new UsageError('--source URL is required (or MONPS_SOURCE_URL)');
    const seed = Number(values.seed);
    const scale = Number(values.scale);
    if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, got '${values.seed}'`);
    if (!(scale > 0 && scale <= 100)) throw new UsageError(`--scale must be a number in (0, 100], got '${values.scale}'`);
    dayOption('anchor', values.anchor);
    try {
      const r = await seedDemo(url, {
        seed,
        scale,
        anchor: values.anchor,
        force: values.force,
        log: values.json ? undefined : (l) => io.err(l),
      });
      if (values.json) printJson(io, r);
      else {
        io.out(`seeded demo world seed=${r.seed} scale=${r.scale} anchor=${r.anchor}`);
        for (const [t, n] of Object.entries(r.rows)) io.out(`  ${t.padEnd(26)}${String(n).padStart(10)}`);
        io.out(
          `total ${r.totalRows} rows (${r.oddsRows} quotes, ${r.scorerRows} goalscorer prices) in ${r.seconds.toFixed(2)} s: world ${r.generateSeconds.toFixed(2)} s, prices and writing ${r.writeSeconds.toFixed(2)} s, ${Math.round(r.rowsPerSecond)} rows/s`,
        );
      }
      return 0;
    } catch (err) {
      if (err instanceof SourceNotEmptyError) {
        io.err(err.message);
        return 1;
      }
      throw err;
    }
  },
};
