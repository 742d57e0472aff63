// The Dixon-Coles fits the walk-forward replay makes, against the scipy fits recorded by
// test/reference/walk_forward_rule.py (fit_checkpoints: the first and last match day of each league
// season). The reference's L-BFGS-B could stop on the τ <= 0 wall on Bundesliga windows (it now restarts);
// the TypeScript fit treats τ <= 0 as an infinite loss inside its line search and must reach the same
// optimum from a cold start, D1 2024-25 included.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { History, fitLeague, loadFootballData, sortFixtures, type BacktestData } from '../../../src-main/features/agents/backtest';
import { footballDataDir } from '../../support/shared-data';

const wf = JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/real/walk_forward_rule.json'), 'utf8'));
const SEASONS = ['2019-20', '2020-21', '2021-22', '2022-23', '2023-24', '2024-25', '2025-26'];

interface Checkpoint {
  date: string;
  matches: number;
  teams: number;
  home_advantage: number;
  rho: number;
  log_likelihood: number;
}

let data: BacktestData;
beforeAll(() => {
  data = loadFootballData(wf.rule.leagues.flatMap((l: string) => SEASONS.map((s) => path.join(footballDataDir(), `${l}_${s}.csv`))));
}, 120_000);

describe('Dixon-Coles walk-forward fits against scipy (fit_checkpoints)', () => {
  it(
    'every checkpoint: same matches and teams, log-likelihood to 1e-6, home advantage and ρ to 1e-6, from a cold start',
    { timeout: 300_000 },
    () => {
      const history = new History(sortFixtures(data.fixtures));
      const settings = { xi: wf.rule.xi, windowDays: wf.rule.window_days, minTeamMatches: 1 };
      let checked = 0;
      for (const [league, seasons] of Object.entries(wf.fit_checkpoints as Record<string, Record<string, Record<string, Checkpoint>>>)) {
        for (const [season, points] of Object.entries(seasons)) {
          for (const [which, cp] of Object.entries(points)) {
            const what = `${league} ${season} ${which} (${cp.date})`;
            const fit = fitLeague(history.view(cp.date), league, cp.date, settings, null);
            expect(fit.error, what).toBeNull();
            const m = fit.model!;
            expect(m.converged, `${what} converged`).toBe(true);
            expect(m.matches, `${what} matches`).toBe(cp.matches);
            expect(m.teams.length, `${what} teams`).toBe(cp.teams);
            expect(Math.abs(m.logLikelihood - cp.log_likelihood), `${what} log-likelihood`).toBeLessThan(1e-6);
            expect(Math.abs(m.homeAdvantage - cp.home_advantage), `${what} home advantage`).toBeLessThan(1e-6);
            expect(Math.abs(m.rho - cp.rho), `${what} rho`).toBeLessThan(1e-6);
            checked++;
          }
        }
      }
      expect(checked).toBe(16);
    },
  );

  it(
    'the windows where scipy stalled on the τ <= 0 wall and had to restart (restarted_fits): reached directly, cold and warm',
    { timeout: 300_000 },
    () => {
      const history = new History(sortFixtures(data.fixtures));
      const settings = { xi: wf.rule.xi, windowDays: wf.rule.window_days, minTeamMatches: 1 };
      const stalled = wf.restarted_fits as (Checkpoint & { league: string; restarts: number })[];
      expect(stalled.map((x) => `${x.league} ${x.date}`)).toContain('D1 2024-09-20');
      for (const cp of stalled) {
        const what = `${cp.league} ${cp.date}`;
        // warm: from the fit of the day before, as the replay does
        const dayBefore = new Date(Date.parse(cp.date) - 86_400_000).toISOString().slice(0, 10);
        const prev = fitLeague(history.view(dayBefore), cp.league, dayBefore, settings, null).model;
        for (const init of [null, prev]) {
          const m = fitLeague(history.view(cp.date), cp.league, cp.date, settings, init).model!;
          expect(m.converged, `${what} converged`).toBe(true);
          expect(m.matches, `${what} matches`).toBe(cp.matches);
          expect(Math.abs(m.logLikelihood - cp.log_likelihood), `${what} log-likelihood`).toBeLessThan(1e-6);
          expect(Math.abs(m.rho - cp.rho), `${what} rho`).toBeLessThan(1e-6);
          expect(Math.abs(m.homeAdvantage - cp.home_advantage), `${what} home`).toBeLessThan(1e-6);
        }
      }
    },
  );
});
