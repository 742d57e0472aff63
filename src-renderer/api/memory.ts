import {
  contract,
  validationError,
  ContractError,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
  type RpcResponse,
} from '../../src-shared/contract';
import type { UploadResult } from '../../src-shared/contract/imports';
import type { Transport } from './transport';

/** Handlers in the same shape as src-main/platform/contract/dispatch's `Handlers`, any subset of them. */
export type MemoryHandlers = { [M in MethodName]?: (input: ParsedInput<M>) => Promise<MethodOutput<M>> };

/** For component tests: the contract served in memory with the same validation as main's dispatch
 * (unknown method, input schema, output schema), plus an `emit` to push events. */
export function memoryTransport(
  handlers: MemoryHandlers,
  upload?: (name: string, file: Blob, replace: boolean) => Promise<UploadResult>,
): Transport & { emit(name: string, payload: unknown): void } {
  const listeners = new Set<{ name: string; listener: (payload: unknown) => void }>();
  return {
    kind: 'memory',
    async invoke(method, input): Promise<RpcResponse> {
      if (!Object.prototype.hasOwnProperty.call(contract, method))
        return { ok: false, error: new ContractError('UNKNOWN_METHOD', `unknown method '${method}'`).toJSON() };
      const name = method as MethodName;
      const handler = handlers[name] as ((i: unknown) => Promise<unknown>) | undefined;
      if (!handler) return { ok: false, error: new ContractError('UNAVAILABLE', `no in-memory handler for ${name}`).toJSON() };
      const def = contract[name];
      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success) return { ok: false, error: validationError(parsed.error.issues, `input of ${name}`).toJSON() };
      try {
        const out = def.output.safeParse(await handler(parsed.data));
        if (!out.success) return { ok: false, error: validationError(out.error.issues, `output of ${name}`).toJSON() };
        return { ok: true, value: out.data };
      } catch (err) {
        const e = err instanceof ContractError ? err : new ContractError('INTERNAL', (err as Error).message);
        return { ok: false, error: e.toJSON() };
      }
    },
    async upload(name, file, replace): Promise<RpcResponse> {
      if (!upload) return { ok: false, error: new ContractError('UNAVAILABLE', 'no in-memory upload').toJSON() };
      try {
        return { ok: true, value: await upload(name, file, replace) };
      } catch (err) {
        const e = err instanceof ContractError ? err : new ContractError('INTERNAL', (err as Error).message);
        return { ok: false, error: e.toJSON() };
      }
    },
    onEvent(name, listener) {
      const entry = { name, listener };
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
    emit(name, payload) {
      for (const l of listeners) if (l.name === name) l.listener(payload);
    },
  };
}
