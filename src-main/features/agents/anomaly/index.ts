// Agent A — Anomaly (SPEC 5): steam moves, outlier books and reverse line movement in the price
// series of the cache, each with a score 0–100 and an explanation a person can check.
// - series.ts: quotes → per market line, per book, de-vigged snapshots (bad quotes counted, skipped);
// - replay.ts: the market replayed in time (sharp fair price, soft and overall consensus);
// - steam.ts, outlier.ts, reverse.ts: the detectors; detect.ts runs them on one market line;
// - queries.ts: the reads; persist.ts: agent_analyses / agent_predictions through the outbox.
export { detectGroup } from './detect';
export { replay, eventAt, snapAt, consensusOf, sortedMedian, MIN_SOFT_BOOKS, type Replay } from './replay';
export { SeriesStore, type StoreRead } from './store';
export { Skips, groupKey, isoMs, logit, SKIP_REASONS, type MarketGroup, type BookSeries, type Snapshot, type SkipReason } from './series';
export { readGroups, upcomingScope, quotesStatement, bookRoles, parseTime, type ScopeMatch } from './queries';
export { findingId, toFinding, clamp, score100, r6, fmtOdds, fmtPct, fmtSigned, fmtTime, fmtMinutes, type RawFinding } from './finding';
export { STEAM } from './steam';
export { OUTLIER } from './outlier';
export { REVERSE } from './reverse';
export { writeFindings, readFindings, analysisRow, AGENT } from './persist';
export { anomalyJobs } from './jobs';
export { anomalyHandlers } from './handlers';
