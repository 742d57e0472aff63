import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError, type CommandIO } from '../../../src-main/cli/command';
import { reportCommand } from '../../../src-main/cli/commands/report';
import { reportJob } from '../../../src-main/features/reports';
import { openCache } from '../../../src-main/platform/cache/open';
import { contract } from '../../../src-shared/contract';
import { jobContext, runJob } from '../../support/jobs';
import { buildReportCache } from '../../support/report-cache';

// `monps report` as a user runs it, and what bad input gets: a clear message, and nothing changed.
function capture(): CommandIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

let dir: string;
let cacheFile: string;
const listing = (): string[] => fs.readdirSync(dir).sort();

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-report-cli-'));
  cacheFile = path.join(dir, 'cache.sqlite');
  buildReportCache(cacheFile).db.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('monps report', () => {
  it('writes a daily PDF and says what it wrote (--json gives the summary)', async () => {
    const out = path.join(dir, 'daily.pdf');
    const io = capture();
    const code = await reportCommand.run(
      ['daily', '--date', '2026-11-25', '--cache', cacheFile, '--out', out, '--tz', 'UTC', '--json'],
      io,
    );
    expect(code).toBe(0);
    const r = JSON.parse(io.stdout.join('')) as {
      file: string;
      bytes: number;
      pages: number;
      summary: { title: string; tables: { id: string; rows: number }[] };
    };
    expect(r.file).toBe(out);
    expect(fs.statSync(out).size).toBe(r.bytes);
    expect(r.pages).toBeGreaterThanOrEqual(2);
    expect(r.summary.title).toBe('Daily report — 2026-11-25');
    expect(r.summary.tables.find((t) => t.id === 'traps')?.rows).toBe(6);
  }, 300_000);

  it('writes a performance XLSX and one table as CSV', async () => {
    const xlsx = path.join(dir, 'perf.xlsx');
    const io = capture();
    expect(
      await reportCommand.run(
        ['performance', '--from', '2026-10-01', '--to', '2026-10-31', '--format', 'xlsx', '--cache', cacheFile, '--out', xlsx],
        io,
      ),
    ).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/^wrote .*perf\.xlsx \(\d+ bytes\)\nPerformance report — 2026-10-01 to 2026-10-31/);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const csv = path.join(dir, 'months.csv');
    expect(
      await reportCommand.run(
        [
          'performance',
          '--from',
          '2026-10-01',
          '--to',
          '2026-11-20',
          '--format',
          'csv',
          '--table',
          'by_month',
          '--cache',
          cacheFile,
          '--out',
          csv,
        ],
        capture(),
      ),
    ).toBe(0);
    expect(fs.readFileSync(csv, 'utf8').split('\r\n')[0]).toBe('\uFEFFMonth,Bets,Staked,Profit,ROI,Hit rate,Mean CLV,With CLV');
  }, 300_000);

  it('a date without data: exit 1, a message saying where the data is, and no file', async () => {
    const before = listing();
    const io = capture();
    const out = path.join(dir, 'empty.pdf');
    await expect(
      reportCommand.run(['daily', '--date', '2027-03-01', '--cache', cacheFile, '--out', out, '--tz', 'UTC'], io),
    ).rejects.toThrow(
      /no data for 2027-03-01 \(UTC\): no pick, trap or combo on that day’s or the previous day’s fixtures; the cache has \d+ picks on fixtures from 2026-09-26 to 2026-11-26\. Nothing was written\./,
    );
    await expect(
      runJob(reportJob, { kind: 'performance', from: '2020-01-01', to: '2020-12-31', format: 'pdf' }, jobContext(cacheFile)),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(listing()).toEqual(before);
  }, 300_000);

  it('an output path that cannot be written: a message naming why, no folder made, an existing file left as it was', async () => {
    const missing = path.join(dir, 'no-such-folder', 'r.pdf');
    await expect(reportCommand.run(['daily', '--date', '2026-11-25', '--cache', cacheFile, '--out', missing], capture())).rejects.toThrow(
      `cannot write the report to ${missing}: the folder ${path.dirname(missing)} does not exist; nothing was written`,
    );
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
    const folder = path.join(dir, 'a-folder');
    fs.mkdirSync(folder);
    await expect(reportCommand.run(['daily', '--date', '2026-11-25', '--cache', cacheFile, '--out', folder], capture())).rejects.toThrow(
      /is a folder/,
    );
    // a failed report over an existing file leaves it untouched, and no temporary file behind
    const kept = path.join(dir, 'kept.pdf');
    fs.writeFileSync(kept, 'the earlier report');
    const before = listing();
    await expect(reportCommand.run(['daily', '--date', '2027-03-01', '--cache', cacheFile, '--out', kept], capture())).rejects.toThrow(
      /no data/,
    );
    expect(fs.readFileSync(kept, 'utf8')).toBe('the earlier report');
    expect(listing()).toEqual(before);
  }, 300_000);

  it('bad usage: exit-2 errors naming the flag', async () => {
    const run = (args: string[]) => reportCommand.run([...args, '--cache', cacheFile], capture());
    await expect(run(['weekly', '--date', '2026-11-25'])).rejects.toThrow(
      new UsageError("say which report: daily or performance (got 'weekly')"),
    );
    await expect(run(['daily', '--date', '2026-02-30'])).rejects.toThrow('--date: must be a calendar date YYYY-MM-DD');
    await expect(run(['daily', '--date', '2026-11-25', '--tz', 'Mars/Olympus'])).rejects.toThrow('--tz: must be an IANA time zone');
    await expect(run(['daily', '--date', '2026-11-25', '--format', 'docx'])).rejects.toThrow(/--format: /);
    await expect(run(['performance', '--from', '2026-11-02', '--to', '2026-11-01'])).rejects.toThrow(
      '--to: ends (2026-11-01) before it starts (2026-11-02)',
    );
    await expect(run(['daily', '--from', '2026-11-01'])).rejects.toThrow('a daily report takes --date');
    await expect(run(['daily', '--date', '2026-11-25', '--table', 'traps'])).rejects.toThrow('--table chooses the table of a CSV');
  });

  it('a cache that was never synced: says so, names the cache', async () => {
    const bare = path.join(dir, 'bare.sqlite');
    openCache(bare, { migrate: true }).close();
    await expect(runJob(reportJob, { kind: 'daily', date: '2026-11-25', format: 'pdf' }, jobContext(bare))).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('the cache has no tracking_clv_picks, matches, teams yet: sync the source first'),
    });
    await expect(reportCommand.run(['daily', '--date', '2026-11-25', '--cache', path.join(dir, 'none.sqlite')], capture())).rejects.toThrow(
      /the cache .*none\.sqlite does not exist/,
    );
  });

  it('the contract validates the request before any job runs', () => {
    const input = contract['reports.generate'].input;
    expect(input.safeParse({ kind: 'daily', date: '2026-11-25', format: 'pdf' }).success).toBe(true);
    const bad = input.safeParse({ kind: 'performance', from: '2026-01-01', to: '2046-01-01', format: 'pdf' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ['to'], message: 'the range is longer than 3660 days' });
    expect(input.safeParse({ kind: 'daily', date: '2026-11-25', format: 'pdf', extra: 1 }).success).toBe(false);
  });
});
