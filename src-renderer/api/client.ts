import type { ErrorCode, EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../src-shared/contract';
import { MAX_UPLOAD_BYTES, type UploadResult } from '../../src-shared/contract/imports';
import { httpTransport } from './http';
import { ipcTransport } from './ipc';
import type { Transport } from './transport';

/** A contract call answered `{ok:false}`: the UI shows `message`; `details` says where. */
export class ContractCallError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly method: string;
  constructor(method: string, code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ContractCallError';
    this.method = method;
    this.code = code;
    this.details = details;
  }
}

let transport: Transport | undefined;

/** Electron's preload bridge when present, else the headless server over HTTP. */
export function pickTransport(w: Pick<Window, 'monps'> = window): Transport {
  return w.monps ? ipcTransport(w.monps) : httpTransport();
}

/** Tests and the entry point choose the transport once, before the first call. */
export function setTransport(t: Transport): void {
  transport = t;
}

export function currentTransport(): Transport {
  transport ??= pickTransport();
  return transport;
}

/** The one typed way to call the contract. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const answer = await currentTransport().invoke(method, input);
  if (answer.ok) return answer.value as MethodOutput<M>;
  throw new ContractCallError(method, answer.error.code, answer.error.message, answer.error.details);
}

/** One file into the desk's import folder (upload route or IPC bridge, never the 1 MiB RPC body).
 * `replace`: a different file of the same name is replaced (else CONFLICT). */
export async function uploadImport(file: File, replace = false): Promise<UploadResult> {
  // refused here before a byte is read (the IPC bridge carries the file whole); main checks again
  if (file.size > MAX_UPLOAD_BYTES)
    throw new ContractCallError(
      'upload',
      'VALIDATION',
      `${file.name}: ${file.size} bytes, over the ${MAX_UPLOAD_BYTES}-byte upload limit (20 MiB)`,
    );
  const answer = await currentTransport().upload(file.name, file, replace);
  if (answer.ok) return answer.value as UploadResult;
  throw new ContractCallError('upload', answer.error.code, answer.error.message, answer.error.details);
}

/** Listens to one contract event; returns the unsubscribe function. */
export function subscribe<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  return currentTransport().onEvent(name, (payload) => listener(payload as EventPayload<E>));
}
