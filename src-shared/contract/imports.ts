import { z } from 'zod';
import { method } from './define';

// The desk's own import folder (<data dir>/imports): the football-data files the analyst brought in
// from the window (uploaded one by one, see UPLOAD_PATH), loaded into the source by the importer, and
// the only files a backtest over the contract may read.

/** The upload route of the headless server: `POST /upload/imports/<file name>[?replace=1]`, the raw
 * bytes as the body (the RPC body limit of 1 MiB does not apply; the upload's own limit does). */
export const UPLOAD_PATH = '/upload/imports/';
/** A football-data season is about 0.5 MB: 20 MiB leaves room for any real file. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export const uploadResult = z.object({
  name: z.string(),
  /** Where the file now is (a backtest over it names this path). */
  path: z.string(),
  bytes: z.number().int(),
  /** A file of that name was there with other bytes and was replaced (the caller asked for it). */
  replaced: z.boolean(),
  /** A file of that name was there with the same bytes: nothing was written. */
  unchanged: z.boolean(),
});
export type UploadResult = z.infer<typeof uploadResult>;

export const importedFile = z.object({ name: z.string(), path: z.string(), bytes: z.number().int(), modifiedAt: z.string() });
export type ImportedFile = z.infer<typeof importedFile>;

export const importProblem = z.object({ line: z.number().int(), column: z.string().optional(), message: z.string() });

export const fileImportReport = z.object({
  /** The file's name in the import folder. */
  file: z.string(),
  layout: z.enum(['main', 'extra']).optional(),
  matches: z.number().int(),
  matchesChanged: z.number().int(),
  quotes: z.number().int(),
  quotesChanged: z.number().int(),
  problems: z.array(importProblem),
  seconds: z.number(),
  /** Set when the file was refused; nothing of it was written. */
  error: z.string().optional(),
});

export const importReport = z.object({
  files: z.array(fileImportReport),
  matches: z.number().int(),
  quotes: z.number().int(),
  problems: z.number().int(),
  refused: z.number().int(),
  seconds: z.number(),
});
export type ImportReport = z.infer<typeof importReport>;

const fileName = z.string().min(1).max(255);

export const importsMethods = {
  'imports.list': method({
    summary: "The CSV files of the desk's import folder (regular files only; what else is there is named, not listed)",
    input: z.object({}).strict(),
    output: z.object({
      files: z.array(importedFile),
      /** Entries of the folder that are not regular .csv files (a symlink, a FIFO, a folder…) and why. */
      ignored: z.array(z.object({ name: z.string(), reason: z.string() })),
    }),
  }),
  'imports.football-data': method({
    summary: "Load files of the desk's import folder into the source with the football-data importer (a job with progress)",
    input: z.object({ files: z.array(fileName).min(1).max(500) }).strict(),
    output: importReport,
    job: true,
  }),
};
