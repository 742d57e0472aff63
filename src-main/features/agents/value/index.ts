// Agent B — value and Kelly on 1X2, totals and Asian handicap: one decision function (decide.ts) that the
// live agent runs on the cache's upcoming matches and the backtests replay on history.
export { decideValue, type ValueRules, type ValueModel, type ValueRow, type ValueDecision } from './decide';
export { modelProbabilities } from './model';
