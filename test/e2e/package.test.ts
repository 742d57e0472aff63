import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// After `electron-vite build` (npm test builds before the e2e project): what build/electron-builder.json
// packs is there — the main process, its worker, the preload and the renderer.
const root = path.resolve(__dirname, '../..');
const config = JSON.parse(fs.readFileSync(path.join(root, 'build/electron-builder.json'), 'utf8')) as { files: string[] };

describe('the desktop package’s files after a build', () => {
  it('every file pattern of the configuration matches files, and the entry points are among them', () => {
    const included = new Set<string>();
    for (const pattern of config.files.filter((p) => !p.startsWith('!'))) {
      const found = fs.globSync(pattern, { cwd: root }).filter((f) => fs.statSync(path.join(root, f)).isFile());
      expect(found.length, pattern).toBeGreaterThan(0);
      for (const f of found) included.add(f.split(path.sep).join('/'));
    }
    const main = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string }).main;
    for (const entry of [main, 'out/main/worker.js', 'out/preload/index.js', 'out/renderer/index.html'])
      expect(included.has(entry), entry).toBe(true);
  });
});
