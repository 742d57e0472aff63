import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIO } from '../../../src-main/cli/command';
import { main } from '../../../src-main/cli/main';
import { projectRoot } from '../../../src-main/platform/paths';
import { buildReportCache } from '../../support/report-cache';

// `report --out` replaces only a regular file (or makes a missing one): a device, a FIFO or a folder is
// refused with exit 2 and left as it was; a symlink is written through (the link stays, its target gets
// the report). The CLI runs as a real process for the device, in-process (main(), same exit codes) otherwise.
function capture(): CommandIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

let dir: string;
let cacheFile: string;
const daily = (out: string) => [
  'report',
  'daily',
  '--date',
  '2026-11-25',
  '--tz',
  'UTC',
  '--format',
  'csv',
  '--cache',
  cacheFile,
  '--out',
  out,
];
const leftovers = (d: string) => fs.readdirSync(d).filter((f) => f.endsWith('.tmp'));

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-report-out-'));
  cacheFile = path.join(dir, 'cache.sqlite');
  buildReportCache(cacheFile).db.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('report --out', () => {
  it('/dev/full: a real `monps report` exits 2 naming the device, which stays a device', () => {
    const r = spawnSync('npx', ['tsx', 'src-main/cli/main.ts', ...daily('/dev/full')], { cwd: projectRoot(), encoding: 'utf8' });
    expect(r.stderr).toContain('/dev/full is a device, not a file; nothing was written');
    expect(r.status).toBe(2);
    expect(fs.statSync('/dev/full').isCharacterDevice()).toBe(true);
  }, 120_000);

  it('a FIFO is refused with exit 2 and nobody writes into it (no reader needed)', async () => {
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const io = capture();
    expect(await main(daily(fifo), io)).toBe(2);
    expect(io.stderr.join('\n')).toContain(`${fifo} is a FIFO (named pipe), not a file`);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a folder is refused with exit 2 and keeps its content', async () => {
    const folder = path.join(dir, 'reports');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'keep.txt'), 'x');
    const io = capture();
    expect(await main(daily(folder), io)).toBe(2);
    expect(io.stderr.join('\n')).toContain(`${folder} is a folder`);
    expect(fs.readdirSync(folder)).toEqual(['keep.txt']);
  });

  it('a symlink is written through: the link stays a link, its target gets the report, no temp file is left', async () => {
    const realDir = path.join(dir, 'real');
    fs.mkdirSync(realDir);
    const target = path.join(realDir, 'daily.csv');
    fs.writeFileSync(target, 'the earlier report');
    const link = path.join(dir, 'latest.csv');
    fs.symlinkSync(target, link);
    expect(await main(daily(link), capture())).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe(target);
    expect(fs.readFileSync(target, 'utf8')).not.toBe('the earlier report');
    expect(fs.readFileSync(target, 'utf8').length).toBeGreaterThan(20);
    // a link to a device is refused like the device
    const devLink = path.join(dir, 'null-link');
    fs.symlinkSync('/dev/null', devLink);
    expect(await main(daily(devLink), capture())).toBe(2);
    expect(fs.readlinkSync(devLink)).toBe('/dev/null');
    // a dangling link: the file it names is created, the link then points at it
    const dangling = path.join(dir, 'next.csv');
    fs.symlinkSync(path.join(realDir, 'new.csv'), dangling);
    expect(await main(daily(dangling), capture())).toBe(0);
    expect(fs.lstatSync(dangling).isSymbolicLink()).toBe(true);
    expect(fs.statSync(path.join(realDir, 'new.csv')).isFile()).toBe(true);
    expect([...leftovers(dir), ...leftovers(realDir)]).toEqual([]);
  });

  it('a regular file or a missing one is (re)placed whole', async () => {
    const out = path.join(dir, 'plain.csv');
    expect(await main(daily(out), capture())).toBe(0);
    const first = fs.readFileSync(out, 'utf8');
    expect(await main(daily(out), capture())).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(first);
    expect(fs.lstatSync(out).isFile()).toBe(true);
  });
});
