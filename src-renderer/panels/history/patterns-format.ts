// How the Patterns tab writes its numbers (the e2e test reads the cache and expects the same text).

export const pct = (x: number | null | undefined, digits = 1): string =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(digits)}%`;

/** p- and q-values: small ones in scientific notation, so 0.0004 does not read as 0.000. */
export const pValueText = (p: number | null | undefined): string =>
  p === null || p === undefined ? '—' : p < 0.001 ? p.toExponential(1) : p.toFixed(3);

/** A correlation (phi) to three decimals. */
export const phi = (x: number | null): string => (x === null ? '—' : x.toFixed(3));
