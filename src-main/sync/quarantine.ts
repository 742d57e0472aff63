import type { Statement } from 'better-sqlite3';
import type { QuarantineRule, QuarantineRow } from '../../src-shared/contract/sync';
import type { Cache } from '../platform/cache/open';
import type { RawRow } from './copy-reader';
import type { TablePlan } from './mirror';

/** Why a row is kept out of the mirror. */
export type QuarantineReason =
  | 'missing_key'
  | 'odds_missing'
  | 'odds_not_finite'
  | 'odds_le_1'
  | 'odds_absurd'
  | 'unknown_match'
  | 'future_timestamp'
  | 'impossible_timestamp'
  | 'bad_selection'
  | 'bad_line';

export interface Verdict {
  reason: QuarantineReason;
  message: string;
}

export interface RuleContext {
  /** "Now" of this sync (ms since epoch): observed_at more than a day ahead of it is refused. */
  nowMs: number;
}

/** Odds above this are not a price offered on 1X2, totals or handicaps (a feed glitch: 999.99, 1000). */
export const MAX_ODDS = 500;
const DAY_MS = 86_400_000;
const EARLIEST_MS = Date.UTC(1990, 0, 1);

/** ms → 'YYYY-MM-DD HH:MM:SS' (UTC), the prefix of PostgreSQL's text output. */
const pgText = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** The column the selection_known rule checks, and its values, per table. */
const SELECTIONS: Record<string, { column: string; values: readonly string[] }> = {
  odds_history: { column: 'selection', values: ['home', 'draw', 'away'] },
  odds_totals: { column: 'selection', values: ['over', 'under'] },
  odds_spreads: { column: 'selection', values: ['home', 'away'] },
  odds_scorers: { column: 'market', values: ['anytime', 'first'] },
};

/** Builds the row check of a table from its manifest rules. Rows arrive as PostgreSQL text. One
 * function with the column positions resolved up front: it runs for every row of a bulk load. */
export function makeValidator(plan: TablePlan, ctx: RuleContext): (row: RawRow) => Verdict | null {
  const col = (n: string): number => plan.columns.findIndex((c) => c.name === n);
  const rules = new Set<QuarantineRule>(plan.entry.rules);
  const keyIdx = rules.has('missing_key') ? plan.pkIdx : [];
  const odds = rules.has('odds_price') ? col('odds') : -1;
  const match = plan.matchFlag ? col('match_id') : -1;
  // the reader appends "match_id IN matches" after the synced columns (same snapshot as the row)
  const flag = plan.columns.length;
  const obs = rules.has('observed_at_sane') ? col('observed_at') : -1;
  const known = rules.has('selection_known') ? SELECTIONS[plan.table] : undefined;
  const allowed = known?.values;
  const sel = known ? col(known.column) : -1;
  const selOk = new Set(allowed ?? []);
  const line = rules.has('line_sane') ? col('line') : -1;
  const totals = plan.table === 'odds_totals';
  const limit = ctx.nowMs + DAY_MS;
  // PostgreSQL's ISO output ('YYYY-MM-DD HH:MM:SS[.ffffff]+00') orders as text: compare strings,
  // parse only what does not look like it (infinity, BC dates).
  const limitText = pgText(limit);
  const earliestText = pgText(EARLIEST_MS);

  return (row) => {
    for (let i = 0; i < keyIdx.length; i++) {
      const v = row[keyIdx[i]];
      if (v === null || v === '') return { reason: 'missing_key', message: `primary key column ${plan.pk[i]} is empty` };
    }
    if (odds >= 0) {
      const t = row[odds];
      if (t === null) return { reason: 'odds_missing', message: 'odds is NULL (a missing price is not a quote)' };
      const v = Number(t);
      if (!(v > 1 && v <= MAX_ODDS)) {
        if (!Number.isFinite(v)) return { reason: 'odds_not_finite', message: `odds ${t} is not a finite number` };
        if (v <= 1) return { reason: 'odds_le_1', message: `odds ${t} ≤ 1.0 (no possible win)` };
        return { reason: 'odds_absurd', message: `odds ${t} > ${MAX_ODDS} is not a real price` };
      }
    }
    if (match >= 0 && row[flag] !== 't' && row[match] !== null) {
      return { reason: 'unknown_match', message: `match_id ${row[match]} is not a match of the source` };
    }
    if (obs >= 0) {
      const t = row[obs];
      if (t !== null) {
        let future: boolean;
        let impossible: boolean;
        if (t.length >= 19 && t.charCodeAt(4) === 45 && t.charCodeAt(10) === 32 && t.charCodeAt(0) !== 45) {
          future = t > limitText;
          impossible = t < earliestText;
        } else {
          const ms = Date.parse(t.replace(' ', 'T').replace(/\+00$/, 'Z'));
          impossible = !Number.isFinite(ms) || ms < EARLIEST_MS;
          future = !impossible && ms > limit;
        }
        if (impossible) return { reason: 'impossible_timestamp', message: `observed_at ${t} is not a plausible time` };
        if (future) return { reason: 'future_timestamp', message: `observed_at ${t} is more than a day in the future` };
      }
    }
    if (sel >= 0) {
      const v = row[sel];
      if (v !== null && !selOk.has(v))
        return { reason: 'bad_selection', message: `${known?.column} '${v}' is not one of ${(allowed ?? []).join(', ')}` };
    }
    if (line >= 0) {
      const t = row[line];
      if (t !== null) {
        const v = Number(t);
        const ok = Number.isFinite(v) && Number.isInteger(v * 4) && (totals ? v > 0 && v <= 20 : Math.abs(v) <= 10);
        if (!ok) return { reason: 'bad_line', message: `line ${t} is not a ${totals ? 'goal' : 'handicap'} line` };
      }
    }
    return null;
  };
}

/** The quarantine of one table during a sync: which keys are in it (loaded once: it is small), and
 * prepared writes. All calls run inside the caller's batch transaction. */
export class QuarantineBook {
  private readonly keys: Set<string>;
  /** First key column of every quarantined key: lets most rows skip building their key. */
  private readonly heads = new Map<string, number>();
  private readonly put: Statement;
  private readonly del: Statement;
  constructor(
    private readonly db: Cache,
    private readonly plan: TablePlan,
  ) {
    this.keys = new Set(
      (db.prepare('SELECT source_key FROM quarantine WHERE table_name = ?').all(plan.table) as { source_key: string }[]).map(
        (r) => r.source_key,
      ),
    );
    for (const k of this.keys) this.countHead(k, 1);
    this.put = db.prepare(
      `INSERT INTO quarantine (table_name, source_key, key, reason, message, raw, first_seen, last_seen)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (table_name, source_key) DO UPDATE SET key = excluded.key, reason = excluded.reason,
         message = excluded.message, raw = excluded.raw, last_seen = excluded.last_seen`,
    );
    this.del = db.prepare('DELETE FROM quarantine WHERE table_name = ? AND source_key = ?');
  }

  get size(): number {
    return this.keys.size;
  }

  private countHead(sourceKey: string, d: number): void {
    const head = (JSON.parse(sourceKey) as string[])[0];
    const n = (this.heads.get(head) ?? 0) + d;
    if (n > 0) this.heads.set(head, n);
    else this.heads.delete(head);
  }

  /** False when no quarantined key starts with this first key column value. */
  mayHold(firstKeyColumn: string | null): boolean {
    return firstKeyColumn !== null && this.heads.has(firstKeyColumn);
  }

  has(sourceKey: string): boolean {
    return this.keys.has(sourceKey);
  }

  allKeys(): string[] {
    return [...this.keys];
  }

  /** Returns true when the key was not quarantined before. */
  add(sourceKey: string, keyJson: string, v: Verdict, row: RawRow, now: string): boolean {
    const raw: Record<string, string | null> = {};
    this.plan.columns.forEach((c, i) => (raw[c.name] = row[i]));
    this.put.run(this.plan.table, sourceKey, keyJson, v.reason, v.message, JSON.stringify(raw), now, now);
    if (this.keys.has(sourceKey)) return false;
    this.keys.add(sourceKey);
    this.countHead(sourceKey, 1);
    return true;
  }

  /** Returns true when the key was quarantined (the row is fixed or gone). */
  release(sourceKey: string): boolean {
    if (!this.keys.has(sourceKey)) return false;
    this.del.run(this.plan.table, sourceKey);
    this.keys.delete(sourceKey);
    this.countHead(sourceKey, -1);
    return true;
  }
}

export function quarantineCounts(db: Cache): { table: string; count: number }[] {
  return (
    db.prepare('SELECT table_name AS t, count(*) AS n FROM quarantine GROUP BY table_name ORDER BY table_name').all() as {
      t: string;
      n: number;
    }[]
  ).map((r) => ({ table: r.t, count: r.n }));
}

export function listQuarantine(db: Cache, opts: { table?: string; limit?: number; offset?: number } = {}): QuarantineRow[] {
  const rows = db
    .prepare(
      `SELECT table_name, key, reason, message, raw, first_seen, last_seen FROM quarantine
        WHERE (@table IS NULL OR table_name = @table) ORDER BY table_name, last_seen DESC, source_key LIMIT @limit OFFSET @offset`,
    )
    .all({ table: opts.table ?? null, limit: opts.limit ?? 100, offset: opts.offset ?? 0 }) as {
    table_name: string;
    key: string;
    reason: string;
    message: string;
    raw: string;
    first_seen: string;
    last_seen: string;
  }[];
  return rows.map((r) => ({
    table: r.table_name,
    key: JSON.parse(r.key) as Record<string, unknown>,
    reason: r.reason,
    message: r.message,
    raw: JSON.parse(r.raw) as Record<string, string | null>,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
  }));
}
