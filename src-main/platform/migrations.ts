import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

/** Numbered SQL files (`001_name.sql`), in order, each with the sha256 of its text. */
export function readMigrations(dir: string): MigrationFile[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{3,}_[\w-]+\.sql$/.test(f))
    .sort();
  const seen = new Set<number>();
  return files.map((file) => {
    const version = Number(file.slice(0, file.indexOf('_')));
    if (seen.has(version)) throw new Error(`two migrations share number ${version} in ${dir}`);
    seen.add(version);
    const sql = fs.readFileSync(path.join(dir, file), 'utf8');
    return { version, name: file, sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
}

export interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
}

/** A database whose applied migrations are not a prefix of the known list is refused: it was
 * written by another build, and guessing would corrupt it. Returns the migrations still to apply. */
export function pendingMigrations(known: MigrationFile[], applied: AppliedMigration[], where: string): MigrationFile[] {
  const byVersion = new Map(known.map((m) => [m.version, m]));
  for (const a of applied) {
    const k = byVersion.get(a.version);
    if (!k) throw new Error(`${where}: applied migration ${a.name} is unknown to this version of Mon_PS Desk`);
    if (k.checksum !== a.checksum) throw new Error(`${where}: migration ${a.name} was changed after it was applied (checksum differs)`);
  }
  const done = new Set(applied.map((a) => a.version));
  return known.filter((m) => !done.has(m.version));
}
