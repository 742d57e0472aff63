// Pick tracking (SPEC 6): picks and placed bets with what they were decided on, closing line and CLV
// at kick-off, settlement from the results, combos; the Performance and Historique reads.
// Jobs a scheduler can call (writer lane): picks.closing, picks.results, picks.settle (both).
export {
  picksJobs,
  settlePicksJob,
  SETTLE_CLOCK_SKEW_MS,
  captureClosingJob,
  settleResultsJob,
  recordPicksJob,
  placeBetJob,
  recordComboJob,
} from './jobs';
export { picksHandlers } from './handlers';
export { trackPicks } from './track';
export { recordPicks } from './record';
export { recordCombo } from './combo-track';
export { TRACKING_INPUT_TABLES } from './inputs';
// The passes themselves, for the benchmark (test/bench/settle.bench.ts).
export { settleResults, settlementCandidates } from './results';
export { captureClosingLines, closingCandidates } from './capture';
export { closingQuotes } from './queries';
// One closing line, CLV and settlement for live picks and for backtests (Agent D replays with them).
export { referenceClose, pickClose, type Quote as ClosingQuote, type BookFlags, type ClosingLine } from './closing';
export { settleOnScore } from './settle';
// One correlation for two legs of one match wherever a combo is priced (the slip and CONSEIL's doubles).
export { sameMatchCorrelation, MIN_WITHIN_SAMPLE, type LegCorrelation } from './leg-correlation';
