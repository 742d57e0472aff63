// One key for a combo leg (Agent C's writer and every reader), and one correlation for two legs of one
// match: the score matrix's exact joint where the fixture has a model and both legs settle whole on the
// score, else Agent C's within-match phi (model_within, never the empirical column), complements read
// with the sign turned, else none.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { comboLegKey, correlationKey } from '../../../src-shared/domain/combo-legs';
import { LEGS, SCORE_PAIRS } from '../../../src-main/features/agents/patterns/legs';
import { MIN_WITHIN_SAMPLE, sameMatchCorrelation, scoreSettled } from '../../../src-main/features/picks/leg-correlation';
import { dixonColesMatrix, legCorrelation, scoreJoint } from '../../../src-shared/quant';

const l = (market: string, line: number | null, selection: string, playerSide?: 'home' | 'away') => ({
  market,
  line,
  selection,
  playerSide,
});

describe('the key of a combo leg', () => {
  it("is the one Agent C writes: the slip's 1X2, totals and handicap legs find its rows", () => {
    expect(comboLegKey(l('1x2', null, 'home'))).toBe(LEGS.home.key);
    expect(comboLegKey(l('totals', 2.5, 'over'))).toBe(LEGS.over25.key);
    expect(comboLegKey(l('totals', 1.5, 'over'))).toBe(LEGS.over15.key);
    expect(comboLegKey(l('spreads', -0.5, 'home'))).toBe(LEGS.ahHomeMinus05.key);
    expect(comboLegKey(l('spreads', -1.5, 'home'))).toBe(LEGS.ahHomeMinus15.key);
    expect([LEGS.home.key, LEGS.over25.key, LEGS.ahHomeMinus15.key]).toEqual(['1x2:home', 'totals:over:2.5', 'ah:home:-1.5']);
    // every pair Agent C measures with legs a combo can hold is keyed by comboLegKey
    const comboKeys = SCORE_PAIRS.flatMap((p) => [p.a.key, p.b.key]).filter((k) => /^(1x2|totals|ah):/.test(k));
    expect(comboKeys.length).toBeGreaterThan(10);
  });

  it('a half-line under or away leg is the complement of over or home: same key, opposite sign', () => {
    expect(correlationKey(l('totals', 2.5, 'under'))).toEqual({ key: 'totals:over:2.5', sign: -1, complementOf: 'totals:over:2.5' });
    expect(correlationKey(l('spreads', -0.5, 'away'))).toEqual({ key: 'ah:home:-0.5', sign: -1, complementOf: 'ah:home:-0.5' });
    expect(correlationKey(l('totals', 2.5, 'over'))).toEqual({ key: 'totals:over:2.5', sign: 1 });
    // a whole line pushes: its under is no complement of its over
    expect(correlationKey(l('totals', 2, 'under'))).toEqual({ key: 'totals:under:2', sign: 1 });
    // three outcomes: a draw is no complement of anything
    expect(correlationKey(l('1x2', null, 'away'))).toEqual({ key: '1x2:away', sign: 1 });
    expect(correlationKey(l('anytime_goalscorer', null, '17', 'away'), 'away')).toEqual({ key: 'anytime_goalscorer:away', sign: 1 });
  });

  it('the score settles 1X2 and half lines whole, not whole lines or scorers', () => {
    expect([l('1x2', null, 'draw'), l('totals', 2.5, 'under'), l('spreads', -1.5, 'away')].every(scoreSettled)).toBe(true);
    expect([l('totals', 2, 'over'), l('spreads', -1, 'home'), l('first_goalscorer', null, '9')].some(scoreSettled)).toBe(false);
  });
});

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.exec(`CREATE TABLE patterns_correlations (correlation_id TEXT PRIMARY KEY, market_a TEXT, market_b TEXT, correlation REAL,
    sample_size INTEGER, league TEXT, model_within REAL, model_sample INTEGER, mined_at TEXT)`);
  const ins = db.prepare('INSERT INTO patterns_correlations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  // the empirical column (0.9) is never what a combo is priced with
  ins.run('home|ALL', '1x2:home', 'totals:over:2.5', 0.9, 9000, 'ALL', 0.14, 4000, '2026-12-01');
  ins.run('ah15|ALL', 'ah:home:-1.5', 'totals:over:2.5', 0.9, 9000, 'ALL', 0.22, 4000, '2026-12-01');
  ins.run('draw|ALL', '1x2:draw', 'totals:over:2.5', 0.9, 9000, 'ALL', -0.2, MIN_WITHIN_SAMPLE - 1, '2026-12-01');
});
afterEach(() => db.close());

describe('the correlation of two legs of one match', () => {
  const none = { league: 'E0', matrix: null };

  it("without a model: Agent C's within-match phi, either order, the sign turned for a complement", () => {
    expect(sameMatchCorrelation(db, none, l('1x2', null, 'home'), l('totals', 2.5, 'over'))).toEqual({
      phi: 0.14,
      source: "Agent C home|ALL: the model's within-match phi averaged over 4000 matches",
    });
    expect(sameMatchCorrelation(db, none, l('totals', 2.5, 'over'), l('1x2', null, 'home'))).toMatchObject({ phi: 0.14 });
    expect(sameMatchCorrelation(db, none, l('1x2', null, 'home'), l('totals', 2.5, 'under'))).toEqual({
      phi: -0.14,
      source: "Agent C home|ALL: the model's within-match phi averaged over 4000 matches (of totals:over:2.5, sign turned for under)",
    });
    // both legs complements: the signs cancel
    expect(sameMatchCorrelation(db, none, l('spreads', -1.5, 'away'), l('totals', 2.5, 'under'))).toMatchObject({ phi: 0.22 });
  });

  it('too small a sample or a pair Agent C does not measure: none, with why', () => {
    const why = { why: 'no model and no known correlation for the pair' };
    expect(sameMatchCorrelation(db, none, l('1x2', null, 'draw'), l('totals', 2.5, 'over'))).toEqual(why);
    expect(sameMatchCorrelation(db, none, l('1x2', null, 'home'), l('totals', 3.5, 'over'))).toEqual(why);
  });

  it('with a model: the exact joint for score-settled legs, Agent C for the rest', () => {
    const matrix = dixonColesMatrix(1.6, 1.0, -0.1);
    const home = l('1x2', null, 'home');
    const over = l('totals', 2.5, 'over');
    expect(sameMatchCorrelation(db, { league: 'E0', matrix }, home, over)).toEqual({
      phi: legCorrelation(
        scoreJoint(matrix, { market: '1x2', line: null, selection: 'home' }, { market: 'totals', line: 2.5, selection: 'over' }),
      ),
      source: 'Dixon-Coles score matrix (exact joint)',
    });
    expect(sameMatchCorrelation(db, { league: 'E0', matrix }, l('totals', 2, 'over'), home)).toEqual({
      why: 'no exact joint (a leg the final score does not settle whole) and no known correlation for the pair',
    });
  });
});
