import { joinHandlers, type Handlers } from '../dispatch';
import type { Services } from '../services';
import { appHandlers } from './app';
import { inventoryHandlers } from './inventory';
import { syncHandlers } from './sync';
import { marketHandlers } from './market';
import { analysisHandlers } from './analysis';

/** All handlers of the contract for one transport. Add a domain's handler map here. */
export function createHandlers(s: Services, transport: 'ipc' | 'http'): Handlers {
  return joinHandlers(appHandlers(s, transport), inventoryHandlers(s), syncHandlers(s), marketHandlers(s), analysisHandlers(s));
}
