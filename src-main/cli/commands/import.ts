import path from 'node:path';
import { parse, printJson, UsageError, type Command } from '../command';
import { migrateSource } from '../../platform/pg/migrate';
import { importFootballData, type ImportReport } from '../../ingest/football-data';

export const importCommand: Command = {
  name: 'import football-data',
  summary: 'Import football-data.co.uk CSV files (results, stats, 1X2/O-U/AH odds) into the PostgreSQL source',
  usage: 'monps import football-data --source URL <files or folders>... [--json]',
  exits: {
    0: 'every file imported (rows with problems are reported, not fatal)',
    1: 'a file was refused (missing columns: named with the line) or another failure',
    3: 'the source is unreachable',
  },
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      {
        source: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      true,
    );
    const url = values.source ?? process.env.MONPS_SOURCE_URL;
    if (!url) throw new UsageError('--source URL is required (or MONPS_SOURCE_URL)');
    if (positionals.length === 0) throw new UsageError('give at least one CSV file or folder');
    await migrateSource(url);
    const report = await importFootballData(url, positionals, {
      progress: (p) => {
        if (!values.json) io.err(`[${p.done + 1}/${p.total}] ${p.file}`);
      },
    });
    if (values.json) printJson(io, report);
    else io.out(formatImport(report));
    return report.refused > 0 ? 1 : 0;
  },
};

export function formatImport(r: ImportReport): string {
  const lines = [
    `${'file'.padEnd(40)}${'matches'.padStart(8)}${'changed'.padStart(8)}${'quotes'.padStart(9)}${'changed'.padStart(9)}${'problems'.padStart(9)}${'seconds'.padStart(9)}`,
  ];
  for (const f of r.files) {
    if (f.error) {
      lines.push(`${f.file}\n  REFUSED: ${f.error}`);
      continue;
    }
    lines.push(
      `${shortName(f.file).padEnd(40)}${String(f.matches).padStart(8)}${String(f.matchesChanged).padStart(8)}${String(f.quotes).padStart(9)}${String(f.quotesChanged).padStart(9)}${String(f.problems.length).padStart(9)}${f.seconds.toFixed(2).padStart(9)}`,
    );
    for (const p of f.problems.slice(0, 5)) lines.push(`  line ${p.line}${p.column ? ` [${p.column}]` : ''}: ${p.message}`);
    if (f.problems.length > 5) lines.push(`  ... ${f.problems.length - 5} more problems (--json for all)`);
  }
  const rate = r.seconds > 0 ? Math.round(r.quotes / r.seconds) : 0;
  lines.push(
    `total: ${r.files.length} files, ${r.matches} matches, ${r.quotes} quotes, ${r.problems} problems, ${r.refused} refused, ${r.seconds.toFixed(2)} s (${rate} quotes/s)`,
  );
  return lines.join('\n');
}

/** folder/file.csv: enough to tell files apart in the table (--json has the full paths). */
function shortName(file: string): string {
  const s = `${path.basename(path.dirname(file))}/${path.basename(file)}`;
  return s.length > 39 ? `…${s.slice(-38)}` : s;
}
