import fs from 'node:fs';
import path from 'node:path';

// The real historical data (football-data.co.uk files and others) lives beside the repository, in
// ../shared/data, and is never copied into it. MONPS_SHARED_DATA points elsewhere.
const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** The shared data folder, or an error that says where it was looked for and how to point at it. */
export function sharedDataDir(): string {
  const dir = process.env.MONPS_SHARED_DATA ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'data');
  if (!fs.existsSync(dir)) {
    throw new Error(
      `the real-data folder ${dir} does not exist: put the shared data (football-data.co.uk CSVs in football-data/) beside the repository, or set MONPS_SHARED_DATA to its folder`,
    );
  }
  return dir;
}

/** A file or folder of the shared data, checked to exist. */
export function sharedData(...parts: string[]): string {
  const p = path.join(sharedDataDir(), ...parts);
  if (!fs.existsSync(p)) throw new Error(`${p} is missing from the shared data folder (MONPS_SHARED_DATA)`);
  return p;
}

/** The football-data.co.uk folder (E0_2024-25.csv, …). */
export const footballDataDir = (): string => sharedData('football-data');
