import fs from 'node:fs';
import path from 'node:path';
import { reportRequest, type ReportRequestInput } from '../../../src-shared/contract/reports';
import { resolveConfig } from '../../app/config';
import { assertWritable, generateReport, notAFileReason, summaryOf, writeFileAtomic } from '../../features/reports';
import { openCache } from '../../platform/cache/open';
import { parse, printJson, UsageError, type Command } from '../command';

const localZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const reportCommand: Command = {
  name: 'report',
  summary: 'Write the daily report of a date or the performance report of a date range as PDF, XLSX or CSV',
  usage:
    'monps report daily --date YYYY-MM-DD | monps report performance --from YYYY-MM-DD --to YYYY-MM-DD  [--format pdf|xlsx|csv] [--table ID] [--out FILE] [--tz ZONE] [--desk mine|team] [--cache FILE] [--json]',
  exits: {
    0: 'the report was written',
    1: 'no data for that date or range, the output path cannot be written, or no cache: the message says which, and nothing was written',
    2: 'bad usage, or --out names a folder, a device or a FIFO (only a regular file is replaced; a symlink is written through)',
  },
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      {
        date: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string', default: 'pdf' },
        table: { type: 'string' },
        out: { type: 'string' },
        tz: { type: 'string' },
        desk: { type: 'string', default: 'mine' },
        cache: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      true,
    );
    const kind = positionals[0];
    if (kind !== 'daily' && kind !== 'performance')
      throw new UsageError(`say which report: daily or performance${kind ? ` (got '${kind}')` : ''}`);
    if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`);
    if (kind === 'daily' && (values.from || values.to)) throw new UsageError('a daily report takes --date, not --from/--to');
    if (kind === 'performance' && values.date) throw new UsageError('a performance report takes --from and --to, not --date');
    const input: ReportRequestInput =
      kind === 'daily'
        ? {
            kind,
            date: values.date ?? '',
            format: values.format as 'pdf',
            timeZone: values.tz ?? localZone(),
            table: values.table,
            desk: values.desk as 'mine',
          }
        : {
            kind,
            from: values.from ?? '',
            to: values.to ?? '',
            format: values.format as 'pdf',
            timeZone: values.tz ?? localZone(),
            table: values.table,
            desk: values.desk as 'mine',
          };
    const parsed = reportRequest.safeParse(input);
    if (!parsed.success) {
      const flag: Record<string, string> = {
        date: '--date',
        from: '--from',
        to: '--to',
        format: '--format',
        timeZone: '--tz',
        table: '--table',
        desk: '--desk',
      };
      throw new UsageError(parsed.error.issues.map((i) => `${flag[String(i.path[0])] ?? i.path.join('.')}: ${i.message}`).join('; '));
    }
    const req = parsed.data;
    if (req.table && req.format !== 'csv') throw new UsageError('--table chooses the table of a CSV: add --format csv');

    const cacheFile = path.resolve(values.cache ?? resolveConfig().cacheFile);
    if (!fs.existsSync(cacheFile))
      throw new Error(`the cache ${cacheFile} does not exist (sync the source first, or pass --cache FILE); nothing was written`);
    // a path that cannot be written fails before any work, and changes nothing
    if (values.out) {
      const notAFile = notAFileReason(values.out);
      if (notAFile) throw new UsageError(`--out: ${notAFile}; nothing was written`);
      assertWritable(values.out);
    }
    const db = openCache(cacheFile, { readonly: true, migrate: false });
    try {
      const { doc, file } = await generateReport(db, req, {
        signal: new AbortController().signal,
        progress: (_f, message) => (values.json ? undefined : io.err(message)),
      });
      const out = writeFileAtomic(path.resolve(values.out ?? file.fileName), file.bytes);
      if (values.json)
        printJson(io, { file: out, bytes: file.bytes.length, mimeType: file.mimeType, pages: file.pages, summary: summaryOf(doc) });
      else
        io.out(
          [
            `wrote ${out} (${file.bytes.length} bytes${file.pages ? `, ${file.pages} pages` : ''})`,
            doc.title,
            ...doc.kpis.map((k) => `  ${k.label}: ${k.value}${k.target ? `  (target ${k.target}: ${k.status})` : ''}`),
          ].join('\n'),
        );
      return 0;
    } finally {
      db.close();
    }
  },
};
