// The patterns contract over the headless server's HTTP, as the Historique panel will call it: the demo world
// seeded into a real PostgreSQL, the manifest widened and a sync started through the contract, then
// patterns.mine (a writer-lane job in the worker thread), patterns.list and patterns.correlations.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src-main/ingest/demo/seed';
import { startHeadless, type Headless } from '../../../src-main/server/headless';
import { call, ContractCallError, setTransport } from '../../../src-renderer/api/client';
import { httpTransport } from '../../../src-renderer/api/http';
import type { MineSummary } from '../../../src-shared/contract/patterns';
import { createTestDatabase, type TestDatabase } from '../../support/pg';

let db: TestDatabase;
let app: Headless;
let summary: MineSummary;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-patterns-http-'));

beforeAll(async () => {
  db = await createTestDatabase('monps_patterns_http');
  const today = new Date();
  await seedDemo(db.url, { seed: 7, anchor: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())) });
  app = await startHeadless({ port: 0, source: db.url, dataDir, background: false });
  setTransport(httpTransport(app.server.url.replace(/\/$/, '')));
}, 300_000);

afterAll(async () => {
  await app?.close();
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('patterns over HTTP', () => {
  it('before any mining: no run, no rows, and the data-snooping warning all the same', async () => {
    await call('sync.start', {});
    const l = await call('patterns.list', {});
    expect(l).toMatchObject({ run: null, total: 0, rows: [] });
    expect(l.warning).toMatch(/data snooping/);
    const c = await call('patterns.correlations', {});
    expect(c).toMatchObject({ run: null, rows: [] });
  }, 300_000);

  it('mines the synced demo history (every quote kept) and answers a summary', async () => {
    const m = await call('sync.manifest.get', {});
    await call('sync.manifest.set', {
      entries: m.entries.map((e) => (e.window.kind === 'recent-or-open' ? { ...e, window: { kind: 'all' as const } } : e)),
    });
    await call('sync.start', { full: true });
    summary = await call('patterns.mine', { minSample: 100, resamples: 200 });
    expect(summary.matches).toBeGreaterThan(4000);
    expect(summary.pricedMatches).toBe(summary.matches); // every played demo match has opening and closing quotes
    expect(summary.testsTried).toBeGreaterThan(300);
    expect(summary.patternsWritten).toBe(summary.testsTried);
    expect(summary.warning).toContain(`${summary.testsTried} situations were tried`);
  }, 300_000);

  it('patterns.list: sorted and filtered, each row with sample size, q-value and the multiple-testing note', async () => {
    const l = await call('patterns.list', { sort: 'roi', limit: 50, minSample: 200 });
    expect(l.run?.runId).toBe(summary.runId);
    expect(l.rows.length).toBeGreaterThan(0);
    for (let i = 1; i < l.rows.length; i++) expect(l.rows[i].roi).toBeLessThanOrEqual(l.rows[i - 1].roi);
    for (const r of l.rows) {
      expect(r.sampleSize).toBeGreaterThanOrEqual(200);
      expect(r.qValue).toBeGreaterThanOrEqual(r.pValue);
      expect(r.testsTried).toBe(summary.testsTried);
      expect(r.note).toMatch(/situations tried in this run \(data snooping\)/);
    }
    const form = await call('patterns.list', { dimension: 'form', selection: 'away', limit: 5000 });
    expect(form.total).toBeGreaterThan(0);
    expect(form.rows.every((r) => r.filters.form !== undefined && r.selection === 'away')).toBe(true);
  });

  it('patterns.correlations: the demo has goal events, so the scorer legs are there, with the model beside them', async () => {
    const c = await call('patterns.correlations', { league: 'ALL' });
    expect(c.run?.runId).toBe(summary.runId);
    const own = c.rows.find((r) => r.marketA === 'scorer:team-top-scorer:anytime' && r.marketB === 'team:own:goals>=1')!;
    expect(own.sampleSize).toBeGreaterThan(1000);
    expect(own.correlation).toBeGreaterThan(0.2);
    expect(own.rateBoth).toBeCloseTo(own.rateA, 12); // he never scores without his team scoring
    expect(own.modelCorrelation).not.toBeNull();
    // the demo draws goals from Dixon-Coles: model and data agree on the score pairs
    const homeOver = c.rows.find((r) => r.marketA === '1x2:home' && r.marketB === 'totals:over:2.5')!;
    expect(homeOver.modelCorrelation!).toBeGreaterThan(homeOver.lower - 0.02);
    expect(homeOver.modelCorrelation!).toBeLessThan(homeOver.upper + 0.02);
  });

  it('bad input is a typed VALIDATION error naming the field', async () => {
    await expect(call('patterns.mine', { fdr: 2 })).rejects.toThrow(ContractCallError);
    await expect(call('patterns.list', { sort: 'luck' as 'roi' })).rejects.toThrow(/sort/);
    await expect(call('patterns.list', { runId: 'run.none' })).rejects.toThrow(/no pattern run 'run.none'/);
  });
});
