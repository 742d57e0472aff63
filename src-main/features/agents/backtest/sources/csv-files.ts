// CSV files a backtest asked over the contract may read (RPC, IPC): only files the analyst imported
// (the desk's own folder, <data dir>/imports) or chose, regular files only (no FIFO, device, directory,
// nor a symlink out of the folder), up to MAX_CSV_BYTES, read as a stream that a cancel stops. An error
// names the file and what is wrong, never what the file holds. The CLI keeps reading any path its user
// names (loadFootballData).
import fs from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../../../../src-shared/contract/errors';
import { FootballDataFormatError, parseFootballDataText, type ParsedFile } from '../../../../ingest/football-data';
import { JobCancelled } from '../../../../platform/jobs/define';
import type { BacktestData } from '../types';
import { footballDataFixtures } from './football-data';

/** A football-data season is about 0.5 MB; 32 MiB leaves room for any real file. */
export const MAX_CSV_BYTES = 32 * 1024 * 1024;

/** The folder of the data folder whose CSV files a backtest over the contract may read. */
export const importsDirOf = (dataDir: string): string => path.join(dataDir, 'imports');

const refused = (i: number, message: string): ContractError =>
  new ContractError('VALIDATION', `source.files.${i}: ${message}`, { issues: [{ path: ['source', 'files', String(i)], message }] });

function realOrNull(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}

const inside = (file: string, dir: string): boolean => file.startsWith(dir + path.sep);

/** The real paths of the files asked, each checked: inside an allowed folder (after symlinks), a
 * regular file, not over the size limit. A refusal names the file as given and the reason. */
export function allowedCsvFiles(files: readonly string[], allowedDirs: readonly string[], maxBytes = MAX_CSV_BYTES): string[] {
  const roots = allowedDirs.map(realOrNull).filter((d): d is string => d !== null);
  return files.map((given, i) => {
    if (!path.isAbsolute(given)) return raise(refused(i, `'${given}' is not an absolute path`));
    const real = realOrNull(given);
    if (real === null) return raise(refused(i, `no such file: ${given}`));
    if (!roots.some((r) => inside(real, r)))
      return raise(
        refused(i, `${given} is not a file the desk imported or the analyst chose (only files under ${allowedDirs.join(', ')})`),
      );
    const st = fs.statSync(real);
    if (!st.isFile()) return raise(refused(i, `${given} is not a regular file`));
    if (st.size > maxBytes) return raise(refused(i, `${given} is ${st.size} bytes, over the ${maxBytes}-byte limit`));
    return real;
  });
}

function raise(e: Error): never {
  throw e;
}

/** One regular file as text, streamed: FIFOs and devices are refused without blocking (O_NONBLOCK,
 * then fstat), a symlink as the last component is not followed, the size is capped while reading (a
 * growing file), and a cancel stops between chunks. */
export async function readRegularFile(file: string, opts: { maxBytes?: number; signal?: AbortSignal } = {}): Promise<string> {
  const maxBytes = opts.maxBytes ?? MAX_CSV_BYTES;
  const name = path.basename(file);
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ContractError('VALIDATION', `${name}: cannot be read (${code === 'ELOOP' ? 'a symbolic link' : (code ?? 'error')})`);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new ContractError('VALIDATION', `${name}: not a regular file`);
    if (st.size > maxBytes) throw new ContractError('VALIDATION', `${name}: ${st.size} bytes, over the ${maxBytes}-byte limit`);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of handle.createReadStream({ autoClose: false, highWaterMark: 1 << 20 })) {
      if (opts.signal?.aborted) throw new JobCancelled();
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw new ContractError('VALIDATION', `${name}: over the ${maxBytes}-byte limit`);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Parsed without quoting the file: a file that is not football-data is named with the columns it
 * lacks, a CSV syntax error with its line only. */
function parseQuietly(text: string, file: string): ParsedFile {
  const name = path.basename(file);
  try {
    return parseFootballDataText(text, file);
  } catch (err) {
    if (err instanceof FootballDataFormatError)
      throw new ContractError(
        'VALIDATION',
        `${name}: not a football-data file (missing column${err.missingColumns.length > 1 ? 's' : ''} ${err.missingColumns.join(', ')})`,
      );
    const line = (err as { lines?: number }).lines;
    throw new ContractError('VALIDATION', `${name}: not valid CSV${line ? ` (near line ${line})` : ''}`);
  }
}

/** The job's reader: each file read with readRegularFile and parsed; cancel is heard between files. */
export async function loadFootballDataSafely(
  files: readonly string[],
  opts: { maxBytes?: number; signal?: AbortSignal } = {},
): Promise<BacktestData> {
  const parsed: ParsedFile[] = [];
  for (const f of files) {
    if (opts.signal?.aborted) throw new JobCancelled();
    parsed.push(parseQuietly(await readRegularFile(f, opts), f));
  }
  return footballDataFixtures(parsed);
}
