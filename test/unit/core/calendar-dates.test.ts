import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../src-shared/contract';
import { isDay, isInstant } from '../../../src-shared/contract/dates';
import { dispatch, type Handlers } from '../../../src-main/platform/contract/dispatch';
import { EventBus } from '../../../src-main/platform/events';
import { startServer, type RunningServer } from '../../../src-main/server/http';
import { main } from '../../../src-main/cli/main';

// Issue 17, item 10: dates are calendar dates everywhere (contract, REST query strings, CLI), each
// refusal a 400 VALIDATION naming the field. No handler runs: validation comes first.
const neverCalled = new Proxy({} as Handlers, {
  get: () => async () => {
    throw new Error('a handler ran on input the contract should have refused');
  },
});

const BAD_DAYS = ['2026-13-40', '2026-02-30', '9999-99-99', '2025-02-29', '0000-01-01', '2026-1-5', ''];

describe('the shared date rules', () => {
  it('days: real calendar days within 1900..2100', () => {
    for (const d of BAD_DAYS) expect(isDay(d), d).toBe(false);
    for (const d of ['2024-02-29', '2026-12-31', '1993-08-14']) expect(isDay(d), d).toBe(true);
  });
  it('instants: a calendar day, a valid time and a zone', () => {
    for (const t of ['2026-02-30T10:00:00Z', '2026-03-01T24:00:00Z', '2026-03-01T10:00:00', '1970-13-01T00:00:00Z', '2026-03-01'])
      expect(isInstant(t), t).toBe(false);
    for (const t of ['2026-03-01T10:00:00Z', '2026-03-01T10:00Z', '2026-03-01T10:00:00.123+01:00']) expect(isInstant(t), t).toBe(true);
  });
});

describe('contract methods refuse impossible dates, naming the field', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['conseil.run', { date: '9999-99-99' }, 'date'],
    ['conseil.today', { date: '2026-02-30' }, 'date'],
    ['backtest.run', { strategy: 'value', from: '2026-13-40' }, 'from'],
    ['picks.list', { to: '2026-02-30' }, 'to'],
    ['picks.place', { pickId: 'p1', bookmaker: 'PS', odds: 2, stake: 1, placedAt: '2026-02-30T10:00:00Z' }, 'placedAt'],
    ['picks.settle', { now: '2026-02-30T10:00:00Z' }, 'now'],
    ['market.board', { asOf: '2026-13-01T00:00:00Z' }, 'asOf'],
    ['reports.generate', { kind: 'daily', date: '2026-02-30', format: 'pdf' }, 'date'],
  ];
  for (const [method, input, field] of cases)
    it(`${method} ${JSON.stringify(input)} → VALIDATION on ${field}`, async () => {
      const r = await dispatch(neverCalled, method, input);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('VALIDATION');
      const paths = (r.error.details as { issues: { path: string[] }[] }).issues.map((i) => i.path.join('.'));
      expect(paths).toContain(field);
    });

  it('a range with to before from is refused (backtest.run, picks.list, picks.performance)', async () => {
    for (const [method, input] of [
      ['backtest.run', { strategy: 'value', from: '2026-03-01', to: '2026-02-01' }],
      ['picks.list', { from: '2026-03-01', to: '2026-02-01' }],
      ['picks.performance', { from: '2026-03-01', to: '2026-02-01' }],
    ] as const) {
      const r = await dispatch(neverCalled, method, input);
      expect(r.ok, method).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/to: to \(2026-02-01\) is before from \(2026-03-01\)/);
    }
  });

  it('the schemas of the contract use the shared rule (no date field left on a bare regex)', () => {
    expect(contract['conseil.run'].input.safeParse({ date: '2026-02-28' }).success).toBe(true);
  });
});

describe('REST query strings', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(neverCalled, new EventBus(), { port: 0 });
  });
  afterAll(() => server?.close());

  for (const date of ['2026-13-40', '2026-02-30', '9999-99-99'])
    it(`/api/unified/picks-today?date=${date} → 400 VALIDATION naming date`, async () => {
      const res = await fetch(`${server.url}api/unified/picks-today?date=${date}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('VALIDATION');
      expect(body.error.message).toMatch(/date: date must be a calendar date/);
    });
});

describe('CLI dates', () => {
  const run = async (...argv: string[]) => main(argv, { out: () => {}, err: () => {} });
  it('bad days and reversed ranges are bad usage (exit 2)', async () => {
    expect(await run('conseil', 'run', '--date', '2026-02-30', '--dry-run')).toBe(2);
    expect(await run('backtest', '--strategy', 'value', '--csv', 'x.csv', '--from', '2026-03-01', '--to', '2026-02-01')).toBe(2);
    expect(await run('backtest', '--strategy', 'value', '--csv', 'x.csv', '--from', '9999-99-99')).toBe(2);
    expect(await run('model', 'fit', '--csv', 'x.csv', '--as-of', '2026-13-40', '--predict', 'A|B')).toBe(2);
    expect(await run('seed', '--source', 'postgres://u@127.0.0.1:1/x', '--anchor', '2026-02-30')).toBe(2);
  });
});
