#!/usr/bin/env node
// `npm run dist`: the desktop package for this platform (Linux AppImage + deb, Windows NSIS, macOS dmg,
// from build/electron-builder.json). electron-builder packs the Electron binary into the app: we hand
// it the one `npm install` left in node_modules/electron/dist (no download at build time). Where that
// binary is missing, say so plainly and stop. `--check` only says whether a build can run here.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const electronDir = path.join(root, 'node_modules', 'electron');

/** The Electron binary and its version, or why there is none. */
function electronDist() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(path.join(electronDir, 'package.json'))) return { reason: 'the electron package is not installed (run npm install)' };
  if (!fs.existsSync(pathFile))
    return {
      reason:
        'the Electron binary is not installed (node_modules/electron/path.txt is missing: its download failed or was skipped at npm install)',
    };
  const bin = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  if (!fs.existsSync(bin)) return { reason: `the Electron binary ${path.relative(root, bin)} is missing (an incomplete download)` };
  return { dist: path.join(electronDir, 'dist'), version: require(path.join(electronDir, 'package.json')).version };
}

const TARGETS = { linux: 'Linux AppImage and deb', win32: 'Windows NSIS installer', darwin: 'macOS dmg' };

function main(argv) {
  const target = TARGETS[process.platform];
  if (!target) {
    console.error(
      `npm run dist: no package is configured for ${process.platform} (build/electron-builder.json has Linux, Windows and macOS).`,
    );
    return 1;
  }
  const electron = electronDist();
  if (!electron.dist) {
    console.error(
      `npm run dist: cannot build the ${target} here: ${electron.reason}. electron-builder packs that binary into the app, ` +
        'so a package needs it: on a machine that can download it, run `npm install` then `npm run dist`. ' +
        'The app itself still runs here in a browser: `npm run serve`.',
    );
    return 1;
  }
  if (argv.includes('--check')) {
    console.log(`npm run dist: ready to build the ${target} with Electron ${electron.version} (${path.relative(root, electron.dist)}).`);
    return 0;
  }
  const steps = [
    ['icons', ['npx', 'tsx', 'scripts/icons.ts']],
    ['bundle', ['npx', 'electron-vite', 'build']],
    [
      'package',
      [
        'npx',
        'electron-builder',
        '--config',
        'build/electron-builder.json',
        '--publish',
        'never',
        `-c.electronDist=${electron.dist}`,
        `-c.electronVersion=${electron.version}`,
        ...argv.filter((a) => a !== '--check'),
      ],
    ],
  ];
  for (const [name, [cmd, ...args]] of steps) {
    const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (r.status !== 0) {
      console.error(`npm run dist: the ${name} step failed (exit ${r.status ?? r.signal}).`);
      return r.status || 1;
    }
  }
  console.log(`npm run dist: the ${target} is in dist/.`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
