// One uploaded file into the desk's import folder: written to a hidden temporary name (never
// following a symlink, created exclusively), checked (size limit while it streams, no NUL byte: a
// football-data file is text), then renamed over the name asked. A file of that name with other
// bytes is replaced only when the caller says so; a symlink, FIFO or folder of that name never is.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../../src-shared/contract/errors';
import { MAX_UPLOAD_BYTES, type UploadResult } from '../../../src-shared/contract/imports';
import { safeImportName } from './names';

/** Over the upload limit: HTTP answers 413. */
export class UploadTooLarge extends ContractError {
  readonly status = 413;
  constructor(name: string, limit: number) {
    super('VALIDATION', `${name}: over the ${limit}-byte upload limit (${limit / 1024 / 1024} MiB): refused, nothing written`, { limit });
  }
}

export interface UploadOptions {
  replace?: boolean;
  maxBytes?: number;
  /** The length the client declared (Content-Length), refused before reading when over the limit. */
  declaredBytes?: number | null;
}

/** The import folder, made if missing; refused when it is a symlink or not a folder. */
export function importFolder(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const st = fs.lstatSync(dir);
  if (!st.isDirectory() || st.isSymbolicLink())
    throw new ContractError('UNAVAILABLE', `the import folder ${dir} is not a plain folder (a symbolic link or a file): nothing written`);
  return dir;
}

/** Streams `body` into `<dir>/.upload-<random>.part`; answers its size and SHA-256. */
async function writeTemp(temp: string, name: string, body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, maxBytes: number) {
  const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW;
  const handle = await fs.promises.open(temp, flags, 0o644);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of body) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw new UploadTooLarge(name, maxBytes);
      const nul = chunk.indexOf(0);
      if (nul >= 0)
        throw new ContractError(
          'VALIDATION',
          `${name}: holds a NUL byte (at byte ${bytes - chunk.length + nul} counted from 0): not a text CSV file, refused`,
        );
      hash.update(chunk);
      await handle.write(chunk);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** SHA-256 of a regular file, read without following a symlink. */
async function sha256Of(file: string): Promise<string> {
  const handle = await fs.promises.open(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  try {
    const hash = createHash('sha256');
    for await (const chunk of handle.createReadStream({ autoClose: false })) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } finally {
    await handle.close();
  }
}

/** What is at the target name now: nothing, a regular file (its hash), or something never replaced. */
async function existing(target: string, name: string): Promise<string | null> {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  if (st.isSymbolicLink())
    throw new ContractError('CONFLICT', `${name}: the import folder holds a symbolic link of that name: not replaced, nothing written`);
  if (!st.isFile())
    throw new ContractError(
      'CONFLICT',
      `${name}: the import folder holds something that is not a regular file of that name (a FIFO, a folder…): not replaced`,
    );
  return sha256Of(target);
}

/** Saves one uploaded file into `dir` under `name` (see the file's head for the rules). */
export async function saveImport(
  dir: string,
  name: string,
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  opts: UploadOptions = {},
): Promise<UploadResult> {
  const safe = safeImportName(name);
  const maxBytes = opts.maxBytes ?? MAX_UPLOAD_BYTES;
  if (opts.declaredBytes != null && opts.declaredBytes > maxBytes) throw new UploadTooLarge(safe, maxBytes);
  const folder = importFolder(dir);
  const target = path.join(folder, safe);
  const temp = path.join(folder, `.upload-${randomBytes(8).toString('hex')}.part`);
  try {
    const written = await writeTemp(temp, safe, body, maxBytes);
    const before = await existing(target, safe);
    if (before === written.sha256) return { name: safe, path: target, bytes: written.bytes, replaced: false, unchanged: true };
    if (before !== null && !opts.replace)
      throw new ContractError(
        'CONFLICT',
        `${safe}: a different file of that name is already imported; send it again with replace to replace it`,
        {
          name: safe,
        },
      );
    fs.renameSync(temp, target);
    return { name: safe, path: target, bytes: written.bytes, replaced: before !== null, unchanged: false };
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
