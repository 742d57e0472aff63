// One correlation for a combo's legs wherever the combo is priced, on the synced demo after Agent C has
// mined it: the slip (picks.priceCombo) prices a same-match double from the fixture's Dixon-Coles score
// matrix exactly as CONSEIL does, and where the fixture has no model, with Agent C's within-match phi
// found under the slip's own leg keys (the sign turned for under 2.5) — never as independent.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src-main/ingest/demo/seed';
import { runSync } from '../../../src-main/sync/run';
import { openCache, type Cache } from '../../../src-main/platform/cache/open';
import { queryRows } from '../../../src-main/platform/pg/client';
import { mineJob } from '../../../src-main/features/agents/patterns/jobs';
import { liveFixtures } from '../../../src-main/features/agents/value';
import { mineInput } from '../../../src-shared/contract/patterns';
import { pairCorrelation } from '../../../src-main/features/conseil/combo-run';
import { jointFromCorrelation, legCorrelation, scoreJoint } from '../../../src-shared/quant';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { jobContext, runJob } from '../../support/jobs';
import { picksContract } from './support';

let src: TestDatabase;
let dir: string;
let file: string;
let api: ReturnType<typeof picksContract>;

beforeAll(async () => {
  src = await createTestDatabase('monps_combo_corr');
  const now = new Date();
  const anchor = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  await seedDemo(src.url, { seed: 11, anchor, now: Date.now() });
  await addFixtureWithoutModel(src.url);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-combo-corr-'));
  file = path.join(dir, 'cache.sqlite');
  openCache(file, { migrate: true }).close();
  await runSync({}, jobContext(file, src.url));
  await runJob(mineJob, mineInput.parse({}), jobContext(file, src.url));
  api = picksContract(file);
}, 600_000);

afterAll(async () => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  await src?.drop();
});

const read = <T>(fn: (db: Cache) => T): T => {
  const db = openCache(file, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
};

const KICKOFF = new Date(Date.now() + 2 * 86_400_000).toISOString();
const NEW_TEAM = 'Newcomers FC';

/** A promoted side with no match in the fit window, at home in an upcoming fixture: no model for it. */
async function addFixtureWithoutModel(url: string): Promise<void> {
  const [m] = await queryRows<{ league_code: string; season: string; away_team_id: string }>(
    url,
    `SELECT league_code, season, away_team_id FROM matches WHERE status = 'scheduled' ORDER BY kickoff, match_id LIMIT 1`,
  );
  await queryRows(url, 'INSERT INTO teams (name, league_code) VALUES ($1, $2)', [NEW_TEAM, m.league_code]);
  await queryRows(
    url,
    `INSERT INTO matches (league_code, season, kickoff, home_team_id, away_team_id)
     SELECT $1, $2, $3, team_id, $4 FROM teams WHERE name = $5`,
    [m.league_code, m.season, KICKOFF, m.away_team_id, NEW_TEAM],
  );
}
type Leg = { market: '1x2' | 'totals' | 'spreads'; line: number | null; selection: string; odds: number };
const home: Leg = { market: '1x2', line: null, selection: 'home', odds: 2.1 };
const over: Leg = { market: 'totals', line: 2.5, selection: 'over', odds: 1.9 };
const under: Leg = { ...over, selection: 'under' };
const legOf = (matchId: number, l: Leg, probability: number) => ({ matchId, ...l, probability });
/** A leg as CONSEIL's run holds it (its quotes and trap do not enter the correlation). */
const conseilLeg = (l: Leg) => ({ ...l, probability: 0.5, quotes: new Map(), trap: null });

describe("a combo's correlation on the mined demo", () => {
  it('with a model: the slip prices home win + over 2.5 from the score matrix, the very phi CONSEIL uses', async () => {
    const f = read((db) => liveFixtures(db, new Date()).fixtures.find((x) => x.model.matrix !== null && x.match.home !== NEW_TEAM));
    if (!f?.model.matrix) throw new Error('no demo fixture with a model');
    const m = f.model.matrix;
    const conseil = read((db) => pairCorrelation(db, f)(conseilLeg(home), conseilLeg(over)));
    if (!('phi' in conseil)) throw new Error(conseil.why);
    const j = scoreJoint(m, home, over);
    const c = await api.call('picks.priceCombo', {
      kind: 'accumulator',
      legs: [legOf(f.match.matchId, home, j.p11 + j.p10), legOf(f.match.matchId, over, j.p11 + j.p01)],
    });
    expect(c.pricing).toHaveLength(1);
    expect(c.pricing[0].correlationSource).toBe('Dixon-Coles score matrix (exact joint)');
    expect(c.pricing[0].correlation).toBe(conseil.phi);
    expect(c.pricing[0].correlation).toBeCloseTo(legCorrelation(j) as number, 14);
    // the legs at the matrix's own marginals: the combo's probability is the matrix's P(both)
    expect(c.modelProb).toBeCloseTo(j.p11, 12);
    expect(c.modelProb).not.toBeCloseTo(c.independentProb, 3);
    // home win and home −0.5 settle each other: a single at a false price, refused as CONSEIL refuses it
    const ah: Leg = { market: 'spreads', line: -0.5, selection: 'home', odds: 2.1 };
    const nested = await api.raw('picks.priceCombo', {
      kind: 'accumulator',
      legs: [legOf(f.match.matchId, home, 0.5), legOf(f.match.matchId, ah, 0.5)],
    });
    expect(nested.ok).toBe(false);
    if (!nested.ok)
      expect(nested.error.message).toContain('legs.1: leg 1 and leg 0 settle each other on every score: a single, not a combo');
  });

  it("without a model: Agent C's within-match phi under the slip's keys, the sign turned for under 2.5", async () => {
    const matchId = read(
      (db) =>
        (
          db
            .prepare('SELECT m.match_id AS id FROM matches m JOIN teams t ON t.team_id = m.home_team_id WHERE t.name = ?')
            .get(NEW_TEAM) as { id: number }
        ).id,
    );
    const row = read(
      (db) =>
        db
          .prepare(
            `SELECT correlation_id AS id, model_within AS phi FROM patterns_correlations c JOIN matches m ON m.match_id = ?
              WHERE market_a = '1x2:home' AND market_b = 'totals:over:2.5' AND c.league IN (m.league_code, 'ALL') AND model_sample >= 300
              ORDER BY mined_at DESC, CASE c.league WHEN m.league_code THEN 0 ELSE 1 END LIMIT 1`,
          )
          .get(matchId) as { id: string; phi: number },
    );
    expect(Math.abs(row.phi)).toBeGreaterThan(0.05);
    const withOver = await api.call('picks.priceCombo', {
      kind: 'accumulator',
      legs: [legOf(matchId, home, 0.45), legOf(matchId, over, 0.5)],
    });
    expect(withOver.pricing[0]).toMatchObject({ correlation: row.phi, correlationSource: expect.stringContaining(`Agent C ${row.id}`) });
    expect(withOver.modelProb).toBeCloseTo(jointFromCorrelation(0.45, 0.5, row.phi).p11, 14);
    const withUnder = await api.call('picks.priceCombo', {
      kind: 'accumulator',
      legs: [legOf(matchId, home, 0.45), legOf(matchId, under, 0.5)],
    });
    expect(withUnder.pricing[0]).toMatchObject({
      correlation: -row.phi,
      correlationSource: expect.stringMatching(/sign turned for under/),
    });
    // no model for the fixture and a pair Agent C does not measure: independent, and why
    const away: Leg = { ...home, selection: 'away' };
    const over35: Leg = { ...over, line: 3.5 };
    const none = await api.call('picks.priceCombo', {
      kind: 'accumulator',
      legs: [legOf(matchId, away, 0.3), legOf(matchId, over35, 0.3)],
    });
    expect(none.pricing[0].correlation).toBe(0);
    expect(none.pricing[0].correlationSource).toMatch(/^none known: priced as independent — .*\(no model: Newcomers FC has 0 matches/);
  });
});
