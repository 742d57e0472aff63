// Order-independent content checksum of tables: md5 over the sorted md5s of every row's text, all
// columns but updated_at (the write time, the only column that differs between identical seeds).
import { createHash } from 'node:crypto';
import { withClient } from '../../platform/pg/client';

export interface TableChecksum {
  rows: number;
  md5: string;
}

export async function tableChecksums(url: string, tables: readonly string[]): Promise<Record<string, TableChecksum>> {
  return withClient(url, async (client) => {
    const out: Record<string, TableChecksum> = {};
    for (const table of tables) {
      const cols = (
        await client.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1 AND column_name <> 'updated_at' ORDER BY ordinal_position`,
          [table],
        )
      ).rows.map((r) => `"${r.column_name}"`);
      if (cols.length === 0) throw new Error(`checksum: no table ${table}`);
      const r = await client.query<{ n: number; sum: string }>(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(h, '' ORDER BY h), '')) AS sum
         FROM (SELECT md5(ROW(${cols.join(', ')})::text) AS h FROM ${table}) s`,
      );
      out[table] = { rows: r.rows[0].n, md5: r.rows[0].sum };
    }
    return out;
  });
}

/** One md5 over several table checksums (in the given table order). */
export function combinedChecksum(sums: Record<string, TableChecksum>): string {
  return createHash('md5')
    .update(
      Object.entries(sums)
        .map(([t, s]) => `${t}:${s.rows}:${s.md5};`)
        .join(''),
    )
    .digest('hex');
}
