// One definition of price bands (src-shared/domain/price-bands): Agent C's situations, FERRARI's similar
// situations (history and panel), the performance breakdown and PATRON's pattern signal all cut prices
// the same way.
import { describe, expect, it } from 'vitest';
import { bandOfKey, inPriceBand, PRICE_BANDS, priceBand } from '../../../src-shared/domain/price-bands';
import { oddsBand as patternBand } from '../../../src-main/features/agents/patterns/situations';
import { bandOf as trapBand } from '../../../src-main/features/traps/history';
import { oddsBand as performanceBand } from '../../../src-main/features/picks/performance';
import { priceBand as panelBand } from '../../../src-renderer/ui/trap-format';

const PRICES = [1.01, 1.2, 1.49, 1.5, 1.75, 1.99, 2, 2.49, 2.5, 3, 3.49, 3.5, 4.99, 5, 10.5, 1000];

describe('price bands', () => {
  it('cover every price once: contiguous [lower, upper) bands, under 1.50 in the first, 5.00 and over in the last', () => {
    for (let k = 1; k < PRICE_BANDS.length; k++) expect(PRICE_BANDS[k].lower).toBe(PRICE_BANDS[k - 1].upper);
    expect(PRICE_BANDS.at(-1)!.upper).toBe(Infinity);
    expect([1.01, 1.49, 1.5, 1.99, 2, 3.49, 3.5, 4.99, 5, 41].map((o) => priceBand(o).key)).toEqual([
      '1.01-1.50',
      '1.01-1.50',
      '1.50-2.00',
      '1.50-2.00',
      '2.00-2.50',
      '2.50-3.50',
      '3.50-5.00',
      '3.50-5.00',
      '5.00+',
      '5.00+',
    ]);
  });

  it('a stored key reads back its band; an unknown key holds no price', () => {
    for (const b of PRICE_BANDS) expect(bandOfKey(b.key)).toBe(b);
    expect(inPriceBand(2.2, '2.00-2.50')).toBe(true);
    expect(inPriceBand(2.5, '2.00-2.50')).toBe(false);
    expect(inPriceBand(7, '5.00+')).toBe(true);
    expect(inPriceBand(2.2, '1.60-2.50')).toBe(false);
  });

  it('patterns, the trap history, its panel and the performance breakdown give every price the same band', () => {
    for (const o of PRICES) {
      const b = priceBand(o);
      expect([patternBand(o), trapBand(o), panelBand(o), performanceBand(o)]).toEqual([b.key, b.key, b.label, b.label]);
    }
  });
});
