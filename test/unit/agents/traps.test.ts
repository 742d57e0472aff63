// The FERRARI trap detector on hand-made markets: each signal alone, two together (compound), how long
// a signal must hold, one trap per selection, and when a trap is over.
import { describe, expect, it } from 'vitest';
import { replay } from '../../../src-main/features/agents/anomaly/replay';
import { detectTraps, severityOf } from '../../../src-main/features/traps/detect';
import { at, group, SOFT, type BookSpec } from './support';

const ASOF = at(3 * 24 * 60);
const FAIR = [0.55, 0.25, 0.2];
/** Odds whose implied probabilities are `p` times 1 + margin (a book's price of a fair probability). */
const odds = (p: readonly number[], margin: number) => p.map((x) => Math.round((1 / (x * (1 + margin))) * 1000) / 1000);
const every = (from: number, to: number, step: number): number[] =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

/** PS at FAIR every hour; soft books at FAIR + 5% every 30 minutes, unless `soft` says otherwise. */
function market(soft: (book: string, m: number) => number[] | null, sharp: (m: number) => number[] = () => odds(FAIR, 0.025)): BookSpec[] {
  const minutes = every(0, 2 * 24 * 60, 30);
  return [
    { book: 'PS', snaps: minutes.filter((m) => m % 60 === 0).map((m) => [m, sharp(m)] as [number, number[]]) },
    ...SOFT.map((book) => ({ book, snaps: minutes.map((m) => [m, soft(book, m) ?? odds(FAIR, 0.05)] as [number, number[]]) })),
  ];
}

const inflated =
  (fromM: number, toM: number, books = SOFT.slice(0, 4)) =>
  (book: string, m: number) =>
    books.includes(book) && m >= fromM && m < toM ? odds([0.55 * 1.2, 0.22, 0.18], 0) : null;

describe('trap signals', () => {
  it('inflated favourite: 3+ soft books 14%+ above the sharp fair probability for an hour', () => {
    const [t, ...rest] = detectTraps(replay(group(market(inflated(600, 840))), ASOF), ASOF);
    expect(rest).toEqual([]);
    expect([t.kind, t.selection, t.signals, t.start, t.end]).toEqual([
      'inflated_favourite',
      'home',
      ['inflated_favourite'],
      at(600),
      at(810),
    ]);
    expect(t.fairOdds).toBeCloseTo(1 / 0.55, 3);
    expect(t.odds).toBeCloseTo(1 / 0.66, 2);
    expect(t.edge).toBeLessThan(-0.1);
    expect(t.explanation).toContain('4 soft books price the favourite far shorter than PS');
  });

  it('inflated for 30 minutes only, or by 2 books only, is no trap', () => {
    expect(detectTraps(replay(group(market(inflated(600, 630))), ASOF), ASOF)).toEqual([]);
    expect(detectTraps(replay(group(market(inflated(600, 840, SOFT.slice(0, 2)))), ASOF), ASOF)).toEqual([]);
  });

  it('against the sharp: the sharp drifts the favourite while three soft books shorten it', () => {
    // fair odds 1.818 → 1.898 (+4.4%) at the sharp; 1.732 → 1.675 (−3.3%) at three soft books: not yet inflated
    const sharp = (m: number) => odds(m < 600 ? FAIR : [0.527, 0.26, 0.213], 0.025);
    const soft = (book: string, m: number) => (SOFT.slice(0, 3).includes(book) && m >= 600 ? [1.675, 3.6, 4.5] : null);
    const [t] = detectTraps(replay(group(market(soft, sharp)), ASOF), ASOF);
    expect([t.kind, t.selection]).toEqual(['against_sharp', 'home']);
    expect(t.explanation).toMatch(/PS's fair odds drifted 1\.818→1\.897 \(\+4\.4%\) while 3 soft books shortened it: B365 1\.732→1\.675/);
    // the split stays, but a move older than the 24-hour window is no longer a move: the signal is gone
    expect(t.start).toBe(at(600));
    expect(t.end).toBeGreaterThan(at(600 + 23 * 60));
    expect(t.end).toBeLessThanOrEqual(at(600 + 24 * 60));
  });

  it('too good: a quote 1.35x the sharp fair odds or more, over when it is corrected', () => {
    const soft = (book: string, m: number) => (book === 'VC' && m >= 900 && m < 1200 ? [1.7, 4.0, 7.5] : null);
    const [t] = detectTraps(replay(group(market(soft)), ASOF), ASOF);
    expect([t.kind, t.selection, t.bookmaker, t.odds]).toEqual(['too_good', 'away', 'VC', 7.5]);
    expect(t.edge).toBeCloseTo(7.5 * 0.2 - 1, 2); // 1.5x the fair odds of 5.00
    expect(t.end).toBe(at(1170));
    expect(t.explanation).toContain('VC 7.50 is 1.50× PS');
  });

  it('two signals on one selection make one compound trap', () => {
    const soft = (book: string, m: number) => (book === 'LB' && m >= 600 ? odds([0.55 / 1.4, 0.3, 0.3], 0) : inflated(600, 1000)(book, m));
    const traps = detectTraps(replay(group(market(soft)), ASOF), ASOF);
    expect(traps.map((t) => [t.kind, t.selection, t.signals])).toEqual([['compound', 'home', ['inflated_favourite', 'too_good']]]);
    expect(traps[0].score).toBeGreaterThanOrEqual(70);
    expect(traps[0].severity).toBe('high');
  });

  it('a signal that stops and comes back is the same trap, active again', () => {
    const soft = (book: string, m: number) => inflated(300, 480)(book, m) ?? inflated(1500, 1700)(book, m);
    const traps = detectTraps(replay(group(market(soft)), ASOF), ASOF);
    expect(traps).toHaveLength(1);
    expect(traps[0].start).toBe(at(300));
  });

  it('a trap of a match that kicked off is over at kick-off', () => {
    const g = group(market(inflated(600, 3000)), { kickoffMinutes: 2000 });
    const [t] = detectTraps(replay(g, ASOF), ASOF);
    expect(t.end).not.toBeNull();
    expect(t.end).toBeLessThanOrEqual(at(2000));
  });

  it('severity follows the score', () => {
    expect([severityOf(20), severityOf(45), severityOf(69.9), severityOf(70)]).toEqual(['low', 'medium', 'medium', 'high']);
  });
});
