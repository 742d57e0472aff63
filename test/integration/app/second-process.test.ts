import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JobInfo } from '../../../src-shared/contract/jobs';
import { effectiveDataDir } from '../../../src-main/platform/pg/embedded';
import { isAlive, readPostmasterPid, readUsers } from '../../../src-main/platform/pg/embedded-share';
import { projectRoot } from '../../../src-main/platform/paths';

// Real processes on one data folder, as an analyst runs them: `monps serve` (the desk), a CLI command
// beside it, a kill -9, a restart, a SIGINT during a running job. The embedded PostgreSQL of the folder
// is joined when live, restarted when stale, and stopped when the last process leaves.
const dataDir = `/tmp/monps-second-${process.pid}-${Date.now()}`;
const cluster = effectiveDataDir(path.join(dataDir, 'pg'));
const env = { ...process.env, MONPS_DATA_DIR: dataDir, MONPS_SOURCE_URL: '', MONPS_SYNC_INTERVAL_MINUTES: '60' };
const spawned: ChildProcess[] = [];

interface Serve {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function monps(args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], { cwd: projectRoot(), env });
  spawned.push(child);
  return child;
}

/** `monps serve --port 0`, resolved once it prints the address it serves on. */
function serve(): Promise<Serve> {
  const child = monps(['serve', '--port', '0']);
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.on('exit', (code, signal) => r({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve({ child, url: m[1], stderr: () => err, exited });
    });
    void exited.then((e) => reject(new Error(`serve exited (${e.code ?? e.signal}) before serving:\n${err}`)));
  });
}

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = monps(args);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((r) => child.on('exit', (code) => r({ code, stdout, stderr })));
}

async function rpc<T>(s: Serve, method: string, input: unknown = {}): Promise<T> {
  const res = await fetch(`${s.url}rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

const postmaster = () => readPostmasterPid(cluster);

afterAll(async () => {
  for (const c of spawned) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  const pm = postmaster();
  if (pm && isAlive(pm.pid)) process.kill(pm.pid, 'SIGQUIT');
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (cluster !== path.join(dataDir, 'pg')) fs.rmSync(cluster, { recursive: true, force: true });
});

describe('a second process and a crash on one data folder', () => {
  let desk: Serve;

  it('the CLI beside a running desk joins its PostgreSQL (port from postmaster.pid), answers, and leaves it running', async () => {
    desk = await serve();
    const pm = postmaster();
    expect(pm && isAlive(pm.pid)).toBe(true);
    const inv = await cli(['inventory', '--json']);
    expect(inv.stderr).toContain(`joining the embedded PostgreSQL of this data folder on port ${pm?.port}`);
    expect(inv.stderr).not.toMatch(/TypeError|Cannot read properties/);
    expect(inv.code).toBe(0);
    const parsed = JSON.parse(inv.stdout) as { source: { kind: string; reachable: boolean } };
    expect(parsed.source).toMatchObject({ kind: 'embedded', reachable: true });
    // the desk's server is the same one, still up and still serving after the CLI left
    expect(postmaster()).toEqual(pm);
    expect(isAlive(pm!.pid)).toBe(true);
    expect(readUsers(cluster)).toEqual([desk.child.pid]);
    expect((await rpc<{ source: { label: string } }>(desk, 'app.info')).source.label).toContain(`127.0.0.1:${pm?.port}`);
  });

  it('kill -9 of the desk orphans its postmaster; the next serve stops that stale one cleanly and starts again', async () => {
    const before = postmaster()!;
    desk.child.kill('SIGKILL');
    await desk.exited;
    expect(isAlive(before.pid)).toBe(true); // the orphan the next start used to trip on
    desk = await serve();
    expect(desk.stderr()).toContain(
      `stopping the embedded PostgreSQL left running in ${cluster} (pid ${before.pid}, port ${before.port}): the process that used it is gone`,
    );
    expect(isAlive(before.pid)).toBe(false);
    const after = postmaster()!;
    expect(after.pid).not.toBe(before.pid);
    expect(isAlive(after.pid)).toBe(true);
    expect((await rpc<{ source: { label: string } }>(desk, 'app.info')).source.label).toContain(`127.0.0.1:${after.port}`);
  });

  it('SIGINT (twice, as a terminal and a wrapper send it) during a running sync: clean exit 0, no unhandled rejection, PostgreSQL stopped', async () => {
    const pm = postmaster()!;
    // a full re-read of the demo source: long enough to be running when the signals land
    void rpc(desk, 'sync.start', { full: true }).catch(() => undefined);
    await expect
      .poll(async () => (await rpc<JobInfo[]>(desk, 'jobs.list')).some((j) => j.kind === 'sync' && j.state === 'running'), {
        timeout: 120_000,
        interval: 100,
      })
      .toBe(true);
    desk.child.kill('SIGINT');
    // the second once the first is being handled (two signals sent at once are merged into one)
    await expect.poll(() => desk.stderr().includes('stopping…'), { interval: 20 }).toBe(true);
    desk.child.kill('SIGINT');
    const end = await desk.exited;
    const log = desk.stderr();
    expect(log).not.toMatch(/unhandled|ContractError|application closing\n\s+at /i);
    expect(log).toContain('SIGINT again: already stopping');
    expect(end).toEqual({ code: 0, signal: null });
    expect(isAlive(pm.pid)).toBe(false);
    expect(readUsers(cluster)).toEqual([]);
  });
});
