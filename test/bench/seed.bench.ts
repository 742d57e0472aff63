// `npm run bench -- seed [--scale 1] [--runs 3]`: rows/s of `monps seed` (generate the demo world and
// COPY it into the real schema with its keys and indexes, one transaction) against a baseline measured
// in the same run: COPY of the very same pre-rendered rows into UNLOGGED copies of the tables with no
// index or constraint (no generation, no index upkeep, no WAL). ratio = seed rows/s / baseline rows/s.
// PostgreSQL: MONPS_BENCH_PG_URL or MONPS_TEST_PG_URL (an admin URL), else an embedded server.
import { randomBytes } from 'node:crypto';
import { copyRows } from '../../src-main/platform/pg/copy-in';
import { DEMO_TABLES, ODDS_COLUMNS, renderOdds, seedDemo, tableRows } from '../../src-main/ingest/demo/seed';
import type { OddsTable } from '../../src-main/ingest/demo/types';
import { generateWorld } from '../../src-main/ingest/demo/world';
import { migrateSource } from '../../src-main/platform/pg/migrate';
import { startEmbeddedPostgres, type EmbeddedPg } from '../../src-main/platform/pg/embedded';
import { median, report } from './report';
import { withClient, withDatabase } from '../../src-main/platform/pg/client';

export default async function seedBench(argv: string[]): Promise<void> {
  const arg = (name: string, dflt: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : dflt);
  const scale = arg('--scale', 1);
  const runs = arg('--runs', 3);
  const anchor = '2026-11-25';
  let embedded: EmbeddedPg | undefined;
  let admin = process.env.MONPS_BENCH_PG_URL ?? process.env.MONPS_TEST_PG_URL;
  if (!admin) {
    embedded = await startEmbeddedPostgres({ dataDir: `/tmp/monps-bench-seed-${process.pid}`, persistent: false });
    admin = embedded.url;
  }
  const created: string[] = [];
  const fresh = async () => {
    const name = `monps_bench_${randomBytes(4).toString('hex')}`;
    await withClient(admin as string, (c) => c.query(`CREATE DATABASE ${name}`));
    created.push(name);
    const url = withDatabase(admin as string, name);
    await migrateSource(url);
    return url;
  };
  try {
    const seedTimes: number[] = [];
    const genTimes: number[] = [];
    const baseTimes: number[] = [];
    let rows = 0;
    let oddsRows = 0;
    // Pre-rendered rows of the same world, for the baseline (rendering is not timed there).
    const world = generateWorld({ seed: 1, scale, anchor });
    const odds = renderOdds(world);
    const tables = tableRows(world, odds.moves);
    for (let i = 0; i < runs; i++) {
      const url = await fresh();
      const r = await seedDemo(url, { seed: 1, scale, anchor, migrate: false });
      seedTimes.push(r.seconds);
      genTimes.push(r.generateSeconds);
      rows = r.totalRows;
      oddsRows = r.oddsRows;

      const base = await fresh();
      const t = await withClient(base, async (c) => {
        for (const name of DEMO_TABLES) await c.query(`CREATE UNLOGGED TABLE bench_${name} (LIKE ${name} INCLUDING DEFAULTS)`);
        const t0 = performance.now();
        await c.query('BEGIN');
        let n = 0;
        for (const name of DEMO_TABLES) {
          if (name in ODDS_COLUMNS) {
            await copyRows(c, `bench_${name}`, ODDS_COLUMNS[name as OddsTable], odds.chunks[name as keyof typeof odds.chunks]);
            n += odds.counts[name as keyof typeof odds.counts];
          } else n += await copyRows(c, `bench_${name}`, tables[name].columns, tables[name].rows);
        }
        await c.query('COMMIT');
        if (n !== rows) throw new Error(`baseline copied ${n} rows, the seed ${rows}`);
        return (performance.now() - t0) / 1000;
      });
      baseTimes.push(t);
    }
    const seedRate = rows / median(seedTimes);
    const baseRate = rows / median(baseTimes);
    report({
      bench: 'seed',
      metric: 'seed_seconds',
      value: median(seedTimes),
      unit: 's',
      target: '< 20 s at scale 1',
      scale,
      rows,
      oddsRows,
      runs,
      generateSeconds: median(genTimes),
    });
    report({
      bench: 'seed',
      metric: 'rows_per_second',
      value: Math.round(seedRate),
      unit: 'rows/s',
      baseline: Math.round(baseRate),
      ratio: Math.round((seedRate / baseRate) * 1000) / 1000,
      scale,
      rows,
      baselineSeconds: median(baseTimes),
    });
  } finally {
    for (const name of created) await withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => {});
    await embedded?.stop();
  }
}
