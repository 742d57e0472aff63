// Combos in the cache: recording (priced with the correlations of their same-match legs: given by
// the caller, else patterns_correlations when it has a row for the two legs' keys, else none) and
// settlement leg by leg.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ContractError } from '../../../src-shared/contract/errors';
import type { comboInput, ComboRow } from '../../../src-shared/contract/picks';
import { comboLegKey } from '../../../src-shared/domain/combo-legs';
import type { Cache } from '../../platform/cache/open';
import { tableExists } from '../../platform/cache/tables';
import { deskOf, ownRowsSql, requireDeskColumn } from '../../platform/desk';
import { writeOwnOutput } from '../../sync';
import { priceCombo, settleComboLegs, settleLeg, type Correlation, type GoalEvent, type LegResult, type PricedLeg } from './combos';
import { matchById, type MatchRow } from './queries';
import { resolveBookmaker } from './record';

type ParsedCombo = z.output<typeof comboInput>;

interface Issue {
  path: string[];
  message: string;
}

function refuse(issues: Issue[]): never {
  throw new ContractError('VALIDATION', issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), { issues });
}

/** The correlation patterns_correlations holds for two leg keys (either order; the largest sample). */
function tableCorrelation(db: Cache, a: string, b: string): Correlation | null {
  if (!tableExists(db, 'patterns_correlations')) return null;
  const r = db
    .prepare(
      `SELECT correlation_id AS id, correlation, sample_size AS n FROM patterns_correlations
       WHERE (market_a = @a AND market_b = @b) OR (market_a = @b AND market_b = @a) ORDER BY sample_size DESC, correlation_id LIMIT 1`,
    )
    .get({ a, b }) as { id: string; correlation: number; n: number } | undefined;
  return r ? { value: r.correlation, source: `patterns_correlations ${r.id} (n = ${r.n})` } : null;
}

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

function playerOf(db: Cache, id: number): { name: string; teamId: number } | undefined {
  if (!tableExists(db, 'players')) return undefined;
  return db.prepare('SELECT name, team_id AS teamId FROM players WHERE player_id = ?').get(id) as
    { name: string; teamId: number } | undefined;
}

function teamName(db: Cache, id: number): string {
  return (db.prepare('SELECT name FROM teams WHERE team_id = ?').get(id) as { name: string } | undefined)?.name ?? `team ${id}`;
}

export function recordCombo(db: Cache, c: ParsedCombo, now: Date): ComboRow {
  const issues: Issue[] = [];
  const pickedAt = c.pickedAt ? new Date(c.pickedAt).toISOString() : now.toISOString();
  let bookmaker: string | null = null;
  if (c.bookmaker !== undefined) {
    const b = resolveBookmaker(db, c.bookmaker);
    if ('error' in b) issues.push({ path: ['bookmaker'], message: b.error });
    else bookmaker = b.code;
  }
  const legs: (PricedLeg & { label: string })[] = [];
  c.legs.forEach((l, i) => {
    const where = ['legs', String(i)];
    const m: MatchRow | undefined = matchById(db, l.matchId);
    if (!m) return void issues.push({ path: [...where, 'matchId'], message: `no match ${l.matchId} in the cache` });
    if (Date.parse(pickedAt) >= Date.parse(m.kickoff))
      issues.push({
        path: [...where, 'matchId'],
        message: `match ${l.matchId} kicked off at ${m.kickoff}, before the combo (${pickedAt})`,
      });
    let side: 'home' | 'away' | undefined;
    let label = `${teamName(db, m.homeTeamId)} – ${teamName(db, m.awayTeamId)}`;
    if (l.market === 'first_goalscorer' || l.market === 'anytime_goalscorer') {
      const p = playerOf(db, Number(l.selection));
      if (!p) return void issues.push({ path: [...where, 'selection'], message: `no player ${l.selection} in the cache` });
      side = p.teamId === m.homeTeamId ? 'home' : p.teamId === m.awayTeamId ? 'away' : undefined;
      if (!side)
        return void issues.push({
          path: [...where, 'selection'],
          message: `player ${l.selection} (${p.name}) plays for neither side of match ${l.matchId}`,
        });
      label = `${p.name} (${label})`;
    }
    legs.push({
      matchId: l.matchId,
      market: l.market,
      line: l.line,
      selection: l.selection,
      odds: l.odds,
      probability: l.probability,
      key: comboLegKey(l, side),
      label,
    });
  });
  const keys = legs.map((l) => `${l.matchId}|${l.key}|${l.selection}`);
  keys.forEach((k, i) => {
    if (keys.indexOf(k) !== i) issues.push({ path: ['legs', String(i)], message: `leg ${i} repeats leg ${keys.indexOf(k)}` });
  });
  if (c.kind !== 'accumulator' && !legs.some((l) => l.market === c.kind))
    issues.push({ path: ['kind'], message: `a ${c.kind} combo needs a ${c.kind} leg` });
  const given = new Map<string, Correlation>();
  c.correlations.forEach((x, i) => {
    const [a, b] = x.legs;
    if (a >= c.legs.length || b >= c.legs.length || a === b)
      issues.push({ path: ['correlations', String(i), 'legs'], message: `legs ${a} and ${b} are not two legs of this combo` });
    else if (c.legs[a].matchId !== c.legs[b].matchId)
      issues.push({
        path: ['correlations', String(i), 'legs'],
        message: `legs ${a} and ${b} are on different matches: they are independent`,
      });
    else given.set(`${Math.min(a, b)}|${Math.max(a, b)}`, { value: x.value, source: x.source ?? 'given' });
  });
  if (issues.length) refuse(issues);
  let priced;
  try {
    priced = priceCombo(legs, (i, j) => {
      const g = given.get(`${i}|${j}`);
      if (g !== undefined) return g;
      return tableCorrelation(db, legs[i].key, legs[j].key) ?? { value: 0, source: 'none known: priced as independent' };
    });
  } catch (err) {
    refuse([{ path: ['legs'], message: (err as Error).message }]);
  }
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
  writeOwnOutput(db, 'fg_combo_tracking', [
    {
      combo_id: comboId,
      desk_id: deskId,
      kind: c.kind,
      legs: JSON.stringify(stored),
      odds: c.odds,
      stake: c.stake,
      model_prob: priced.probability,
      fair_odds: 1 / priced.probability,
      independent_prob: priced.independentProbability,
      pricing: JSON.stringify(
        priced.pricing.map((p) => ({
          match_id: p.matchId,
          legs: p.legs,
          correlation: p.correlation,
          correlation_source: p.correlationSource,
          probability: p.probability,
          lift: p.lift,
        })),
      ),
      source: c.source,
      bookmaker,
      picked_at: pickedAt,
    },
  ]);
  return listCombos(db, 1, comboId)[0];
}

interface ComboDb {
  combo_id: string;
  kind: ComboRow['kind'];
  source: string | null;
  bookmaker: string | null;
  picked_at: string | null;
  legs: string;
  odds: number;
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

export function listCombos(db: Cache, limit: number, comboId?: string): ComboRow[] {
  const rows = db
    .prepare(
      `SELECT combo_id, kind, source, bookmaker, picked_at, legs, odds, stake, model_prob, fair_odds, independent_prob, pricing, result, profit, settled_at, settlement_note
       FROM fg_combo_tracking WHERE (@id IS NULL OR combo_id = @id) ORDER BY COALESCE(picked_at, created_at) DESC, combo_id LIMIT @limit`,
    )
    .all({ id: comboId ?? null, limit }) as ComboDb[];
  return rows.map((r) => ({
    comboId: r.combo_id,
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
    stake: r.stake,
    modelProb: r.model_prob,
    fairOdds: r.fair_odds,
    independentProb: r.independent_prob,
    pricing: (r.pricing
      ? (JSON.parse(r.pricing) as {
          match_id: number;
          legs: number[];
          correlation: number;
          correlation_source: string;
          probability: number;
          lift: number | null;
        }[])
      : []
    ).map((p) => ({
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
  }));
}

const KNOWN = new Set(['1x2', 'totals', 'spreads', 'first_goalscorer', 'anytime_goalscorer']);

/** Settles combos leg by leg. Combos priced here are recomputed every time (a corrected score
 * re-settles them); combos recorded elsewhere are settled once, if their legs are markets known here. */
export function settleCombos(db: Cache, now: Date): { candidates: number; settled: number; written: number; notes: string[] } {
  if (!tableExists(db, 'fg_combo_tracking')) return { candidates: 0, settled: 0, written: 0, notes: [] };
  const rows = db
    .prepare(
      `SELECT combo_id, legs, odds, stake, pricing, result, profit FROM fg_combo_tracking
        WHERE (pricing IS NOT NULL OR result IS NULL) AND ${ownRowsSql(db, 'fg_combo_tracking')}`,
    )
    .all() as Pick<ComboDb, 'combo_id' | 'legs' | 'odds' | 'stake' | 'pricing' | 'result' | 'profit'>[];
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
      r.odds,
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
