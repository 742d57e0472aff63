// Issue 18, imports in the window: the upload route (POST /upload/imports/<name>) writes one file into the
// desk's own import folder under the server's token, with a size limit, safe names only, never through a
// symlink or into a FIFO, nothing half-written; imports.list names what is there; imports.football-data
// loads the uploaded files into a real PostgreSQL with the importer and answers its report.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHeadless, type Headless } from '../../../src-main/server/headless';
import { saveImport } from '../../../src-main/features/imports';
import { MAX_UPLOAD_BYTES } from '../../../src-shared/contract/imports';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { footballDataDir } from '../../support/shared-data';

let db: TestDatabase;
let app: Headless;
const TOKEN = 'upload-test-token-0123456789';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-upload-'));
const imports = path.join(dataDir, 'imports');
const season = fs.readFileSync(path.join(footballDataDir(), 'E0_2024-25.csv'));

beforeAll(async () => {
  db = await createTestDatabase('monps_upload');
  app = await startHeadless({ port: 0, source: db.url, dataDir, background: false, token: TOKEN });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Answer = { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };

async function upload(rawName: string, body: BodyInit, opts: { replace?: boolean; token?: string | null } = {}) {
  const token = opts.token === undefined ? TOKEN : opts.token;
  const res = await fetch(`${app.server.url}upload/imports/${rawName}${opts.replace ? '?replace=1' : ''}`, {
    method: 'POST',
    body,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, body: (await res.json()) as Answer };
}

async function rpc(method: string, input: unknown) {
  const res = await fetch(`${app.server.url}rpc/${method}`, {
    method: 'POST',
    body: JSON.stringify(input),
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  return { status: res.status, body: (await res.json()) as Answer };
}

/** The folder's entries, hidden temporary files included: nothing is ever left half-written. */
const entries = () => (fs.existsSync(imports) ? fs.readdirSync(imports).sort() : []);

describe('POST /upload/imports/<name>', () => {
  it('needs the token like every other route, and writes nothing without it', async () => {
    expect((await upload('E0_2024-25.csv', season, { token: null })).status).toBe(401);
    expect((await upload('E0_2024-25.csv', season, { token: 'wrong-token-0123456789xx' })).status).toBe(401);
    expect(entries()).toEqual([]);
  });

  it('writes a real football-data file into <data dir>/imports; the same bytes again change nothing', async () => {
    const first = await upload('E0_2024-25.csv', season);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.value).toMatchObject({ name: 'E0_2024-25.csv', bytes: season.length, replaced: false, unchanged: false });
    expect(fs.readFileSync(path.join(imports, 'E0_2024-25.csv')).equals(season)).toBe(true);
    const again = await upload('E0_2024-25.csv', season);
    expect(again.body.value).toMatchObject({ replaced: false, unchanged: true });
    expect(entries()).toEqual(['E0_2024-25.csv']);
  });

  it('a different file of the same name is refused (CONFLICT) unless replace is asked, then said replaced', async () => {
    const other = Buffer.concat([season, Buffer.from('\n')]);
    const refused = await upload('E0_2024-25.csv', other);
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toMatch(/a different file of that name is already imported/);
    expect(fs.readFileSync(path.join(imports, 'E0_2024-25.csv')).equals(season)).toBe(true);
    const replaced = await upload('E0_2024-25.csv', other, { replace: true });
    expect(replaced.body.value).toMatchObject({ replaced: true, unchanged: false });
    await upload('E0_2024-25.csv', season, { replace: true });
    expect(entries()).toEqual(['E0_2024-25.csv']);
  });

  it('refuses a file over the limit with 413 and leaves nothing behind', async () => {
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x41);
    const r = await upload('big.csv', big);
    expect(r.status).toBe(413);
    expect(r.body.error?.message).toMatch(/over the 20971520-byte upload limit/);
    expect(entries()).toEqual(['E0_2024-25.csv']);
    // streamed without a declared length (chunked): stopped while it streams, answered 413 all the same
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent++ < 21) c.enqueue(new Uint8Array(1024 * 1024).fill(0x41));
        else c.close();
      },
    });
    const chunked = await fetch(`${app.server.url}upload/imports/chunked.csv`, {
      method: 'POST',
      body: stream,
      headers: { Authorization: `Bearer ${TOKEN}` },
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(entries()).toEqual(['E0_2024-25.csv']);
    async function* chunks() {
      for (let i = 0; i < 21; i++) yield Buffer.alloc(1024 * 1024, 0x41);
    }
    await expect(saveImport(imports, 'stream.csv', chunks())).rejects.toMatchObject({ status: 413 });
    expect(entries()).toEqual(['E0_2024-25.csv']);
  });

  it('refuses unsafe names: traversal, separators, NUL, hidden, not .csv (400, nothing written anywhere)', async () => {
    const cases: [string, RegExp][] = [
      ['%2e%2e%2fx.csv', /path separator/],
      ['..%5Cx.csv', /path separator/],
      ['sub%2Fx.csv', /path separator/],
      ['a%00.csv', /NUL/],
      ['.hidden.csv', /starts with a dot/],
      ['notes.txt', /not a \.csv file/],
      ['%E0.csv', /malformed percent-escape/],
      [`${'a'.repeat(300)}.csv`, /longer than 255 bytes/],
    ];
    for (const [name, why] of cases) {
      const r = await upload(name, 'Div,Date\n');
      expect(r.status, name).toBe(400);
      expect(r.body.error?.message, name).toMatch(why);
    }
    expect(fs.existsSync(path.join(dataDir, 'x.csv'))).toBe(false);
    expect(entries()).toEqual(['E0_2024-25.csv']);
  });

  it('refuses a NUL byte in the bytes: a football-data file is text', async () => {
    const r = await upload('nul.csv', Buffer.from('Div,Date\nE0,\u0000\n'));
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toMatch(/holds a NUL byte \(at byte 12 counted from 0\)/);
    expect(entries()).toEqual(['E0_2024-25.csv']);
  });

  it('never writes through a symlink nor into a FIFO of the folder (and does not hang on one)', async () => {
    const secret = path.join(dataDir, 'secret.csv');
    fs.writeFileSync(secret, 'keep me\n');
    fs.symlinkSync(secret, path.join(imports, 'link.csv'));
    execFileSync('mkfifo', [path.join(imports, 'pipe.csv')]);
    for (const name of ['link.csv', 'pipe.csv']) {
      const r = await upload(name, season, { replace: true });
      expect(r.status, name).toBe(409);
      expect(r.body.error?.message, name).toMatch(/symbolic link|not a regular file/);
    }
    expect(fs.readFileSync(secret, 'utf8')).toBe('keep me\n');
    expect(fs.lstatSync(path.join(imports, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(entries()).toEqual(['E0_2024-25.csv', 'link.csv', 'pipe.csv']);
  });

  it('imports.list lists the regular .csv files and names what it leaves out', async () => {
    const r = await rpc('imports.list', {});
    const v = r.body.value as { files: { name: string; bytes: number }[]; ignored: { name: string; reason: string }[] };
    expect(v.files.map((f) => [f.name, f.bytes])).toEqual([['E0_2024-25.csv', season.length]]);
    expect(v.ignored).toEqual([
      { name: 'link.csv', reason: 'a symbolic link (never followed)' },
      { name: 'pipe.csv', reason: 'not a regular file (a folder, a FIFO or a device)' },
    ]);
  });
});

describe('imports.football-data over the uploaded files (real PostgreSQL)', () => {
  it('loads the uploaded season and answers the importer report by file', async () => {
    const r = await rpc('imports.football-data', { files: ['E0_2024-25.csv'] });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    const report = r.body.value as {
      files: { file: string; matches: number; quotes: number; error?: string }[];
      matches: number;
      quotes: number;
      refused: number;
    };
    expect(report.refused).toBe(0);
    expect(report.files).toHaveLength(1);
    expect(report.files[0].file).toBe('E0_2024-25.csv'); // named as in the folder: no server path
    expect(report.matches).toBe(380); // a Premier League season
    expect(report.quotes).toBeGreaterThan(380 * 10);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const n = await client.query<{ n: string }>('SELECT count(*) AS n FROM matches');
      expect(Number(n.rows[0].n)).toBe(380);
    } finally {
      await client.end();
    }
  }, 120_000);

  it('a file that is not football-data is refused in the report, naming what it lacks; the others import', async () => {
    expect((await upload('other.csv', 'a,b\n1,2\n')).status).toBe(200);
    const r = await rpc('imports.football-data', { files: ['other.csv', 'E0_2024-25.csv'] });
    const report = r.body.value as { files: { file: string; error?: string; matchesChanged: number }[]; refused: number };
    expect(report.refused).toBe(1);
    expect(report.files[0]).toMatchObject({ file: 'other.csv' });
    expect(report.files[0].error).toMatch(/missing required column/i);
    expect(report.files[1].matchesChanged).toBe(0); // a re-import changes nothing
  }, 120_000);

  it('only files of the folder: a traversal, a symlink or a FIFO is refused before the job', async () => {
    for (const [name, why] of [
      ['../secret.csv', /path separator/],
      ['link.csv', /not a file the desk imported/],
      ['pipe.csv', /not a regular file/],
      ['missing.csv', /no such file/],
    ] as const) {
      const r = await rpc('imports.football-data', { files: [name] });
      expect(r.status, name).toBe(400);
      expect(r.body.error?.message, name).toMatch(why);
    }
  });
});
