// Writing a report where the user asked: all or nothing. The folder is checked first, the bytes go
// to a temporary file beside the target and are renamed over it, so a failure leaves any earlier
// file as it was and no partial file behind. Only a regular file (or nothing) is ever replaced: a
// rename over a device, a FIFO or a folder would destroy what is there (`--out /dev/full` once turned
// the device into a regular file), so those are refused. A symlink is written through: the file it
// points at gets the report, the link stays a link.
import fs from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../../src-shared/contract/errors';

/** Longest chain of symlinks followed (the kernel's own limit is 40). */
const MAX_LINKS = 40;

/** The path `file` names once its symlinks are followed (the last one may point at nothing yet). */
export function outputTarget(file: string): string {
  let abs = path.resolve(file);
  for (let i = 0; i < MAX_LINKS; i++) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(abs);
    } catch {
      return abs; // nothing there (or a dangling link's target): written as a new file
    }
    if (!st.isSymbolicLink()) return abs;
    abs = path.resolve(path.dirname(abs), fs.readlinkSync(abs));
  }
  throw new ContractError(
    'VALIDATION',
    `cannot write the report to ${file}: more than ${MAX_LINKS} symlinks to follow; nothing was written`,
    {
      path: ['out'],
    },
  );
}

/** Why the thing at `file` (symlinks followed) must not be replaced by a report, or null when it is a
 * regular file or nothing. */
export function notAFileReason(file: string): string | null {
  const abs = outputTarget(file);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(abs);
  } catch {
    return null;
  }
  if (st.isFile()) return null;
  if (st.isDirectory()) return `${abs} is a folder`;
  if (st.isCharacterDevice() || st.isBlockDevice()) return `${abs} is a device, not a file`;
  if (st.isFIFO()) return `${abs} is a FIFO (named pipe), not a file`;
  if (st.isSocket()) return `${abs} is a socket, not a file`;
  return `${abs} is not a regular file`;
}

/** Why `file` cannot be written, or null. */
export function unwritableReason(file: string): string | null {
  const kind = notAFileReason(file);
  if (kind) return kind;
  const abs = outputTarget(file);
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

/** Writes `bytes` to a temporary file beside the target (symlinks followed) and renames it over the
 * target; returns the path written. */
export function writeFileAtomic(file: string, bytes: Uint8Array): string {
  assertWritable(file);
  const abs = outputTarget(file);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes, { flag: 'wx' });
    // checked again just before the rename: something put there meanwhile is not replaced either
    const why = notAFileReason(abs);
    if (why) throw new Error(why);
    fs.renameSync(tmp, abs);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new ContractError('VALIDATION', `cannot write the report to ${file}: ${(err as Error).message}; nothing was written`, {
      path: ['out'],
    });
  }
  return abs;
}
