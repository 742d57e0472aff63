// The series of the upcoming matches kept in the writer worker's memory between runs, so that an
// incremental run reads only the quotes written since the last one (the odds mirrors' updated_at,
// indexed) and rebuilds only the market lines they touched. A full run, a cache file that changed,
// or a sync that deleted quotes (the caller says so) builds it anew from the cache.
import { MARKETS, type MarketKind } from '../../../../src-shared/contract/market';
import type { Cache } from '../../../platform/cache/open';
import { tableExists } from '../../../platform/cache/tables';
import { ODDS_TABLES } from '../../market';
import { bookRoles, quotesStatement, type ScopeMatch } from './queries';
import { GroupBuilder, type BookRole, type MarketGroup, type Skips } from './series';

type QuoteRow = [number, string, number | null, string, number | null, string];

export interface StoreRead {
  /** Every group (full build) or the groups touched since the last read. */
  groups: MarketGroup[];
  quotes: number;
}

export class SeriesStore {
  private readonly builders = new Map<MarketKind, GroupBuilder>();
  private readonly known = new Set<number>();

  private constructor(
    readonly roles: Map<string, BookRole>,
    readonly aggregates: Set<string>,
  ) {}

  /** Reads every quote of the scope's matches. */
  static build(db: Cache, scope: readonly ScopeMatch[], asOf: number, skips: Skips): { store: SeriesStore; read: StoreRead } {
    const { roles, aggregates } = bookRoles(db);
    const store = new SeriesStore(roles, aggregates);
    const read = store.readMatches(db, scope, scope, asOf, skips);
    return { store, read };
  }

  private context(market: MarketKind, scope: readonly ScopeMatch[], asOf: number, skips: Skips) {
    return { market, kickoffs: new Map(scope.map((m) => [m.matchId, m.kickoff])), roles: this.roles, asOf, skips };
  }

  private builder(market: MarketKind, scope: readonly ScopeMatch[], asOf: number, skips: Skips): GroupBuilder {
    const ctx = this.context(market, scope, asOf, skips);
    let b = this.builders.get(market);
    if (!b) this.builders.set(market, (b = new GroupBuilder(ctx)));
    else b.setContext(ctx);
    return b;
  }

  /** Whole histories of `matches` (all of the scope on a build, matches new to the store after). */
  private readMatches(db: Cache, scope: readonly ScopeMatch[], matches: readonly ScopeMatch[], asOf: number, skips: Skips): StoreRead {
    const ids = JSON.stringify(matches.map((m) => m.matchId));
    let quotes = 0;
    const groups: MarketGroup[] = [];
    for (const market of MARKETS) {
      const b = this.builder(market, scope, asOf, skips);
      const stmt = quotesStatement(db, market);
      if (stmt && matches.length)
        for (const row of stmt.iterate(ids) as IterableIterator<QuoteRow>) {
          quotes++;
          if (!this.aggregates.has(row[1])) b.add(row[0], row[1], row[2], row[3], row[4], row[5]);
        }
      groups.push(...b.finishChanged());
    }
    for (const m of matches) this.known.add(m.matchId);
    return { groups, quotes };
  }

  /** The quotes written at or after `since` (per odds table, cache time) of the scope's matches, plus
   * the whole history of matches new to the scope; matches that left the scope are forgotten.
   * Returns the groups these touched, rebuilt. */
  update(db: Cache, scope: readonly ScopeMatch[], asOf: number, skips: Skips, since: ReadonlyMap<string, string | null>): StoreRead {
    const inScope = new Set(scope.map((m) => m.matchId));
    const gone = new Set([...this.known].filter((id) => !inScope.has(id)));
    if (gone.size) {
      for (const b of this.builders.values()) b.drop(gone);
      for (const id of gone) this.known.delete(id);
    }
    const fresh = scope.filter((m) => !this.known.has(m.matchId));
    let quotes = 0;
    for (const market of MARKETS) {
      const { table, hasLine } = ODDS_TABLES[market];
      const b = this.builder(market, scope, asOf, skips);
      const w = since.get(table);
      if (!tableExists(db, table) || w === undefined) continue;
      const rows = db
        .prepare(
          `SELECT match_id, bookmaker, ${hasLine ? 'line' : 'NULL'}, selection, odds, observed_at FROM ${table}
           WHERE updated_at >= ? ORDER BY match_id, bookmaker, ${hasLine ? 'line, ' : ''}selection, observed_at`,
        )
        .raw()
        .iterate(w ?? '') as IterableIterator<QuoteRow>;
      for (const row of rows) {
        if (!inScope.has(row[0]) || !this.known.has(row[0])) continue;
        quotes++;
        if (!this.aggregates.has(row[1])) b.add(row[0], row[1], row[2], row[3], row[4], row[5]);
      }
    }
    // matches new to the scope: their whole history; every builder then gives its changed groups
    const read = this.readMatches(db, scope, fresh, asOf, skips);
    return { groups: read.groups, quotes: quotes + read.quotes };
  }
}
