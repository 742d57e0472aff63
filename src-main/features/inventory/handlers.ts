import type { Inventory } from '../../../src-shared/contract/inventory';
import type { PartialHandlers } from '../../platform/contract/dispatch';
import type { JobHost } from '../../platform/jobs/host';
import type { SourceInfo } from '../../platform/source-info';
import { inventoryJob } from './jobs';

/** The source part of the inventory, from what the app knows of it. */
export const inventorySourceOf = (source: SourceInfo): Inventory['source'] => ({
  kind: source.kind,
  label: source.label,
  reachable: !source.error,
  timescale: source.timescale,
  error: source.error,
});

export function inventoryHandlers(s: { jobs: JobHost; source: SourceInfo }): PartialHandlers {
  return {
    'inventory.get': ({ staleAfterDays }) => s.jobs.run(inventoryJob, { staleAfterDays, source: inventorySourceOf(s.source) }).done,
  };
}
