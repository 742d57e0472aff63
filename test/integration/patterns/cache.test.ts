// Agent C in the worker: real football-data seasons imported into a real PostgreSQL, synced into a real
// SQLite cache, mined by the writer-lane job; its rows go through the outbox to the source, and the
// reader-lane jobs list them. The cache path must find exactly what the CSV path finds on the same files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFootballData } from '../../../src-main/ingest/football-data';
import { correlationsJob, listJob, mineJob } from '../../../src-main/features/agents/patterns/jobs';
import { CSV_PRICE_REFERENCE, historyFromCsv, runPatterns, type MiningRun } from '../../../src-main/features/agents/patterns';
import { openCache } from '../../../src-main/platform/cache/open';
import { migrateSource } from '../../../src-main/platform/pg/migrate';
import { loadManifest, outboxPendingCount, runSync, saveManifest } from '../../../src-main/sync';
import type { CorrelationsList, MineSummary, PatternsList } from '../../../src-shared/contract/patterns';
import { jobContext, runJob } from '../../support/jobs';
import { createTestDatabase, withDatabase, type TestDatabase } from '../../support/pg';
import { footballDataDir } from '../../support/shared-data';
import pg from 'pg';
import { main } from '../../../src-main/cli/main';

const FILES = ['E0_2023-24.csv', 'E0_2024-25.csv', 'D1_2024-25.csv'].map((f) => path.join(footballDataDir(), f));
const PARAMS = { minSample: 30, fdr: 0.05, method: 'bh' as const, resamples: 500, correlations: true };

let src: TestDatabase;
let dir: string;
let cacheFile: string;
let summary: MineSummary;
let csvRun: MiningRun;
const ctx = () => jobContext(cacheFile, src.url);

beforeAll(async () => {
  src = await createTestDatabase('monps_patterns');
  await migrateSource(src.url);
  await importFootballData(src.url, FILES);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-patterns-'));
  cacheFile = path.join(dir, 'cache.sqlite');
  const db = openCache(cacheFile);
  // history needs every quote, not the default window of the last 30 days
  saveManifest(
    db,
    loadManifest(db).map((e) => (e.window.kind === 'recent-or-open' ? { ...e, window: { kind: 'all' as const } } : e)),
  );
  db.close();
  await runSync({}, ctx());
  summary = await runJob(mineJob, PARAMS, ctx());
  csvRun = runPatterns(historyFromCsv(FILES).matches, { ...PARAMS, priceReference: CSV_PRICE_REFERENCE });
}, 300_000);

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await src?.drop();
});

describe('patterns.mine on a synced cache', () => {
  it('mines every finished match, says how many situations it tried, and writes one row per situation', () => {
    expect(summary.matches).toBe(380 + 380 + 306);
    expect(summary.pricedMatches).toBe(summary.matches);
    expect(summary.testsTried).toBeGreaterThan(250);
    expect(summary.patternsWritten).toBe(summary.testsTried);
    expect(summary.correlationsWritten).toBe(12 * 3); // ALL, D1, E0; no goal events in football-data: no scorer pairs
    expect(summary.warning).toContain(`${summary.testsTried} situations were tried`);
    expect(summary.warning).toMatch(/data snooping/);
    const db = openCache(cacheFile, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM market_patterns WHERE run_id = ?').get(summary.runId)).toEqual({
        n: summary.testsTried,
      });
      expect(db.prepare('SELECT DISTINCT tests_tried AS t FROM market_patterns').all()).toEqual([{ t: summary.testsTried }]);
    } finally {
      db.close();
    }
  });

  it('finds exactly what the CSV path finds on the same files', () => {
    const db = openCache(cacheFile, { readonly: true });
    try {
      const rows = db.prepare('SELECT * FROM market_patterns WHERE run_id = ?').all(summary.runId) as Record<string, number | string>[];
      const byId = new Map(rows.map((r) => [r.pattern_id as string, r]));
      expect(csvRun.mined.tried).toBe(summary.testsTried);
      for (const s of csvRun.mined.situations) {
        const r = byId.get(s.id)!;
        expect(r, s.id).toBeDefined();
        expect([r.sample_size, r.hits, r.clv_sample], s.id).toEqual([s.n, s.hits, s.clvSample]);
        for (const [col, v] of [
          ['roi', s.roi],
          ['p_value', s.pValue],
          ['q_value', s.qValue],
          ['market_hit_rate', s.marketHitRate],
          ['mean_clv', s.meanClv],
          ['hit_rate_lower', s.hitRateLower],
        ] as const)
          expect(Math.abs((r[col] as number) - (v as number)), `${s.id} ${col}`).toBeLessThan(1e-12);
        // the bootstrap resamples bets in kick-off order, and same-time matches are ordered by their id
        // (file line or match_id): the same distribution, other draws
        expect(Math.abs((r.roi_lower as number) - s.roiLower)).toBeLessThan(0.1 * (s.roiUpper - s.roiLower));
        expect(r.name).toBe(s.name);
        expect(JSON.parse(r.filters as string)).toEqual(s.filters);
        expect(r.note).toMatch(new RegExp(`^One of ${summary.testsTried} situations tried in this run \\(data snooping\\)`));
      }
      const corr = db.prepare('SELECT * FROM patterns_correlations WHERE run_id = ?').all(summary.runId) as Record<
        string,
        number | string
      >[];
      for (const c of csvRun.correlations!.rows) {
        const r = corr.find((x) => x.correlation_id === c.id)!;
        expect([r.sample_size, r.model_sample], c.id).toEqual([c.empirical.n, c.modelSample]);
        expect(Math.abs((r.correlation as number) - c.empirical.phi)).toBeLessThan(1e-12);
        expect(Math.abs((r.model_correlation as number) - (c.modelCorrelation as number))).toBeLessThan(1e-9);
      }
    } finally {
      db.close();
    }
  });

  it('publishes its rows to the source through the outbox at the next sync', async () => {
    const before = openCache(cacheFile, { readonly: true });
    expect(outboxPendingCount(before)).toBe(summary.patternsWritten + summary.correlationsWritten);
    before.close();
    const r = await runSync({}, ctx());
    expect(r.publishNote).toBeNull();
    expect(r.published).toBe(summary.patternsWritten + summary.correlationsWritten);
    const client = new pg.Client({ connectionString: withDatabase(src.url, src.name) });
    await client.connect();
    try {
      const rows = await client.query<{ n: string; tried: number; notes: string }>(
        'SELECT count(*) AS n, max(tests_tried) AS tried, min(note) AS notes FROM market_patterns WHERE run_id = $1',
        [summary.runId],
      );
      expect(Number(rows.rows[0].n)).toBe(summary.testsTried);
      expect(rows.rows[0].tried).toBe(summary.testsTried);
      const c = await client.query<{ n: string }>('SELECT count(*) AS n FROM patterns_correlations WHERE model_correlation IS NOT NULL');
      expect(Number(c.rows[0].n)).toBe(summary.correlationsWritten);
    } finally {
      await client.end();
    }
  });

  it('mining the same data again gives the same run id and the same rows (upserts, no duplicates)', async () => {
    const again = await runJob(mineJob, PARAMS, ctx());
    expect(again.runId).toBe(summary.runId);
    const db = openCache(cacheFile, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM market_patterns').get()).toEqual({ n: summary.testsTried });
    } finally {
      db.close();
    }
  });
});

describe('monps patterns mine --cache', () => {
  const cli = async (argv: string[]) => {
    let out = '';
    const code = await main(['patterns', 'mine', ...argv], { out: (t) => (out += `${t}\n`), err: () => {} });
    return { code, out };
  };
  const state = () => {
    const db = openCache(cacheFile, { readonly: true });
    try {
      return {
        minedAt: (db.prepare('SELECT max(mined_at) AS t FROM market_patterns').get() as { t: string }).t,
        correlationsAt: (db.prepare('SELECT max(mined_at) AS t FROM patterns_correlations').get() as { t: string }).t,
        pending: outboxPendingCount(db),
        rows: db.prepare('SELECT count(*) AS n FROM market_patterns').get(),
      };
    } finally {
      db.close();
    }
  };

  it('--dry-run mines the same cache the same way (same run id, same situations) and writes nothing', async () => {
    const before = state();
    const r = await cli(['--cache', cacheFile, '--min-sample', '30', '--resamples', '500', '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { run_id: string; tests_tried: number; patterns: { id: string }[]; dry_run: boolean; written: unknown };
    expect(j.run_id).toBe(summary.runId);
    expect(j.tests_tried).toBe(summary.testsTried);
    expect(j.patterns.map((p) => p.id).sort()).toEqual(csvRun.mined.situations.map((s) => s.id).sort());
    expect([j.dry_run, j.written]).toEqual([true, null]);
    expect(state()).toEqual(before);
    const text = await cli(['--cache', cacheFile, '--min-sample', '30', '--resamples', '500', '--top', '3', '--dry-run']);
    expect(text.out).toMatch(/Dry run: nothing written\.\n$/);
    expect(state()).toEqual(before);
  });

  it('writes its run into the cache it mined, through the outbox, and says so', async () => {
    const before = state();
    const r = await cli(['--cache', cacheFile, '--min-sample', '30', '--resamples', '500', '--top', '3']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      `Written into ${cacheFile}: ${summary.testsTried} patterns and ${summary.correlationsWritten} correlations written (run ${summary.runId.slice(0, 12)}`,
    );
    const after = state();
    expect(after.rows).toEqual(before.rows); // the same situations, rewritten with their new time
    expect(after.minedAt > before.minedAt).toBe(true);
    expect(after.correlationsAt > before.correlationsAt).toBe(true);
    expect(after.pending).toBeGreaterThanOrEqual(summary.testsTried);
  });

  it('--csv … --into CACHE writes a CSV run into a cache; --csv alone only prints', async () => {
    const printed = await cli(['--csv', FILES[0], '--min-sample', '30', '--resamples', '200', '--no-correlations', '--top', '1']);
    expect(printed.out).toMatch(/Printed only: give --into CACHE/);
    const into = await cli([
      '--csv',
      FILES[0],
      '--into',
      cacheFile,
      '--min-sample',
      '30',
      '--resamples',
      '200',
      '--no-correlations',
      '--json',
    ]);
    expect(into.code).toBe(0);
    const j = JSON.parse(into.out) as { run_id: string; tests_tried: number; written: { cache: string; patterns: number } };
    expect(j.written).toEqual({ cache: cacheFile, patterns: j.tests_tried, correlations: 0 });
    const db = openCache(cacheFile, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM market_patterns WHERE run_id = ?').get(j.run_id)).toEqual({ n: j.tests_tried });
    } finally {
      db.close();
    }
    // the lists show the latest run: put the cache's own run back on top for the tests below
    await cli(['--cache', cacheFile, '--min-sample', '30', '--resamples', '500', '--top', '0']);
  });
});

describe('patterns.list and patterns.correlations (reader lane)', () => {
  const list = (input: Record<string, unknown>) => runJob(listJob, input, ctx()) as Promise<PatternsList>;

  it('sorted by q then p by default, each row with its sample size, q-value and multiple-testing note', async () => {
    const l = await list({});
    expect(l.run).toMatchObject({ runId: summary.runId, testsTried: summary.testsTried, significant: summary.significant });
    expect(l.total).toBe(summary.testsTried);
    expect(l.rows).toHaveLength(Math.min(200, summary.testsTried));
    expect(l.warning).toContain(`${summary.testsTried} situations were tried`);
    for (let i = 1; i < l.rows.length; i++) {
      const [a, b] = [l.rows[i - 1], l.rows[i]];
      expect(b.qValue > a.qValue || (b.qValue === a.qValue && b.pValue >= a.pValue)).toBe(true); // q, then p
    }
    for (const r of l.rows) {
      expect(r.sampleSize).toBeGreaterThanOrEqual(PARAMS.minSample);
      expect(r.testsTried).toBe(summary.testsTried);
      expect(r.note).toContain(`q = `);
      expect(r.significant).toBe(r.qValue <= 0.05);
    }
  });

  it('filters (league, market, dimension, sample, search) and pages', async () => {
    const e0 = await list({ league: 'E0', dimension: 'move', market: '1x2', sort: 'roi', limit: 500 });
    expect(e0.total).toBeGreaterThan(0);
    expect(e0.rows.every((r) => r.filters.league === 'E0' && r.filters.move !== undefined && r.market === '1x2')).toBe(true);
    for (let i = 1; i < e0.rows.length; i++) expect(e0.rows[i].roi).toBeLessThanOrEqual(e0.rows[i - 1].roi);
    const big = await list({ minSample: 500, sort: 'sampleSize', order: 'asc', limit: 5000 });
    expect(big.rows.every((r) => r.sampleSize >= 500)).toBe(true);
    expect(big.rows[0].sampleSize).toBeLessThanOrEqual(big.rows.at(-1)!.sampleSize);
    const draws = await list({ search: 'draw', limit: 5000 });
    expect(draws.total).toBeGreaterThan(0);
    expect(draws.rows.every((r) => r.name.toLowerCase().includes('draw'))).toBe(true);
    const page1 = await list({ sort: 'name', limit: 10 });
    const page2 = await list({ sort: 'name', limit: 10, offset: 10 });
    expect(page2.rows[0].name >= page1.rows[9].name).toBe(true);
    expect(page1.total).toBe(page2.total);
    await expect(list({ runId: 'run.nope' })).rejects.toThrow(/no pattern run 'run.nope'/);
  });

  it('correlations: the whole history first, then each league, model beside the empirical phi', async () => {
    const c = (await runJob(correlationsJob, {}, ctx())) as CorrelationsList;
    expect(c.run?.runId).toBe(summary.runId);
    expect(c.rows.map((r) => r.league)).toEqual([...Array(12).fill('ALL'), ...Array(12).fill('D1'), ...Array(12).fill('E0')]);
    const homeOver = c.rows.find((r) => r.league === 'ALL' && r.marketA === '1x2:home' && r.marketB === 'totals:over:2.5')!;
    expect(homeOver.correlation).toBeGreaterThan(homeOver.lower);
    expect(homeOver.upper).toBeGreaterThan(homeOver.correlation);
    expect(homeOver.modelSample).toBeGreaterThan(0);
    expect(homeOver.modelCorrelation).not.toBeNull();
    expect(c.note).toMatch(/within-match/);
    const e0 = (await runJob(correlationsJob, { league: 'E0' }, ctx())) as CorrelationsList;
    expect(e0.rows).toHaveLength(12);
  });
});

describe('the default sync window', () => {
  it('keeps 30 days of quotes: old seasons count for rest and form but carry no price, and the summary says so', async () => {
    const other = path.join(dir, 'default.sqlite');
    await runSync({}, jobContext(other, src.url));
    const s = await runJob(mineJob, { ...PARAMS, correlations: false }, jobContext(other, src.url));
    expect(s.matches).toBe(380 + 380 + 306);
    expect(s.pricedMatches).toBe(0);
    expect(s.testsTried).toBe(0);
    expect(s.patternsWritten).toBe(0);
  });
});
