// The bet forms' kit (src-renderer/ui/form.tsx): what a typed number reads as, and which field each
// refusal of the schema or of the contract lands beside.
import { describe, expect, it } from 'vitest';
import { placeBetInput } from '../../../src-shared/contract/picks';
import { ContractCallError } from '../../../src-renderer/api/client';
import { errorsByField, errorsOfCall, parseDecimal } from '../../../src-renderer/ui/form';

describe('form kit', () => {
  it('reads a decimal comma, leaves an empty field absent and text NaN (refused by the schema)', () => {
    expect(parseDecimal('2,5')).toBe(2.5);
    expect(parseDecimal(' 1.91 ')).toBe(1.91);
    expect(parseDecimal('  ')).toBeUndefined();
    expect(parseDecimal('abc')).toBeNaN();
  });

  it("maps the schema's issues to their top-level field, the first message of each", () => {
    const r = placeBetInput.safeParse({ pickId: 1, bookmaker: '', odds: parseDecimal('abc'), stake: undefined });
    expect(r.success).toBe(false);
    const errors = errorsByField(r.success ? [] : r.error.issues);
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(['odds', 'stake']));
    expect(
      errorsByField([
        { path: [], message: 'whole' },
        { path: ['odds', 0], message: 'a' },
        { path: ['odds'], message: 'b' },
      ]),
    ).toEqual({
      form: 'whole',
      odds: 'a',
    });
  });

  it("maps a failed call: the contract's issues by field, else its message under the form", () => {
    const refused = new ContractCallError('picks.place', 'VALIDATION', 'bad input', {
      issues: [{ path: ['bookmaker'], message: 'unknown book' }],
    });
    expect(errorsOfCall(refused)).toEqual({ bookmaker: 'unknown book' });
    expect(errorsOfCall(new ContractCallError('picks.place', 'UNAVAILABLE', 'no cache'))).toEqual({ form: 'no cache' });
    expect(errorsOfCall(new Error('network down'))).toEqual({ form: 'network down' });
    expect(errorsOfCall('odd')).toEqual({ form: 'odd' });
  });
});
