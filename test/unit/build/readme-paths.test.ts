// The README names files and folders of the tree (its architecture and layout sections above all):
// every path it names must exist, so a move or a split that forgets the README fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const TOP = ['src-main', 'src-shared', 'src-renderer', 'migrations', 'scripts', 'test', 'build'];

/** Every `top/…` path the README names: in backticks (any top folder) or bare (src-…/ only), a
 * `:line` suffix and trailing punctuation dropped; placeholders (`<name>`, globs, `{a,b}`) left out. */
export function namedPaths(text: string): string[] {
  const found = new Set<string>();
  const quoted = [...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]);
  // a bare path runs up to the first character no path has; one that runs into a placeholder is one
  const bare = [...text.matchAll(/(?<![\w/.-])(src-(?:main|shared|renderer)\/[\w./-]*)([<*{]?)/g)]
    .filter((m) => m[2] === '')
    .map((m) => m[1].replace(/[.-]+$/, ''));
  for (const raw of [...quoted, ...bare]) {
    if (!TOP.some((t) => raw.startsWith(`${t}/`))) continue;
    if (/[<>*{}]/.test(raw)) continue;
    found.add(raw.replace(/:\d+$/, '').replace(/\/$/, ''));
  }
  return [...found].sort();
}

describe('README: the paths it names exist', () => {
  it('finds the paths of its architecture section', () => {
    const paths = namedPaths(README);
    expect(paths).toEqual(expect.arrayContaining(['src-main/app/services.ts', 'scripts/lint/layers.mjs', 'src-main/sync/table-sync.ts']));
    expect(paths.length).toBeGreaterThan(40);
  });

  it('every one exists in the tree', () => {
    const missing = namedPaths(README).filter((p) => !fs.existsSync(path.join(ROOT, p)));
    expect(missing).toEqual([]);
  });

  it('reads backticked and bare paths, leaves placeholders out', () => {
    expect(namedPaths('see `src-main/sync/` and src-shared/quant/kelly.ts, `test/x.ts:12`, `src-main/features/<name>/`, `a/b`')).toEqual([
      'src-main/sync',
      'src-shared/quant/kelly.ts',
      'test/x.ts',
    ]);
  });
});
