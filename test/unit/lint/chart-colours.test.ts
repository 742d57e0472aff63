// The charts take their colours from one theme (src-renderer/ui/chart-theme.ts): no other renderer
// script spells a colour (the grid's own theme, ui/gridTheme.ts, aside).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const ALLOWED = new Set(['src-renderer/ui/chart-theme.ts', 'src-renderer/ui/gridTheme.ts']);
const COLOUR = /['"`](#[0-9a-fA-F]{3,8}|rgba?\([^)]*\))['"`]/g;

function scripts(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? scripts(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('lint: one chart theme', () => {
  it('no renderer script but the themes spells a colour literal', () => {
    const found = scripts(path.join(ROOT, 'src-renderer'))
      .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
      .filter((f) => !ALLOWED.has(f))
      .flatMap((f) => [...fs.readFileSync(path.join(ROOT, f), 'utf8').matchAll(COLOUR)].map((m) => `${f}: ${m[1]}`));
    expect(found).toEqual([]);
  });
});
