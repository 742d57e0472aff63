// `monps backtest`: the strategies listed with their parameters, a replay printed as a table or as JSON
// with every figure and the bets, and clear errors (exit 1) for an unknown strategy or parameter.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';
import type { BacktestResult } from '../../../src-shared/contract/agents';
import { footballDataDir } from '../../support/shared-data';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['backtest', ...argv], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const E0 = path.join(footballDataDir(), 'E0_2024-25.csv');
const E0_PREV = path.join(footballDataDir(), 'E0_2023-24.csv');

describe('monps backtest', () => {
  it('--list names every strategy with its parameters and defaults', async () => {
    const r = await run('--list');
    expect(r.code).toBe(0);
    for (const s of ['conseil', 'value', 'sharp-reference', 'kaunitz']) expect(r.out).toMatch(new RegExp(`^${s} — `, 'm'));
    expect(r.out).toMatch(/^\s+alpha = 0\.05\s+\(number in \[0, 0\.5\]\)/m);
    expect(r.out).toMatch(/^\s+w = "auto"/m);
  });

  it('a table by default; --json with every figure and the bets list', async () => {
    const t = await run('--strategy', 'sharp-reference', '--csv', E0);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/^sharp-reference on 1 football-data file, 380 matches/m);
    expect(t.out).toMatch(/^all\s+\d+\s+[\d.]+\s+[\d.]+\s+[-+][\d.]+ [-+][\d.]+% \[[-+][\d.]+%, [-+][\d.]+%\]/m);
    expect(t.out).toMatch(/^closing line: sharp \d+, exchange \d+, average \d+, no closing line 0$/m);
    const j = await run('--strategy', 'sharp-reference', '--csv', E0, '--json');
    expect(j.code).toBe(0);
    const r = JSON.parse(j.out) as BacktestResult;
    expect(r.bets).toHaveLength(r.summary.bets);
    expect(r.summary.roiCi95).toHaveLength(2);
    expect(r.summary.clvCi95).toHaveLength(2);
    expect(r.equity.profit).toHaveLength(r.summary.settled);
    expect(r.forecasts!.strategy.rps).toBeGreaterThan(0);
    expect(r.forecasts!.closing!.logLoss).toBeGreaterThan(0);
    expect(r.calibration).toHaveLength(10);
    expect(r.summary.maxDrawdown).toBeGreaterThan(0);
  });

  it('--param k=v, --from/--to; the value rule says the blend weight it chose', { timeout: 300_000 }, async () => {
    const r = await run(
      '--strategy',
      'value',
      '--csv',
      E0_PREV,
      E0,
      '--from',
      '2024-08-01',
      '--to',
      '2024-12-31',
      '--param',
      'calibrationDays=200',
      '--param',
      'markets=1x2',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^chosen: w = [\d.]+ \(minimum walk-forward log loss against the closing line, 2024-0\d-\d\d to 2024-0\d-\d\d \(\d+ fixtures\)\)$/m,
    );
    expect(r.out).toMatch(/→ 2024-12-31/);
    expect(r.out).toMatch(/markets=1x2 /);
  });

  it('an unknown strategy or parameter is a clear error listing the valid ones (exit 1); no data source is a usage error (exit 2)', async () => {
    const s = await run('--strategy', 'martingale', '--csv', E0);
    expect(s.code).toBe(1);
    expect(s.err).toMatch(/unknown strategy 'martingale': the strategies are conseil, value, sharp-reference, kaunitz/);
    const p = await run('--strategy', 'kaunitz', '--param', 'alfa=0.1', '--csv', E0);
    expect(p.code).toBe(1);
    expect(p.err).toMatch(
      /strategy 'kaunitz' has no parameter 'alfa': valid parameters are alpha \(number in \[0, 0\.5\], default 0\.05\); prices/,
    );
    const v = await run('--strategy', 'kaunitz', '--param', 'alpha=lots', '--csv', E0);
    expect(v.code).toBe(1);
    expect(v.err).toMatch(/alpha/);
    expect((await run('--strategy', 'kaunitz')).code).toBe(2);
    expect((await run('--strategy', 'kaunitz', '--csv', E0, '--from', '1/8/2024')).code).toBe(2);
  });
});
