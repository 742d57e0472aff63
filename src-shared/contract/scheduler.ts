import { z } from 'zod';
import { event, method } from './define';

// The scheduler: named slots that run on a cron expression (edited in Settings), each a chain of
// worker jobs with progress and cancel. Features plug their steps into a slot (src-main/app/schedule.ts).

export const SCHEDULE_SLOTS = ['sync', 'intelligence', 'closing-line', 'settlement', 'learning'] as const;
export const scheduleSlot = z.enum(SCHEDULE_SLOTS);
export type ScheduleSlot = z.infer<typeof scheduleSlot>;

/** How a run ended: `offline` = the source could not be reached (held runs wait for it). */
export const runStatus = z.enum(['ok', 'failed', 'offline', 'cancelled', 'skipped']);
export type RunStatus = z.infer<typeof runStatus>;

/** Why a run started: its cron, a kick-off, a run missed while the app slept or was closed
 * (`catch-up`, once however many ticks were missed), the source coming back (`reconnect`), a retry
 * under backoff, the app starting, or a person. */
export const runReason = z.enum(['start', 'cron', 'kickoff', 'catch-up', 'reconnect', 'retry', 'manual']);
export type RunReason = z.infer<typeof runReason>;

export const slotRun = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  reason: runReason,
  status: runStatus,
  message: z.string(),
});
export type SlotRun = z.infer<typeof slotRun>;

export const slotState = z.object({
  slot: scheduleSlot,
  title: z.string(),
  description: z.string(),
  /** Steps plugged into the slot, in the order they run; empty = not installed yet (`pending` says what will). */
  steps: z.array(z.string()),
  pending: z.string().nullable(),
  /** The cron expression in effect, and the slot's default. */
  cron: z.string(),
  defaultCron: z.string(),
  enabled: z.boolean(),
  /** What besides the cron starts it, e.g. "each kick-off". */
  triggers: z.array(z.string()),
  nextRunAt: z.string().nullable(),
  nextReason: runReason.nullable(),
  /** A run came due while the source was down: it runs once when the source is back. */
  held: z.boolean(),
  running: z.object({ startedAt: z.string(), reason: runReason, step: z.string().nullable(), jobId: z.string().nullable() }).nullable(),
  lastRun: slotRun.nullable(),
});
export type SlotState = z.infer<typeof slotState>;

export const schedulerState = z.object({
  /** False after a run found the source unreachable, until one reaches it again. */
  sourceOnline: z.boolean(),
  slots: z.array(slotState),
});
export type SchedulerState = z.infer<typeof schedulerState>;

const bySlot = z.object({ slot: scheduleSlot }).strict();

export const schedulerMethods = {
  'scheduler.list': method({
    summary: 'Scheduled slots: cron, next run, the last run and its outcome, what is running',
    input: z.object({}).strict(),
    output: schedulerState,
  }),
  'scheduler.run': method({
    summary: 'Run a slot now (refused while it runs: two runs of a slot never overlap)',
    input: bySlot,
    output: slotState,
  }),
  'scheduler.cancel': method({
    summary: "Cancel a slot's running run (its current job is cancelled)",
    input: bySlot,
    output: z.object({ cancelled: z.boolean() }),
  }),
};

export const schedulerEvents = {
  'scheduler.changed': event({ summary: 'A slot started, finished, was re-planned or re-configured', payload: slotState }),
};
