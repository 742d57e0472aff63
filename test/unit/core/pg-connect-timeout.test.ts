import { describe, expect, it } from 'vitest';
import { defaultConnectTimeout } from '../../../src-main/platform/pg/client';

describe('the PostgreSQL connect timeout', () => {
  it('is 10 s unless MONPS_PG_CONNECT_TIMEOUT_MS names a positive number of milliseconds', () => {
    expect(defaultConnectTimeout(undefined)).toBe(10_000);
    expect(defaultConnectTimeout('30000')).toBe(30_000);
    for (const bad of ['', '0', '-5', 'soon']) expect(defaultConnectTimeout(bad)).toBe(10_000);
  });
});
