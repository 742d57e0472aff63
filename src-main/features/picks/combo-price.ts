// One pricing path for combos, for picks.recordCombo and its read-only preview picks.priceCombo:
// the legs checked against the cache (match known and not kicked off, scorer on one of its sides, no
// leg twice), the same-match pairs priced with their correlation (given by the caller, else the one
// CONSEIL uses too — the fixture's score matrix, else Agent C's within-match phi, see leg-correlation.ts —
// else none, said so on the pair), and the price taken net of the book's commission. Every refusal names
// its field.
import { ContractError } from '../../../src-shared/contract/errors';
import type { z } from 'zod';
import type { comboPriceInput } from '../../../src-shared/contract/picks';
import { comboLegKey } from '../../../src-shared/domain/combo-legs';
import { netOdds } from '../../../src-shared/quant/commission';
import { legsNested } from '../../../src-shared/quant/score-joint';
import type { Cache } from '../../platform/cache/open';
import { tableExists } from '../../platform/cache/tables';
import { matchModel } from '../agents/value';
import { priceCombo, type ComboPricing, type Correlation, type PricedLeg } from './combos';
import { sameMatchCorrelation, scoreSettled } from './leg-correlation';
import { matchById } from './queries';
import { resolveBookmaker } from './record';

export interface Issue {
  path: string[];
  message: string;
}

export function refuse(issues: Issue[]): never {
  throw new ContractError('VALIDATION', issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), { issues });
}

/** What both recordCombo and priceCombo read of their parsed input (a recordCombo input is one). */
export type ComboToPrice = z.output<typeof comboPriceInput>;

export type LabelledLeg = PricedLeg & { label: string; playerSide?: 'home' | 'away' };

export interface PricedCombo {
  legs: LabelledLeg[];
  priced: ComboPricing;
  bookmaker: string | null;
  pickedAt: string;
  /** The price taken (when given): quoted, the commission counted, and net of it. */
  price: { quoted: number; commission: number; net: number } | null;
}

/** The correlation of legs i and j of one match, read as CONSEIL reads it; none known: 0, said so. */
function knownCorrelation(db: Cache, legs: readonly LabelledLeg[], now: Date): (i: number, j: number) => Correlation {
  const models = new Map<number, ReturnType<typeof matchModel>>();
  return (i, j) => {
    const matchId = legs[i].matchId;
    if (!models.has(matchId)) models.set(matchId, matchModel(db, matchId, now));
    const m = models.get(matchId);
    const fixture = { league: m?.league ?? '', matrix: m?.model.matrix ?? null };
    const c = sameMatchCorrelation(db, fixture, legs[i], legs[j]);
    if ('phi' in c) return { value: c.phi, source: c.source };
    const noModel = m?.model.missing ? ` (no model: ${m.model.missing})` : '';
    return { value: 0, source: `none known: priced as independent — ${c.why}${noModel}` };
  };
}

function playerOf(db: Cache, id: number): { name: string; teamId: number } | undefined {
  if (!tableExists(db, 'players')) return undefined;
  return db.prepare('SELECT name, team_id AS teamId FROM players WHERE player_id = ?').get(id) as
    { name: string; teamId: number } | undefined;
}

function teamName(db: Cache, id: number): string {
  return (db.prepare('SELECT name FROM teams WHERE team_id = ?').get(id) as { name: string } | undefined)?.name ?? `team ${id}`;
}

/** One leg against the cache: its label and correlation key, or an issue. */
function resolveLeg(db: Cache, l: ComboToPrice['legs'][number], i: number, pickedAt: string, issues: Issue[]): LabelledLeg | null {
  const where = ['legs', String(i)];
  const m = matchById(db, l.matchId);
  if (!m) return (issues.push({ path: [...where, 'matchId'], message: `no match ${l.matchId} in the cache` }), null);
  if (Date.parse(pickedAt) >= Date.parse(m.kickoff))
    issues.push({ path: [...where, 'matchId'], message: `match ${l.matchId} kicked off at ${m.kickoff}, before the combo (${pickedAt})` });
  let side: 'home' | 'away' | undefined;
  let label = `${teamName(db, m.homeTeamId)} – ${teamName(db, m.awayTeamId)}`;
  if (l.market === 'first_goalscorer' || l.market === 'anytime_goalscorer') {
    const p = playerOf(db, Number(l.selection));
    if (!p) return (issues.push({ path: [...where, 'selection'], message: `no player ${l.selection} in the cache` }), null);
    side = p.teamId === m.homeTeamId ? 'home' : p.teamId === m.awayTeamId ? 'away' : undefined;
    if (!side) {
      const message = `player ${l.selection} (${p.name}) plays for neither side of match ${l.matchId}`;
      return (issues.push({ path: [...where, 'selection'], message }), null);
    }
    label = `${p.name} (${label})`;
  }
  const { matchId, market, line, selection, odds, probability } = l;
  return { matchId, market, line, selection, odds, probability, key: comboLegKey(l, side), playerSide: side, label };
}

/** Two legs of one match one of which settles the other (home win and home −0.5, under 1.5 and away +1.5)
 * are a single at a false price, never a combo: refused as CONSEIL refuses them. */
function nestedIssues(legs: readonly LabelledLeg[], issues: Issue[]): void {
  legs.forEach((b, j) => {
    const i = legs.findIndex(
      (a, k) => k < j && a.matchId === b.matchId && a.key !== b.key && scoreSettled(a) && scoreSettled(b) && legsNested(a, b),
    );
    if (i >= 0)
      issues.push({ path: ['legs', String(j)], message: `leg ${j} and leg ${i} settle each other on every score: a single, not a combo` });
  });
}

/** The caller's correlations by leg pair ("i|j", i < j); pairs that are not one match's are issues. */
function givenCorrelations(c: ComboToPrice, issues: Issue[]): Map<string, Correlation> {
  const given = new Map<string, Correlation>();
  c.correlations.forEach((x, i) => {
    const [a, b] = x.legs;
    const path = ['correlations', String(i), 'legs'];
    if (a >= c.legs.length || b >= c.legs.length || a === b)
      issues.push({ path, message: `legs ${a} and ${b} are not two legs of this combo` });
    else if (c.legs[a].matchId !== c.legs[b].matchId)
      issues.push({ path, message: `legs ${a} and ${b} are on different matches: they are independent` });
    else given.set(`${Math.min(a, b)}|${Math.max(a, b)}`, { value: x.value, source: x.source ?? 'given' });
  });
  return given;
}

/** The price taken net of the commission: the one given, else the book's (`rates`), else 0. */
function takenPrice(c: ComboToPrice, bookmaker: string | null, rates: Readonly<Record<string, number>>): PricedCombo['price'] {
  if (c.odds === undefined) return null;
  const commission = c.commission ?? (bookmaker ? (rates[bookmaker] ?? 0) : 0);
  return { quoted: c.odds, commission, net: netOdds(c.odds, commission) };
}

/** Checks and prices a combo; refuses (VALIDATION, every issue with its field) what cannot be priced
 * or settled. Writes nothing. */
export function priceComboInput(db: Cache, c: ComboToPrice, now: Date, rates: Readonly<Record<string, number>>): PricedCombo {
  const issues: Issue[] = [];
  const pickedAt = c.pickedAt ? new Date(c.pickedAt).toISOString() : now.toISOString();
  let bookmaker: string | null = null;
  if (c.bookmaker !== undefined) {
    const b = resolveBookmaker(db, c.bookmaker);
    if ('error' in b) issues.push({ path: ['bookmaker'], message: b.error });
    else bookmaker = b.code;
  }
  const legs = c.legs.map((l, i) => resolveLeg(db, l, i, pickedAt, issues)).filter((l): l is LabelledLeg => l !== null);
  const keys = legs.map((l) => `${l.matchId}|${l.key}|${l.selection}`);
  keys.forEach((k, i) => {
    if (keys.indexOf(k) !== i) issues.push({ path: ['legs', String(i)], message: `leg ${i} repeats leg ${keys.indexOf(k)}` });
  });
  nestedIssues(legs, issues);
  if (c.kind !== 'accumulator' && !legs.some((l) => l.market === c.kind))
    issues.push({ path: ['kind'], message: `a ${c.kind} combo needs a ${c.kind} leg` });
  const given = givenCorrelations(c, issues);
  if (issues.length) refuse(issues);
  let priced: ComboPricing;
  try {
    const known = knownCorrelation(db, legs, now);
    priced = priceCombo(legs, (i, j) => given.get(`${i}|${j}`) ?? known(i, j));
  } catch (err) {
    refuse([{ path: ['legs'], message: (err as Error).message }]);
  }
  return { legs, priced, bookmaker, pickedAt, price: takenPrice(c, bookmaker, rates) };
}
