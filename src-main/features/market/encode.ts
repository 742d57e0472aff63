// Board rows → the contract's column form (see boardColumns in src-shared/contract/market.ts).
import { MARKETS, SELECTIONS, type BoardColumns, type BoardRow } from '../../../src-shared/contract/market';

const r6 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e6) / 1e6);

export function encodeRows(rows: readonly BoardRow[]): { bookmakers: string[]; columns: BoardColumns } {
  const bookIndex = new Map<string, number>();
  const book = (b: string | null): number | null => {
    if (b === null) return null;
    let i = bookIndex.get(b);
    if (i === undefined) bookIndex.set(b, (i = bookIndex.size));
    return i;
  };
  const n = rows.length;
  const c: BoardColumns = {
    matchId: new Array(n),
    market: new Array(n),
    line: new Array(n),
    selection: new Array(n),
    books: new Array(n),
    bestOdds: new Array(n),
    bestQuoted: new Array(n),
    bestBook: new Array(n),
    fairProb: new Array(n),
    sharpOdds: new Array(n),
    sharpBook: new Array(n),
    margin: new Array(n),
    openFairOdds: new Array(n),
    move: new Array(n),
    edge: new Array(n),
  };
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    c.matchId[i] = r.matchId;
    c.market[i] = MARKETS.indexOf(r.market);
    c.line[i] = r.line;
    c.selection[i] = SELECTIONS[r.market].indexOf(r.selection);
    c.books[i] = r.books;
    c.bestOdds[i] = r.bestOdds;
    c.bestQuoted[i] = r.bestQuoted;
    c.bestBook[i] = book(r.bestBook);
    c.fairProb[i] = r.fairProb === null ? null : Math.round(r.fairProb * 1e9) / 1e9;
    c.sharpOdds[i] = r6(r.sharpOdds);
    c.sharpBook[i] = book(r.sharpBook);
    c.margin[i] = r6(r.margin);
    c.openFairOdds[i] = r6(r.openFairOdds);
    c.move[i] = r6(r.move);
    c.edge[i] = r6(r.edge);
  }
  return { bookmakers: [...bookIndex.keys()], columns: c };
}
