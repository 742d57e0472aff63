import { z } from 'zod';
import { contract } from '../../../src-shared/contract';
import { inventorySource } from '../../../src-shared/contract/inventory';
import { defineJob } from '../../platform/jobs/define';
import { buildInventory } from './inventory';

/** Counts every table of both stores; the source's state (as the app knows it) comes along. */
export const inventoryJob = defineJob({
  kind: 'inventory',
  lane: 'reader',
  params: contract['inventory.get'].input.extend({ source: inventorySource }),
  run: buildInventory,
});

export const inventoryJobs = [inventoryJob];
export type InventoryJobParams = z.input<typeof inventoryJob.params>;
