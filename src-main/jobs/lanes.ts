/** Two worker threads: `writer`, the one writer of the SQLite cache (sync, demo generation,
 * imports — long and CPU-heavy), and `reader` for what a user waits on (inventory, board, preview).
 * So a page never queues behind a sync. Kinds not listed read. */
export type Lane = 'writer' | 'reader';

const writerKinds = new Set(['sync', 'demo.ensure', 'demo.feed', 'import']);

export const laneOf = (kind: string): Lane => (writerKinds.has(kind) || kind.startsWith('import') ? 'writer' : 'reader');
export const lanes: Lane[] = ['writer', 'reader'];
