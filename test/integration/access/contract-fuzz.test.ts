// Issue 17, "Measured": every contract method over HTTP with random and boundary values generated from
// its zod schema (test/support/zod-arbitrary.ts: values within the schema's checks, and hostile ones:
// empty, huge, NUL, lone surrogates, __proto__, NaN/Infinity, dates out of range, wrong types). Every
// answer must be a typed one — never INTERNAL, never a 500 — and the server must still answer after.
// Methods that reach the network or switch the source get only the inputs their schema refuses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { contract, errorCodes, type MethodName } from '../../../src-shared/contract';
import { startHeadless, type Headless } from '../../../src-main/server/headless';
import { seedDemo } from '../../../src-main/ingest/demo/seed';
import { syncJob } from '../../../src-main/sync';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { arbitraryOf } from '../../support/zod-arbitrary';

const SEED = Number(process.env.MONPS_FUZZ_SEED ?? 20261207);
/** Inputs per method (round robin), and the time each desk's loop may take (both under 60 s). */
const PER_METHOD = Number(process.env.MONPS_FUZZ_RUNS ?? 40);
const BUDGET_MS = Number(process.env.MONPS_FUZZ_BUDGET_MS ?? 25_000);
/** Valid inputs of these would reach the network (Telegram, a source host) or switch the source. */
const ONLY_REFUSED = new Set<MethodName>([
  'settings.source.save',
  'settings.source.test',
  'settings.telegram.setToken',
  'notifications.test',
]);

interface Finding {
  method: string;
  input: string;
  status: number;
  answer: string;
}

interface Desk {
  db: TestDatabase;
  app: Headless;
  dataDir: string;
}

async function openDesk(name: string, seeded: boolean): Promise<Desk> {
  const db = await createTestDatabase(`monps_fuzz_${name}`);
  if (seeded) await seedDemo(db.url, { seed: 17, scale: 0.1, now: Date.now() });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `monps-fuzz-${name}-`));
  // no start-up sync, no cron ticks: only the calls below run
  const app = await startHeadless({ port: 0, source: db.url, dataDir, background: false, schedule: false });
  if (seeded) await app.services.jobs.run(syncJob, syncJob.params.parse({})).done;
  return { db, app, dataDir };
}

async function closeDesk(d: Desk | undefined): Promise<void> {
  await d?.app.close();
  await d?.db.drop();
  if (d) fs.rmSync(d.dataDir, { recursive: true, force: true });
}

/** Every method, round robin, until PER_METHOD inputs each or the time budget; prints the figures. */
async function fuzz(desk: Desk, label: string, seed: number): Promise<{ calls: number; findings: Finding[] }> {
  const methods = Object.keys(contract) as MethodName[];
  const inputs = new Map<MethodName, unknown[]>();
  methods.forEach((m, i) => {
    const schema = contract[m].input;
    let sample = fc.sample(arbitraryOf(schema), { numRuns: PER_METHOD * (ONLY_REFUSED.has(m) ? 3 : 1), seed: seed + i });
    if (ONLY_REFUSED.has(m)) sample = sample.filter((v) => !schema.safeParse(v).success).slice(0, PER_METHOD);
    inputs.set(m, sample);
  });
  const findings: Finding[] = [];
  const byCode: Record<string, number> = {};
  let calls = 0;
  const started = Date.now();
  for (let r = 0; r < PER_METHOD && Date.now() - started < BUDGET_MS; r++) {
    for (const m of methods) {
      const list = inputs.get(m) ?? [];
      if (r >= list.length) continue;
      const input = list[r];
      const body = input === undefined ? '' : JSON.stringify(input);
      const res = await fetch(`${desk.app.server.url}rpc/${m}`, { method: 'POST', body, signal: AbortSignal.timeout(60_000) });
      const text = await res.text();
      calls++;
      let answer: { ok?: boolean; error?: { code?: string } } = {};
      try {
        answer = JSON.parse(text) as typeof answer;
      } catch {
        /* not JSON: a finding below */
      }
      const code = answer.ok ? 'ok' : (answer.error?.code ?? 'untyped');
      byCode[code] = (byCode[code] ?? 0) + 1;
      const typed = answer.ok === true || (answer.ok === false && (errorCodes as readonly string[]).includes(code));
      if (!typed || code === 'INTERNAL' || res.status === 500)
        findings.push({ method: m, input: body.slice(0, 300), status: res.status, answer: text.slice(0, 300) });
    }
  }
  const seconds = (Date.now() - started) / 1000;
  // The figures the README quotes (Reliability → Access and input).
  console.log(
    `contract fuzz (${label}): ${calls} calls over ${methods.length} methods in ${seconds.toFixed(1)} s (seed ${seed}); answers ${JSON.stringify(byCode)}; findings ${findings.length}`,
  );
  for (const f of findings.slice(0, 20)) console.log(`FINDING ${f.method} ${f.status} ${f.input} → ${f.answer}`);
  const after = await fetch(`${desk.app.server.url}rpc/app.info`, { method: 'POST', body: '{}' });
  expect(after.status).toBe(200);
  return { calls, findings };
}

describe('contract fuzz (every method, values from its zod schema)', () => {
  let fresh: Desk | undefined;
  let demo: Desk | undefined;
  afterAll(async () => {
    await closeDesk(fresh);
    await closeDesk(demo);
  });

  it('a fresh desk (nothing synced): every answer typed, never INTERNAL, and the server answers after', { timeout: 300_000 }, async () => {
    fresh = await openDesk('fresh', false);
    const { calls, findings } = await fuzz(fresh, 'fresh desk', SEED);
    expect(findings).toEqual([]);
    expect(calls).toBeGreaterThan(Object.keys(contract).length * 5);
  });

  it('a desk synced with the demo world: the same', { timeout: 300_000 }, async () => {
    demo = await openDesk('demo', true);
    const { calls, findings } = await fuzz(demo, 'demo desk', SEED + 1000);
    expect(findings).toEqual([]);
    expect(calls).toBeGreaterThan(Object.keys(contract).length);
  });
});
