import type { IpcMain, WebContents } from 'electron';
import type { RpcResponse } from '../../src-shared/contract';
import { IPC_EVENT, IPC_INVOKE, IPC_UPLOAD } from '../../src-shared/contract/channels';
import type { UploadResult } from '../../src-shared/contract/imports';
import { dispatch, type Handlers } from '../platform/contract/dispatch';
import { toContractError } from '../platform/errors';
import type { EventBus } from '../platform/events';

/** Saves one file's bytes into the desk's import folder: the headless server's upload route calls the
 * same service function (saveImport). */
export type SaveUpload = (
  name: string,
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  opts: { replace: boolean; declaredBytes: number | null },
) => Promise<UploadResult>;

const untrusted: RpcResponse = { ok: false, error: { code: 'UNAUTHORIZED', message: 'call from an untrusted frame' } };

/** One IPC channel for every contract method: `dispatch` validates the name and the input before any
 * handler runs. Only our own window's frames may call. With `upload`, a second channel takes one
 * file's bytes for the import folder. */
export function registerIpc(ipcMain: IpcMain, handlers: Handlers, isTrustedSender: (url: string) => boolean, upload?: SaveUpload): void {
  ipcMain.handle(IPC_INVOKE, async (event, method: unknown, input: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedSender(url)) return untrusted;
    if (typeof method !== 'string') return { ok: false, error: { code: 'VALIDATION', message: 'method name must be a string' } };
    return dispatch(handlers, method, input);
  });
  if (!upload) return;
  ipcMain.handle(IPC_UPLOAD, async (event, name: unknown, bytes: unknown, replace: unknown): Promise<RpcResponse> => {
    if (!isTrustedSender(event.senderFrame?.url ?? '')) return untrusted;
    if (typeof name !== 'string' || !(bytes instanceof Uint8Array || bytes instanceof ArrayBuffer))
      return { ok: false, error: { code: 'VALIDATION', message: 'an upload is a file name and its bytes' } };
    const body = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    try {
      return { ok: true, value: await upload(name, [body], { replace: replace === true, declaredBytes: body.byteLength }) };
    } catch (err) {
      return { ok: false, error: toContractError(err).toJSON() };
    }
  });
}

export function forwardEvents(bus: EventBus, target: () => WebContents | undefined): () => void {
  return bus.onAny((name, payload) => {
    const wc = target();
    if (wc && !wc.isDestroyed()) wc.send(IPC_EVENT, name, payload);
  });
}
