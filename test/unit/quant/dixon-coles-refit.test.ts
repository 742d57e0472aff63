// The refits a walk-forward makes (live Agent B, the backtester, the calibration, the walk-forward bench):
// the warm start that used to throw "objective is not finite at the starting point" (the previous fit's ρ
// puts a pair of the new window past the τ = 0 wall), the short windows whose optimum lies on that wall
// (L-BFGS used to stall there: "did not converge"), and the cold restart of refitDixonColes.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCsvMatches } from '../../../src-main/cli/model-data';
import { fitDixonColes, refitDixonColes, type DixonColesModel, type MatchResult } from '../../../src-shared/quant';
import { footballDataDir } from '../../support/shared-data';
import { fixture } from './fixtures';

const season = (file: string): MatchResult[] => loadCsvMatches([path.join(footballDataDir(), file)]).results;

/** Smallest τ factor over the fitted pairs (τ(0,1), τ(1,0), τ(0,0)) of a window. */
function minTau(m: DixonColesModel, results: readonly MatchResult[], rho = m.rho): number {
  let t = Infinity;
  for (const r of results) {
    const i = m.teams.indexOf(r.home);
    const j = m.teams.indexOf(r.away);
    if (i < 0 || j < 0) continue;
    const lam = Math.exp(m.attack[i] + m.defence[j] + m.homeAdvantage);
    const mu = Math.exp(m.attack[j] + m.defence[i]);
    t = Math.min(t, 1 + lam * rho, 1 + mu * rho, 1 - lam * mu * rho);
  }
  return t;
}

interface WallFit {
  league: string;
  file: string;
  as_of: string;
  xi: number;
  matches: number;
  log_likelihood: number;
  rho: number;
  home_advantage: number;
}
const wall = fixture<{ fits: WallFit[] }>('dixon_coles_wall.json');

describe('Dixon-Coles refits', () => {
  it.each(wall.fits.map((f) => [`${f.league} before ${f.as_of}`, f] as const))(
    'an optimum on the τ = 0 wall (%s) agrees with scipy SLSQP under the τ >= 0 constraints (test/reference/dixon_coles_wall.py)',
    (_, f) => {
      const results = season(f.file);
      const m = fitDixonColes(results, { asOf: f.as_of, xi: f.xi });
      expect(m.matches).toBe(f.matches);
      expect(m.converged).toBe(true);
      expect(m.stop).toBe('boundary');
      expect(Math.abs(m.logLikelihood - f.log_likelihood)).toBeLessThan(2e-5);
      expect(Math.abs(m.rho - f.rho)).toBeLessThan(1e-4);
      expect(Math.abs(m.homeAdvantage - f.home_advantage)).toBeLessThan(1e-4);
    },
  );

  it('a warm start whose ρ puts a pair past the τ = 0 wall is shrunk into the feasible region and reaches the cold optimum', () => {
    const all = season('E0_2023-24.csv');
    const before = all.filter((r) => r.date < '2024-01-01');
    const prev = fitDixonColes(before, { asOf: '2024-01-01', xi: 0.0019 });
    // a previous fit with ρ = −0.9: 1 + λρ < 0 for every λ > 1.11 — the loss is infinite at such a start
    const infeasible = { ...prev, rho: -0.9 };
    const warm = fitDixonColes(all, { asOf: '2024-03-01', xi: 0.0019, init: infeasible });
    const cold = fitDixonColes(all, { asOf: '2024-03-01', xi: 0.0019 });
    expect(warm.converged).toBe(true);
    expect(cold.converged).toBe(true);
    expect(Math.abs(warm.logLikelihood - cold.logLikelihood)).toBeLessThan(1e-6);
    expect(Math.abs(warm.rho - cold.rho)).toBeLessThan(1e-5);
  });

  it('a short window whose optimum lies on the τ = 0 wall converges there (stop "boundary"), and the wall binds', () => {
    // La Liga 2019-20 before 27 September 2019: 60 matches; plain L-BFGS stalled against the wall
    const results = season('SP1_2019-20.csv').filter((r) => r.date < '2019-09-27');
    expect(results.length).toBe(60);
    const m = fitDixonColes(results, { asOf: '2019-09-27', xi: 0.0019 });
    expect(m.converged).toBe(true);
    expect(m.stop).toBe('boundary');
    expect(m.gradientNorm).toBeLessThan(1e-4);
    const tau = minTau(m, results);
    expect(tau).toBeGreaterThan(0);
    expect(tau).toBeLessThan(1e-4);
    // the wall binds: ρ moved back into the interior (toward 0), the rest held, lowers the likelihood
    const inward = fitDixonColes(results, { asOf: '2019-09-27', xi: 0.0019, init: { ...m, rho: m.rho * 0.98 }, maxIterations: 0 });
    expect(inward.logLikelihood).toBeLessThan(m.logLikelihood);
  });

  it('refitDixonColes: warm from the previous fit; cold when the warm start fails (said in start)', () => {
    const all = season('E0_2023-24.csv');
    const prev = fitDixonColes(all, { asOf: '2024-02-01', xi: 0.0019 });
    const warm = refitDixonColes(all, { asOf: '2024-02-08', xi: 0.0019, previous: prev, what: 'E0 before 2024-02-08' });
    expect(warm.start).toBe('warm');
    expect(warm.model?.converged).toBe(true);
    const broken = { ...prev, attack: prev.attack.map(() => Number.NaN) };
    const cold = refitDixonColes(all, { asOf: '2024-02-08', xi: 0.0019, previous: broken, what: 'E0 before 2024-02-08' });
    expect(cold.start).toBe('cold-after-warm');
    expect(Math.abs(cold.model!.logLikelihood - warm.model!.logLikelihood)).toBeLessThan(1e-6);
  });
});
