#!/usr/bin/env node
// `npm start`: build, then launch the Electron app. The Electron binary is fetched on first start
// (electron's own installer); where it cannot be had, say so in one line and point at the browser mode.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const electronDir = path.join(root, 'node_modules', 'electron');

function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return undefined;
  const bin = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(bin) ? bin : undefined;
}

let bin = process.env.ELECTRON_OVERRIDE_DIST_PATH ? require('electron') : electronBinary();
if (!bin) {
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  bin = electronBinary();
}
if (!bin) {
  console.error(
    'Mon_PS Desk: the Electron binary is not installed and cannot be downloaded here; run `npm run serve` to use the app in a browser.',
  );
  process.exit(1);
}
const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(bin, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 0);
