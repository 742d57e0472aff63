import type pg from 'pg';
import { connectClient } from '../platform/pg/client';

export { SourceError, classifySourceError, describeSource, checkSourceUrl } from '../platform/pg/errors';

/** A client with the session settings the sync's text parsing relies on (UTC, ISO dates, shortest
 * exact floats). Every failure to connect is a SourceError naming the source. */
export function connectSource(url: string, opts: { timeoutMs?: number } = {}): Promise<pg.Client> {
  return connectClient(url, {
    connectTimeoutMs: opts.timeoutMs ?? 10_000,
    applicationName: 'monps-sync',
    sessionSql:
      "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 1; SET IntervalStyle = 'iso_8601'; SET bytea_output = 'hex'",
  });
}
