// Every strategy the backtester can replay (`monps backtest --list`).
import type { AnyStrategy } from '../strategy';
import { kaunitz } from './kaunitz';
import { sharpReference } from './sharp-reference';
import { valueStrategy } from './value';

export const STRATEGIES: readonly AnyStrategy[] = [valueStrategy, sharpReference, kaunitz];
export { valueRules } from './value';
