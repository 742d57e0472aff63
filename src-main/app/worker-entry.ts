import fs from 'node:fs';
import path from 'node:path';
import type { WorkerEntry } from '../platform/jobs/protocol';

/** The bundled worker (out/main/worker.js, next to the bundled entry), else the TypeScript source
 * run through tsx (CLI, tests, the headless server in development). */
export function workerEntry(): WorkerEntry {
  const bundled = path.join(__dirname, 'worker.js');
  if (fs.existsSync(bundled)) return { file: bundled, execArgv: [] };
  const source = path.join(__dirname, 'worker.ts');
  if (fs.existsSync(source)) return { file: source, execArgv: ['--import', 'tsx'] };
  throw new Error(`worker entry not found next to ${__dirname}`);
}
