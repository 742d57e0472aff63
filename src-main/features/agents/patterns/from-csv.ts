// History from football-data.co.uk CSVs directly (the CLI on an analyst's files): the reference closing
// prices are Pinnacle's (PSC*, PC>2.5), else the Betfair Exchange's (BFEC*), else the market average's
// (AvgC*); the earlier price is the same book's pre-closing snapshot (PSH, P>2.5, ...).
import path from 'node:path';
import { parseFootballDataFile, type FootballDataMatch } from '../../../ingest/football-data';
import { pickLine, priceReferenceText, type HistoryMatch, type LineCandidate, type PriceRole } from './history';

const BOOKS: readonly { book: string; role: PriceRole; oneXTwo: [string, string]; totals: [string, string] }[] = [
  // [closing prefix, pre-closing prefix]; Pinnacle's O/U columns use the prefix P
  { book: 'PS', role: 'sharp', oneXTwo: ['PSC', 'PS'], totals: ['PC', 'P'] },
  { book: 'BFE', role: 'exchange', oneXTwo: ['BFEC', 'BFE'], totals: ['BFEC', 'BFE'] },
  { book: 'Avg', role: 'average', oneXTwo: ['AvgC', 'Avg'], totals: ['AvgC', 'Avg'] },
];

export const CSV_PRICE_REFERENCE = priceReferenceText({ sharp: ['PS'], exchange: ['BFE'], average: ['Avg'] });

const cols = (odds: Record<string, number>, names: string[]) => names.map((c) => odds[c]);

function candidates(m: FootballDataMatch, market: 'oneXTwo' | 'totals'): LineCandidate[] {
  return BOOKS.map((b) => {
    const [close, early] = b[market];
    const names = (prefix: string) => (market === 'oneXTwo' ? ['H', 'D', 'A'].map((o) => prefix + o) : [`${prefix}>2.5`, `${prefix}<2.5`]);
    return { book: b.book, role: b.role, close: cols(m.odds, names(close)), early: cols(m.odds, names(early)) };
  });
}

export interface CsvHistory {
  matches: HistoryMatch[];
  files: number;
  /** Rows without a full-time score (fixtures to come) and rows seen twice (a file given twice). */
  unplayed: number;
  duplicates: number;
}

export function historyFromRows(rows: readonly FootballDataMatch[], fileOf: (row: FootballDataMatch) => string): Omit<CsvHistory, 'files'> {
  const seen = new Set<string>();
  const matches: HistoryMatch[] = [];
  let unplayed = 0;
  let duplicates = 0;
  for (const m of rows) {
    if (m.fthg === null || m.ftag === null) {
      unplayed++;
      continue;
    }
    const key = `${m.div}|${m.season}|${m.homeTeam}|${m.awayTeam}|${m.date}`;
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    const kickoff = m.kickoff.toISOString();
    matches.push({
      id: `${fileOf(m)}:${m.line}`,
      league: m.div,
      season: m.season,
      date: kickoff.slice(0, 10),
      kickoff,
      home: m.homeTeam,
      away: m.awayTeam,
      homeGoals: m.fthg,
      awayGoals: m.ftag,
      oneXTwo: pickLine(candidates(m, 'oneXTwo'), 3),
      totals25: pickLine(candidates(m, 'totals'), 2),
    });
  }
  return { matches, unplayed, duplicates };
}

/** Parses the files (a bad file is the parser's clear error, naming it) and builds the history. */
export function historyFromCsv(files: readonly string[]): CsvHistory {
  const rows: FootballDataMatch[] = [];
  const fileOf = new Map<FootballDataMatch, string>();
  for (const f of files) {
    const parsed = parseFootballDataFile(f);
    for (const m of parsed.matches) fileOf.set(m, path.basename(f));
    rows.push(...parsed.matches);
  }
  return { ...historyFromRows(rows, (m) => fileOf.get(m) ?? '?'), files: files.length };
}
