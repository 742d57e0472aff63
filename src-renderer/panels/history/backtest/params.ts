// A strategy's parameters in the form: text per parameter, its control by type, and what is sent
// (only what differs from the default, as text: the engine reads parameters as the CLI's --param does).
import type { StrategyInfo } from '../../../../src-shared/contract/agents';

type Param = StrategyInfo['params'][number];

/** The text of a default: a list comma-separated, a number or boolean as written. */
export const defaultText = (v: unknown): string => (Array.isArray(v) ? v.join(',') : v === undefined || v === null ? '' : String(v));

/** A closed choice ("simultaneous | best") as its options, else null (numbers, lists, free text). */
export function choicesOf(p: Param): string[] | null {
  if (p.type === 'boolean') return ['true', 'false'];
  if (/^[\w-]+( \| [\w-]+)+$/.test(p.type)) return p.type.split(' | ');
  return null;
}

/** The parameters whose text differs from their default's, trimmed. */
export function paramsToSend(params: readonly Param[], values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of params) {
    const v = (values[p.name] ?? '').trim();
    if (v !== defaultText(p.default)) out[p.name] = v;
  }
  return out;
}
