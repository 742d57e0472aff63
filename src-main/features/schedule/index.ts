// The schedule's slots (sync, intelligence, closing-line, settlement, learning), their defaults, the
// scheduler.* contract methods, and the kick-off times the closing-line capture runs at.
export { scheduleHandlers } from './handlers';
export { scheduleJobs, kickoffsJob } from './jobs';
export { slotDefinitions, defaultSyncCron } from './slots';
