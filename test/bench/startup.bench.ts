// `npm run bench -- startup [--runs 5]`: how long from starting `monps serve` until Chromium shows the
// Data inventory with its data (the panel's `data-ready` marker), on a fresh data folder (first start
// initialises the embedded PostgreSQL and the cache) and on an existing one. Baseline, same server and
// same instant: the time until Chromium shows a bare static file of it (favicon.svg);
// ratio = inventory-ready / static-ready. Also, once the start-up jobs (demo data, first sync) are
// over: a new page's time to the inventory against its time to the bare file (`page-ready.idle`).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';
import { rendererDir } from '../../src-main/server/headless';
import { CHROMIUM, CHROMIUM_ARGS, tempDir } from '../e2e/support/desk';
import { median, report } from './report';

interface Run {
  serverReady: number;
  staticReady: number;
  inventoryReady: number;
  /** On the same server once its start-up jobs are over: page open → bare file / inventory shown. */
  idleStatic: number;
  idleInventory: number;
}

const root = path.resolve(__dirname, '..', '..');
// `npx tsx` without npm's own lookup: the same tsx, run by the same Node 22 that runs this bench.
const tsxCli = createRequire(__filename).resolve('tsx/cli');

function startServe(dataDir: string): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, [tsxCli, 'src-main/cli/main.ts', 'serve', '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    env: { ...process.env, MONPS_SOURCE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so a stuck server (and its PostgreSQL) can be stopped whole
  });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = / on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`monps serve exited with ${code} before serving:\n${err}`)));
  });
  return { child, url };
}

async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

async function waitIdle(base: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    const res = await fetch(`${base}rpc/jobs.list`, { method: 'POST', body: '{}' });
    const jobs = ((await res.json()) as { value: { kind: string; state: string }[] }).value;
    if (jobs.some((j) => j.kind === 'sync') && !jobs.some((j) => j.state === 'running' || j.state === 'queued')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('start-up jobs still running after 120 s');
}

async function measure(browser: Browser, dataDir: string): Promise<Run> {
  const t0 = performance.now();
  const { child, url } = startServe(dataDir);
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const base = await url;
    const serverReady = performance.now() - t0;
    const [staticPage, appPage] = await Promise.all([context.newPage(), context.newPage()]);
    const [staticReady, inventoryReady] = await Promise.all([
      staticPage.goto(`${base}favicon.svg`).then(() => performance.now() - t0),
      appPage
        .goto(`${base}#inventory`)
        .then(() => appPage.locator('[data-panel="inventory"][data-ready="true"]').waitFor({ timeout: 120_000 }))
        .then(() => performance.now() - t0),
    ]);
    await waitIdle(base);
    const fresh = await context.newPage();
    let t = performance.now();
    await fresh.goto(`${base}favicon.svg`);
    const idleStatic = performance.now() - t;
    t = performance.now();
    await fresh.goto(`${base}#inventory`);
    await fresh.locator('[data-panel="inventory"][data-ready="true"]').waitFor({ timeout: 120_000 });
    const idleInventory = performance.now() - t;
    return { serverReady, staticReady, inventoryReady, idleStatic, idleInventory };
  } finally {
    await context.close();
    await stopServe(child);
  }
}

function summarise(kind: 'fresh' | 'existing', runs: Run[]): void {
  const inv = median(runs.map((r) => r.inventoryReady));
  const stat = median(runs.map((r) => r.staticReady));
  const round = (x: number) => Math.round(x);
  report({
    bench: 'startup',
    metric: `server-ready.${kind}`,
    value: round(median(runs.map((r) => r.serverReady))),
    unit: 'ms',
    runs: runs.map((r) => round(r.serverReady)),
  });
  report({ bench: 'startup', metric: `static-ready.${kind}`, value: round(stat), unit: 'ms', runs: runs.map((r) => round(r.staticReady)) });
  report({
    bench: 'startup',
    metric: `inventory-ready.${kind}`,
    value: round(inv),
    unit: 'ms',
    baseline: round(stat),
    ratio: +(inv / stat).toFixed(3),
    runs: runs.map((r) => round(r.inventoryReady)),
  });
  const idleStat = median(runs.map((r) => r.idleStatic));
  const idleInv = median(runs.map((r) => r.idleInventory));
  report({
    bench: 'startup',
    metric: `page-ready.idle.${kind}`,
    value: round(idleInv),
    unit: 'ms',
    baseline: round(idleStat),
    ratio: +(idleInv / idleStat).toFixed(3),
    runs: runs.map((r) => round(r.idleInventory)),
  });
}

export default async function startupBench(argv: string[]): Promise<void> {
  const i = argv.indexOf('--runs');
  const n = i >= 0 ? Number(argv[i + 1]) : 5;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--runs must be a whole number ≥ 1, got '${argv[i + 1]}'`);
  if (!rendererDir()) throw new Error('out/renderer is missing: run `npx electron-vite build` first');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const dirs: string[] = [];
  try {
    const fresh: Run[] = [];
    for (let k = 0; k < n; k++) {
      const dir = tempDir('bench-fresh');
      dirs.push(dir);
      fresh.push(await measure(browser, dir));
    }
    summarise('fresh', fresh);

    const existing = tempDir('bench-existing');
    dirs.push(existing);
    await measure(browser, existing); // initialises the folder; not counted
    const warm: Run[] = [];
    for (let k = 0; k < n; k++) warm.push(await measure(browser, existing));
    summarise('existing', warm);
  } finally {
    await browser.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
}
