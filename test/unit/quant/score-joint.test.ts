import { describe, expect, it } from 'vitest';
import {
  comboPrice,
  dixonColesMatrix,
  legsNested,
  legCorrelation,
  QuantError,
  scoreJoint,
  scoreLegWins,
  type JointBinary,
  type ScoreLegSpec,
} from '../../../src-shared/quant';
import { close, fixture } from './fixtures';

interface Case {
  lambda_home: number;
  lambda_away: number;
  rho: number;
  a: ScoreLegSpec;
  b: ScoreLegSpec;
  joint: JointBinary;
  phi: number;
  lift: number;
}
const ref = fixture<{ max_goals: number; cases: Case[] }>('combo_joint.json');

describe('joint of two legs of one match from the Dixon-Coles score matrix, against numpy/scipy', () => {
  it(`matches test/reference/combo_joint_reference.py on every case (${ref.cases.length})`, () => {
    expect(ref.cases.length).toBeGreaterThanOrEqual(40);
    for (const [i, c] of ref.cases.entries()) {
      const w = `#${i} λ=${c.lambda_home}/${c.lambda_away} ρ=${c.rho} ${c.a.market}:${c.a.selection}@${c.a.line} & ${c.b.market}:${c.b.selection}@${c.b.line}`;
      const m = dixonColesMatrix(c.lambda_home, c.lambda_away, c.rho, ref.max_goals);
      const j = scoreJoint(m, c.a, c.b);
      for (const k of ['p11', 'p10', 'p01', 'p00'] as const) close(j[k], c.joint[k], 1e-12, `${w} ${k}`);
      close(legCorrelation(j) as number, c.phi, 1e-10, `${w} phi`);
      close(comboPrice(j).lift as number, c.lift, 1e-10, `${w} lift`);
    }
  });

  it('home win and over 2.5 go together for a strong home side (lift > 1), home win and under apart', () => {
    const m = dixonColesMatrix(2.2, 0.8, -0.1);
    const home = { market: '1x2', line: null, selection: 'home' } as const;
    expect(comboPrice(scoreJoint(m, home, { market: 'totals', line: 2.5, selection: 'over' })).lift).toBeGreaterThan(1);
    expect(comboPrice(scoreJoint(m, home, { market: 'totals', line: 2.5, selection: 'under' })).lift).toBeLessThan(1);
  });

  it('refuses legs a score cannot settle whole: whole and quarter lines, unknown selections', () => {
    expect(() => scoreLegWins({ market: 'totals', line: 2, selection: 'over' })).toThrow(QuantError);
    expect(() => scoreLegWins({ market: 'spreads', line: -0.25, selection: 'home' })).toThrow(/half lines/);
    expect(() => scoreLegWins({ market: '1x2', line: null, selection: 'over' })).toThrow(/no selection/);
  });

  it('finds legs one of which settles the other: implied, the same bet, or never together', () => {
    const l = (market: ScoreLegSpec['market'], line: number | null, selection: string): ScoreLegSpec => ({ market, line, selection });
    expect(legsNested(l('spreads', -1.5, 'away'), l('totals', 1.5, 'under'))).toBe(true); // under 1.5 ⇒ away +1.5
    expect(legsNested(l('1x2', null, 'home'), l('spreads', -0.5, 'home'))).toBe(true); // the same bet
    expect(legsNested(l('1x2', null, 'home'), l('spreads', -1.5, 'home'))).toBe(true); // home −1.5 ⇒ home win
    expect(legsNested(l('1x2', null, 'draw'), l('totals', 0.5, 'over'))).toBe(false); // 1-1 both, 0-0 draw only, 1-0 over only
    expect(legsNested(l('1x2', null, 'away'), l('totals', 0.5, 'under'))).toBe(true); // never together
    expect(legsNested(l('1x2', null, 'home'), l('totals', 2.5, 'over'))).toBe(false);
    expect(legsNested(l('1x2', null, 'draw'), l('totals', 2.5, 'under'))).toBe(false);
  });
});
