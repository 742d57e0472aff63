// Issue 17, item 2: backtest.run over the contract read any file the server could reach (/etc/shadow's
// first line came back in the error, /dev/zero killed the server, a FIFO hung the writer lane). Now it
// reads only regular CSV files under <data dir>/imports, capped and streamed, and no error quotes a
// file. The CLI keeps reading any path its user names.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHeadless, type Headless } from '../../../src-main/server/headless';
import { backtestRunJob, MAX_CSV_BYTES, readRegularFile } from '../../../src-main/features/agents/backtest';
import { main } from '../../../src-main/cli/main';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { footballDataDir } from '../../support/shared-data';

let db: TestDatabase;
let app: Headless;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-backtest-files-'));
const imports = path.join(dataDir, 'imports');
const SECRET = 'root:$6$very-secret-hash-line';
const season = () => path.join(footballDataDir(), 'E0_2024-25.csv');

beforeAll(async () => {
  db = await createTestDatabase('monps_backtest_files');
  app = await startHeadless({ port: 0, source: db.url, dataDir, background: false });
  fs.mkdirSync(imports, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'secret.csv'), `${SECRET}\n`);
  fs.writeFileSync(path.join(imports, 'not-football.csv'), `${SECRET},x\n1,2\n`);
  fs.copyFileSync(season(), path.join(imports, 'E0_2024-25.csv'));
  fs.symlinkSync(path.join(dataDir, 'secret.csv'), path.join(imports, 'link-out.csv'));
  fs.mkdirSync(path.join(imports, 'folder.csv'));
  execFileSync('mkfifo', [path.join(imports, 'pipe.csv')]);
  fs.writeFileSync(path.join(imports, 'huge.csv'), '');
  fs.truncateSync(path.join(imports, 'huge.csv'), MAX_CSV_BYTES + 1); // sparse: no disk used
}, 120_000);

afterAll(async () => {
  await app?.close();
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function backtest(files: string[]) {
  const res = await fetch(`${app.server.url}rpc/backtest.run`, {
    method: 'POST',
    body: JSON.stringify({ strategy: 'sharp-reference', source: { kind: 'csv', files }, withBets: false }),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string; message: string } } };
}

describe('backtest.run over RPC reads only regular files the desk imported', () => {
  it('refuses files outside <data dir>/imports, a file out of it, never quoting them', async () => {
    for (const f of ['/etc/shadow', '/etc/passwd', path.join(dataDir, 'secret.csv'), path.join(imports, '..', 'secret.csv')]) {
      const r = await backtest([f]);
      expect(r.status, f).toBe(400);
      expect(r.body.error?.code).toBe('VALIDATION');
      expect(r.body.error?.message).toMatch(/is not a file the desk imported or the analyst chose/);
      expect(r.body.error?.message).not.toMatch(/root:/);
    }
  });

  it('refuses devices, FIFOs, directories, symlinks out of the folder and files over the limit, at once', async () => {
    const cases: [string, RegExp][] = [
      ['/dev/zero', /not a file the desk imported/],
      [path.join(imports, 'pipe.csv'), /not a regular file/],
      [path.join(imports, 'folder.csv'), /not a regular file/],
      [path.join(imports, 'link-out.csv'), /not a file the desk imported/],
      [path.join(imports, 'huge.csv'), /over the 33554432-byte limit/],
      ['relative.csv', /not an absolute path/],
      [path.join(imports, 'missing.csv'), /no such file/],
    ];
    for (const [f, why] of cases) {
      const r = await backtest([f]);
      expect(r.status, f).toBe(400);
      expect(r.body.error?.message, f).toMatch(why);
    }
    // the server still answers
    expect((await fetch(`${app.server.url}rpc/app.info`, { method: 'POST', body: '{}' })).status).toBe(200);
  });

  it('a file in the folder that is not football-data is refused naming what it lacks, not what it holds', async () => {
    const r = await backtest([path.join(imports, 'not-football.csv')]);
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toMatch(/not-football\.csv: not a football-data file \(missing columns/);
    expect(r.body.error?.message).not.toContain('secret');
  });

  it('an imported football-data file is backtested', async () => {
    const r = await backtest([path.join(imports, 'E0_2024-25.csv')]);
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    expect(r.body.ok).toBe(true);
  });

  it('the job itself never blocks on a FIFO: the writer lane answers and runs the next job', async () => {
    const stuck = app.services.jobs.run(backtestRunJob, {
      strategy: 'sharp-reference',
      params: {},
      source: { kind: 'csv', files: [path.join(imports, 'pipe.csv')] },
      withBets: false,
    });
    await expect(stuck.done).rejects.toMatchObject({ code: 'VALIDATION', message: 'pipe.csv: not a regular file' });
    await expect(
      app.services.jobs.run(backtestRunJob, {
        strategy: 'sharp-reference',
        params: {},
        source: { kind: 'csv', files: ['/dev/zero'] },
        withBets: false,
      }).done,
    ).rejects.toMatchObject({ code: 'VALIDATION', message: 'zero: not a regular file' });
  });

  it('jobs.cancel frees a running backtest over RPC: it answers CANCELLED and the lane takes the next job', async () => {
    const rpc = (m: string, body: unknown) =>
      fetch(`${app.server.url}rpc/${m}`, { method: 'POST', body: JSON.stringify(body) }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { ok: boolean; value?: unknown; error?: { code: string } },
      }));
    const running = rpc('backtest.run', {
      strategy: 'value',
      params: { markets: '1x2' },
      source: { kind: 'csv', files: [path.join(imports, 'E0_2024-25.csv')] },
      withBets: false,
    });
    let jobId: string | undefined;
    await expect
      .poll(async () => {
        const jobs = (await rpc('jobs.list', {})).body.value as { jobId: string; kind: string; state: string }[];
        jobId = jobs.find((j) => j.kind === 'backtest.run' && j.state === 'running')?.jobId;
        return jobId;
      })
      .toBeDefined();
    expect((await rpc('jobs.cancel', { jobId })).body).toEqual({ ok: true, value: { cancelled: true } });
    const answer = await running;
    expect(answer.status).toBe(409);
    expect(answer.body.error?.code).toBe('CANCELLED');
    const next = await rpc('backtest.run', {
      strategy: 'sharp-reference',
      source: { kind: 'csv', files: [path.join(imports, 'E0_2024-25.csv')] },
      withBets: false,
    });
    expect(next.body.ok).toBe(true);
  });

  it('a cancel stops a read between chunks', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(readRegularFile(season(), { signal: ac.signal })).rejects.toThrow('cancelled');
  });
});

describe('the CLI reads any path its user names', () => {
  it('monps backtest --csv <a file outside any desk folder> runs', async () => {
    const out: string[] = [];
    const code = await main(['backtest', '--strategy', 'sharp-reference', '--csv', season()], { out: (t) => out.push(t), err: () => {} });
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/sharp-reference on 1 football-data file/);
  });
});
