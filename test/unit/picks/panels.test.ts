import { describe, expect, it } from 'vitest';
import type { Performance } from '../../../src-shared/contract/picks';
import { bandOption, chartLabels, clvHistogramOption, profitOption } from '../../../src-renderer/panels/performance/charts';
import { betLabel } from '../../../src-renderer/ui/bet-labels';
import { formatSigned, formatSignedPct } from '../../../src-renderer/ui/format';

const perf = (o: Partial<Performance>): Performance =>
  ({
    generatedAt: '2026-03-02T12:00:00.000Z',
    staking: 'staked',
    counts: { bets: 2, open: 0, settled: 2, unstaked: 0, withClv: 2, clvMissing: 0 },
    summary: {
      staked: 20,
      profit: 5,
      roi: 0.25,
      roiLower: -0.5,
      roiUpper: 1,
      hitRate: 0.5,
      averageOdds: 2.5,
      maxDrawdown: 10,
      longestLosingStreak: 1,
      meanClv: 0.031,
    },
    curve: { at: ['2026-03-01T15:00:00.000Z', '2026-03-02T15:00:00.000Z'], profit: [15, 5], roi: [1.5, 0.25], clvExpected: [0.3, 0.62] },
    band: { bets: 2, at: ['2026-03-01T15:00:00.000Z', '2026-03-02T15:00:00.000Z'], realised: [15, 5], expected: [0.5, 1], sd: [12, 17] },
    clvHistogram: [],
    clvByWeek: [],
    roiByMonth: [],
    by: { agent: [], league: [], market: [], bookmaker: [], oddsBand: [], timeToKickoff: [] },
    calibration: { bets: 0, brier: null, bins: [] },
    kpis: { meanClv: null, monthlyRoi: null, month: '', picksPerDay: 0, trapsPerDay: null, days: 7, asOf: '' },
    ...o,
  }) as Performance;

describe('Performance charts', () => {
  it('the variance band stacks its width on the lower edge, negative or not: expected ± 1σ and ± 2σ', () => {
    const o = bandOption(perf({})) as { series: { name: string; data: number[]; stack?: string; stackStrategy?: string }[] };
    const s = Object.fromEntries(o.series.map((x) => [x.name, x]));
    expect(s['±2σ lower'].data).toEqual([0.5 - 24, 1 - 34]);
    expect(s['±2σ'].data).toEqual([48, 68]);
    expect(s['±1σ lower'].data).toEqual([0.5 - 12, 1 - 17]);
    for (const k of ['±2σ lower', '±2σ', '±1σ lower', '±1σ']) expect(s[k].stackStrategy).toBe('all');
    expect(s.Realised.data).toEqual([15, 5]);
  });

  it('labels say the numbers the cards show; nothing to draw says so', () => {
    const l = chartLabels(perf({}));
    expect(l.profit).toBe('Profit over 2 settled bets: +5.00 at ROI +25.00%');
    expect(l.band).toBe('Realised +5.00 against expected +1.00 ± 17.00 over 2 bets');
    expect(JSON.stringify(profitOption(perf({ curve: { at: [], profit: [], roi: [], clvExpected: [] } })))).toContain('No settled bet yet');
    expect(JSON.stringify(clvHistogramOption(perf({})))).toContain('No closing line captured yet');
  });

  it('formats signed numbers and bets as the grids show them', () => {
    expect([formatSignedPct(0.0231), formatSignedPct(-0.004), formatSignedPct(0), formatSignedPct(null)]).toEqual([
      '+2.31%',
      '−0.40%',
      '0.00%',
      '—',
    ]);
    expect([formatSigned(12.4), formatSigned(-3), formatSigned(-0.001)]).toEqual(['+12.40', '−3.00', '0.00']);
    expect(betLabel('spreads', -0.75, 'home')).toBe('Home −0.75');
    expect(betLabel('spreads', -0.75, 'away')).toBe('Away +0.75'); // the line is the home team's handicap
    expect(betLabel('spreads', 0, 'away')).toBe('Away 0');
    expect(betLabel('totals', 2.25, 'under')).toBe('Under 2.25');
    expect(betLabel('1x2', null, 'draw')).toBe('Draw');
  });
});
