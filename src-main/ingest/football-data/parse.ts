// Parser for football-data.co.uk CSV files (main layout: one league-season per file; "extra" layout:
// one league per file, all seasons, closing 1X2 only). Columns are read by header name, never position.
// See ../shared/data/football-data/README.md (beside the repository) for the format and its quirks.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { ukLocalToUtc } from './uk-time';

export type FootballDataLayout = 'main' | 'extra';

export interface FootballDataStats {
  hs: number | null;
  as: number | null;
  hst: number | null;
  ast: number | null;
  hf: number | null;
  af: number | null;
  hc: number | null;
  ac: number | null;
  hy: number | null;
  ay: number | null;
  hr: number | null;
  ar: number | null;
}

export interface FootballDataMatch {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  /** League code: `Div` (E0, SP1 ...), or for the extra layout the football-data code of `Country` (USA, NOR ...). */
  div: string;
  /** '2024-25' (from the date, seasons run July to June) or, in the extra layout, the `Season` cell ('2012'). */
  season: string;
  /** YYYY-MM-DD as written in the file (UK calendar date). */
  date: string;
  /** HH:MM UK local time, when the file has a Time column. */
  time?: string;
  /** UTC instant of kick-off, converted from UK local time (GMT/BST); 15:00 UK when there is no time. */
  kickoff: Date;
  homeTeam: string;
  awayTeam: string;
  fthg: number | null;
  ftag: number | null;
  ftr: string | null;
  hthg: number | null;
  htag: number | null;
  htr: string | null;
  referee: string | null;
  stats: FootballDataStats;
  /** Every odds / handicap-line column present and non-blank, keyed by its header as written
   * ('B365H', 'PSCH', 'Avg>2.5', 'AHh', 'PCAHH', and in the extra layout the publisher's 'B36CA').
   * Prices below 1.01 (placeholder zeros) are left out and reported as problems. */
  odds: Record<string, number>;
}

export interface ParseProblem {
  line: number;
  column?: string;
  message: string;
}

export interface ParsedFile {
  file: string;
  layout: FootballDataLayout;
  columns: string[];
  matches: FootballDataMatch[];
  problems: ParseProblem[];
}

/** Thrown when a file cannot be read as football-data at all (missing required columns). */
export class FootballDataFormatError extends Error {
  constructor(
    readonly file: string,
    readonly missingColumns: string[],
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'FootballDataFormatError';
  }
}

/** Columns that describe the match; every other column is an odds (or handicap line) column. */
const MAIN_FIELDS = {
  div: 'Div',
  date: 'Date',
  time: 'Time',
  home: 'HomeTeam',
  away: 'AwayTeam',
  fthg: 'FTHG',
  ftag: 'FTAG',
  ftr: 'FTR',
} as const;
const EXTRA_FIELDS = {
  div: 'Country',
  date: 'Date',
  time: 'Time',
  home: 'Home',
  away: 'Away',
  fthg: 'HG',
  ftag: 'AG',
  ftr: 'Res',
} as const;
const MAIN_REQUIRED = ['Div', 'Date', 'HomeTeam', 'AwayTeam', 'FTHG', 'FTAG'];
const EXTRA_REQUIRED = ['Country', 'Date', 'Home', 'Away', 'HG', 'AG'];
const STAT_COLUMNS: Record<keyof FootballDataStats, string> = {
  hs: 'HS',
  as: 'AS',
  hst: 'HST',
  ast: 'AST',
  hf: 'HF',
  af: 'AF',
  hc: 'HC',
  ac: 'AC',
  hy: 'HY',
  ay: 'AY',
  hr: 'HR',
  ar: 'AR',
};
const NON_ODDS = new Set([
  ...Object.values(MAIN_FIELDS),
  ...Object.values(EXTRA_FIELDS),
  ...Object.values(STAT_COLUMNS),
  'HTHG',
  'HTAG',
  'HTR',
  'Referee',
  'League',
  'Season',
  'Attendance',
]);
/** Handicap lines, not prices: may be 0 or negative. */
const LINE_COLUMNS = new Set(['AHh', 'AHCh', 'BbAHh']);
/** football-data's codes for the extra leagues, by the Country cell. */
const EXTRA_CODES: Record<string, string> = {
  Argentina: 'ARG',
  Austria: 'AUT',
  Brazil: 'BRA',
  China: 'CHN',
  Denmark: 'DNK',
  Finland: 'FIN',
  Ireland: 'IRL',
  Japan: 'JPN',
  Mexico: 'MEX',
  Norway: 'NOR',
  Poland: 'POL',
  Romania: 'ROU',
  Russia: 'RUS',
  Sweden: 'SWE',
  Switzerland: 'SWZ',
  USA: 'USA',
};
/** Kick-off assumed when the file has no Time column (seasons before 2019-20). */
const DEFAULT_UK_TIME = '15:00';

export function parseFootballDataFile(filePath: string): ParsedFile {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (err) {
    throw new Error(`football-data: cannot read ${filePath}: ${(err as Error).message}`);
  }
  return parseFootballDataText(text, filePath);
}

/** The header row: column positions (first of a repeated name), the named columns, the last named
 * cell, the layout (main files or the 'extra' leagues'); a missing required column refuses the file. */
function readHeader(
  first: { record: string[]; info: { lines: number } },
  fileName: string,
): { header: string[]; index: Map<string, number>; columns: string[]; lastNamed: number; layout: FootballDataLayout } {
  const header = first.record.map((h) => h.replace(/^\ufeff/, '').trim());
  const headerLine = first.info.lines;
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (h !== '' && !index.has(h)) index.set(h, i);
  });
  const columns = header.filter((h) => h !== '');
  // index of the last named column: trailing empty header cells (trailing commas) do not count
  let lastNamed = header.length - 1;
  while (lastNamed > 0 && header[lastNamed] === '') lastNamed--;
  const layout: FootballDataLayout = !index.has('HomeTeam') && !index.has('Div') && index.has('Home') && index.has('HG') ? 'extra' : 'main';
  const required = layout === 'extra' ? EXTRA_REQUIRED : MAIN_REQUIRED;
  const missing = required.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new FootballDataFormatError(
      fileName,
      missing,
      headerLine,
      `football-data: ${fileName}: missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
        `(first bad line: ${headerLine}, the header "${truncate(header.join(','), 120)}")`,
    );
  }
  return { header, index, columns, lastNamed, layout };
}

/** A row's odds by column; a bad number or a placeholder under 1.01 is a problem and left out
 * (handicap and total lines may be any number). */
function readOdds(
  cell: (name: string) => string,
  oddsColumns: string[],
  problem: (column: string, message: string) => void,
): Record<string, number> {
  const odds: Record<string, number> = {};
  for (const col of oddsColumns) {
    const raw = cell(col);
    if (raw === '') continue;
    const n = Number(raw);
    if (!Number.isFinite(n)) {
      problem(col, `bad number '${raw}'`);
    } else if (LINE_COLUMNS.has(col)) {
      odds[col] = n;
    } else if (n < 1.01) {
      problem(col, `odds ${raw} below 1.01 (placeholder), treated as missing`);
    } else {
      odds[col] = n;
    }
  }
  return odds;
}

export function parseFootballDataText(text: string, fileName: string): ParsedFile {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    throw new Error(`football-data: ${fileName} is not valid CSV: ${(err as Error).message}`);
  }
  if (records.length === 0) {
    throw new FootballDataFormatError(
      fileName,
      MAIN_REQUIRED,
      1,
      `football-data: ${fileName} is empty (line 1: no header; expected columns ${MAIN_REQUIRED.join(', ')})`,
    );
  }
  const { header, index, columns, lastNamed, layout } = readHeader(records[0], fileName);
  const f = layout === 'extra' ? EXTRA_FIELDS : MAIN_FIELDS;
  const oddsColumns = columns.filter((c) => !NON_ODDS.has(c));
  const matches: FootballDataMatch[] = [];
  const problems: ParseProblem[] = [];

  for (let r = 1; r < records.length; r++) {
    const { record, info } = records[r];
    // csv-parse counts the lines consumed so far; a record ending in a newline has consumed its own.
    const line = info.lines;
    if (record.every((v) => v === '')) continue; // ",,,,," rows at the end of some downloads
    const cell = (name: string): string => {
      const i = index.get(name);
      return i === undefined ? '' : (record[i] ?? '');
    };
    const rowProblems: ParseProblem[] = [];
    const problem = (column: string | undefined, message: string) => rowProblems.push({ line, column, message });
    if (record.length < lastNamed + 1)
      problem(undefined, `row has ${record.length} fields, the header ${lastNamed + 1}: missing cells read as blank`);
    else if (record.slice(header.length).some((v) => v !== ''))
      problem(undefined, `row has ${record.length} fields, the header ${header.length}: extra cells ignored`);

    const date = parseDate(cell(f.date));
    if (!date) problem(f.date, `bad date '${cell(f.date)}' (expected dd/mm/yy or dd/mm/yyyy)`);
    const rawTime = index.has(f.time) ? cell(f.time) : '';
    let time: string | undefined;
    if (rawTime !== '') {
      time = parseTime(rawTime);
      if (!time) problem(f.time, `bad time '${rawTime}' (expected HH:MM)`);
    }
    const homeTeam = cell(f.home);
    const awayTeam = cell(f.away);
    if (homeTeam === '') problem(f.home, 'missing home team');
    if (awayTeam === '') problem(f.away, 'missing away team');
    const divCell = cell(f.div);
    if (divCell === '') problem(f.div, 'missing league');
    if (!date || homeTeam === '' || awayTeam === '' || divCell === '') {
      problems.push(...rowProblems, { line, message: 'row skipped: no usable date, teams or league' });
      continue;
    }
    const int = (name: string): number | null => {
      const raw = cell(name);
      if (raw === '') return null;
      const n = Number(raw);
      if (!Number.isFinite(n) || !Number.isInteger(n) || n < 0) {
        problem(name, `bad count '${raw}'`);
        return null;
      }
      return n;
    };
    const result = (name: string): string | null => {
      const raw = cell(name);
      if (raw === '') return null;
      if (raw !== 'H' && raw !== 'D' && raw !== 'A') {
        problem(name, `bad result '${raw}' (expected H, D or A)`);
        return null;
      }
      return raw;
    };
    const stats = {} as FootballDataStats;
    for (const [key, col] of Object.entries(STAT_COLUMNS) as [keyof FootballDataStats, string][]) stats[key] = int(col);
    const odds = readOdds(cell, oddsColumns, problem);
    const div = layout === 'extra' ? (EXTRA_CODES[divCell] ?? divCell) : divCell;
    const season = layout === 'extra' && cell('Season') !== '' ? cell('Season') : '';
    matches.push({
      line,
      div,
      season,
      date,
      ...(time ? { time } : {}),
      kickoff: ukLocalToUtc(date, time ?? DEFAULT_UK_TIME),
      homeTeam,
      awayTeam,
      fthg: int(f.fthg),
      ftag: int(f.ftag),
      ftr: result(f.ftr),
      hthg: int('HTHG'),
      htag: int('HTAG'),
      htr: result('HTR'),
      referee: cell('Referee') === '' ? null : cell('Referee'),
      stats,
      odds,
    });
    problems.push(...rowProblems);
  }
  assignSeasons(matches);
  return { file: fileName, layout, columns, matches, problems };
}

/** dd/mm/yy or dd/mm/yyyy → YYYY-MM-DD, or undefined. Two-digit years: 93..99 → 1900s, else 2000s. */
export function parseDate(raw: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(raw.trim());
  if (!m) return undefined;
  const day = Number(m[1]);
  const month = Number(m[2]);
  let year = Number(m[3]);
  if (m[3].length === 2) year += year >= 90 ? 1900 : 2000;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function parseTime(raw: string): string | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(raw.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
  return `${pad(Number(m[1]))}:${m[2]}`;
}

/** Seasons of rows with no Season cell. A season runs July to June, but the 2019-20 seasons ran into
 * July 2020 after the COVID break, so a season starts only after a break of 40+ days ending between
 * July and September; every match up to the next such break belongs to the first match's season. */
function assignSeasons(matches: FootballDataMatch[]): void {
  const open = matches.filter((m) => m.season === '').sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let current = '';
  let previous = '';
  for (const m of open) {
    const month = Number(m.date.slice(5, 7));
    const gapDays = previous === '' ? Infinity : (Date.parse(m.date) - Date.parse(previous)) / 86_400_000;
    if (current === '' || (gapDays >= 40 && month >= 7 && month <= 9)) current = seasonOf(m.date);
    m.season = current;
    previous = m.date;
  }
}

/** European season of a date: July to June, '2024-25'. */
export function seasonOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const start = month >= 7 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}
