// Dixon-Coles fitted on real football-data CSVs (read at test time, never copied) against the scipy
// L-BFGS-B fit of the same likelihood (test/reference/dixon_coles_ref.py → fixtures/quant/dixon_coles.json).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCsvMatches } from '../../../src-main/cli/model-data';
import {
  dixonColesMatrix,
  fitDixonColes,
  lbfgs,
  matchOdds,
  predictMatrix,
  QuantError,
  sfc32,
  type MatchResult,
} from '../../../src-shared/quant';
import { close, fixture } from './fixtures';
import { footballDataDir } from '../../support/shared-data';

const DATA = footballDataDir();
interface Fit {
  league: string;
  train_files: string[];
  test_file: string;
  as_of: string;
  xi: number;
  matches: number;
  rho: number;
  home_advantage: number;
  log_likelihood: number;
  predictions: Array<{
    home: string;
    away: string;
    lambda_home: number;
    lambda_away: number;
    p_home: number;
    p_draw: number;
    p_away: number;
  }>;
}
const ref = fixture<{ fits: Fit[] }>('dixon_coles.json');

describe('Dixon-Coles on real data against scipy', () => {
  for (const f of ref.fits) {
    it(`${f.league}: fit on ${f.train_files.join(', ')} as of ${f.as_of}, predict ${f.test_file}`, () => {
      const { results } = loadCsvMatches(f.train_files.map((x) => path.join(DATA, x)));
      const model = fitDixonColes(results, { asOf: f.as_of, xi: f.xi });
      expect(model.converged).toBe(true);
      expect(model.matches).toBe(f.matches);
      close(model.rho, f.rho, 1e-4, 'rho');
      close(model.homeAdvantage, f.home_advantage, 1e-4, 'home advantage');
      close(model.logLikelihood, f.log_likelihood, 1e-7, 'log-likelihood');
      const fixtures = loadCsvMatches([path.join(DATA, f.test_file)]).rows;
      const predicted = fixtures.filter((m) => model.teams.includes(m.homeTeam) && model.teams.includes(m.awayTeam));
      expect(predicted.length).toBe(f.predictions.length);
      expect(f.predictions.length).toBeGreaterThan(200);
      let worst = 0;
      f.predictions.forEach((p, i) => {
        expect(predicted[i].homeTeam).toBe(p.home);
        expect(predicted[i].awayTeam).toBe(p.away);
        const m = predictMatrix(model, p.home, p.away);
        const x = matchOdds(m);
        for (const [a, b] of [
          [x.home, p.p_home],
          [x.draw, p.p_draw],
          [x.away, p.p_away],
        ])
          worst = Math.max(worst, Math.abs(a - b));
        close(m.lambdaHome, p.lambda_home, 1e-4, `λ home ${p.home}-${p.away}`);
      });
      expect(worst).toBeLessThan(1e-4);
      // a promoted team not in the fit is a clear error naming it
      const unknown = fixtures.find((m) => !model.teams.includes(m.homeTeam));
      if (unknown)
        expect(() => predictMatrix(model, unknown.homeTeam, unknown.awayTeam)).toThrow(new RegExp(`unknown team '${unknown.homeTeam}'`));
    });
  }
});

describe('Dixon-Coles: behaviour', () => {
  // deterministic synthetic league: 6 teams of decreasing strength, 4 double round-robins over
  // January-June 2024, goals drawn from Poisson(λ) with the seeded generator
  const rng = sfc32(42);
  const poisson = (lambda: number) => {
    let k = 0;
    let p = Math.exp(-lambda);
    let c = p;
    const u = rng();
    while (u > c && k < 20) {
      k++;
      p *= lambda / k;
      c += p;
    }
    return k;
  };
  const teams = ['A', 'B', 'C', 'D', 'E', 'F'];
  const strength = [0.5, 0.3, 0.1, -0.1, -0.3, -0.5];
  const synth: MatchResult[] = [];
  for (let r = 0; r < 4; r++)
    for (let h = 0; h < 6; h++)
      for (let a = 0; a < 6; a++)
        if (h !== a) {
          const day = 1 + r * 40 + h * 6 + a;
          const date = new Date(Date.UTC(2024, 0, day)).toISOString().slice(0, 10);
          synth.push({
            date,
            home: teams[h],
            away: teams[a],
            homeGoals: poisson(Math.exp(0.25 + strength[h] - strength[a])),
            awayGoals: poisson(Math.exp(strength[a] - strength[h])),
          });
        }
  it('attacks sum to zero; only matches before asOf are used; stronger team favoured', () => {
    const m = fitDixonColes(synth, { asOf: '2024-05-01', xi: 0.002 });
    expect(m.converged).toBe(true);
    close(
      m.attack.reduce((a, b) => a + b, 0),
      0,
      1e-12,
    );
    expect(m.matches).toBe(synth.filter((x) => x.date < '2024-05-01').length);
    const x = matchOdds(predictMatrix(m, 'A', 'F'));
    expect(x.home).toBeGreaterThan(0.6);
    expect(m.attack[m.teams.indexOf('A')]).toBeGreaterThan(m.attack[m.teams.indexOf('F')]);
  });
  it('time decay: xi = 0 weights every match equally (weight = match count)', () => {
    const m = fitDixonColes(synth, { asOf: '2025-01-01', xi: 0 });
    expect(m.weight).toBe(synth.length);
  });
  it('rho stays where every score keeps a positive probability, even on degenerate data', () => {
    // no 0-1 or 1-0 result at all: the unconstrained likelihood grows without bound as rho → −∞
    const degenerate = synth.filter((m) => !((m.homeGoals === 1 && m.awayGoals === 0) || (m.homeGoals === 0 && m.awayGoals === 1)));
    const m = fitDixonColes(degenerate, { asOf: '2024-06-01' });
    expect(Number.isFinite(m.rho)).toBe(true);
    for (const h of m.teams)
      for (const a of m.teams)
        if (h !== a) {
          const p = predictMatrix(m, h, a);
          expect(1 + p.lambdaHome * m.rho).toBeGreaterThanOrEqual(0);
          expect(1 + p.lambdaAway * m.rho).toBeGreaterThanOrEqual(0);
        }
  });
  it('bad input names the match', () => {
    const bad = [...synth.slice(0, 3), { ...synth[3], homeGoals: -1 }];
    expect(() => fitDixonColes(bad, { asOf: '2025-01-01' })).toThrow(/matches\[3\]\.homeGoals = -1/);
    expect(() => fitDixonColes([{ ...synth[0], date: '01/02/2024' }], { asOf: '2025-01-01' })).toThrow(/matches\[0\]\.date '01\/02\/2024'/);
    expect(() => fitDixonColes(synth, { asOf: '2000-01-01' })).toThrow(QuantError);
    expect(() => dixonColesMatrix(-1, 1, 0)).toThrow(/lambdaHome = -1/);
  });
  it('warm start reaches the same optimum', () => {
    const cold = fitDixonColes(synth, { asOf: '2024-06-01' });
    const warm = fitDixonColes(synth, { asOf: '2024-06-01', init: fitDixonColes(synth, { asOf: '2024-04-01' }) });
    expect(cold.converged && warm.converged).toBe(true);
    close(warm.logLikelihood, cold.logLikelihood, 1e-9);
    close(warm.rho, cold.rho, 1e-5);
  });
  it('L-BFGS minimises the Rosenbrock function', () => {
    const r = lbfgs(
      (x, g) => {
        g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] * x[0]);
        g[1] = 200 * (x[1] - x[0] * x[0]);
        return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] * x[0]) ** 2;
      },
      [-1.2, 1],
    );
    expect(r.converged).toBe(true);
    close(r.x[0], 1, 1e-6);
    close(r.x[1], 1, 1e-6);
  });
});
