// Agent C — patterns (SPEC 5): historical situations with sample size, hit rate, ROI, CLV and a significance
// test corrected for the number tried (Benjamini–Hochberg), and correlations between legs of one match.
export { patternsJobs, mineJob, listJob as patternsListJob } from './jobs';
export { patternsHandlers } from './handlers';
export { historyFromCsv, CSV_PRICE_REFERENCE } from './from-csv';
export { historyFromCache, cachePriceReference } from './from-cache';
export { goalEvents, writeRun } from './cache-run';
export { runPatterns, runSteps, type MiningRun, type RunOptions } from './run';
export { betsOf, type Bet, type BetSet } from './bets';
export { mineSituations, type MineResult, type SituationStats } from './mine';
export { mineCorrelations, type CorrelationResult, type CorrelationsResult } from './correlations';
export { multipleTestingNote } from './rows';
export type { HistoryMatch, PricedLine } from './history';
