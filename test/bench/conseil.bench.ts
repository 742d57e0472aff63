// `npm run bench -- conseil [--reps N] [--url postgres://…]`: a full CONSEIL ULTIM run over a day's
// fixtures of the default demo (seeded at today's anchor and synced as the app does, PATRON learned
// once), target under 1 s; baseline in the same run: Agent B reading the same fixtures (liveFixtures:
// prices, stale bookkeeping and Dixon-Coles), which CONSEIL starts from. Runs are dry (nothing
// recorded) so each decides the whole day again; the best of `reps` after a warm-up. Also the learning
// step (PATRON refit on the replayed history) once, for the record.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemo } from '../../src-main/ingest/demo/seed';
import { startEmbeddedPostgres, type EmbeddedPg } from '../../src-main/platform/pg/embedded';
import { openCache } from '../../src-main/platform/cache/open';
import { settingsCommission } from '../../src-main/platform/settings';
import { runSync } from '../../src-main/sync/run';
import { liveFixtures } from '../../src-main/features/agents/value';
import { learn, runConseil } from '../../src-main/features/conseil';
import { DEFAULT_SETTINGS } from '../../src-shared/contract/settings';
import { report } from './report';

export default async function conseilBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { reps: { type: 'string', default: '5' }, url: { type: 'string' } } });
  const reps = Math.max(1, Number(values.reps));
  const now = new Date();
  const anchor = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const date = new Date(anchor.getTime() + 86_400_000).toISOString().slice(0, 10); // tomorrow: a whole fixture day
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-bench-conseil-'));
  let pg: EmbeddedPg | undefined;
  try {
    let url = values.url;
    if (!url) {
      pg = await startEmbeddedPostgres({ dataDir: path.join('/tmp', `monps-bench-conseil-pg-${process.pid}`), persistent: false });
      url = pg.url;
    }
    await seedDemo(url, { seed: 1, anchor, now: now.getTime(), force: true });
    const file = path.join(dir, 'cache.sqlite');
    openCache(file, { migrate: true }).close();
    await runSync({}, { cacheFile: file, sourceUrl: url, signal: new AbortController().signal, progress: () => {} });
    const db = openCache(file);
    const t0 = performance.now();
    const learned = learn(db, now, settingsCommission(DEFAULT_SETTINGS));
    const learnMs = performance.now() - t0;
    const opts = { date, dryRun: true, settings: DEFAULT_SETTINGS, settingsUpdatedAt: null };
    runConseil(db, opts, now); // warm-up
    liveFixtures(db, now);
    const runs: number[] = [];
    const reads: number[] = [];
    let last = runConseil(db, opts, now);
    for (let i = 0; i < reps; i++) {
      let t = performance.now();
      liveFixtures(db, now);
      reads.push(performance.now() - t);
      t = performance.now();
      last = runConseil(db, opts, now);
      runs.push(performance.now() - t);
    }
    db.close();
    const best = Math.min(...runs);
    const floor = Math.min(...reads);
    report({
      bench: 'conseil',
      metric: 'day_run_vs_agent_b_read',
      value: Math.round(best),
      unit: 'ms',
      baseline: Math.round(floor),
      ratio: Math.round((best / floor) * 100) / 100,
      target: 'value < 1000 ms',
      date,
      fixtures: last.fixtures,
      candidates: last.candidates,
      picks: last.picks.length,
    });
    report({ bench: 'conseil', metric: 'learn_patron', value: Math.round(learnMs), unit: 'ms', rows: learned.rows });
  } finally {
    await pg?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
