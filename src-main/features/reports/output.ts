// Writing a report where the user asked: all or nothing. The folder is checked first, the bytes go
// to a temporary file beside the target and are renamed over it, so a failure leaves any earlier
// file as it was and no partial file behind.
import fs from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../../src-shared/contract/errors';

/** Why `file` cannot be written, or null. */
export function unwritableReason(file: string): string | null {
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    return `the folder ${dir} does not exist`;
  }
  if (!st.isDirectory()) return `${dir} is not a folder`;
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    return `the folder ${dir} is not writable`;
  }
  if (fs.existsSync(abs)) {
    if (fs.statSync(abs).isDirectory()) return `${abs} is a folder`;
    try {
      fs.accessSync(abs, fs.constants.W_OK);
    } catch {
      return `${abs} exists and is read-only`;
    }
  }
  return null;
}

export function assertWritable(file: string): void {
  const why = unwritableReason(file);
  if (why) throw new ContractError('VALIDATION', `cannot write the report to ${file}: ${why}; nothing was written`, { path: ['out'] });
}

export function writeFileAtomic(file: string, bytes: Uint8Array): void {
  assertWritable(file);
  const abs = path.resolve(file);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes, { flag: 'wx' });
    fs.renameSync(tmp, abs);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new ContractError('VALIDATION', `cannot write the report to ${file}: ${(err as Error).message}; nothing was written`, {
      path: ['out'],
    });
  }
}
