// saveImport and its file-name rule without a server: what the upload route and the IPC bridge both call.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listImports, safeImportName, saveImport } from '../../../src-main/features/imports';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-save-import-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('safeImportName', () => {
  it('takes a plain .csv name, any case', () => {
    for (const n of ['E0_2024-25.csv', 'Premier League 2024.CSV', 'été.csv']) expect(safeImportName(n)).toBe(n);
  });
  it('refuses separators, traversal, NUL and control characters, hidden names, other extensions, blanks, long names', () => {
    const cases: [string, RegExp][] = [
      ['../x.csv', /path separator/],
      ['a/b.csv', /path separator/],
      ['a\\b.csv', /path separator/],
      ['x\0.csv', /NUL/],
      ['x\n.csv', /control character/],
      ['.x.csv', /starts with a dot/],
      ['..', /starts with a dot/],
      ['x.csv.exe', /not a \.csv file/],
      ['.csv', /starts with a dot/],
      [' x.csv', /space/],
      [`${'é'.repeat(130)}.csv`, /longer than 255 bytes/],
    ];
    for (const [n, why] of cases) expect(() => safeImportName(n), n).toThrow(why);
  });
});

describe('saveImport', () => {
  it('reports a NUL byte with its offset across chunks, and leaves no temporary file', async () => {
    const dir = path.join(root, 'a');
    await expect(saveImport(dir, 'x.csv', [Buffer.from('Div,Date\n'), Buffer.from('E0\0')])).rejects.toThrow(
      /holds a NUL byte \(at byte 11 counted from 0\)/,
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses an import folder that is a symlink, writing nothing through it', async () => {
    const target = path.join(root, 'elsewhere');
    fs.mkdirSync(target);
    fs.symlinkSync(target, path.join(root, 'linked'));
    await expect(saveImport(path.join(root, 'linked'), 'x.csv', [Buffer.from('a\n')])).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(fs.readdirSync(target)).toEqual([]);
  });

  it('the listing leaves out hidden files (an upload under way) and says so', async () => {
    const dir = path.join(root, 'b');
    await saveImport(dir, 'x.csv', [Buffer.from('a\n')]);
    fs.writeFileSync(path.join(dir, '.upload-0123.part'), 'half');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'n');
    const l = listImports(dir);
    expect(l.files.map((f) => f.name)).toEqual(['x.csv']);
    expect(l.ignored.map((i) => i.name)).toEqual(['.upload-0123.part', 'notes.txt']);
    expect(listImports(path.join(root, 'missing'))).toEqual({ files: [], ignored: [] });
  });
});
