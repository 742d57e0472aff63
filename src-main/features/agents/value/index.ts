// Agent B — value and Kelly on 1X2, totals and Asian handicap: one decision function (decide.ts) that the
// live agent runs on the cache's upcoming matches (live.ts) and the backtests replay on history.
export { decideValue, type ValueRules, type ValueModel, type ValueRow, type ValueDecision } from './decide';
export { modelProbabilities } from './model';
export {
  buildLiveValue,
  liveValue,
  liveRules,
  liveFixtures,
  matchModel,
  LIVE_DEFAULTS,
  type LiveValue,
  type LiveRow,
  type LiveFixture,
} from './live';
export { latestBlend, saveBlend, blendHistory, blendAt } from './versions';
export { writeValueOutputs, valueScore } from './outputs';
export { valueJobs, valueRunJob, valueBoardJob, valueBetsJob, toValueBoard, toValueBets } from './jobs';
export { valueHandlers } from './handlers';
