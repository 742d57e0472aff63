import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCache } from '../../../src-main/platform/cache/open';
import { loadGlobalStatus, updateGlobalStatus } from '../../../src-main/sync/state';
import { markInterruptedSync } from '../../../src-main/sync/state';

describe('a sync cut short by a killed app', () => {
  it('is reported as interrupted at the next start, not as still running', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-interrupted-'));
    try {
      const db = openCache(path.join(dir, 'cache.sqlite'));
      updateGlobalStatus(db, { state: 'running', lastAttemptAt: '2026-11-25T08:00:00.000Z' });
      markInterruptedSync(db);
      const s = loadGlobalStatus(db);
      expect(s.state).toBe('error');
      expect(s.lastError).toMatch(/interrupted.*resumes from its checkpoint/);
      expect(s.lastAttemptAt).toBe('2026-11-25T08:00:00.000Z');
      // a status that is not "running" is left as it is
      updateGlobalStatus(db, { state: 'ok', lastError: null });
      markInterruptedSync(db);
      expect(loadGlobalStatus(db).state).toBe('ok');
      db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
