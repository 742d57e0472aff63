import type { z } from 'zod';
import { appMethods } from './app';
import { inventoryMethods } from './inventory';
import { syncEvents, syncMethods } from './sync';
import { jobEvents, jobMethods } from './jobs';
import { marketMethods } from './market';
import { analysisMethods } from './analysis';
import { patternsMethods } from './patterns';
import { alertEvents } from './alerts';
import { agentMethods } from './agents';
import { intelMethods } from './intel';
import { settingsEvents, settingsMethods } from './settings';
import { schedulerEvents, schedulerMethods } from './scheduler';
import { notificationEvents, notificationMethods } from './notifications';
import { reportsMethods } from './reports';
import { desktopEvents } from './desktop';
import { picksMethods } from './picks';
import { conseilMethods } from './conseil';
import { importsMethods } from './imports';

/** Every method of the contract, served over Electron IPC and over HTTP by the same handlers.
 * Add a domain: a file here exporting `xxxMethods` (and `xxxEvents`), spread below. */
export const contract = {
  ...appMethods,
  ...jobMethods,
  ...inventoryMethods,
  ...syncMethods,
  ...marketMethods,
  ...analysisMethods,
  ...agentMethods,
  ...intelMethods,
  ...settingsMethods,
  ...schedulerMethods,
  ...notificationMethods,
  ...reportsMethods,
  ...patternsMethods,
  ...picksMethods,
  ...conseilMethods,
  ...importsMethods,
};

export const events = {
  ...jobEvents,
  ...syncEvents,
  ...alertEvents,
  ...settingsEvents,
  ...schedulerEvents,
  ...notificationEvents,
  ...desktopEvents,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

/** Plain lists for the sandboxed preload, which must not need zod. */
export const methodNames = Object.keys(contract) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export { IPC_INVOKE, IPC_EVENT, IPC_UPLOAD } from './channels';

export * from './errors';
export * from './define';
