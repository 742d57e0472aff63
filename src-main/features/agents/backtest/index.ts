// Agent D — walk-forward backtests: the engine, the strategies it replays, the data sources it reads
// (football-data files, the cache) and the blend-weight calibration of Agent B.
export { runBacktest, runBacktestAsync, sortFixtures, BOOTSTRAP_SEED, type RunOptions } from './engine';
export { STRATEGIES, valueRules } from './strategies';
export {
  findStrategy,
  paramDocs,
  parseParams,
  defineStrategy,
  type StrategyDef,
  type AnyStrategy,
  type Decision,
  type BetIntent,
} from './strategy';
export { loadFootballData, footballDataFixtures, csvFiles, FOOTBALL_DATA_ROLES } from './sources/football-data';
export { allowedCsvFiles, importsDirOf, loadFootballDataSafely, readRegularFile, MAX_CSV_BYTES } from './sources/csv-files';
export { loadCacheData, cacheFixtures, type CacheSourceOptions } from './sources/cache';
export {
  chooseBlendWeight,
  blendLoss,
  calibrateBlend,
  fitLeague,
  fixtureMatrix,
  type BlendSample,
  type ModelSettings,
  type LeagueFit,
} from './calibrate';
export { History, type PastView } from './past';
export type { BacktestData, BacktestFixture, FixtureInfo, PastResult, MarketPrices, BookPrices, BookRoles } from './types';
export { backtestJobs, backtestRunJob, calibrateJob, calibrateOnCache } from './jobs';
export { backtestHandlers } from './handlers';
