/** One machine-readable line per measurement, compared against a baseline measured in the same run. */
export interface BenchResult {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  target?: string;
  [extra: string]: unknown;
}

export function report(r: BenchResult): void {
  process.stdout.write(`${JSON.stringify(r)}\n`);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
