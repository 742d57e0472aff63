import path from 'node:path';
import type { SyncResult } from '../../../src-shared/contract/sync';
import { openCache } from '../../platform/cache/open';
import { resolveConfig } from '../../app/config';
import { runSync } from '../../sync';
import { parse, printJson, UsageError, type Command } from '../command';

export const syncCommand: Command = {
  name: 'sync',
  summary: 'Sync the PostgreSQL source into the SQLite cache (incremental; --full re-reads everything)',
  usage:
    'monps sync [--source URL] [--cache FILE] [--full] [--tables a,b] [--reconcile auto|always|never] [--no-publish] [--batch-size N] [--json]',
  exits: { 0: 'every table synced', 1: 'a table failed (its error is printed), or another failure', 3: 'the source is unreachable' },
  async run(argv, io) {
    const { values } = parse(argv, {
      source: { type: 'string' },
      cache: { type: 'string' },
      full: { type: 'boolean', default: false },
      tables: { type: 'string' },
      reconcile: { type: 'string', default: 'auto' },
      'no-publish': { type: 'boolean', default: false },
      'batch-size': { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    // --source, MONPS_SOURCE_URL, the settings file; the embedded default only lives inside the app.
    const config = resolveConfig({ sourceFlag: values.source, cacheFile: values.cache && path.resolve(values.cache) });
    const sourceUrl = config.sourceUrl;
    if (!sourceUrl) throw new UsageError('no source: pass --source postgres://user:password@host:port/database or set MONPS_SOURCE_URL');
    const reconcile = values.reconcile;
    if (reconcile !== 'auto' && reconcile !== 'always' && reconcile !== 'never')
      throw new UsageError(`--reconcile must be auto, always or never (got '${reconcile}')`);
    const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
    if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1))
      throw new UsageError(`--batch-size must be a positive integer (got '${values['batch-size']}')`);
    const cacheFile = config.cacheFile;
    // A corrupt cache file is detected here and rebuilt empty (the sync then refills it).
    openCache(cacheFile, { verify: true }).close();
    const ac = new AbortController();
    const onSignal = (): void => ac.abort();
    process.once('SIGINT', onSignal);
    try {
      const result = await runSync(
        { full: values.full, tables: values.tables?.split(',').filter(Boolean), reconcile, publish: !values['no-publish'], batchSize },
        { cacheFile, sourceUrl, signal: ac.signal, progress: (p) => (values.json ? undefined : io.err(p.message)) },
      );
      if (values.json) printJson(io, { cacheFile, ...result });
      else io.out(formatSync(result, cacheFile));
      return result.tables.some((t) => t.error) ? 1 : 0;
    } finally {
      process.removeListener('SIGINT', onSignal);
    }
  },
};

export function formatSync(r: SyncResult, cacheFile: string): string {
  const lines = [
    `cache: ${cacheFile}`,
    `${'table'.padEnd(24)}${'mode'.padEnd(13)}${'read'.padStart(10)}${'upserted'.padStart(10)}${'quarant.'.padStart(10)}${'deleted'.padStart(9)}${'seconds'.padStart(9)}`,
  ];
  for (const t of r.tables) {
    lines.push(
      `${t.table.padEnd(24)}${t.mode.padEnd(13)}${String(t.rowsRead).padStart(10)}${String(t.upserted).padStart(10)}${String(t.quarantined).padStart(10)}${String(t.deleted + t.pruned).padStart(9)}${t.seconds.toFixed(2).padStart(9)}` +
        (t.error ? `  ERROR: ${t.error}` : ''),
    );
  }
  lines.push(
    `total: ${r.rowsRead} rows read, ${r.upserted} upserted, ${r.quarantined} newly quarantined, ${r.deleted} deleted, ${r.seconds.toFixed(2)} s, peak RSS ${r.peakRssMb} MB`,
    `outbox: ${r.published} published, ${r.outboxPending} pending${r.publishNote ? ` (${r.publishNote})` : ''}`,
  );
  return lines.join('\n');
}
