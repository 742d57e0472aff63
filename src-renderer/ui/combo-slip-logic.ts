// The combo slip's inputs and refusals: the legs as the contract takes them, and a refusal (the
// schema's or the contract's) placed beside the leg or the field it names.
import { z } from 'zod';
import { comboInput, comboPriceInput } from '../../src-shared/contract/picks';
import type { SlipLeg } from '../app/store/combo-slip';
import { ContractCallError } from '../api/client';

export interface SlipErrors {
  /** By leg index. */
  legs: Record<number, string>;
  /** By field (odds, bookmaker, stake), 'legs' for the legs together, 'form' for the rest. */
  fields: Record<string, string>;
}

export const NO_ERRORS: SlipErrors = { legs: {}, fields: {} };

type Issue = { path: readonly PropertyKey[]; message: string };

export function slipErrors(issues: readonly Issue[]): SlipErrors {
  const out: SlipErrors = { legs: {}, fields: {} };
  for (const i of issues) {
    const [head, index] = i.path;
    const leg = head === 'legs' && index !== undefined ? Number(index) : NaN;
    if (Number.isInteger(leg)) out.legs[leg] ??= i.message;
    else out.fields[head === undefined ? 'form' : String(head)] ??= i.message;
  }
  return out;
}

/** A failed call → its refusals beside their legs and fields, else its message under the form. */
export function slipErrorsOfCall(err: unknown): SlipErrors {
  if (err instanceof ContractCallError) {
    const issues = (err.details as { issues?: Issue[] } | undefined)?.issues;
    return issues?.length ? slipErrors(issues) : { legs: {}, fields: { form: err.message } };
  }
  return { legs: {}, fields: { form: err instanceof Error ? err.message : String(err) } };
}

const legInputs = (legs: readonly SlipLeg[]) =>
  legs.map((l) => ({
    matchId: l.matchId,
    market: l.market,
    line: l.line,
    selection: l.selection,
    odds: l.odds,
    probability: l.probability,
  }));

/** What picks.priceCombo is asked: the legs, and the price and book once typed (a bad price is left
 * out of the preview; the record refuses it beside its field). */
export function previewInput(legs: readonly SlipLeg[], odds: number | undefined, bookmaker: string) {
  return comboPriceInput.safeParse({
    kind: 'accumulator',
    legs: legInputs(legs),
    ...(odds !== undefined && Number.isFinite(odds) && odds > 1 ? { odds } : {}),
    ...(bookmaker.trim() ? { bookmaker: bookmaker.trim() } : {}),
  });
}

export type RecordInput = z.output<typeof comboInput>;

/** What picks.recordCombo is asked: the analyst's own combo (source 'manual'). */
export function recordInput(legs: readonly SlipLeg[], odds: number | undefined, stake: number | undefined, bookmaker: string) {
  return comboInput.safeParse({
    kind: 'accumulator',
    legs: legInputs(legs),
    odds,
    stake,
    ...(bookmaker.trim() ? { bookmaker: bookmaker.trim() } : {}),
    source: 'manual',
  });
}

/** The book the legs share, else none (the analyst types it). */
export function sharedBook(legs: readonly SlipLeg[]): string {
  const books = new Set(legs.map((l) => l.bookmaker));
  return books.size === 1 ? [...books][0] : '';
}
