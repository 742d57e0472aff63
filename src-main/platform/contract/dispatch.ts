import { toContractError } from '../errors';
import {
  contract,
  ContractError,
  validationError,
  type Contract,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
  type RpcResponse,
} from '../../../src-shared/contract';
import { findNul, NUL_MESSAGE } from '../../../src-shared/contract/storable';

/** One handler per contract method, typed from the contract's schemas. */
export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> };
export type PartialHandlers = Partial<Handlers>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The single entry of every transport (IPC, HTTP, REST, tests): validates the method name and its
 * input before the handler runs, and turns every failure into a typed error value. */
export async function dispatch(handlers: Handlers, name: string, rawInput: unknown): Promise<RpcResponse> {
  if (!isMethodName(name)) {
    return { ok: false, error: new ContractError('UNKNOWN_METHOD', `unknown method '${name}'`).toJSON() };
  }
  const def = contract[name] as Contract[MethodName];
  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: validationError(parsed.error.issues, `input of ${name}`).toJSON() };
  const nul = nulError(name, parsed.data);
  if (nul) return { ok: false, error: nul.toJSON() };
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    // Outputs are checked too: a handler that breaks the contract is a bug to report, not to ship.
    const out = def.output.safeParse(value);
    if (!out.success) return { ok: false, error: validationError(out.error.issues, `output of ${name}`).toJSON() };
    return { ok: true, value: out.data };
  } catch (err) {
    return { ok: false, error: toContractError(err).toJSON() };
  }
}

/** Input bound for PostgreSQL holding a NUL character: refused naming the field (see storable.ts). */
function nulError(name: string, input: unknown): ContractError | null {
  const at = findNul(input);
  if (!at) return null;
  const field = at.length ? at.join('.') : '(input)';
  return new ContractError('VALIDATION', `invalid input of ${name}: ${field}: ${NUL_MESSAGE}`, {
    issues: [{ path: at.map(String), message: NUL_MESSAGE }],
  });
}

/** Joins the per-domain handler maps and checks that every contract method has exactly one. */
export function joinHandlers(...parts: PartialHandlers[]): Handlers {
  const all: PartialHandlers = {};
  for (const part of parts) {
    for (const key of Object.keys(part) as MethodName[]) {
      if (all[key]) throw new Error(`two handlers for ${key}`);
      (all as Record<string, unknown>)[key] = part[key];
    }
  }
  const missing = (Object.keys(contract) as MethodName[]).filter((k) => !all[k]);
  if (missing.length) throw new Error(`no handler for ${missing.join(', ')}`);
  return all as Handlers;
}
