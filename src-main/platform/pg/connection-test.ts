import type pg from 'pg';
import type { ConnectionTest } from '../../../src-shared/contract/settings';
import { pendingMigrations, readMigrations, type MigrationFile } from '../migrations';
import { migrationsDir } from '../paths';
import { connectClient } from './client';
import { checkSourceUrl, describeSource, SourceError } from './errors';
import { probePostgres } from './probe';

// "Test connection" in Settings: every way a source can fail, named, in the order they happen —
// the URL, the host, the port, the protocol (is it PostgreSQL), TLS, the credentials, the database,
// and whether its schema is one this app can use (SPEC 11).

type Failure = NonNullable<ConnectionTest['failure']>;

const wantsTls = (u: URL): boolean => {
  const mode = u.searchParams.get('sslmode');
  return (mode !== null && mode !== 'disable' && mode !== 'prefer' && mode !== 'allow') || u.searchParams.get('ssl') === 'true';
};

export async function testConnection(url: string, opts: { timeoutMs?: number; migrations?: string } = {}): Promise<ConnectionTest> {
  const started = performance.now();
  const timeoutMs = opts.timeoutMs ?? 5_000;
  const target = describeSource(url);
  const answer = (failure: Failure | null, message: string, extra: Partial<ConnectionTest> = {}): ConnectionTest => ({
    ok: failure === null,
    failure,
    message,
    target,
    server: null,
    timescale: null,
    schema: null,
    ...extra,
    ms: Math.round(performance.now() - started),
  });

  try {
    checkSourceUrl(url);
  } catch (err) {
    return answer('bad-url', (err as Error).message);
  }
  const u = new URL(url);
  const host = decodeURIComponent(u.hostname.replace(/^\[|\]$/g, ''));
  const probe = await probePostgres(host, Number(u.port || 5432), timeoutMs);
  if (probe.kind !== 'postgres') return answer(probe.kind, probe.message);
  if (wantsTls(u) && !probe.tls)
    return answer(
      'tls',
      `${target}: the server does not accept TLS connections, but the URL asks for them (sslmode): remove sslmode or enable TLS on the server`,
    );

  let client: pg.Client;
  try {
    client = await connectClient(url, { connectTimeoutMs: timeoutMs, applicationName: 'monps-test' });
  } catch (err) {
    const e = err as SourceError;
    const failure: Failure =
      e.code === 'AUTH'
        ? 'auth'
        : e.code === 'NO_DATABASE'
          ? 'no-database'
          : e.code === 'TLS'
            ? 'tls'
            : e.code === 'BAD_URL'
              ? 'bad-url'
              : 'unreachable';
    return answer(failure, e.message);
  }
  try {
    const server = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? null;
    const timescale = ((await client.query("SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'")).rowCount ?? 0) > 0;
    const schema = await checkSchema(client, readMigrations(opts.migrations ?? migrationsDir('source')));
    const details = { server, timescale, schema: schema.summary };
    if (schema.problem) return answer('schema', `${target}: schema not recognised: ${schema.problem}`, details);
    return answer(
      null,
      `connected to PostgreSQL ${server}${timescale ? ' with TimescaleDB' : ''} at ${target}; schema ${schema.summary}`,
      details,
    );
  } catch (err) {
    return answer('unreachable', `${target}: ${(err as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The tables the source migrations create. */
export function schemaTables(migrations: readonly MigrationFile[]): string[] {
  const names = new Set<string>();
  for (const m of migrations) for (const x of m.sql.matchAll(/CREATE TABLE(?: IF NOT EXISTS)?\s+("?)(\w+)\1/gi)) names.add(x[2]);
  return [...names];
}

/** Can this app use the database's schema: its own migrations (applied by this or an older version),
 * or an empty database it may create them in. Tables of the same names made by something else, or
 * migrations this version does not know, are refused rather than guessed at. */
async function checkSchema(client: pg.Client, known: MigrationFile[]): Promise<{ summary: string; problem?: string }> {
  const tables = (
    await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type IN ('BASE TABLE', 'VIEW')",
    )
  ).rows.map((r) => r.name);
  if (tables.includes('monps_schema_migrations')) {
    const applied = (await client.query('SELECT version, name, checksum FROM monps_schema_migrations ORDER BY version')).rows;
    try {
      const todo = pendingMigrations(known, applied, 'the source');
      return { summary: todo.length ? `recognised, ${todo.length} migration${todo.length > 1 ? 's' : ''} to apply` : 'ready' };
    } catch (err) {
      return { summary: 'unknown migrations', problem: (err as Error).message };
    }
  }
  const ours = new Set(schemaTables(known));
  const clash = tables.filter((t) => ours.has(t));
  if (clash.length)
    return {
      summary: 'foreign tables',
      problem: `it has tables named like the app's (${clash.slice(0, 5).join(', ')}${clash.length > 5 ? ', …' : ''}) that Mon_PS Desk did not create (no monps_schema_migrations): point at the Mon_PS database, or an empty one`,
    };
  const canCreate = (await client.query<{ ok: boolean }>("SELECT has_schema_privilege(current_schema(), 'CREATE') AS ok")).rows[0]?.ok;
  if (!canCreate)
    return {
      summary: 'no schema',
      problem: `the Mon_PS tables are missing and user ${(await client.query<{ u: string }>('SELECT current_user AS u')).rows[0].u} may not create them`,
    };
  return {
    summary: tables.length
      ? `new: the Mon_PS tables will be created beside ${tables.length} other table(s)`
      : 'empty: the Mon_PS tables will be created',
  };
}
