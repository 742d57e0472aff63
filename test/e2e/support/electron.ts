import fs from 'node:fs';
import path from 'node:path';

/** The Electron binary as `npm install electron` leaves it (node_modules/electron/path.txt + dist/),
 * found without requiring the `electron` package (which would try to download it). */
export function electronBinary(root = process.cwd()): { path?: string; reason?: string } {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathTxt = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathTxt))
    return {
      reason: `${path.relative(root, pathTxt)} is missing: the Electron binary was not downloaded (no network at install, or ELECTRON_SKIP_BINARY_DOWNLOAD)`,
    };
  const exe = path.join(dir, 'dist', fs.readFileSync(pathTxt, 'utf8').trim());
  if (!fs.existsSync(exe)) return { reason: `${path.relative(root, exe)} is missing: the Electron download is incomplete` };
  return { path: exe };
}
