import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCache } from '../../../src-main/platform/cache/open';
import { buildInventory } from '../../../src-main/features/inventory/inventory';

describe('the inventory job on the cache alone (source unreachable)', () => {
  it('counts rows, attaches quarantine counts and sync phases per table, and grades them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-inv-'));
    const file = path.join(dir, 'cache.sqlite');
    try {
      const db = openCache(file);
      db.exec(`CREATE TABLE odds_history (match_id INTEGER, bookmaker TEXT, selection TEXT, odds REAL, observed_at TEXT, updated_at TEXT,
                 PRIMARY KEY (match_id, bookmaker, selection, observed_at))`);
      const now = new Date().toISOString();
      db.prepare('INSERT INTO odds_history VALUES (1, ?, ?, 2.1, ?, ?)').run('PS', 'home', now, now);
      db.prepare('INSERT INTO odds_history VALUES (1, ?, ?, 3.4, ?, ?)').run('PS', 'draw', now, now);
      db.prepare(
        "INSERT INTO quarantine (table_name, source_key, key, reason, message, raw, first_seen, last_seen) VALUES ('odds_history', '[1]', '{}', 'odds_le_1', 'odds 0.9 <= 1', '{}', ?, ?)",
      ).run(now, now);
      db.prepare(
        "INSERT INTO sync_state (table_name, watermark, last_success_at) VALUES ('odds_history', '2026-11-25 00:00:00+00', ?)",
      ).run(now);
      db.close();

      const inv = await buildInventory(
        {
          staleAfterDays: 30,
          source: { kind: 'configured', label: 'postgres://x@127.0.0.1:1/none', reachable: false, timescale: false, error: 'unreachable' },
        },
        { cacheFile: file, sourceUrl: undefined, signal: new AbortController().signal, progress: () => {} },
      );
      const odds = inv.tables.find((t) => t.store === 'cache' && t.name === 'odds_history')!;
      expect(odds).toMatchObject({
        rows: 2,
        quarantined: 1,
        status: 'active',
        category: 'ODDS',
        sync: { phase: 'ready', lastSuccessAt: now, lastError: null },
      });
      const settings = inv.tables.find((t) => t.name === 'app_settings')!;
      expect(settings).toMatchObject({ rows: 0, status: 'empty', sync: null });
      // without a reachable source the KPI counts the cache's business tables
      expect(inv.kpi).toEqual({ activeTables: 1, totalTables: 1 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
