import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateSourceUrl } from '../../../src-main/app/config';
import { sourceHandlers } from '../../../src-main/app/source-handlers';
import type { Services } from '../../../src-main/app/services';
import { main } from '../../../src-main/cli/main';
import { SourceError } from '../../../src-main/platform/pg/errors';

// Issue 17, item 11: a malformed source URL is bad usage (exit 2, as --help says), and a bad
// percent-escape in the password is a bad-URL answer, not 500 "URI malformed".
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-source-url-'));
const saved = process.env.MONPS_DATA_DIR;
process.env.MONPS_DATA_DIR = dataDir;
afterAll(() => {
  process.env.MONPS_DATA_DIR = saved;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function captured() {
  const lines: string[] = [];
  return { io: { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) }, lines };
}

describe('a malformed --source', () => {
  for (const url of ['not a url', 'mysql://u:p@h/db', 'postgres://u:%ZZ@127.0.0.1:1/db']) {
    it(`exits 2 (bad usage): ${url}`, async () => {
      const { io, lines } = captured();
      expect(await main(['inventory', '--source', url], io)).toBe(2);
      expect(lines.join('\n')).toMatch(/source URL from flag is not usable/);
      expect(lines.join('\n')).not.toContain('%ZZ');
    });
  }

  it('validateSourceUrl names a bad escape as a BAD_URL SourceError', () => {
    expect(() => validateSourceUrl('postgres://u:%ZZ@h/db', 'env')).toThrow(SourceError);
    expect(() => validateSourceUrl('postgres://u:%ZZ@h/db', 'env')).toThrow(/password holds a malformed percent-escape/);
    expect(validateSourceUrl('postgres://u:p%25q@h/db', 'env')).toBe('postgres://u:p%25q@h/db');
  });
});

describe('settings.source.test with %ZZ in the password', () => {
  const handlers = sourceHandlers({ secrets: { get: () => undefined }, config: {} } as unknown as Services);
  it('answers a bad-url failure, not a thrown "URI malformed"', async () => {
    const answer = await handlers['settings.source.test']!({ url: 'postgres://u:%ZZ@127.0.0.1:1/db' });
    expect(answer).toMatchObject({ ok: false, failure: 'bad-url' });
    expect(answer.message).toMatch(/malformed percent-escape/);
  });
});
