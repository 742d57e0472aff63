import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { JobCancelled } from '../platform/jobs/define';

/** One row as PostgreSQL's text output: one string per column, null for SQL NULL. */
export type RawRow = (string | null)[];

/** Incremental parser of COPY's text format: rows end with \n, columns split on \t, \N is NULL, and
 * backslash escapes (\\ \t \n \r \b \f \v, octal \ooo, hex \xhh) are undone. Chunks may split a row
 * (or a multi-byte character) anywhere: the tail is kept until its newline arrives. */
export class CopyTextParser {
  private rest: Buffer | null = null;

  push(chunk: Buffer, out: RawRow[]): void {
    let buf = chunk;
    if (this.rest) {
      buf = Buffer.concat([this.rest, chunk]);
      this.rest = null;
    }
    const last = buf.lastIndexOf(10);
    if (last < 0) {
      this.rest = buf;
      return;
    }
    if (last < buf.length - 1) this.rest = Buffer.from(buf.subarray(last + 1));
    // Newline bytes never occur inside a UTF-8 sequence, so the complete part decodes on its own.
    const text = buf.toString('utf8', 0, last);
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      out.push(parseLine(text.slice(start, end)));
      start = end + 1;
    }
  }

  /** Call at the end of the stream: a non-empty tail means the stream was cut mid-row. */
  end(): void {
    if (this.rest && this.rest.length > 0) throw new Error('COPY stream ended in the middle of a row');
  }
}

export function parseLine(line: string): RawRow {
  const fields = line.split('\t');
  const row: RawRow = new Array(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (f.length === 2 && f === '\\N') row[i] = null;
    else if (f.indexOf('\\') < 0) row[i] = f;
    else row[i] = unescapeField(f);
  }
  return row;
}

const SIMPLE: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

export function unescapeField(f: string): string {
  let out = '';
  for (let i = 0; i < f.length; i++) {
    const c = f[i];
    if (c !== '\\' || i === f.length - 1) {
      out += c;
      continue;
    }
    const n = f[++i];
    if (SIMPLE[n] !== undefined) out += SIMPLE[n];
    else if (n >= '0' && n <= '7') {
      let j = i;
      while (j < i + 3 && j < f.length && f[j] >= '0' && f[j] <= '7') j++;
      out += String.fromCharCode(parseInt(f.slice(i, j), 8));
      i = j - 1;
    } else if (n === 'x' && /[0-9a-fA-F]/.test(f[i + 1] ?? '')) {
      let j = i + 1;
      while (j < i + 3 && j < f.length && /[0-9a-fA-F]/.test(f[j])) j++;
      out += String.fromCharCode(parseInt(f.slice(i + 1, j), 16));
      i = j - 1;
    } else out += n; // \\ and any other escaped character stand for themselves
  }
  return out;
}

// Values as PostgreSQL writes them (text output), exactly what COPY's text format carries once unescaped.
const RAW_TEXT = { getTypeParser: () => (v: string) => v };

/** The same read as copyOut for small results (incremental pages, rows by key): one ordinary
 * query, one round trip. `current_setting('monps.x')` references become bind parameters. */
export async function queryRows(client: pg.Client, sql: string, settings: Record<string, string> = {}): Promise<RawRow[]> {
  const values: string[] = [];
  const index = new Map<string, number>();
  const text = sql.replace(/current_setting\('(monps\.[a-z0-9_]+)'\)/g, (_m, name: string) => {
    if (!(name in settings)) throw new Error(`query needs setting ${name}`);
    let i = index.get(name);
    if (i === undefined) {
      values.push(settings[name]);
      index.set(name, (i = values.length));
    }
    return `$${i}::text`;
  });
  const r = await client.query<RawRow>({ text, values, rowMode: 'array', types: RAW_TEXT });
  return r.rows;
}

/** Streams `COPY (sql) TO STDOUT` and yields rows in groups as they arrive. Values reach the query
 * through `settings` (set_config(name, value, true), read with current_setting), never as SQL text,
 * so the caller must be inside a transaction. Memory stays bounded: the socket is paused while the
 * consumer works (async iteration applies backpressure). */
export async function* copyOut(
  client: pg.Client,
  sql: string,
  settings: Record<string, string> = {},
  signal?: AbortSignal,
): AsyncGenerator<RawRow[]> {
  const names = Object.keys(settings);
  if (names.length) {
    const args = names.flatMap((n) => [n, settings[n]]);
    await client.query(`SELECT ${names.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`, args);
  }
  // A 1 MB buffer lets PostgreSQL keep sending while a batch is written to SQLite.
  const stream = client.query(copyTo(`COPY (${sql}) TO STDOUT`, { highWaterMark: 1 << 20 }));
  // Errors reach the consumer through the iterator below. This listener only keeps one that comes
  // later — a cancel's destroy, or the connection closed (or lost) under a COPY nobody reads any
  // more, which pg reports by emitting 'error' on the stream — from becoming an uncaught exception.
  stream.on('error', () => {});
  const parser = new CopyTextParser();
  const onAbort = (): void => {
    stream.destroy(new JobCancelled());
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  let complete = false;
  try {
    // destroyOnReturn false: a consumer that stops early must not leave the COPY half-read (below)
    for await (const chunk of stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      const rows: RawRow[] = [];
      parser.push(chunk, rows);
      if (rows.length) yield rows;
    }
    complete = true;
    parser.end();
  } finally {
    // The consumer failed mid-stream (not cancelled: then the caller closes the connection). The
    // client only takes its next query (the ROLLBACK) once the COPY has ended: read the rest unparsed.
    if (!complete && !signal?.aborted && !stream.destroyed) await drain(stream);
    signal?.removeEventListener('abort', onAbort);
    if (!stream.destroyed) stream.destroy();
  }
}

function drain(stream: NodeJS.ReadableStream & { readableEnded: boolean }): Promise<void> {
  if (stream.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('end', resolve);
    stream.once('error', () => resolve());
    stream.once('close', resolve);
    stream.resume();
  });
}
