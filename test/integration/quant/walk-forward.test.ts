// One league-season of the walk-forward evaluation (the whole table, 4 leagues × 2 seasons, is the
// bench `npm run bench -- walk-forward`): the model refitted before every match day on the past only
// sits in a sane band around the de-vigged closing market.
import { describe, expect, it } from 'vitest';
import { evaluate, walkForwardProblems, walkForwardTable } from '../../support/walk-forward';

describe('walk-forward: Dixon-Coles vs the de-vigged closing market', () => {
  it('E0 2024-25: every match day refitted on the 3 years before it', { timeout: 300_000 }, () => {
    const row = evaluate('E0', '2024-25');
    console.log(walkForwardTable([row]));
    expect(row.fits).toBeGreaterThan(100);
    expect(walkForwardProblems(row)).toEqual([]);
    // the market is the better forecaster, as it should be
    expect(row.market.logLoss).toBeLessThan(row.model.logLoss);
  });
});
