// football-data.co.uk importer: CSV files → leagues, teams, bookmakers, matches and odds quotes in the
// PostgreSQL source. One transaction per file: COPY into temp tables, then INSERT ... SELECT ... ON
// CONFLICT on the natural keys, updating only rows whose values differ, so a re-import changes nothing
// (updated_at does not move) and a growing season file only adds its new matches.
//
// Timestamps: a closing price (C columns) is observed at kick-off with is_closing = true; a pre-closing
// price at the latest Tuesday or Friday 16:00 UK time at least an hour before kick-off (when the
// publisher collects them; see columns.ts). The extra layout only has closing prices.
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { connectClient } from '../../platform/pg/client';
import { throwIfCancelled } from '../../platform/jobs/define';
import { copyRows, type CopyValue } from '../../platform/pg/copy-in';
import { bookmakerInfo, preClosingTime, quoteColumn, type QuoteColumn } from './columns';
import { FootballDataFormatError, parseFootballDataFile, type FootballDataMatch, type ParseProblem, type ParsedFile } from './parse';

export interface ImportOptions {
  signal?: AbortSignal;
  progress?(p: { file: string; done: number; total: number }): void;
}

export interface FileImportReport {
  file: string;
  layout?: 'main' | 'extra';
  /** Data rows read as matches. */
  matches: number;
  /** Matches inserted or changed by this import (0 on a re-import). */
  matchesChanged: number;
  quotes: number;
  quotesChanged: number;
  problems: ParseProblem[];
  seconds: number;
  /** Set when the file was refused (unreadable, missing required columns); nothing of it was written. */
  error?: string;
}

export interface ImportReport {
  files: FileImportReport[];
  matches: number;
  quotes: number;
  problems: number;
  refused: number;
  seconds: number;
}

const LEAGUES: Record<string, [name: string, country: string]> = {
  E0: ['Premier League', 'England'],
  E1: ['Championship', 'England'],
  E2: ['League One', 'England'],
  E3: ['League Two', 'England'],
  EC: ['National League', 'England'],
  SC0: ['Scottish Premiership', 'Scotland'],
  D1: ['Bundesliga', 'Germany'],
  D2: ['2. Bundesliga', 'Germany'],
  SP1: ['La Liga', 'Spain'],
  SP2: ['Segunda Division', 'Spain'],
  I1: ['Serie A', 'Italy'],
  I2: ['Serie B', 'Italy'],
  F1: ['Ligue 1', 'France'],
  F2: ['Ligue 2', 'France'],
  N1: ['Eredivisie', 'Netherlands'],
  B1: ['Jupiler League', 'Belgium'],
  P1: ['Primeira Liga', 'Portugal'],
  T1: ['Super Lig', 'Turkey'],
  G1: ['Super League', 'Greece'],
  USA: ['MLS', 'USA'],
  NOR: ['Eliteserien', 'Norway'],
  SWE: ['Allsvenskan', 'Sweden'],
  DNK: ['Superliga', 'Denmark'],
  BRA: ['Serie A', 'Brazil'],
  ARG: ['Liga Profesional', 'Argentina'],
  JPN: ['J1 League', 'Japan'],
  MEX: ['Liga MX', 'Mexico'],
};

/** Every .csv under the given files and folders (recursively), sorted, each once. */
export function expandPaths(paths: string[]): string[] {
  const out = new Set<string>();
  const walk = (p: string) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) throw new Error(`football-data: no such file or folder: ${p}`);
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p).sort()) {
        const child = path.join(p, e);
        if (fs.statSync(child).isDirectory() || e.toLowerCase().endsWith('.csv')) walk(child);
      }
    } else out.add(path.resolve(p));
  };
  for (const p of paths) walk(p);
  return [...out];
}

interface Quote {
  line: number;
  q: QuoteColumn;
  lineValue: number | null;
  odds: number;
  observedAt: Date;
}

/** Quotes of one parsed file, with per-line problems for prices that cannot be placed. */
export function quotesOf(parsed: ParsedFile): { quotes: Quote[]; problems: ParseProblem[] } {
  const cols = new Map<string, QuoteColumn>();
  for (const c of parsed.columns) {
    const q = quoteColumn(c);
    if (q) cols.set(c, q);
  }
  const quotes: Quote[] = [];
  const problems: ParseProblem[] = [];
  for (const m of parsed.matches) {
    const opening = preClosingTime(m.kickoff);
    const seen = new Set<string>();
    for (const [column, odds] of Object.entries(m.odds)) {
      const q = cols.get(column);
      if (!q) continue;
      let lineValue: number | null = null;
      if (q.market === 'totals') lineValue = q.line ?? null;
      if (q.market === 'spreads') {
        lineValue = q.lineColumn ? (m.odds[q.lineColumn] ?? null) : null;
        if (lineValue === null) {
          problems.push({ line: m.line, column, message: `Asian handicap price without a line (${q.lineColumn} blank), skipped` });
          continue;
        }
      }
      const observedAt = q.closing ? m.kickoff : opening;
      const key = `${q.market}|${q.bookmaker}|${lineValue}|${q.selection}|${observedAt.getTime()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      quotes.push({ line: m.line, q, lineValue, odds, observedAt });
    }
  }
  return { quotes, problems };
}

/** Meeting number: the n-th time this home team hosts this away team in the league season. */
function meetings(matches: FootballDataMatch[]): Map<FootballDataMatch, number> {
  const sorted = [...matches].sort((a, b) => a.kickoff.getTime() - b.kickoff.getTime() || a.line - b.line);
  const count = new Map<string, number>();
  const out = new Map<FootballDataMatch, number>();
  for (const m of sorted) {
    const k = `${m.div}\u0000${m.season}\u0000${m.homeTeam}\u0000${m.awayTeam}`;
    const n = (count.get(k) ?? 0) + 1;
    count.set(k, n);
    out.set(m, n);
  }
  return out;
}

const MATCH_COLS = [
  'kickoff',
  'status',
  'home_goals',
  'away_goals',
  'ht_home_goals',
  'ht_away_goals',
  'home_shots',
  'away_shots',
  'home_shots_target',
  'away_shots_target',
  'home_corners',
  'away_corners',
  'home_fouls',
  'away_fouls',
  'home_yellow',
  'away_yellow',
  'home_red',
  'away_red',
  'referee',
  'origin',
];

/** The file's matches and quotes copied into temporary tables (dropped at commit). */
async function stageFile(
  client: pg.ClientBase,
  parsed: ParsedFile,
  quotes: Quote[],
  meeting: Map<FootballDataMatch, number>,
): Promise<void> {
  await client.query(`CREATE TEMP TABLE fd_matches (
    line integer PRIMARY KEY, league_code text, season text, meeting smallint, home text, away text,
    kickoff timestamptz, status text, home_goals smallint, away_goals smallint, ht_home_goals smallint, ht_away_goals smallint,
    home_shots smallint, away_shots smallint, home_shots_target smallint, away_shots_target smallint,
    home_corners smallint, away_corners smallint, home_fouls smallint, away_fouls smallint,
    home_yellow smallint, away_yellow smallint, home_red smallint, away_red smallint, referee text, origin text
  ) ON COMMIT DROP`);
  await client.query(`CREATE TEMP TABLE fd_quotes (
    line integer, market text, bookmaker text, line_value double precision, selection text,
    odds double precision, observed_at timestamptz, is_closing boolean) ON COMMIT DROP`);
  await copyRows(
    client,
    'fd_matches',
    ['line', 'league_code', 'season', 'meeting', 'home', 'away', ...MATCH_COLS],
    parsed.matches.map((m): CopyValue[] => [
      m.line,
      m.div,
      m.season,
      meeting.get(m),
      m.homeTeam,
      m.awayTeam,
      m.kickoff,
      m.fthg !== null && m.ftag !== null ? 'finished' : 'scheduled',
      m.fthg,
      m.ftag,
      m.hthg,
      m.htag,
      m.stats.hs,
      m.stats.as,
      m.stats.hst,
      m.stats.ast,
      m.stats.hc,
      m.stats.ac,
      m.stats.hf,
      m.stats.af,
      m.stats.hy,
      m.stats.ay,
      m.stats.hr,
      m.stats.ar,
      m.referee,
      'football-data',
    ]),
  );
  await copyRows(
    client,
    'fd_quotes',
    ['line', 'market', 'bookmaker', 'line_value', 'selection', 'odds', 'observed_at', 'is_closing'],
    quotes.map((x): CopyValue[] => [x.line, x.q.market, x.q.bookmaker, x.lineValue, x.q.selection, x.odds, x.observedAt, x.q.closing]),
  );
}

/** The leagues, teams and bookmakers the file names, added when new. */
async function upsertReferences(client: pg.ClientBase, parsed: ParsedFile, quotes: Quote[]): Promise<void> {
  const leagues = [...new Set(parsed.matches.map((m) => m.div))];
  for (const code of leagues) {
    const [name, country] = LEAGUES[code] ?? [code, null];
    await client.query('INSERT INTO leagues (league_code, name, country) VALUES ($1, $2, $3) ON CONFLICT (league_code) DO NOTHING', [
      code,
      name,
      country,
    ]);
  }
  await client.query(`INSERT INTO teams (name, league_code, country)
    SELECT DISTINCT ON (t.name) t.name, t.league_code, l.country
    FROM (SELECT home AS name, league_code, line FROM fd_matches UNION ALL SELECT away, league_code, line FROM fd_matches) t
    JOIN leagues l USING (league_code)
    ORDER BY t.name, t.line
    ON CONFLICT (name) DO NOTHING`);
  const books = [...new Set(quotes.map((x) => x.q.bookmaker))].map(bookmakerInfo);
  if (books.length > 0) {
    await client.query(
      `INSERT INTO bookmakers (bookmaker, name, is_sharp, is_exchange, is_aggregate)
      SELECT * FROM jsonb_to_recordset($1::jsonb) AS b(bookmaker text, name text, is_sharp boolean, is_exchange boolean, is_aggregate boolean)
      ON CONFLICT (bookmaker) DO NOTHING`,
      [JSON.stringify(books)],
    );
  }
}

/** The staged matches upserted by their natural key, then their quotes into each odds table; counts
 * what changed. */
async function upsertMatchesAndQuotes(client: pg.ClientBase): Promise<{ matchesChanged: number; quotesChanged: number }> {
  const cols = MATCH_COLS.join(', ');
  const upsert = await client.query(`INSERT INTO matches (league_code, season, meeting, home_team_id, away_team_id, ${cols})
    SELECT f.league_code, f.season, f.meeting, h.team_id, a.team_id, ${MATCH_COLS.map((c) => `f.${c}`).join(', ')}
    FROM fd_matches f JOIN teams h ON h.name = f.home JOIN teams a ON a.name = f.away
    ON CONFLICT ON CONSTRAINT matches_natural_key DO UPDATE SET ${MATCH_COLS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
    WHERE (${MATCH_COLS.map((c) => `matches.${c}`).join(', ')}) IS DISTINCT FROM (${MATCH_COLS.map((c) => `EXCLUDED.${c}`).join(', ')})`);
  await client.query(`CREATE TEMP TABLE fd_ids ON COMMIT DROP AS
    SELECT f.line, m.match_id FROM fd_matches f
    JOIN teams h ON h.name = f.home JOIN teams a ON a.name = f.away
    JOIN matches m ON m.league_code = f.league_code AND m.season = f.season AND m.meeting = f.meeting
      AND m.home_team_id = h.team_id AND m.away_team_id = a.team_id`);
  let quotesChanged = 0;
  const targets: [string, string, string][] = [
    ['1x2', 'odds_history', 'match_id, bookmaker, selection, observed_at'],
    ['totals', 'odds_totals', 'match_id, bookmaker, line, selection, observed_at'],
    ['spreads', 'odds_spreads', 'match_id, bookmaker, line, selection, observed_at'],
  ];
  for (const [market, table, key] of targets) {
    const withLine = market !== '1x2';
    const r =
      await client.query(`INSERT INTO ${table} (match_id, bookmaker, ${withLine ? 'line, ' : ''}selection, odds, observed_at, is_closing)
      SELECT i.match_id, q.bookmaker, ${withLine ? 'q.line_value, ' : ''}q.selection, q.odds, q.observed_at, q.is_closing
      FROM fd_quotes q JOIN fd_ids i USING (line) WHERE q.market = '${market}'
      ON CONFLICT (${key}) DO UPDATE SET odds = EXCLUDED.odds, is_closing = EXCLUDED.is_closing
      WHERE (${table}.odds, ${table}.is_closing) IS DISTINCT FROM (EXCLUDED.odds, EXCLUDED.is_closing)`);
    quotesChanged += r.rowCount ?? 0;
  }
  return { matchesChanged: upsert.rowCount ?? 0, quotesChanged };
}

async function importFile(client: pg.ClientBase, file: string): Promise<FileImportReport> {
  const t0 = performance.now();
  let parsed: ParsedFile;
  try {
    parsed = parseFootballDataFile(file);
  } catch (err) {
    const e = err as Error;
    return {
      file,
      matches: 0,
      matchesChanged: 0,
      quotes: 0,
      quotesChanged: 0,
      problems: [],
      seconds: (performance.now() - t0) / 1000,
      error: e instanceof FootballDataFormatError ? e.message : `football-data: ${file}: ${e.message}`,
    };
  }
  const { quotes, problems } = quotesOf(parsed);
  const meeting = meetings(parsed.matches);
  if (parsed.layout === 'main') {
    // One league-season per file: a pair meeting twice at the same ground is a duplicated row.
    for (const m of parsed.matches) {
      const n = meeting.get(m) ?? 1;
      if (n > 1)
        problems.push({
          line: m.line,
          message: `${m.homeTeam} v ${m.awayTeam} appears again in ${m.div} ${m.season}: stored as meeting ${n}`,
        });
    }
  }
  await client.query('BEGIN');
  try {
    await stageFile(client, parsed, quotes, meeting);
    await upsertReferences(client, parsed, quotes);
    const { matchesChanged, quotesChanged } = await upsertMatchesAndQuotes(client);
    await client.query('COMMIT');
    return {
      file,
      layout: parsed.layout,
      matches: parsed.matches.length,
      matchesChanged,
      quotes: quotes.length,
      quotesChanged,
      problems: [...parsed.problems, ...problems].sort((a, b) => a.line - b.line),
      seconds: (performance.now() - t0) / 1000,
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw new Error(`football-data: ${file}: import failed, nothing of this file was written: ${(err as Error).message}`);
  }
}

/** Imports files and folders (every .csv below a folder). A refused file (missing required columns)
 * is reported with its error and the others still import; bad values are per-line problems. */
export async function importFootballData(url: string, paths: string[], opts: ImportOptions = {}): Promise<ImportReport> {
  const t0 = performance.now();
  const files = expandPaths(paths);
  const client = await connectClient(url, { applicationName: 'monps-import' });
  const reports: FileImportReport[] = [];
  try {
    for (const [i, file] of files.entries()) {
      if (opts.signal) throwIfCancelled(opts.signal);
      opts.progress?.({ file, done: i, total: files.length });
      reports.push(await importFile(client, file));
    }
  } finally {
    await client.end();
  }
  return {
    files: reports,
    matches: reports.reduce((s, r) => s + r.matches, 0),
    quotes: reports.reduce((s, r) => s + r.quotes, 0),
    problems: reports.reduce((s, r) => s + r.problems.length, 0),
    refused: reports.filter((r) => r.error).length,
    seconds: (performance.now() - t0) / 1000,
  };
}
