// `npm run bench -- demo-feed [--scale 1] [--steps 30]`: time of one run of the embedded demo's feed
// (demo.feed: release what became due into the source). The default world is seeded "at" 09:00 of
// its anchor day, then the feed runs once a simulated minute (the embedded schedule), then over a
// one-hour and a one-day gap (the app closed for a while). The first run regenerates the world (the
// worker keeps it afterwards). Baseline, same run: a feed run with nothing due (connection, lock
// and watermark only); ratio = a minute's run / that.
// PostgreSQL: MONPS_BENCH_PG_URL or MONPS_TEST_PG_URL (an admin URL), else an embedded server.
import { randomBytes } from 'node:crypto';
import { runDemoFeed, type DemoFeedReport } from '../../src-main/ingest/demo/feed';
import { seedDemo } from '../../src-main/ingest/demo/seed';
import { startEmbeddedPostgres, type EmbeddedPg } from '../../src-main/platform/pg/embedded';
import { median, report } from './report';
import { withClient } from '../../src-main/platform/pg/client';

const HOUR = 3_600_000;

export default async function demoFeedBench(argv: string[]): Promise<void> {
  const arg = (name: string, dflt: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : dflt);
  const scale = arg('--scale', 1);
  const steps = arg('--steps', 30);
  const anchor = '2026-11-25';
  const t0 = Date.parse(`${anchor}T00:00:00Z`) + 9 * HOUR;
  let embedded: EmbeddedPg | undefined;
  let admin = process.env.MONPS_BENCH_PG_URL ?? process.env.MONPS_TEST_PG_URL;
  if (!admin) {
    embedded = await startEmbeddedPostgres({ dataDir: `/tmp/monps-bench-feed-${process.pid}`, persistent: false });
    admin = embedded.url;
  }
  const name = `monps_bench_${randomBytes(4).toString('hex')}`;
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const url = u.toString();
  try {
    await seedDemo(url, { seed: 1, scale, anchor, now: t0 });
    let now = t0 + 60_000;
    const cold = await runDemoFeed(url, { now });
    const minutes: DemoFeedReport[] = [];
    for (let i = 0; i < steps; i++) {
      now += 60_000;
      minutes.push(await runDemoFeed(url, { now }));
    }
    const idle: number[] = [];
    for (let i = 0; i < 5; i++) idle.push((await runDemoFeed(url, { now })).seconds);
    now += HOUR;
    const hour = await runDemoFeed(url, { now });
    now += 24 * HOUR;
    const day = await runDemoFeed(url, { now });
    const per = median(minutes.map((m) => m.seconds));
    const quotes = minutes.reduce((a, m) => a + m.quotes, 0) / minutes.length;
    report({
      bench: 'demo-feed',
      metric: 'minute_run_seconds',
      value: per,
      unit: 's',
      baseline: median(idle),
      ratio: Math.round((per / median(idle)) * 100) / 100,
      target: '< 1 s (runs every 60 s on the writer lane)',
      scale,
      steps,
      quotesPerRun: Math.round(quotes * 10) / 10,
      maxSeconds: Math.max(...minutes.map((m) => m.seconds)),
    });
    report({
      bench: 'demo-feed',
      metric: 'cold_run_seconds',
      value: cold.seconds,
      unit: 's',
      generateSeconds: cold.generateSeconds,
      quotes: cold.quotes,
      scale,
    });
    report({
      bench: 'demo-feed',
      metric: 'hour_gap_seconds',
      value: hour.seconds,
      unit: 's',
      quotes: hour.quotes,
      finished: hour.finished,
      scale,
    });
    report({
      bench: 'demo-feed',
      metric: 'day_gap_seconds',
      value: day.seconds,
      unit: 's',
      quotes: day.quotes,
      finished: day.finished,
      events: day.events,
      scale,
    });
  } finally {
    await withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => {});
    await embedded?.stop();
  }
}
