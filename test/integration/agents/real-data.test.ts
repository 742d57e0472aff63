// Agent A's and the trap detector's signals on real prices (football-data.co.uk, 4 leagues × 7 seasons:
// the pre-closing prices collected on Tuesdays and Fridays, and the closing prices at kick-off): at
// the pre-closing snapshot a signal flags a direction for the price to go by the close; the test reports
// how often the open→close move went the flagged way, against the same rate for the unflagged prices.
// (The open-close-odds folder holds only averages across books, no sharp price nor single book: it
// cannot show these signals, so football-data's per-book columns are used.)
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFootballDataFile } from '../../../src-main/ingest/football-data';
import { consensusOf, replay, type MarketGroup } from '../../../src-main/features/agents/anomaly';
import { snapshot } from '../../../src-main/features/agents/anomaly/series';
import { signalsAt, trapView } from '../../../src-main/features/traps';
import { OUTLIER } from '../../../src-main/features/agents/anomaly';
import { binomialTest } from '../../../src-shared/quant/stats';
import { footballDataDir } from '../../support/shared-data';

const SOFT = ['B365', 'BW', 'IW', 'WH', 'VC'];
const SELS = ['H', 'D', 'A'];

interface Tally {
  n: number;
  hit: number;
}
const tally = (): Tally => ({ n: 0, hit: 0 });
const add = (t: Tally, hit: boolean) => {
  t.n++;
  if (hit) t.hit++;
};

function prices(odds: Record<string, number>, book: string, closing: boolean): number[] | null {
  const p = SELS.map((s) => odds[`${book}${closing ? 'C' : ''}${s}`]);
  return p.every((x) => typeof x === 'number' && x > 1) ? p : null;
}

describe('signals on real prices (football-data.co.uk, pre-closing → closing)', () => {
  it('flagged prices move the flagged way more often than the unflagged base rate', () => {
    const files = fs
      .readdirSync(footballDataDir())
      .filter((f) => /^(E0|SP1|D1|F1)_\d{4}-\d{2}\.csv$/.test(f))
      .sort();
    const outlier = { flagged: tally(), base: tally() };
    const tooGood = { flagged: tally(), base: tally() };
    const inflated = { flagged: tally(), base: tally() };
    const lead = { flagged: tally(), base: tally() };
    let matches = 0;
    for (const f of files) {
      for (const m of parseFootballDataFile(path.join(footballDataDir(), f)).matches) {
        const ps = prices(m.odds, 'PS', false);
        const psc = prices(m.odds, 'PS', true);
        const books = SOFT.map((b) => ({ b, pre: prices(m.odds, b, false), close: prices(m.odds, b, true) })).filter(
          (x): x is { b: string; pre: number[]; close: number[] } => x.pre !== null && x.close !== null,
        );
        if (!ps || !psc || books.length < 4) continue;
        matches++;
        const kick = m.kickoff.getTime();
        const pre = kick - 86_400_000;
        // the market line as the agents see it: PS and the soft books, each at pre-closing and at kick-off
        const g: MarketGroup = {
          matchId: matches,
          market: '1x2',
          line: null,
          selections: ['home', 'draw', 'away'],
          kickoff: kick,
          books: [
            { bookmaker: 'PS', role: 'sharp', snaps: [snapshot(pre, ps), snapshot(kick, psc)] },
            ...books.map((x) => ({ bookmaker: x.b, role: 'soft' as const, snaps: [snapshot(pre, x.pre), snapshot(kick, x.close)] })),
          ],
        };
        const r = replay(g, kick);
        const v = trapView(r);
        const at = 0; // the pre-closing event
        for (let k = 0; k < 3; k++) {
          // outlier books: a soft price 5%+ above the other soft books' fair price → it shortens by the close
          for (const x of books) {
            const others = consensusOf(books.filter((y) => y !== x).map((y) => snapshot(pre, y.pre).fair)) as number[];
            if (x.close[k] === x.pre[k]) continue;
            const shortened = x.close[k] < x.pre[k];
            add(x.pre[k] * others[k] - 1 >= OUTLIER.minEdge ? outlier.flagged : outlier.base, shortened);
          }
          const sig = signalsAt(v, at, k, 3).map((s) => s.signal);
          // too good: the best soft price 1.35x the sharp fair odds → it shortens by the close
          const best = books.reduce((a, x) => (x.pre[k] > a.pre[k] ? x : a));
          if (best.close[k] !== best.pre[k]) add(sig.includes('too_good') ? tooGood.flagged : tooGood.base, best.close[k] < best.pre[k]);
          // inflated favourite: 3 soft books 14%+ above the sharp fair probability → the soft prices drift by the close
          const preMed = consensusOf(books.map((x) => snapshot(pre, x.pre).fair)) as number[];
          const closeMed = consensusOf(books.map((x) => snapshot(kick, x.close).fair)) as number[];
          if (closeMed[k] !== preMed[k])
            add(sig.includes('inflated_favourite') ? inflated.flagged : inflated.base, closeMed[k] < preMed[k]);
          // the sharp leads: soft consensus 2 points or more away from the sharp fair price → it moves toward the sharp
          const psFair = snapshot(pre, ps).fair[k];
          const gap = psFair - preMed[k];
          if (closeMed[k] !== preMed[k])
            add(Math.abs(gap) >= 0.02 ? lead.flagged : lead.base, Math.sign(closeMed[k] - preMed[k]) === Math.sign(gap || 1));
        }
      }
    }
    const rate = (t: Tally) => (t.n ? t.hit / t.n : NaN);
    const row = (name: string, x: { flagged: Tally; base: Tally }) => {
      const p = x.flagged.n ? binomialTest(x.flagged.hit, x.flagged.n, rate(x.base), 'greater') : NaN;
      return `${name.padEnd(44)}${String(x.flagged.n).padStart(7)}${(rate(x.flagged) * 100).toFixed(1).padStart(8)}%${String(x.base.n).padStart(11)}${(rate(x.base) * 100).toFixed(1).padStart(8)}%${(Number.isNaN(p) ? '-' : p.toExponential(1)).padStart(10)}`;
    };
    console.log(
      [
        `${matches} matches (${files.length} files); the flagged direction, at the close:`,
        `${'signal at the pre-closing prices'.padEnd(44)}${'flagged'.padStart(7)}${'hit'.padStart(9)}${'unflagged'.padStart(11)}${'base'.padStart(9)}${'p'.padStart(10)}`,
        row('outlier book (+5% over the others) shortens', outlier),
        row('too good (1.35x sharp fair) shortens', tooGood),
        row('inflated favourite: soft prices drift', inflated),
        row('soft 2+ points off the sharp: moves toward it', lead),
      ].join('\n'),
    );
    expect(matches).toBeGreaterThan(6000);
    // the signals are worth something: flagged prices go the flagged way more often than the rest
    expect(outlier.flagged.n).toBeGreaterThan(100);
    expect(rate(outlier.flagged)).toBeGreaterThan(rate(outlier.base) + 0.1);
    expect(binomialTest(outlier.flagged.hit, outlier.flagged.n, rate(outlier.base), 'greater')).toBeLessThan(1e-6);
    expect(lead.flagged.n).toBeGreaterThan(100);
    expect(rate(lead.flagged)).toBeGreaterThan(rate(lead.base));
  }, 300_000);
});
