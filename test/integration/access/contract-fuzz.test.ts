// Issue 17, "Measured": every contract method over HTTP with random and boundary values generated from
// its zod schema (test/support/zod-arbitrary.ts: values within the schema's checks, and hostile ones:
// empty, huge, NUL, lone surrogates, __proto__, NaN/Infinity, dates out of range, wrong types). Every
// answer must be a typed one — never INTERNAL, never a 500 — and the server must still answer after.
// Methods that reach the network or switch the source get only the inputs their schema refuses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, errorCodes, type MethodName } from '../../../src-shared/contract';
import { startHeadless, type Headless } from '../../../src-main/server/headless';
import { createTestDatabase, type TestDatabase } from '../../support/pg';
import { arbitraryOf } from '../../support/zod-arbitrary';

const SEED = Number(process.env.MONPS_FUZZ_SEED ?? 20261207);
/** Inputs per method (round robin), and the time the loop may take. */
const PER_METHOD = Number(process.env.MONPS_FUZZ_RUNS ?? 40);
const BUDGET_MS = 45_000;
/** Valid inputs of these would reach the network (Telegram, a source host) or switch the source. */
const ONLY_REFUSED = new Set<MethodName>([
  'settings.source.save',
  'settings.source.test',
  'settings.telegram.setToken',
  'notifications.test',
]);

let db: TestDatabase;
let app: Headless;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-fuzz-'));

beforeAll(async () => {
  db = await createTestDatabase('monps_fuzz');
  // no start-up sync, no cron ticks: only the fuzz calls run
  app = await startHeadless({ port: 0, source: db.url, dataDir, background: false, schedule: false });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Finding {
  method: string;
  input: string;
  status: number;
  answer: string;
}

describe('contract fuzz (every method, values from its zod schema)', () => {
  it('answers every call with a typed value or error, never INTERNAL, and still answers after', { timeout: 180_000 }, async () => {
    const methods = Object.keys(contract) as MethodName[];
    const inputs = new Map<MethodName, unknown[]>();
    methods.forEach((m, i) => {
      const schema = contract[m].input;
      let sample = fc.sample(arbitraryOf(schema), { numRuns: PER_METHOD * (ONLY_REFUSED.has(m) ? 3 : 1), seed: SEED + i });
      if (ONLY_REFUSED.has(m)) sample = sample.filter((v) => !schema.safeParse(v).success).slice(0, PER_METHOD);
      inputs.set(m, sample);
    });

    const findings: Finding[] = [];
    const byCode: Record<string, number> = {};
    let calls = 0;
    const started = Date.now();
    for (let r = 0; r < PER_METHOD && Date.now() - started < BUDGET_MS; r++) {
      for (const m of methods) {
        const input = inputs.get(m)?.[r];
        if (input === undefined && r >= (inputs.get(m)?.length ?? 0)) continue;
        const body = input === undefined ? '' : JSON.stringify(input);
        const res = await fetch(`${app.server.url}rpc/${m}`, { method: 'POST', body, signal: AbortSignal.timeout(60_000) });
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
    // The figure the README quotes (Reliability → Access and input).
    console.log(
      `contract fuzz: ${calls} calls over ${methods.length} methods in ${seconds.toFixed(1)} s (seed ${SEED}); answers ${JSON.stringify(byCode)}; findings ${findings.length}`,
    );
    for (const f of findings.slice(0, 20)) console.log(`FINDING ${f.method} ${f.status} ${f.input} → ${f.answer}`);
    expect(findings).toEqual([]);
    expect(calls).toBeGreaterThan(methods.length * 5);

    const after = await fetch(`${app.server.url}rpc/app.info`, { method: 'POST', body: '{}' });
    expect(after.status).toBe(200);
  });
});
