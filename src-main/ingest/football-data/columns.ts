// What each football-data odds column means: bookmaker, market, selection, pre-closing or closing.
// Names are bookmaker code + optional 'C' (closing) + outcome: B365H, PSCD, Avg>2.5, PCAHH, BFECAHA.
import { ukLocalToUtc as ukAt } from './uk-time';

export type Market = '1x2' | 'totals' | 'spreads';

export interface QuoteColumn {
  column: string;
  /** Bookmaker code as stored in `bookmakers` (Pinnacle's O/U and AH prefix 'P' becomes 'PS'). */
  bookmaker: string;
  market: Market;
  selection: 'home' | 'draw' | 'away' | 'over' | 'under';
  closing: boolean;
  /** totals: the goal line read from the column name; spreads: the column holding the handicap. */
  line?: number;
  lineColumn?: string;
}

export interface BookmakerInfo {
  bookmaker: string;
  name: string;
  is_sharp: boolean;
  is_exchange: boolean;
  is_aggregate: boolean;
}

const BOOKS: Record<string, [name: string, kind?: 'sharp' | 'exchange' | 'aggregate']> = {
  B365: ['Bet365'],
  BW: ['Bet&Win (bwin)'],
  IW: ['Interwetten'],
  PS: ['Pinnacle', 'sharp'],
  WH: ['William Hill'],
  VC: ['VC Bet'],
  BF: ['Betfair Sportsbook'],
  BFE: ['Betfair Exchange', 'exchange'],
  '1XB': ['1XBet'],
  BFD: ['Betfred'],
  BMGM: ['BetMGM'],
  BV: ['BetVictor'],
  CL: ['Coral'],
  LB: ['Ladbrokes'],
  GB: ['Gamebookers'],
  SJ: ['Stan James'],
  SB: ['Sportingbet'],
  BS: ['Blue Square'],
  SO: ['Sporting Odds'],
  SY: ['Stanleybet'],
  Max: ['Market maximum (football-data)', 'aggregate'],
  Avg: ['Market average (football-data)', 'aggregate'],
  BbMx: ['Betbrain maximum', 'aggregate'],
  BbAv: ['Betbrain average', 'aggregate'],
};
/** Every bookmaker code football-data uses, in the publisher's usual column order: the order that
 * settles ties of the best price when a backtest reads these files. */
export const KNOWN_BOOKMAKERS: readonly string[] = Object.keys(BOOKS);

/** Prefixes that mean another code: Pinnacle is 'P' in O/U and AH columns; 'B36' is the extra
 * layout's typo in B36CA. */
const ALIASES: Record<string, string> = { P: 'PS', B36: 'B365' };

export function bookmakerInfo(code: string): BookmakerInfo {
  const [name, kind] = BOOKS[code] ?? [code];
  return { bookmaker: code, name, is_sharp: kind === 'sharp', is_exchange: kind === 'exchange', is_aggregate: kind === 'aggregate' };
}

function resolvePrefix(prefix: string): { bookmaker: string; closing: boolean } | undefined {
  const known = (p: string) => (p in BOOKS ? p : ALIASES[p]);
  const open = known(prefix);
  if (open) return { bookmaker: open, closing: false };
  if (prefix.endsWith('C')) {
    const b = known(prefix.slice(0, -1));
    if (b) return { bookmaker: b, closing: true };
  }
  // An unknown code (a bookmaker football-data adds later): kept as written, pre-closing.
  if (/^[A-Za-z0-9]{1,6}$/.test(prefix)) return { bookmaker: prefix, closing: false };
  return undefined;
}

const SEL_1X2 = { H: 'home', D: 'draw', A: 'away' } as const;

/** Interprets one column header, or undefined when it is not a price (lines, counts such as Bb1X2). */
export function quoteColumn(column: string): QuoteColumn | undefined {
  let m = /^(.+)([<>])(\d+(?:\.\d+)?)$/.exec(column);
  if (m) {
    const b = resolvePrefix(m[1]);
    if (!b) return undefined;
    return { column, ...b, market: 'totals', selection: m[2] === '>' ? 'over' : 'under', line: Number(m[3]) };
  }
  m = /^(.+)AH([HA])$/.exec(column);
  if (m && m[1] !== 'Bb') {
    const b = resolvePrefix(m[1]);
    if (!b) return undefined;
    const lineColumn = m[1].startsWith('Bb') ? 'BbAHh' : b.closing ? 'AHCh' : 'AHh';
    return { column, ...b, market: 'spreads', selection: m[2] === 'H' ? 'home' : 'away', lineColumn };
  }
  if (column === 'AHh' || column === 'AHCh' || column === 'BbAHh' || column.startsWith('Bb1X2') || column === 'BbOU' || column === 'BbAH')
    return undefined;
  m = /^(.+)([HDA])$/.exec(column);
  if (m) {
    const b = resolvePrefix(m[1]);
    if (!b) return undefined;
    return { column, ...b, market: '1x2', selection: SEL_1X2[m[2] as 'H' | 'D' | 'A'] };
  }
  return undefined;
}

/** Pre-closing prices: football-data collects them on Tuesday and Friday afternoons (UK), so a quote
 * is dated at the latest Tuesday or Friday 16:00 UK time at least one hour before kick-off. */
export function preClosingTime(kickoff: Date): Date {
  const limit = kickoff.getTime() - 3_600_000;
  for (let back = 0; back < 8; back++) {
    const day = new Date(limit - back * 86_400_000);
    const dow = day.getUTCDay();
    if (dow !== 2 && dow !== 5) continue;
    const ymd = day.toISOString().slice(0, 10);
    const slot = ukAt(ymd, '16:00');
    if (slot.getTime() <= limit) return slot;
  }
  return new Date(limit - 7 * 86_400_000);
}
