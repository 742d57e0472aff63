// The market intelligence run (`agents.run`, `monps agents run`): Agent A and FERRARI over the
// cache, full or incremental (matches whose quotes changed since the last run), alerts once per id.
export { runAgents, runAgentsOn, forgetKept, type RunParams, type RunResult } from './run';
export { agentsRunJob, runnerJobs } from './jobs';
export { runnerHandlers, runAfterSync } from './handlers';
export { collectAlerts, STRONG_STEAM, STEAM_NEWS_MS } from './alerts';
export { ensureChangeIndexes, changedScope, syncWatermarks } from './scope';
