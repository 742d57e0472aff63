import fs from 'node:fs';
import path from 'node:path';

/** The folder holding `migrations/` and `out/renderer`: the repository in development and in the
 * bundled build (walk up from this file), or the packaged app's resources (electron-builder copies
 * migrations there as extraResources). */
export function projectRoot(): string {
  const fromEnv = process.env.MONPS_ROOT;
  if (fromEnv) return fromEnv;
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    if (fs.existsSync(path.join(dir, 'migrations', 'source'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources && fs.existsSync(path.join(resources, 'migrations'))) return resources;
  throw new Error(`cannot find the project folder (migrations/) above ${__dirname}; set MONPS_ROOT`);
}

export const migrationsDir = (kind: 'source' | 'cache'): string => path.join(projectRoot(), 'migrations', kind);
