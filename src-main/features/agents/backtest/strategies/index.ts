// Every strategy the backtester can replay (`monps backtest --list`).
import type { AnyStrategy } from '../strategy';
import { conseilStrategy } from './conseil';
import { kaunitz } from './kaunitz';
import { sharpReference } from './sharp-reference';
import { valueStrategy } from './value';

export const STRATEGIES: readonly AnyStrategy[] = [conseilStrategy, valueStrategy, sharpReference, kaunitz];
export { valueRules } from './value';
