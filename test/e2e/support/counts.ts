import Database from 'better-sqlite3';
import pg from 'pg';

/** Row counts straight from the databases, to compare with what the UI shows. */
export async function sourceCounts(url: string): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    const out = new Map<string, number>();
    for (const { table_name } of tables.rows) {
      const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table_name.replace(/"/g, '""')}"`);
      out.set(table_name, Number(r.rows[0].n));
    }
    return out;
  } finally {
    await client.end();
  }
}

export function cacheCounts(file: string): Map<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
    }[];
    return new Map(
      names.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n]),
    );
  } finally {
    db.close();
  }
}

export async function execSource(url: string, sql: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}
