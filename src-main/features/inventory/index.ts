// Data inventory: every table of the source and the cache with rows, freshness and status, the KPI
// "active tables" (seed).
export { inventoryJobs, inventoryJob } from './jobs';
export { inventoryHandlers, inventorySourceOf } from './handlers';
export { tableStatus } from './status';
