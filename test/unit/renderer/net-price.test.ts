// How a price net of commission reads wherever a pick or value bet is shown: both prices, the net one
// with its rate ("5.20 at BFE, 4.99 net of 5%"), a bookmaker's price alone.
import { describe, expect, it } from 'vitest';
import { netOdds } from '../../../src-shared/quant';
import { formatNetPrice } from '../../../src-renderer/ui/format';

describe('formatNetPrice', () => {
  it('shows the quoted price, the book, and the net price with the commission', () => {
    expect(formatNetPrice({ quoted: 5.2, net: netOdds(5.2, 0.05), commission: 0.05, bookmaker: 'BFE' })).toBe(
      '5.20 at BFE, 4.99 net of 5%',
    );
    expect(formatNetPrice({ quoted: 3, net: netOdds(3, 0.02), commission: 0.02, bookmaker: 'BFE' })).toBe('3.00 at BFE, 2.96 net of 2%');
    expect(formatNetPrice({ quoted: 8.313, net: 8.313, commission: 0, bookmaker: 'B365' })).toBe('8.313 at B365');
  });
});
