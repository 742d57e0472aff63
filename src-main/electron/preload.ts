import { contextBridge, ipcRenderer } from 'electron';
import { IPC_EVENT, IPC_INVOKE, IPC_UPLOAD } from '../../src-shared/contract/channels';

// The whole bridge: one function to call the contract, one to listen to its events, one to hand a
// file's bytes to the import folder. Method names, inputs and file names are validated in main
// (dispatch, saveImport), so nothing here trusts the page.
contextBridge.exposeInMainWorld('monps', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_INVOKE, method, input),
  onEvent: (listener: (name: string, payload: unknown) => void): (() => void) => {
    const wrapped = (_e: unknown, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped);
  },
  upload: (name: string, bytes: ArrayBuffer, replace: boolean): Promise<unknown> => ipcRenderer.invoke(IPC_UPLOAD, name, bytes, replace),
});
