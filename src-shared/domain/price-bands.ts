// Price bands: the one cut of decimal prices every feature groups bets by (Agent C's situations, FERRARI's
// similar situations, the performance breakdown, PATRON's pattern signal). Each band is [lower, upper);
// prices under 1.50 (1.01 is the lowest a book quotes) fall in the first.

export interface PriceBand {
  /** Stable key, stored in pattern filters and the trap history ("1.50-2.00", "5.00+"). */
  key: string;
  /** How a table or chart shows it ("1.50–1.99", "≥ 5.00"). */
  label: string;
  lower: number;
  upper: number;
}

export const PRICE_BANDS: readonly PriceBand[] = [
  { key: '1.01-1.50', label: '< 1.50', lower: 1.01, upper: 1.5 },
  { key: '1.50-2.00', label: '1.50–1.99', lower: 1.5, upper: 2 },
  { key: '2.00-2.50', label: '2.00–2.49', lower: 2, upper: 2.5 },
  { key: '2.50-3.50', label: '2.50–3.49', lower: 2.5, upper: 3.5 },
  { key: '3.50-5.00', label: '3.50–4.99', lower: 3.5, upper: 5 },
  { key: '5.00+', label: '≥ 5.00', lower: 5, upper: Infinity },
];

/** The band a price falls in. */
export function priceBand(odds: number): PriceBand {
  for (const b of PRICE_BANDS) if (odds < b.upper) return b;
  return PRICE_BANDS[PRICE_BANDS.length - 1];
}

/** The band of a stored key, or undefined for a key that is not one of ours. */
export const bandOfKey = (key: string): PriceBand | undefined => PRICE_BANDS.find((b) => b.key === key);

/** Whether a price falls in the band of `key` (an unknown key holds no price). */
export function inPriceBand(odds: number, key: string): boolean {
  const b = bandOfKey(key);
  return b !== undefined && priceBand(odds) === b;
}
