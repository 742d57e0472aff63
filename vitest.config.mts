import { defineConfig } from 'vitest/config';

// Three projects: unit (pure, fast), integration (real PostgreSQL + SQLite files),
// e2e (Debian's Chromium against the built headless server).
// MONPS_TEST_ROOT points the projects at another tree of the same shape: the runner's own test
// (test/integration/runner) uses it to check that a failing file fails each project.
const root = process.env.MONPS_TEST_ROOT ?? 'test';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [`${root}/unit/**/*.test.ts`],
          environment: 'node',
          // sized for a loaded 2-core machine (CI beside another test run), not a quiet laptop
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: [`${root}/integration/**/*.test.ts`],
          environment: 'node',
          // expect.poll's default 1 s is a wall-clock bet a loaded machine loses: poll as long as Playwright waits
          expect: { poll: { timeout: 30_000 } },
          // the app's 10 s to connect to PostgreSQL, for a machine running two suites and several servers
          env: { MONPS_PG_CONNECT_TIMEOUT_MS: '30000' },
          globalSetup: ['test/support/pg-global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: [`${root}/e2e/**/*.test.ts`],
          environment: 'node',
          expect: { poll: { timeout: 30_000 } },
          env: { MONPS_PG_CONNECT_TIMEOUT_MS: '30000' },
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
