import type { Inventory } from '../../../src-shared/contract/inventory';
import type { PartialHandlers } from '../dispatch';
import type { Services } from '../services';

export function inventoryHandlers(s: Services): PartialHandlers {
  return {
    'inventory.get': async ({ staleAfterDays }) => {
      const { done } = s.jobs.run<Inventory>('inventory', {
        staleAfterDays,
        source: { kind: s.source.kind, label: s.source.label, reachable: !s.source.error, timescale: s.source.timescale, error: s.source.error },
      });
      return done;
    },
  };
}
