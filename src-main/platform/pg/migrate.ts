import { connectClient } from './client';
import { migrationsDir } from '../paths';
import { pendingMigrations, readMigrations, type AppliedMigration } from '../migrations';

export interface SourceMigrationResult {
  applied: string[];
  timescale: boolean;
}

/** Applies migrations/source to a PostgreSQL database, each file in its own transaction,
 * under an advisory lock so two app instances starting together do not race. */
export async function migrateSource(url: string, dir = migrationsDir('source')): Promise<SourceMigrationResult> {
  const client = await connectClient(url, { applicationName: 'monps-migrate' });
  try {
    await client.query('SELECT pg_advisory_lock(724242)');
    await client.query(`CREATE TABLE IF NOT EXISTS monps_schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = (await client.query<AppliedMigration>('SELECT version, name, checksum FROM monps_schema_migrations ORDER BY version'))
      .rows;
    const todo = pendingMigrations(readMigrations(dir), applied, 'source database');
    for (const m of todo) {
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO monps_schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          m.checksum,
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`source migration ${m.name} failed: ${(err as Error).message}`);
      }
    }
    const ts = await client.query("SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'");
    return { applied: todo.map((m) => m.name), timescale: (ts.rowCount ?? 0) > 0 };
  } finally {
    await client.query('SELECT pg_advisory_unlock(724242)').catch(() => {});
    await client.end();
  }
}
