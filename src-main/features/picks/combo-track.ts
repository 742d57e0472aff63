// Combos in the cache: recording (priced by combo-price.ts, at the net price of the one quoted),
// listing, and settlement leg by leg.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ContractError } from '../../../src-shared/contract/errors';
import type { comboInput, ComboPreview, ComboRow, DeskScope } from '../../../src-shared/contract/picks';
import type { Cache } from '../../platform/cache/open';
import { tableExists } from '../../platform/cache/tables';
import { currentDeskId, deskOf, ownRowsSql, requireDeskColumn } from '../../platform/desk';
import { writeOwnOutput } from '../../sync';
import { priceComboInput, type ComboToPrice } from './combo-price';
import { settleComboLegs, settleLeg, type GoalEvent, type LegResult } from './combos';
import { matchById, type MatchRow } from './queries';

type ParsedCombo = z.output<typeof comboInput>;

interface StoredLeg {
  match_id: number;
  market: string;
  line: number | null;
  selection: string;
  odds: number;
  probability: number;
  key?: string;
  label?: string;
  result: LegResult | null;
}

/** A combo priced but not recorded (picks.priceCombo): the very path recordCombo takes. */
export function previewCombo(db: Cache, c: ComboToPrice, now: Date, rates: Readonly<Record<string, number>>): ComboPreview {
  const p = priceComboInput(db, c, now, rates);
  return {
    modelProb: p.priced.probability,
    fairOdds: 1 / p.priced.probability,
    independentProb: p.priced.independentProbability,
    independentFairOdds: 1 / p.priced.independentProbability,
    pricing: p.priced.pricing,
    legs: p.legs.map((l) => ({ label: l.label, key: l.key })),
    bookmaker: p.bookmaker,
    quotedOdds: p.price?.quoted ?? null,
    commission: p.price?.commission ?? null,
    netOdds: p.price?.net ?? null,
    edge: p.price ? p.priced.probability * p.price.net - 1 : null,
  };
}

/** Records a combo at the net price of the one quoted (`rates`: each book's commission). */
export function recordCombo(db: Cache, c: ParsedCombo, now: Date, rates: Readonly<Record<string, number>>): ComboRow {
  const { legs, priced, bookmaker, pickedAt, price } = priceComboInput(db, c, now, rates);
  if (!price) throw new Error('recordCombo: a combo is recorded at a price'); // the contract requires odds
  requireDeskColumn(db, 'fg_combo_tracking');
  const deskId = deskOf(db).deskId;
  const comboId = c.comboId ?? `combo-${deskId}-${randomUUID()}`;
  if (db.prepare('SELECT 1 FROM fg_combo_tracking WHERE combo_id = ?').get(comboId))
    throw new ContractError('CONFLICT', `combo ${comboId} already exists: combos are never rewritten`, { comboId });
  const stored: StoredLeg[] = legs.map((l) => ({
    match_id: l.matchId,
    market: l.market,
    line: l.line,
    selection: l.selection,
    odds: l.odds,
    probability: l.probability,
    key: l.key,
    label: l.label,
    result: null,
  }));
  const pricing = priced.pricing.map((p) => ({
    match_id: p.matchId,
    legs: p.legs,
    correlation: p.correlation,
    correlation_source: p.correlationSource,
    probability: p.probability,
    lift: p.lift,
  }));
  writeOwnOutput(db, 'fg_combo_tracking', [
    {
      combo_id: comboId,
      desk_id: deskId,
      kind: c.kind,
      legs: JSON.stringify(stored),
      odds: price.net,
      quoted_odds: price.quoted,
      commission: price.commission,
      stake: c.stake,
      model_prob: priced.probability,
      fair_odds: 1 / priced.probability,
      independent_prob: priced.independentProbability,
      pricing: JSON.stringify(pricing),
      source: c.source,
      bookmaker,
      picked_at: pickedAt,
    },
  ]);
  return listCombos(db, 1, comboId)[0];
}

interface ComboDb {
  combo_id: string;
  desk_id: string | null;
  kind: ComboRow['kind'];
  source: string | null;
  bookmaker: string | null;
  picked_at: string | null;
  legs: string;
  odds: number;
  quoted_odds: number;
  commission: number;
  stake: number;
  model_prob: number | null;
  fair_odds: number | null;
  independent_prob: number | null;
  pricing: string | null;
  result: ComboRow['result'];
  profit: number | null;
  settled_at: string | null;
  settlement_note: string | null;
}

function parseLegs(text: string): StoredLeg[] {
  const v = JSON.parse(text) as unknown;
  return Array.isArray(v) ? (v as StoredLeg[]) : [];
}

const COMBO_SELECT = `SELECT combo_id, desk_id, kind, source, bookmaker, picked_at, legs, odds, COALESCE(quoted_odds, odds) AS quoted_odds,
  commission, stake, model_prob, fair_odds, independent_prob, pricing, result, profit, settled_at, settlement_note FROM fg_combo_tracking`;

/** Combos, newest first; `limit` -1: all; `desk` 'mine': this desk's only (none yet: a desk that has
 * written nothing owns no combo). */
export function listCombos(db: Cache, limit: number, comboId?: string, desk: DeskScope = 'team'): ComboRow[] {
  const rows = db
    .prepare(
      `${COMBO_SELECT} WHERE (@id IS NULL OR combo_id = @id) AND (@desk IS NULL OR desk_id = @desk)
       ORDER BY COALESCE(picked_at, created_at) DESC, combo_id LIMIT @limit`,
    )
    .all({ id: comboId ?? null, limit, desk: desk === 'mine' ? (currentDeskId(db) ?? '') : null }) as ComboDb[];
  return rows.map(comboRowOf);
}

interface StoredPricing {
  match_id: number;
  legs: number[];
  correlation: number;
  correlation_source: string;
  probability: number;
  lift: number | null;
}

function comboRowOf(r: ComboDb): ComboRow {
  const pricing = r.pricing ? (JSON.parse(r.pricing) as StoredPricing[]) : [];
  return {
    comboId: r.combo_id,
    deskId: r.desk_id,
    kind: r.kind,
    source: r.source,
    bookmaker: r.bookmaker,
    pickedAt: r.picked_at,
    legs: parseLegs(r.legs).map((l) => ({
      matchId: Number(l.match_id),
      market: l.market as ComboRow['legs'][number]['market'],
      line: l.line ?? null,
      selection: String(l.selection),
      label: l.label ?? `match ${l.match_id}`,
      odds: Number(l.odds),
      probability: Number(l.probability),
      result: l.result ?? null,
    })),
    odds: r.odds,
    quotedOdds: r.quoted_odds,
    commission: r.commission,
    stake: r.stake,
    modelProb: r.model_prob,
    fairOdds: r.fair_odds,
    independentProb: r.independent_prob,
    pricing: pricing.map((p) => ({
      matchId: p.match_id,
      legs: p.legs,
      correlation: p.correlation,
      correlationSource: p.correlation_source,
      probability: p.probability,
      lift: p.lift,
    })),
    result: r.result,
    profit: r.profit,
    settledAt: r.settled_at,
    settlementNote: r.settlement_note,
  };
}

const hasColumn = (db: Cache, table: string, column: string): boolean =>
  (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).includes(column);

const KNOWN = new Set(['1x2', 'totals', 'spreads', 'first_goalscorer', 'anytime_goalscorer']);

/** Settles combos leg by leg. Combos priced here are recomputed every time (a corrected score
 * re-settles them); combos recorded elsewhere are settled once, if their legs are markets known here. */
export function settleCombos(db: Cache, now: Date): { candidates: number; settled: number; written: number; notes: string[] } {
  if (!tableExists(db, 'fg_combo_tracking')) return { candidates: 0, settled: 0, written: 0, notes: [] };
  // a mirror from before migration 016 holds combos at their quoted price, without commission
  const netted = hasColumn(db, 'fg_combo_tracking', 'quoted_odds');
  const rows = db
    .prepare(
      `SELECT combo_id, legs, odds, ${netted ? 'COALESCE(quoted_odds, odds) AS quoted_odds, commission' : 'odds AS quoted_odds, 0 AS commission'},
        stake, pricing, result, profit FROM fg_combo_tracking
        WHERE (pricing IS NOT NULL OR result IS NULL) AND ${ownRowsSql(db, 'fg_combo_tracking')}`,
    )
    .all() as Pick<ComboDb, 'combo_id' | 'legs' | 'quoted_odds' | 'commission' | 'stake' | 'pricing' | 'result' | 'profit'>[];
  const matches = new Map<number, MatchRow | undefined>();
  const goals = new Map<number, GoalEvent[]>();
  const hasEvents = tableExists(db, 'match_events');
  const goalsOf = (id: number): GoalEvent[] => {
    let g = goals.get(id);
    if (!g) {
      g = hasEvents
        ? (
            db
              .prepare(
                `SELECT player_id AS playerId, minute, event_id AS eventId, is_own_goal AS own FROM match_events WHERE match_id = ? AND kind = 'goal'`,
              )
              .all(id) as { playerId: number | null; minute: number; eventId: number; own: number }[]
          ).map((e) => ({ ...e, isOwnGoal: e.own === 1 }))
        : [];
      goals.set(id, g);
    }
    return g;
  };
  const writes: Record<string, unknown>[] = [];
  let unknown = 0;
  let settled = 0;
  for (const r of rows) {
    const legs = parseLegs(r.legs);
    if (legs.some((l) => !KNOWN.has(l.market))) {
      unknown++;
      continue;
    }
    const results = legs.map((l) => {
      const id = Number(l.match_id);
      if (!matches.has(id)) matches.set(id, matchById(db, id));
      const m = matches.get(id);
      return m
        ? settleLeg(
            { matchId: id, market: l.market, line: l.line ?? null, selection: String(l.selection), odds: Number(l.odds) },
            m,
            goalsOf(id),
          )
        : null;
    });
    const s = settleComboLegs(
      results,
      legs.map((l) => Number(l.odds)),
      r.quoted_odds,
      r.commission,
      r.stake,
    );
    if (!s && r.result !== null) continue; // a settled combo keeps its result while a match is re-opened
    const legsChanged = legs.some((l, i) => (l.result ?? null) !== results[i]);
    const resultChanged = (s?.result ?? null) !== r.result || (s?.profit ?? null) !== r.profit;
    if (!legsChanged && !resultChanged) continue;
    if (s && resultChanged) settled++;
    writes.push({
      combo_id: r.combo_id,
      legs: JSON.stringify(legs.map((l, i) => ({ ...l, result: results[i] }))),
      result: s?.result ?? null,
      profit: s?.profit ?? null,
      settled_at: s && resultChanged ? now.toISOString() : undefined,
      settlement_note: s && r.result !== null && resultChanged ? `re-settled (was ${r.result})` : undefined,
    });
  }
  const notes = unknown ? [`${unknown} combos with legs on markets this desk does not settle: left as they are`] : [];
  const cleaned = writes.map((w) => Object.fromEntries(Object.entries(w).filter(([, v]) => v !== undefined)));
  const written = cleaned.length ? writeOwnOutput(db, 'fg_combo_tracking', cleaned) : 0;
  return { candidates: rows.length, settled, written, notes };
}
