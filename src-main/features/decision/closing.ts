// The closing line of a replayed bet, by the pick tracker's own code (one implementation live and in
// replay): the sharp book's closing prices, else the exchange's, else the market average (the source's
// average column, else the mean of its books), de-vigged multiplicatively; CLV = odds × closing
// probability − 1. A line nobody closed is "none", never a CLV of 0.
import { SELECTIONS, type MarketKind } from '../../../src-shared/contract/market';
import { findMarket, type BookRoles, type MarketPrices } from '../../../src-shared/domain/market-prices';
import { devig } from '../../../src-shared/quant/margins';
import { pickClose, referenceClose, type BookFlags, type ClosingLine, type ClosingQuote } from '../picks';

export type ClosingRole = 'sharp' | 'exchange' | 'average' | 'none';
export const CLOSING_ROLES: readonly ClosingRole[] = ['sharp', 'exchange', 'average', 'none'];

export interface FixtureClose {
  role: ClosingRole;
  /** The book whose close was used, or "average of N books". */
  source: string | null;
  /** De-vigged closing probabilities in SELECTIONS order. */
  probabilities: number[] | null;
  line: ClosingLine | null;
}

const NONE: FixtureClose = { role: 'none', source: null, probabilities: null, line: null };

function quotesOf(m: MarketPrices, kickoff: string): ClosingQuote[] {
  const sels = SELECTIONS[m.market];
  const out: ClosingQuote[] = [];
  for (const b of m.books)
    b.odds.forEach((odds, k) =>
      out.push({ bookmaker: b.bookmaker, selection: sels[k], odds, observedAt: b.observedAt ?? kickoff, isClosing: true }),
    );
  return out;
}

export function closingOf(
  closing: readonly MarketPrices[],
  market: MarketKind,
  line: number | null,
  roles: BookRoles,
  kickoff: string,
): FixtureClose {
  const m = findMarket(closing, market, line);
  if (!m) return NONE;
  const flags: BookFlags[] = m.books.map((b) => ({
    code: b.bookmaker,
    sharp: roles.sharp.includes(b.bookmaker),
    exchange: roles.exchange.includes(b.bookmaker),
    aggregate: roles.aggregate.includes(b.bookmaker),
  }));
  const c = referenceClose(quotesOf(m, kickoff), kickoff, SELECTIONS[market], flags, { average: roles.average ?? undefined });
  if (c.status === 'missing' || !c.odds) return NONE;
  const ref = c.reference ?? '';
  const role: ClosingRole = roles.sharp.includes(ref) ? 'sharp' : roles.exchange.includes(ref) ? 'exchange' : 'average';
  return { role, source: c.reference, probabilities: devig(c.odds, 'multiplicative').probabilities, line: c };
}

/** CLV of a bet against the fixture's closing line (the pick tracker's pickClose). */
export function betClv(
  close: FixtureClose,
  market: MarketKind,
  selection: string,
  bookmaker: string,
  odds: number,
): { clv: number | null; fairOdds: number | null } {
  if (!close.line) return { clv: null, fairOdds: null };
  const p = pickClose(close.line, SELECTIONS[market], selection, bookmaker, odds);
  return { clv: p.clv, fairOdds: p.closingFairOdds };
}
