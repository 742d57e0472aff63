import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedPg } from '../../src-main/platform/pg/embedded';

// One PostgreSQL for the whole integration run: MONPS_TEST_PG_URL when set, else an embedded server.
// Each test file makes its own database on it (see test/support/pg.ts), so files run in parallel.
let embedded: EmbeddedPg | undefined;

export async function setup(project: TestProject): Promise<void> {
  let url = process.env.MONPS_TEST_PG_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: `/tmp/monps-test-pg-${process.pid}`, persistent: false });
    url = embedded.url;
  }
  project.provide('pgAdminUrl', url);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
