// football-data.co.uk files as backtest data, read with the importer's parser and column map: the
// decision prices are the pre-closing columns (B365H, PSH, MaxH, AvgH, B365>2.5, PAHH with AHh, …), the
// closing ones the C columns (PSCH, BFECH, AvgCH, PC>2.5, PCAHH with AHCh, …), results FTHG/FTAG.
import fs from 'node:fs';
import path from 'node:path';
import { SELECTIONS } from '../../../../../src-shared/contract/market';
import {
  KNOWN_BOOKMAKERS,
  parseFootballDataFile,
  preClosingTime,
  quoteColumn,
  type FootballDataMatch,
  type ParsedFile,
  type QuoteColumn,
} from '../../../../ingest/football-data';
import { commissions } from '../../../../../src-shared/domain/market-prices';
import type { BacktestData, BacktestFixture, BookPrices, BookRoles, MarketPrices } from '../types';

export const FOOTBALL_DATA_ROLES: BookRoles = {
  sharp: ['PS'],
  exchange: ['BFE'],
  aggregate: ['Max', 'Avg', 'BbMx', 'BbAv'],
  average: 'Avg',
  maximum: 'Max',
  order: [...KNOWN_BOOKMAKERS],
  // the Betfair Exchange's base commission on net winnings (a backtest's `commission` parameter changes it)
  commission: commissions(['BFE']),
};

/** The CSV files named, folders expanded to their *.csv (sorted), in the order given. */
export function csvFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!fs.existsSync(p)) throw new Error(`no such file or folder: ${p}`);
    if (fs.statSync(p).isDirectory()) {
      const inner = fs
        .readdirSync(p)
        .filter((f) => f.toLowerCase().endsWith('.csv'))
        .sort()
        .map((f) => path.join(p, f));
      if (inner.length === 0) throw new Error(`folder ${p} holds no .csv file`);
      out.push(...inner);
    } else out.push(p);
  }
  return out;
}

const rank = (book: string): number => {
  const i = FOOTBALL_DATA_ROLES.order.indexOf(book);
  return i < 0 ? FOOTBALL_DATA_ROLES.order.length : i;
};

/** How one file's columns make market lines: per (pre-closing | closing) × market × line source, the
 * books in the publisher's order and the column of each of their selections. Built once per file. */
interface LinePlan {
  closing: boolean;
  market: QuoteColumn['market'];
  /** totals: the line from the column name; spreads: the column holding the handicap (AHh, AHCh). */
  line: number | null;
  lineColumn: string | null;
  books: { bookmaker: string; columns: (string | null)[] }[];
}

function filePlan(columns: readonly string[]): LinePlan[] {
  const plans = new Map<string, LinePlan>();
  for (const c of columns.map(quoteColumn)) {
    if (!c) continue;
    const line = c.market === 'totals' ? (c.line ?? null) : null;
    const lineColumn = c.market === 'spreads' ? (c.lineColumn ?? null) : null;
    const key = `${c.closing ? 'c' : 'd'}|${c.market}|${line ?? ''}|${lineColumn ?? ''}`;
    let plan = plans.get(key);
    if (!plan) plans.set(key, (plan = { closing: c.closing, market: c.market, line, lineColumn, books: [] }));
    let book = plan.books.find((b) => b.bookmaker === c.bookmaker);
    if (!book)
      plan.books.push((book = { bookmaker: c.bookmaker, columns: new Array<string | null>(SELECTIONS[c.market].length).fill(null) }));
    book.columns[SELECTIONS[c.market].indexOf(c.selection)] = c.column;
  }
  for (const plan of plans.values())
    plan.books.sort((a, b) => rank(a.bookmaker) - rank(b.bookmaker) || (a.bookmaker < b.bookmaker ? -1 : 1));
  return [...plans.values()];
}

/** Prices of one row: pre-closing (decision) and closing market lines. A book with no price on the
 * line is left out; an AH line without its handicap cannot be placed and is left out. */
function rowMarkets(m: FootballDataMatch, plans: readonly LinePlan[]): { decision: MarketPrices[]; closing: MarketPrices[] } {
  const decisionAt = preClosingTime(m.kickoff).toISOString();
  const closingAt = m.kickoff.toISOString();
  const decision: MarketPrices[] = [];
  const closing: MarketPrices[] = [];
  for (const plan of plans) {
    const line = plan.lineColumn === null ? plan.line : (m.odds[plan.lineColumn] ?? null);
    if (plan.market !== '1x2' && line === null) continue;
    const at = plan.closing ? closingAt : decisionAt;
    const books: BookPrices[] = [];
    for (const b of plan.books) {
      let any = false;
      const odds = b.columns.map((c) => {
        const o = c === null ? undefined : m.odds[c];
        if (o === undefined) return null;
        any = true;
        return o;
      });
      if (any) books.push({ bookmaker: b.bookmaker, odds, observedAt: at, priceSince: odds.map(() => at) });
    }
    if (books.length) (plan.closing ? closing : decision).push({ market: plan.market, line, books, lastMoveAt: null });
  }
  return { decision, closing };
}

/** Backtest data from parsed files; fixtures keep the files' order, then their rows' order. */
export function footballDataFixtures(parsed: readonly ParsedFile[]): BacktestData {
  const fixtures: BacktestFixture[] = [];
  const problems: string[] = [];
  let matches = 0;
  parsed.forEach((file, fi) => {
    const plans = filePlan(file.columns);
    for (const p of file.problems) if (/skipped/.test(p.message)) problems.push(`${file.file}:${p.line}: ${p.message}`);
    file.matches.forEach((m, row) => {
      matches++;
      const { decision, closing } = rowMarkets(m, plans);
      fixtures.push({
        key: `${m.div}|${m.season}|${path.basename(file.file)}:${m.line}`,
        matchId: null,
        league: m.div,
        season: m.season,
        date: m.date,
        kickoff: m.kickoff.toISOString(),
        home: m.homeTeam,
        away: m.awayTeam,
        order: fi * 1_000_000 + row,
        decision,
        closing,
        result: m.fthg !== null && m.ftag !== null ? { homeGoals: m.fthg, awayGoals: m.ftag } : null,
      });
    });
  });
  return {
    description: `${parsed.length} football-data file${parsed.length === 1 ? '' : 's'}, ${matches} matches`,
    fixtures,
    roles: FOOTBALL_DATA_ROLES,
    problems,
  };
}

/** Reads and parses the files (folders expanded): a file that is not football-data is a clear error. */
export function loadFootballData(paths: readonly string[]): BacktestData {
  return footballDataFixtures(csvFiles(paths).map((f) => parseFootballDataFile(f)));
}
