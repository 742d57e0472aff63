// Where a double's correlation comes from: the fixture's Dixon-Coles score matrix when it has a model (the
// exact joint), else Agent C's within-match phi of its latest run for result × over/under 2.5 (the league's
// row before all leagues', only with enough sample), else none (the pair is refused, counted).
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pairCorrelation } from '../../../src-main/features/conseil/combo-run';
import { MIN_WITHIN_SAMPLE } from '../../../src-main/features/picks';
import type { ComboLegIn } from '../../../src-main/features/conseil/combos';
import type { LiveFixture } from '../../../src-main/features/agents/value';
import { dixonColesMatrix, legCorrelation, scoreJoint } from '../../../src-shared/quant';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.exec(`CREATE TABLE patterns_correlations (correlation_id TEXT PRIMARY KEY, market_a TEXT, market_b TEXT, correlation REAL,
    sample_size INTEGER, league TEXT, model_within REAL, model_sample INTEGER, mined_at TEXT)`);
  const ins = db.prepare('INSERT INTO patterns_correlations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  ins.run('old|E0', '1x2:draw', 'totals:over:2.5', -0.3, 900, 'E0', -0.5, 900, '2026-01-01');
  ins.run('new|E0', '1x2:draw', 'totals:over:2.5', -0.3, 900, 'E0', -0.21, 800, '2026-12-01');
  ins.run('new|ALL', '1x2:draw', 'totals:over:2.5', -0.3, 5000, 'ALL', -0.19, 4000, '2026-12-01');
  ins.run('new|ALL|home', '1x2:home', 'totals:over:2.5', 0.2, 5000, 'ALL', 0.12, 4000, '2026-12-01');
  ins.run('new|E0|home', '1x2:home', 'totals:over:2.5', 0.2, 100, 'E0', 0.3, MIN_WITHIN_SAMPLE - 1, '2026-12-01');
  ins.run('new|ALL|away', '1x2:away', 'totals:over:2.5', 0.1, 100, 'ALL', 0.05, MIN_WITHIN_SAMPLE - 1, '2026-12-01');
});
afterEach(() => db.close());

const leg = (market: ComboLegIn['market'], line: number | null, selection: string): ComboLegIn => ({
  market,
  line,
  selection,
  probability: 0.3,
  quotes: new Map(),
  trap: null,
});
const fixture = (matrix: LiveFixture['model']['matrix']) =>
  ({ match: { matchId: 1, league: 'E0' }, prices: [], model: { matrix, missing: matrix ? null : 'no model' } }) as unknown as LiveFixture;

describe('the correlation of a double and its source', () => {
  it('with a model: the exact joint of the score matrix', () => {
    const m = dixonColesMatrix(1.5, 1.1, -0.1);
    const draw = leg('1x2', null, 'draw');
    const under = leg('totals', 3.5, 'under');
    expect(pairCorrelation(db, fixture(m))(draw, under)).toEqual({
      phi: legCorrelation(scoreJoint(m, draw, under)),
      source: 'Dixon-Coles score matrix (exact joint)',
    });
  });

  it("without: Agent C's latest within-match phi, the league's row first; under 2.5 takes the opposite sign", () => {
    const corr = pairCorrelation(db, fixture(null));
    expect(corr(leg('1x2', null, 'draw'), leg('totals', 2.5, 'over'))).toEqual({
      phi: -0.21,
      source: "Agent C new|E0: the model's within-match phi averaged over 800 matches",
    });
    expect(corr(leg('1x2', null, 'draw'), leg('totals', 2.5, 'under'))).toMatchObject({
      phi: 0.21,
      source: expect.stringMatching(/sign turned for under/),
    });
    // the league's row has too small a sample: all leagues' row
    expect(corr(leg('1x2', null, 'home'), leg('totals', 2.5, 'over'))).toMatchObject({ phi: 0.12 });
  });

  it('none known: too small a sample, a pair Agent C does not measure', () => {
    const corr = pairCorrelation(db, fixture(null));
    const none = { why: 'no model and no known correlation for the pair' };
    expect(corr(leg('1x2', null, 'away'), leg('totals', 2.5, 'over'))).toEqual(none);
    expect(corr(leg('1x2', null, 'draw'), leg('totals', 3.5, 'over'))).toEqual(none);
    expect(corr(leg('spreads', -1.5, 'home'), leg('totals', 2.5, 'over'))).toEqual(none);
  });
});
