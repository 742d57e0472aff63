import type { ScheduleSlot } from '../../../src-shared/contract/scheduler';
import type { SlotDefinition } from '../../platform/scheduler';

/** The sync's default: every minute on the embedded demo (its feed moves by the minute), every 5 on a
 * configured source; MONPS_SYNC_INTERVAL_MINUTES overrides both. */
export function defaultSyncCron(embedded: boolean, env = process.env.MONPS_SYNC_INTERVAL_MINUTES): string {
  const minutes = Number(env ?? (embedded ? 1 : 5));
  if (!Number.isInteger(minutes) || minutes < 1) return embedded ? '* * * * *' : '*/5 * * * *';
  if (minutes === 1) return '* * * * *';
  if (minutes < 60) return `*/${minutes} * * * *`;
  return `0 */${Math.min(23, Math.round(minutes / 60))} * * *`;
}

/** The named slots and their defaults. Steps are plugged in by the composition (src-main/app/schedule.ts). */
export function slotDefinitions(embedded: boolean): Record<ScheduleSlot, SlotDefinition> {
  return {
    sync: {
      slot: 'sync',
      title: 'Sync',
      description: 'Source → cache, incremental (on the embedded demo its live feed moves on first)',
      defaultCron: defaultSyncCron(embedded),
      needsSource: true,
      probe: true,
      runAtStart: true,
      triggers: ['app start'],
    },
    intelligence: {
      slot: 'intelligence',
      title: 'Agents, PATRON, CONSEIL',
      description:
        "Agent A, FERRARI's traps and scorer picks (incremental), Agent C's patterns (mined again once a day), then CONSEIL ULTIM's picks scored by PATRON DIAMOND",
      defaultCron: '*/15 * * * *',
      needsSource: false,
    },
    'closing-line': {
      slot: 'closing-line',
      title: 'Closing-line capture',
      description: "At each kick-off (the cron is a safety net): a sync, then each started match's closing odds for CLV",
      defaultCron: '*/30 * * * *',
      needsSource: true,
      triggers: ['each kick-off'],
    },
    settlement: {
      slot: 'settlement',
      title: 'Settlement',
      description: "Settles finished matches' picks (won, lost, void, half results) and sends the settlement summary",
      defaultCron: '15 * * * *',
      needsSource: true,
    },
    learning: {
      slot: 'learning',
      title: 'Learning',
      description: 'Settled picks and CLV feed agent_feedback; agent weights are re-estimated (learning log)',
      defaultCron: '30 4 * * *',
      needsSource: false,
    },
  };
}
