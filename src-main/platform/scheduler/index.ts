// The scheduler: named slots (sync, intelligence, closing-line, settlement, learning) on cron
// expressions and extra times, whose steps are plugged in by the composition (src-main/app/schedule.ts).
export { Scheduler, type SchedulerOptions } from './scheduler';
export {
  systemClock,
  type Clock,
  type JobRunner,
  type ScheduledStep,
  type ScheduleStateStore,
  type SlotDefinition,
  type StepContext,
  type StepResult,
} from './types';
export { fileStateStore, memoryStateStore } from './state-file';
export { nextDue, missedSince, outcomeOf, CATCH_UP_AFTER_MS } from './plan';
