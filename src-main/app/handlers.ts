import { joinHandlers, type Handlers } from '../platform/contract/dispatch';
import { analysisHandlers } from '../features/analysis';
import { inventoryHandlers } from '../features/inventory';
import { marketHandlers } from '../features/market';
import { syncHandlers } from '../sync';
import { anomalyHandlers } from '../features/agents/anomaly';
import { runnerHandlers } from '../features/agents/runner';
import { trapsHandlers } from '../features/traps';
import { appHandlers } from './app-handlers';
import type { Services } from './services';

/** All handlers of the contract for one transport. A feature adds its handler map here. */
export function createHandlers(s: Services, transport: 'ipc' | 'http'): Handlers {
  return joinHandlers(
    appHandlers(s, transport),
    inventoryHandlers(s),
    syncHandlers(s),
    marketHandlers(s),
    analysisHandlers(s),
    anomalyHandlers(s),
    trapsHandlers(s),
    runnerHandlers(s),
  );
}
