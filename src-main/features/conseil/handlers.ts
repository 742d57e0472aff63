import type { PartialHandlers } from '../../platform/contract/dispatch';
import type { EventBus } from '../../platform/events';
import type { JobHost } from '../../platform/jobs/host';
import { conseilLearnJob, conseilRunJob, conseilTodayJob, learningLogJob } from './jobs';

export function conseilHandlers(s: { jobs: JobHost; bus: EventBus }): PartialHandlers {
  // every window hears of new picks and refits, not only the one that asked
  const changed = (tables: string[]) => s.bus.emit('cache.changed', { tables, at: new Date().toISOString() });
  return {
    'conseil.run': async (input) => {
      const r = await s.jobs.run(conseilRunJob, input).done;
      const tables = [...(r.recorded > 0 ? ['tracking_clv_picks'] : []), ...(r.combosRecorded > 0 ? ['fg_combo_tracking'] : [])];
      if (tables.length) changed(tables);
      return r;
    },
    'conseil.today': (input) => s.jobs.run(conseilTodayJob, input).done,
    'conseil.learn': async (input) => {
      const e = await s.jobs.run(conseilLearnJob, input).done;
      changed(['patron_versions']);
      return e;
    },
    'conseil.learningLog': (input) => s.jobs.run(learningLogJob, input).done,
  };
}
