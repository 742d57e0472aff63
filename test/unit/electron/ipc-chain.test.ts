import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract, IPC_EVENT, IPC_INVOKE, IPC_UPLOAD } from '../../../src-shared/contract';
import { joinHandlers, type Handlers } from '../../../src-main/platform/contract/dispatch';
import { resolveConfig } from '../../../src-main/app/config';
import { createHandlers } from '../../../src-main/app/handlers';
import { createServices, type Services } from '../../../src-main/app/services';
import { forwardEvents, registerIpc } from '../../../src-main/electron/ipc';
import { call, ContractCallError, pickTransport, setTransport, subscribe, uploadImport } from '../../../src-renderer/api/client';
import { saveImport } from '../../../src-main/features/imports';
import type { MonpsBridge } from '../../../src-renderer/api/ipc';
import { electronModule, standIn } from './support/electron-stand-in';

// The whole desktop path in one process: the renderer's client → the preload's bridge → the
// `ipcMain.handle` listener → dispatch → the real handlers and services; events back the same way.
vi.mock('electron', async () => (await import('./support/electron-stand-in')).electronModule());

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-ipc-chain-'));
const pageUrl = 'file:///opt/monps/resources/app.asar/out/renderer/index.html';
let services: Services;
let bridge: MonpsBridge;

beforeAll(async () => {
  services = await createServices(resolveConfig({ dataDir, sourceFlag: 'postgres://nobody@127.0.0.1:1/none' }), { transport: 'ipc' });
  const { ipcMain } = electronModule();
  registerIpc(
    ipcMain as never,
    createHandlers(services, 'ipc'),
    (url) => url === pageUrl,
    (name, body, o) => saveImport(path.join(dataDir, 'imports'), name, body, o),
  );
  const mainListener = standIn.ipcHandlers.get(IPC_INVOKE)!;
  const uploadListener = standIn.ipcHandlers.get(IPC_UPLOAD)!;
  standIn.rendererInvoke = (channel, ...args) =>
    channel === IPC_INVOKE
      ? mainListener({ senderFrame: { url: pageUrl } }, ...args)
      : channel === IPC_UPLOAD
        ? uploadListener({ senderFrame: { url: pageUrl } }, ...args)
        : Promise.reject(new Error(`no channel ${channel}`));
  // main's webContents.send → the renderer's ipcRenderer listeners
  const toRenderer = {
    isDestroyed: () => false,
    send: (channel: string, ...args: unknown[]) =>
      standIn.ipcRendererListeners.get(channel)?.forEach((l) => (l as (...a: unknown[]) => void)({}, ...args)),
  };
  forwardEvents(services.bus, () => toRenderer as never);

  await import('../../../src-main/electron/preload');
  bridge = standIn.exposed.get('monps') as MonpsBridge;
  setTransport(pickTransport({ monps: bridge }));
}, 180_000);

afterAll(async () => {
  await services?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('IPC from renderer to main (with electron stubbed)', () => {
  it('the preload exposes exactly one bridge with three functions, on the three channels', () => {
    expect([...standIn.exposed.keys()]).toEqual(['monps']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent', 'upload']);
    expect(pickTransport({ monps: bridge }).kind).toBe('ipc');
    expect(pickTransport({}).kind).toBe('http');
  });

  it('a typed call goes through and comes back typed', async () => {
    const info = await call('app.info', {});
    expect(info.transport).toBe('ipc');
    expect(info.source.kind).toBe('configured');
  });

  it('bad input is refused with a ContractCallError VALIDATION naming the field', async () => {
    const err = await call('inventory.get', { staleAfterDays: -1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContractCallError);
    expect(err).toMatchObject({ code: 'VALIDATION', method: 'inventory.get' });
    expect((err as ContractCallError).message).toContain('staleAfterDays');
    expect((err as ContractCallError).details).toMatchObject({ issues: [{ path: ['staleAfterDays'] }] });
  });

  it('an unknown method is refused with UNKNOWN_METHOD', async () => {
    const answer = await bridge.invoke('no.such.method', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('job progress events reach the renderer through the bridge, and unsubscribe stops them', async () => {
    const seen: string[] = [];
    const stop = subscribe('job.progress', (j) => seen.push(`${j.kind}:${j.state}`));
    const inv = await call('inventory.get', {});
    expect(inv.source.reachable).toBe(false);
    expect(inv.source.error).toBeTruthy();
    expect(inv.tables.every((t) => t.store === 'cache')).toBe(true);
    expect(seen[0]).toBe('inventory:running');
    expect(seen.at(-1)).toBe('inventory:done');
    stop();
    expect(standIn.ipcRendererListeners.get(IPC_EVENT)?.size ?? 0).toBe(0);
  });
});

describe('an upload through the bridge', () => {
  it('calls the same saveImport as the HTTP route: the file lands in <data dir>/imports, a bad name is refused', async () => {
    const file = new File(['Div,Date,HomeTeam\n'], 'E0_test.csv');
    const r = await uploadImport(file);
    expect(r).toMatchObject({ name: 'E0_test.csv', bytes: 18, replaced: false, unchanged: false });
    expect(fs.readFileSync(path.join(dataDir, 'imports', 'E0_test.csv'), 'utf8')).toBe('Div,Date,HomeTeam\n');
    const bad = await uploadImport(new File(['x'], '../x.csv')).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'VALIDATION' });
    expect((bad as Error).message).toMatch(/path separator/);
    expect(await bridge.upload('x.csv', 'not bytes' as never, false)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await call('imports.list', {})).files.map((f) => f.name)).toEqual(['E0_test.csv']);
  });
});

describe('handlers against the contract', () => {
  it('createHandlers has exactly one handler per contract method', () => {
    expect(Object.keys(createHandlers(services, 'ipc')).sort()).toEqual(Object.keys(contract).sort());
  });

  it('joinHandlers refuses a missing or a doubled handler, naming it', () => {
    const all = createHandlers(services, 'http');
    const { 'app.info': appInfo, ...rest } = all;
    expect(() => joinHandlers(rest as Partial<Handlers>)).toThrow(/no handler for app\.info/);
    expect(() => joinHandlers(all, { 'app.info': appInfo })).toThrow(/two handlers for app\.info/);
    expect(Object.keys(joinHandlers(rest as Partial<Handlers>, { 'app.info': appInfo })).length).toBe(Object.keys(contract).length);
  });
});
