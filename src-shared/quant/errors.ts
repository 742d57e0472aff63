/** Thrown by the quant core on input it cannot price: says what was wrong and where (index, value). */
export class QuantError extends Error {
  constructor(
    message: string,
    /** Position of the offending value in the input array, when there is one. */
    readonly index?: number,
    readonly value?: unknown,
  ) {
    super(message);
    this.name = 'QuantError';
  }
}

/** Throws unless every value is a finite number (names the first bad one). */
export function assertFinite(values: readonly number[], what: string): void {
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new QuantError(`${what}[${i}] = ${String(v)} is not a finite number`, i, v);
  });
}

export function assertProbability(p: number, what: string): void {
  if (!Number.isFinite(p) || p < 0 || p > 1) throw new QuantError(`${what} = ${String(p)} is not a probability in [0, 1]`, undefined, p);
}
