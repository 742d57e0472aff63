// Reads the JSON fixtures written by test/reference/quant_reference.py.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export function fixture<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/quant', name), 'utf8')) as T;
}

/** |actual − expected| <= tol · max(1, |expected|). */
export function close(actual: number, expected: number, tol: number, what = ''): void {
  const err = Math.abs(actual - expected);
  if (!(err <= tol * Math.max(1, Math.abs(expected)))) expect.fail(`${what}: ${actual} vs reference ${expected} (diff ${err}, tol ${tol})`);
}

export function closeAll(actual: readonly number[], expected: readonly number[], tol: number, what = ''): void {
  expect(actual.length, what).toBe(expected.length);
  actual.forEach((a, i) => close(a, expected[i], tol, `${what}[${i}]`));
}

/** |actual − expected| <= tol · |expected| (relative, for tail probabilities far below 1). */
export function closeRel(actual: number, expected: number, tol: number, what = ''): void {
  const err = Math.abs(actual - expected);
  if (!(err <= tol * Math.abs(expected)))
    expect.fail(`${what}: ${actual} vs reference ${expected} (relative diff ${err / Math.abs(expected)}, tol ${tol})`);
}
