import type { RpcResponse } from '../../src-shared/contract';
import type { Transport } from './transport';

/** The bridge the sandboxed preload (src-main/electron/preload.ts) exposes. */
export interface MonpsBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
  upload(name: string, bytes: ArrayBuffer, replace: boolean): Promise<unknown>;
}

declare global {
  interface Window {
    monps?: MonpsBridge;
  }
}

export function ipcTransport(bridge: MonpsBridge): Transport {
  return {
    kind: 'ipc',
    // main answers an RpcResponse for every call (dispatch never throws); an IPC failure itself
    // (window closing, main crashed) becomes one too.
    invoke: async (method, input) => {
      try {
        return (await bridge.invoke(method, input)) as RpcResponse;
      } catch (err) {
        return { ok: false, error: { code: 'UNAVAILABLE', message: `the app's main process did not answer: ${(err as Error).message}` } };
      }
    },
    // the bytes cross the bridge whole (structured clone); main checks the name and the size
    upload: async (name, file, replace) => {
      try {
        return (await bridge.upload(name, await file.arrayBuffer(), replace)) as RpcResponse;
      } catch (err) {
        return { ok: false, error: { code: 'UNAVAILABLE', message: `the app's main process did not answer: ${(err as Error).message}` } };
      }
    },
    onEvent: (name, listener) =>
      bridge.onEvent((n, payload) => {
        if (n === name) listener(payload);
      }),
  };
}
