import type { RpcResponse } from '../../src-shared/contract';

/** What a transport does: carry one contract call and deliver contract events. The client on top
 * (client.ts) gives it types; transports stay untyped and small. */
export interface Transport {
  readonly kind: 'ipc' | 'http' | 'memory';
  invoke(method: string, input: unknown): Promise<RpcResponse>;
  /** One contract event by name; returns the unsubscribe function. */
  onEvent(name: string, listener: (payload: unknown) => void): () => void;
  /** One file's bytes into the desk's import folder; answers an UploadResult or a typed error. */
  upload(name: string, file: Blob, replace: boolean): Promise<RpcResponse>;
}
