// Agent A's detectors on small, hand-made markets: each finds what it should and only that, with a
// score and an explanation whose numbers are the prices'.
import { describe, expect, it } from 'vitest';
import { detectGroup } from '../../../src-main/features/agents/anomaly/detect';
import { replay } from '../../../src-main/features/agents/anomaly/replay';
import { detectSteam } from '../../../src-main/features/agents/anomaly/steam';
import { detectReverse } from '../../../src-main/features/agents/anomaly/reverse';
import { at, group, price, SOFT, type BookSpec } from './support';

const BASE = [0.45, 0.28, 0.27];
const AFTER = [0.53, 0.245, 0.225]; // home shortened
const ASOF = at(3 * 24 * 60);

/** Every book quotes BASE at minutes 0 and 60; then what each scenario adds. */
function market(extra: Record<string, [number, number[]][]> = {}, books = ['PS', 'BFE', ...SOFT]): BookSpec[] {
  return books.map((book) => ({
    book,
    snaps: [
      [0, price(BASE, book === 'PS' ? 0.025 : book === 'BFE' ? 0.015 : 0.06)],
      [60, price(BASE, book === 'PS' ? 0.025 : book === 'BFE' ? 0.015 : 0.06)],
      ...(extra[book] ?? []),
    ],
  }));
}

describe('steam', () => {
  it('the sharp book jumps and others follow within minutes: one steam on the selection, led by the sharp', () => {
    const moved = (m: number, margin: number): [number, number[]][] => [
      [m - 10, price(BASE, margin)],
      [m, price(AFTER, margin)],
    ];
    const g = group(
      market({ PS: moved(300, 0.025), BFE: moved(302, 0.015), B365: moved(304, 0.06), WH: moved(307, 0.06), VC: moved(309, 0.06) }),
    );
    const [f, ...rest] = detectSteam(replay(g, ASOF));
    expect(rest).toEqual([]);
    expect(f.kind).toBe('steam');
    expect(f.selection).toBe('home');
    expect(f.bookmaker).toBe('PS');
    expect(f.books).toEqual(['PS', 'BFE', 'B365', 'WH', 'VC']);
    expect(f.at).toBe(at(300));
    expect(f.endAt).toBe(at(309));
    const [from, to] = [price(BASE, 0.025)[0], price(AFTER, 0.025)[0]];
    expect(f.explanation).toContain(`PS ${from.toFixed(2)}→${to.toFixed(2)}, 4 books followed within 9 min`);
    // consensus before: every book at BASE; after: 5 of 8 books moved (median of home at AFTER)
    expect(f.probBefore).toBeCloseTo(0.45, 2);
    expect(f.probAfter).toBeGreaterThan(0.5);
    expect(f.sharpHeld).toBeGreaterThan(0.9);
    expect(f.score).toBeGreaterThan(60);
  });

  it('soft books shortening together while the sharp stays is not a steam (the public, not the market)', () => {
    const moved = (m: number): [number, number[]][] => [[m, price(AFTER, 0.06)]];
    const g = group(market({ B365: moved(300), WH: moved(300), VC: moved(301), BW: moved(302) }));
    expect(detectSteam(replay(g, ASOF))).toEqual([]);
  });

  it('the same move spread over hours is a drift, not a steam', () => {
    const g = group(
      market({
        PS: [
          [290, price(BASE, 0.025)],
          [300, price(AFTER, 0.025)],
        ],
        B365: [[400, price(AFTER, 0.06)]],
        WH: [[500, price(AFTER, 0.06)]],
      }),
    );
    expect(detectSteam(replay(g, ASOF))).toEqual([]);
  });
});

describe('outliers', () => {
  it('a soft book that does not follow a steam is a stale outlier until it moves', () => {
    const moved = (m: number, margin: number): [number, number[]][] => [
      [m - 10, price(BASE, margin)],
      [m, price(AFTER, margin)],
    ];
    const extra = {
      PS: moved(300, 0.025),
      BFE: moved(302, 0.015),
      B365: moved(304, 0.06),
      WH: moved(305, 0.06),
      VC: moved(306, 0.06),
      IW: moved(307, 0.06),
      BW: moved(308, 0.06),
    };
    // LB keeps its price until minute 600, then follows
    const g = group(
      market({
        ...extra,
        LB: [
          [310, price(BASE, 0.06)],
          [600, price(AFTER, 0.06)],
        ],
      }),
    );
    const out = detectGroup(g, ASOF).filter((f) => f.kind === 'outlier');
    expect(out).toHaveLength(1);
    const [f] = out;
    expect([f.bookmaker, f.selection, f.details.cause]).toEqual(['LB', 'home', 'stale']);
    expect(f.endAt).toBe(at(600));
    expect(f.explanation).toMatch(/^LB 2\.1\d vs 1\.\d+ fair of the 5 other soft books \(\+\d+\.\d%\)/);
    expect(f.explanation).toContain('did not follow the steam');
  });

  it('one price raised alone (the book’s margin falls) is an outlier; lasting 20 minutes, not 5', () => {
    const base = price(BASE, 0.06);
    const raised = [2.75, base[1], base[2]];
    const lasting = group(
      market({
        WH: [
          [200, raised],
          [400, raised],
          [500, base],
        ],
      }),
    );
    const found = detectGroup(lasting, ASOF).filter((f) => f.kind === 'outlier');
    expect(found.map((f) => [f.bookmaker, f.selection, f.details.cause, f.at, f.endAt])).toEqual([
      ['WH', 'home', 'price', at(200), at(500)],
    ]);
    expect(found[0].details.edge).toBeGreaterThan(0.15);

    const brief = group(
      market({
        WH: [
          [200, raised],
          [205, base],
        ],
      }),
    );
    expect(detectGroup(brief, ASOF).filter((f) => f.kind === 'outlier')).toEqual([]);
  });

  it('a book re-pricing its whole market (its margin kept) is not an outlier, nor is the sharp', () => {
    const shifted = price([0.41, 0.3, 0.29], 0.06);
    const g = group(market({ WH: [[200, shifted]], PS: [[200, price([0.41, 0.3, 0.29], 0.025)]] }));
    expect(detectGroup(g, ASOF).filter((f) => f.kind === 'outlier')).toEqual([]);
  });
});

describe('reverse line movement', () => {
  // the sharp shortens home over two days, turns, and drifts past its start within twelve hours;
  // the soft books price again 30 minutes after each of its moves
  const sharpPath: [number, number][] = [
    [0, 0.45],
    [24 * 60, 0.47],
    [48 * 60, 0.49],
    [48 * 60 + 360, 0.455],
    [48 * 60 + 720, 0.42],
  ];
  const p3 = (h: number): number[] => [h, (1 - h) * 0.5, (1 - h) * 0.5];

  it('the sharp turned and drifted while the soft books, re-priced since the turn, stood where they were', () => {
    const books: BookSpec[] = [
      { book: 'PS', snaps: sharpPath.map(([m, h]) => [m, price(p3(h), 0.025)] as [number, number[]]) },
      ...SOFT.slice(0, 4).map((book) => ({
        book,
        snaps: [
          [0, price(p3(0.45), 0.06)],
          [48 * 60 + 30, price(p3(0.49), 0.06)], // after the turn, still at the top
          [48 * 60 + 750, price(p3(0.42), 0.06)],
        ] as [number, number[]][],
      })),
    ];
    const [f, ...rest] = detectReverse(replay(group(books), ASOF));
    expect(rest).toEqual([]);
    expect([f.kind, f.selection, f.bookmaker, f.at]).toEqual(['reverse_line', 'home', 'PS', at(48 * 60)]);
    expect(f.probBefore).toBeCloseTo(0.45, 2);
    expect(f.probAfter).toBeCloseTo(0.42, 2);
    expect(f.explanation).toMatch(
      /^PS turned at 00:00 UTC: 45\.\d%→49\.\d%, then 42\.\d% by 12:00, past where it started; 6\.0 h after the turn/,
    );
  });

  it('soft books moving with the sharp is an ordinary move back, not a reverse line', () => {
    const books: BookSpec[] = [
      { book: 'PS', snaps: sharpPath.map(([m, h]) => [m, price(p3(h), 0.025)] as [number, number[]]) },
      ...SOFT.slice(0, 4).map((book) => ({ book, snaps: sharpPath.map(([m, h]) => [m, price(p3(h), 0.06)] as [number, number[]]) })),
    ];
    expect(detectReverse(replay(group(books), ASOF))).toEqual([]);
  });
});
