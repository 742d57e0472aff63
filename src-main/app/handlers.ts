import { joinHandlers, type Handlers } from '../platform/contract/dispatch';
import { analysisHandlers } from '../features/analysis';
import { patternsHandlers } from '../features/agents/patterns';
import { inventoryHandlers } from '../features/inventory';
import { marketHandlers } from '../features/market';
import { reportsHandlers } from '../features/reports';
import { picksHandlers } from '../features/picks';
import { syncHandlers } from '../sync';
import { valueHandlers } from '../features/agents/value';
import { backtestHandlers } from '../features/agents/backtest';
import { anomalyHandlers } from '../features/agents/anomaly';
import { runnerHandlers } from '../features/agents/runner';
import { trapsHandlers } from '../features/traps';
import { settingsHandlers } from '../features/settings';
import { scheduleHandlers } from '../features/schedule';
import { notificationHandlers } from '../features/notifications';
import { appHandlers } from './app-handlers';
import { sourceHandlers } from './source-handlers';
import type { Services } from './services';
import { conseilHandlers } from '../features/conseil';
import { importsHandlers } from '../features/imports';

/** All handlers of the contract for one transport. A feature adds its handler map here. */
export function createHandlers(s: Services, transport: 'ipc' | 'http'): Handlers {
  return joinHandlers(
    appHandlers(s, transport),
    inventoryHandlers(s),
    syncHandlers(s),
    marketHandlers(s),
    analysisHandlers(s),
    valueHandlers(s),
    backtestHandlers(s),
    anomalyHandlers(s),
    trapsHandlers(s),
    runnerHandlers(s),
    settingsHandlers(s),
    sourceHandlers(s),
    scheduleHandlers(s),
    notificationHandlers(s),
    reportsHandlers(s),
    patternsHandlers(s),
    picksHandlers(s),
    conseilHandlers(s),
    importsHandlers(s),
  );
}
