import { ContractError } from '../../../src-shared/contract/errors';
import type { Cache } from './open';

export function tableExists(db: Cache, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?").get(name) !== undefined;
}

export function missingTables(db: Cache, names: readonly string[]): string[] {
  return names.filter((n) => !tableExists(db, n));
}

/** A read that needs mirrors the cache does not have yet fails UNAVAILABLE, naming them. */
export function requireTables(db: Cache, names: readonly string[]): void {
  const missing = missingTables(db, names);
  if (missing.length) throw new ContractError('UNAVAILABLE', `the cache has no ${missing.join(', ')} yet: sync the source first`);
}

/** Every row of a statement, typed by the caller (the SQL names its columns to match `T`). */
export function allRows<T>(db: Cache, sql: string, ...params: unknown[]): T[] {
  return db.prepare(sql).all(...params) as T[];
}

/** The first row of a statement, or undefined. */
export function oneRow<T>(db: Cache, sql: string, ...params: unknown[]): T | undefined {
  return db.prepare(sql).get(...params) as T | undefined;
}
