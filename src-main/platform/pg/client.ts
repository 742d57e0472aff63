import pg from 'pg';
import { checkSourceUrl, classifySourceError } from './errors';

export interface ClientOptions {
  /** Give up connecting after this long (default 10 s). */
  connectTimeoutMs?: number;
  /** Shown in pg_stat_activity. */
  applicationName?: string;
  /** Run right after connecting (session settings). */
  sessionSql?: string;
}

/** The one way the app opens a PostgreSQL connection. A connection that drops later makes pg emit
 * 'error' on the client: heard here, so only the query in progress fails instead of the process (a
 * worker thread) crashing. A failure to connect is a SourceError that names the source, never its
 * password (unreachable, refused credentials, no such database). */
/** How long a connection may take: 10 s, or MONPS_PG_CONNECT_TIMEOUT_MS (the tests give a loaded machine more). */
export function defaultConnectTimeout(env = process.env.MONPS_PG_CONNECT_TIMEOUT_MS): number {
  const ms = Number(env);
  return env && Number.isFinite(ms) && ms > 0 ? ms : 10_000;
}

export async function connectClient(url: string, opts: ClientOptions = {}): Promise<pg.Client> {
  checkSourceUrl(url);
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? defaultConnectTimeout(),
    application_name: opts.applicationName ?? 'monps',
  });
  client.on('error', () => {});
  try {
    await client.connect();
    if (opts.sessionSql) await client.query(opts.sessionSql);
  } catch (err) {
    await client.end().catch(() => {});
    throw classifySourceError(err, url);
  }
  return client;
}

/** One connection for the length of `fn`, always closed. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>, opts: ClientOptions = {}): Promise<T> {
  const c = await connectClient(url, opts);
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => {});
  }
}

/** The same server URL pointed at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The rows of one statement on a connection of its own. */
export function queryRows<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return withClient(url, async (c) => (await c.query<T>(sql, params)).rows);
}
