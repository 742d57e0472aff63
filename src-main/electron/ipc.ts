import type { IpcMain, WebContents } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../../src-shared/contract/channels';
import { dispatch, type Handlers } from '../platform/contract/dispatch';
import type { EventBus } from '../platform/events';

/** One IPC channel for every contract method: `dispatch` validates the name and the input before any
 * handler runs. Only our own window's frames may call. */
export function registerIpc(ipcMain: IpcMain, handlers: Handlers, isTrustedSender: (url: string) => boolean): void {
  ipcMain.handle(IPC_INVOKE, async (event, method: unknown, input: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedSender(url)) return { ok: false, error: { code: 'UNAUTHORIZED', message: 'call from an untrusted frame' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'VALIDATION', message: 'method name must be a string' } };
    return dispatch(handlers, method, input);
  });
}

export function forwardEvents(bus: EventBus, target: () => WebContents | undefined): () => void {
  return bus.onAny((name, payload) => {
    const wc = target();
    if (wc && !wc.isDestroyed()) wc.send(IPC_EVENT, name, payload);
  });
}
