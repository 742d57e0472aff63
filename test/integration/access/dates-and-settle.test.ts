// Issue 17, items 10 and 12 on a real PostgreSQL source and SQLite cache: a bet's placedAt must be a
// calendar time sane for its match and pick; `monps settle --now` later than the clock is refused; the
// learning loop feeds back only picks with a result.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSync } from '../../../src-main/sync/run';
import { openCache } from '../../../src-main/platform/cache/open';
import { settlePicksJob } from '../../../src-main/features/picks';
import { feedBack } from '../../../src-main/features/conseil';
import { main } from '../../../src-main/cli/main';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { jobContext, runJob } from '../../support/jobs';
import { at, buildSource, K, MIN, pickOf } from '../picks/fixtures';
import { picksContract } from '../picks/support';

let src: TestDatabase;
let dir: string;
let cacheFile: string;
let api: ReturnType<typeof picksContract>;
const NOW = K + 6 * 60 * MIN;

beforeAll(async () => {
  src = await createTestDatabase('monps_access_dates');
  await buildSource(src.url);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-access-dates-'));
  cacheFile = path.join(dir, 'cache.sqlite');
  await runSync({ now: new Date(NOW).toISOString() }, jobContext(cacheFile, src.url));
  api = picksContract(cacheFile);
}, 120_000);

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await src?.drop();
});

const bets = (): number =>
  (
    openCache(cacheFile, { readonly: true, migrate: false })
      .prepare("SELECT count(*) AS n FROM tracking_clv_picks WHERE kind = 'bet'")
      .get() as { n: number }
  ).n;

async function refusal(input: Record<string, unknown>) {
  const r = await api.raw('picks.place', input);
  if (r.ok) throw new Error(`accepted: ${JSON.stringify(input)}`);
  return r.error as { code: string; message: string; details?: { issues: { path: string[] }[] } };
}

describe("a bet's placedAt", () => {
  const base = { matchId: 6, market: '1x2', selection: 'away', bookmaker: 'B365', odds: 4.2, stake: 10 };

  it('2026-02-30T10:00:00Z is refused (it was stored as 2026-03-02), naming placedAt', async () => {
    const before = bets();
    const e = await refusal({ ...base, placedAt: '2026-02-30T10:00:00Z' });
    expect(e.code).toBe('VALIDATION');
    expect(e.details?.issues[0].path).toEqual(['placedAt']);
    expect(e.message).toMatch(/placedAt must be an ISO time on a calendar date/);
    expect(bets()).toBe(before);
  });

  it('a bet placed in 1970 on a match of 2026 is refused', async () => {
    const e = await refusal({ ...base, placedAt: '1970-01-01T10:00:00Z' });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/placedAt: .*more than 366 days before the match kicks off/);
  });

  it('a bet following a pick, placed before the pick was made, is refused', async () => {
    await api.call('picks.record', {
      picks: [pickOf({ pickId: 'dates-m6', matchId: 6, market: '1x2', selection: 'home', bookmaker: 'PS', odds: 2.1, pickedAt: at(120) })],
    });
    const e = await refusal({ pickId: 'dates-m6', bookmaker: 'B365', odds: 2.2, stake: 5, placedAt: at(60) });
    expect(e.message).toMatch(/placedAt: .* is before the pick it follows was made/);
    // the same bet at a sane time is taken
    const ok = await api.raw('picks.place', { pickId: 'dates-m6', bookmaker: 'B365', odds: 2.2, stake: 5, placedAt: at(180) });
    expect(ok.ok).toBe(true);
  });
});

describe('monps settle --now', () => {
  const run = async (...argv: string[]) => {
    const lines: string[] = [];
    const code = await main(['settle', '--cache', cacheFile, ...argv], { out: (t) => lines.push(t), err: (t) => lines.push(t) });
    return { code, text: lines.join('\n') };
  };

  it('later than the clock is refused with exit 2 and nothing stamped', async () => {
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const r = await run('--now', future);
    expect(r.code).toBe(2);
    expect(r.text).toMatch(/is later than the clock/);
  });

  it('on a date that does not exist is bad usage too', async () => {
    expect((await run('--now', '2026-02-30T10:00:00Z')).code).toBe(2);
  });
});

describe('conseil learn feeds back only picks with a result', () => {
  it('a CONSEIL pick with its closing line but no result yet is not fed back; once settled it is', async () => {
    await api.call('picks.record', {
      picks: [
        pickOf({
          pickId: 'learn-m7',
          matchId: 7,
          market: '1x2',
          selection: 'home',
          bookmaker: 'PS',
          odds: 2.5,
          pickedAt: at(-60),
          source: 'conseil',
        }),
        pickOf({
          pickId: 'learn-m1',
          matchId: 1,
          market: '1x2',
          selection: 'home',
          bookmaker: 'PS',
          odds: 2.3,
          pickedAt: at(-60),
          source: 'conseil',
        }),
      ],
    });
    await runJob(settlePicksJob, { now: new Date(NOW).toISOString() }, jobContext(cacheFile));
    const db = openCache(cacheFile, { migrate: false });
    try {
      const rows = db
        .prepare("SELECT pick_id, result, clv FROM tracking_clv_picks WHERE pick_id IN ('learn-m7', 'learn-m1') ORDER BY pick_id")
        .all() as { pick_id: string; result: string | null; clv: number | null }[];
      // m7 finished without its score: a closing line (CLV) but no result
      expect(rows.map((r) => [r.pick_id, r.result !== null, r.clv !== null])).toEqual([
        ['learn-m1', true, true],
        ['learn-m7', false, true],
      ]);
      const zeroWeights = { fit: { coefficients: new Array<number>(32).fill(0) } } as unknown as Parameters<typeof feedBack>[2];
      const fed = feedBack(db, null, zeroWeights, new Date(NOW));
      expect(fed).toBe(1);
      const ids = (db.prepare('SELECT DISTINCT pick_id FROM agent_feedback').all() as { pick_id: string }[]).map((r) => r.pick_id);
      expect(ids).toEqual(['learn-m1']);
    } finally {
      db.close();
    }
  });
});
