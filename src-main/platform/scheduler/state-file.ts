import fs from 'node:fs';
import path from 'node:path';
import { slotRun, type ScheduleSlot, type SlotRun } from '../../../src-shared/contract/scheduler';
import type { ScheduleStateStore } from './types';

/** The last run of each slot in a small JSON file of the data folder. An unreadable file is ignored
 * (the only loss: a catch-up run at the next start). */
export function fileStateStore(file: string): ScheduleStateStore {
  return {
    load() {
      try {
        const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
        const out: Partial<Record<ScheduleSlot, SlotRun>> = {};
        for (const [k, v] of Object.entries(raw)) {
          const r = slotRun.safeParse(v);
          if (r.success) out[k as ScheduleSlot] = r.data;
        }
        return out;
      } catch {
        return {};
      }
    },
    save(runs) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, `${JSON.stringify(runs, null, 2)}\n`);
      fs.renameSync(tmp, file);
    },
  };
}

export function memoryStateStore(initial: Partial<Record<ScheduleSlot, SlotRun>> = {}): ScheduleStateStore & {
  runs: Partial<Record<ScheduleSlot, SlotRun>>;
} {
  const store = {
    runs: { ...initial },
    load: () => ({ ...store.runs }),
    save: (runs: Partial<Record<ScheduleSlot, SlotRun>>) => void (store.runs = { ...runs }),
  };
  return store;
}
