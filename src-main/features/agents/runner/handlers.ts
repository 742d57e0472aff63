import type { RaisedAlert } from '../../../../src-shared/contract/alerts';
import type { EventBus } from '../../../platform/events';
import type { JobHost } from '../../../platform/jobs/host';
import type { PartialHandlers } from '../../../platform/contract/dispatch';
import { agentsRunJob } from './jobs';

export function runnerHandlers(s: { jobs: JobHost }): PartialHandlers {
  return {
    'agents.run': async (input) => (await s.jobs.run(agentsRunJob, { full: input.full, alerts: false, resync: false }).done).summary,
  };
}

/** After a sync: an incremental run over the matches whose quotes changed; its new traps and strong
 * steams go out as alert.raised (once per id), and the windows hear the agents' tables changed. */
export async function runAfterSync(deps: { bus: EventBus; jobs: JobHost }, resync = false): Promise<RaisedAlert[]> {
  const { summary, alerts } = await deps.jobs.run(agentsRunJob, { full: false, alerts: true, resync }).done;
  for (const a of alerts) deps.bus.emit('alert.raised', a);
  const tables: string[] = [];
  if (summary.findings.some((f) => f.written > 0)) tables.push('agent_analyses', 'agent_predictions');
  if (summary.traps.written + summary.traps.expired > 0) tables.push('market_traps');
  if (summary.scorerPicks.written > 0) tables.push('scorer_market_picks');
  if (tables.length) deps.bus.emit('cache.changed', { tables, at: new Date().toISOString() });
  return alerts;
}
