// Recording picks (the decision engine, agents) and the analyst's placed bets: checked against the
// cache (the match exists and has not kicked off, the bookmaker is a known real book), then written
// with writeOwnOutput so the sync publishes them. Every refusal names the field and what is wrong.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ContractError } from '../../../src-shared/contract/errors';
import { pickInput, placeBetInput, type PickRow } from '../../../src-shared/contract/picks';
import type { Cache } from '../../platform/cache/open';
import { deskOf, requireDeskColumn } from '../../platform/desk';
import { writeOwnOutput } from '../../sync';
import { netOdds } from '../../../src-shared/quant/commission';
import { bookmakerFlags, matchById, pickRowsById } from './queries';

type ParsedPick = z.output<typeof pickInput>;
type ParsedBet = z.output<typeof placeBetInput>;

interface Issue {
  path: string[];
  message: string;
}

/** Refusal with every issue found, in the shape of the contract's validation errors. */
function refuse(issues: Issue[]): never {
  throw new ContractError('VALIDATION', issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), { issues });
}

/** A bookmaker of the cache by code (or name, any case); aggregates (football-data's Avg, Max) are not books. */
export function resolveBookmaker(db: Cache, given: string): { code: string } | { error: string } {
  const books = bookmakerFlags(db);
  const g = given.trim().toLowerCase();
  const b = books.find((x) => x.code === given.trim()) ?? books.find((x) => x.code.toLowerCase() === g || x.name.toLowerCase() === g);
  const real = books.filter((x) => !x.aggregate).map((x) => x.code);
  if (!b) return { error: `unknown bookmaker '${given}' (known: ${real.join(', ') || 'none: sync the source first'})` };
  if (b.aggregate) return { error: `'${b.code}' is an aggregate of several books, not a bookmaker a bet can be placed with` };
  return { code: b.code };
}

/** The match must exist in the cache and kick off after the pick (a pick is made before kick-off). */
function checkMatch(db: Cache, matchId: number, at: string, where: string[], issues: Issue[], verb: string) {
  const m = matchById(db, matchId);
  if (!m) {
    issues.push({ path: [...where, 'matchId'], message: `no match ${matchId} in the cache` });
    return undefined;
  }
  if (Date.parse(at) >= Date.parse(m.kickoff))
    issues.push({
      path: [...where, verb === 'picked' ? 'pickedAt' : 'placedAt'],
      message: `match ${matchId} kicked off at ${m.kickoff}: a ${verb === 'picked' ? 'pick' : 'bet'} ${verb} at ${at} is in-play, not tracked (closing line value needs a price taken before kick-off)`,
    });
  return m;
}

/** Longest time a bet may be placed before its match kicks off: further back is a typo (a 1970 date). */
export const MAX_BET_LEAD_DAYS = 366;

/** A given placedAt must be a time the bet could have been placed: not after now (a little clock skew
 * allowed), not years before its match. */
function checkPlacedAt(placedAt: string, now: Date, kickoff: string | undefined, issues: Issue[]): void {
  if (Date.parse(placedAt) > now.getTime() + 5 * 60_000)
    issues.push({ path: ['placedAt'], message: `${placedAt} is in the future (now ${now.toISOString()})` });
  if (kickoff && Date.parse(kickoff) - Date.parse(placedAt) > MAX_BET_LEAD_DAYS * 86_400_000)
    issues.push({
      path: ['placedAt'],
      message: `${placedAt} is more than ${MAX_BET_LEAD_DAYS} days before the match kicks off (${kickoff}): check the date`,
    });
}

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

/** The price tracked: the quoted one net of the book's commission (the pick's own, else the book's). */
function netPrice(odds: number, given: number | undefined, bookmaker: string, rates: Readonly<Record<string, number>>) {
  const commission = given ?? rates[bookmaker] ?? 0;
  return { odds_taken: netOdds(odds, commission), quoted_odds: odds, commission };
}

function pickRecord(
  p: ParsedPick,
  pickId: string,
  bookmaker: string,
  pickedAt: string,
  rates: Readonly<Record<string, number>>,
): Record<string, unknown> {
  return {
    pick_id: pickId,
    kind: 'pick',
    parent_pick_id: null,
    match_id: p.matchId,
    market: p.market,
    line: p.line,
    selection: p.selection,
    bookmaker,
    ...netPrice(p.odds, p.commission, bookmaker, rates),
    fair_odds: p.fairOdds,
    stake: p.stake,
    confidence: p.confidence,
    source: p.source,
    picked_at: pickedAt,
    model_prob: p.modelProb,
    outcome_probs: json(p.outcomeProbs),
    edge: p.edge,
    model_version: p.decision.modelVersion,
    model_params: json(p.decision.modelParams),
    weights: json(p.decision.weights),
    odds_snapshot: json(p.decision.oddsSnapshot),
    inputs: json(p.decision.inputs),
    reasons: json(p.reasons),
    warnings: json(p.warnings),
  };
}

interface Existing {
  match_id: number;
  market: string;
  line: number | null;
  selection: string;
  bookmaker: string;
  quoted: number;
  stake: number;
  desk_id: string | null;
}

/** Records picks, all or none. A pickId already stored is accepted again only for the same bet
 * (an engine retrying), which changes nothing; a different one is a CONFLICT. `rates`: each book's
 * commission on net winnings (`bookCommissions`), for a pick that does not give its own. */
export function recordPicks(db: Cache, picks: readonly ParsedPick[], now: Date, rates: Readonly<Record<string, number>>): PickRow[] {
  const issues: Issue[] = [];
  const rows: Record<string, unknown>[] = [];
  const ids: string[] = [];
  const seen = new Set<string>();
  requireDeskColumn(db, 'tracking_clv_picks');
  const deskId = deskOf(db).deskId;
  const existing = db.prepare(
    'SELECT match_id, market, line, selection, bookmaker, COALESCE(quoted_odds, odds_taken) AS quoted, stake, desk_id FROM tracking_clv_picks WHERE pick_id = ?',
  );
  picks.forEach((p, i) => {
    const where = ['picks', String(i)];
    const pickedAt = p.pickedAt ? new Date(p.pickedAt).toISOString() : now.toISOString();
    const book = resolveBookmaker(db, p.bookmaker);
    if ('error' in book) issues.push({ path: [...where, 'bookmaker'], message: book.error });
    checkMatch(db, p.matchId, pickedAt, where, issues, 'picked');
    const pickId = p.pickId ?? `pick-${deskId}-${randomUUID()}`;
    if (seen.has(pickId)) issues.push({ path: [...where, 'pickId'], message: `pickId ${pickId} appears twice in this call` });
    seen.add(pickId);
    ids.push(pickId);
    const old = existing.get(pickId) as Existing | undefined;
    if (old) {
      // an id given by the caller, already another desk's: never taken over, whatever its content
      if (old.desk_id !== null && old.desk_id !== deskId)
        throw new ContractError('CONFLICT', `pick ${pickId} is desk ${old.desk_id}'s: a desk never rewrites another desk's pick`, {
          pickId,
        });
      const code = 'code' in book ? book.code : p.bookmaker;
      const identical =
        old.match_id === p.matchId &&
        old.market === p.market &&
        old.line === p.line &&
        old.selection === p.selection &&
        old.bookmaker === code &&
        old.quoted === p.odds &&
        old.stake === p.stake;
      if (!identical)
        throw new ContractError('CONFLICT', `pick ${pickId} already exists with another bet: picks are never rewritten`, { pickId });
      return;
    }
    if ('code' in book) rows.push(pickRecord(p, pickId, book.code, pickedAt, rates));
  });
  if (issues.length) refuse(issues);
  if (rows.length) {
    writeOwnOutput(
      db,
      'tracking_clv_picks',
      rows.map((r) => ({ ...r, desk_id: deskId })),
    );
  }
  return pickRowsById(db, ids);
}

interface ParentPick {
  kind: string;
  match_id: number;
  market: 'totals' | '1x2' | 'spreads';
  line: number | null;
  selection: string;
  source: string | null;
  picked_at: string;
}

/** The analyst's bet, following a pick (its match, market, line, selection and source) or on its own
 * ('manual'). CLV tracking and settlement then follow it like any pick. */
export function placeBet(db: Cache, b: ParsedBet, now: Date, rates: Readonly<Record<string, number>>): PickRow {
  const issues: Issue[] = [];
  const placedAt = b.placedAt ? new Date(b.placedAt).toISOString() : now.toISOString();
  const book = resolveBookmaker(db, b.bookmaker);
  if ('error' in book) issues.push({ path: ['bookmaker'], message: book.error });
  let bet: { match_id: number; market: string; line: number | null; selection: string; source: string; parent: string | null };
  if (b.pickId) {
    const parent = db
      .prepare('SELECT kind, match_id, market, line, selection, source, picked_at FROM tracking_clv_picks WHERE pick_id = ?')
      .get(b.pickId) as ParentPick | undefined;
    if (!parent)
      throw new ContractError('NOT_FOUND', `no pick ${b.pickId}`, { issues: [{ path: ['pickId'], message: `no pick ${b.pickId}` }] });
    if (parent.kind === 'bet')
      refuse([{ path: ['pickId'], message: `${b.pickId} is itself a placed bet: place against the pick it follows` }]);
    bet = { ...parent, source: parent.source ?? 'manual', parent: b.pickId };
    if (b.placedAt && placedAt < parent.picked_at)
      issues.push({ path: ['placedAt'], message: `${placedAt} is before the pick it follows was made (${parent.picked_at})` });
  } else {
    bet = {
      match_id: b.matchId as number,
      market: b.market as string,
      line: b.line ?? null,
      selection: b.selection as string,
      source: 'manual',
      parent: null,
    };
  }
  const match = checkMatch(db, bet.match_id, placedAt, [], issues, 'placed');
  if (b.placedAt) checkPlacedAt(placedAt, now, match?.kickoff, issues);
  if (issues.length || 'error' in book) refuse(issues);
  requireDeskColumn(db, 'tracking_clv_picks');
  const deskId = deskOf(db).deskId;
  // the desk in the id too: a bet is the analyst's own, whichever desk's pick it follows
  const pickId = `bet-${deskId}-${randomUUID()}`;
  writeOwnOutput(db, 'tracking_clv_picks', [
    {
      pick_id: pickId,
      desk_id: deskId,
      kind: 'bet',
      parent_pick_id: bet.parent,
      match_id: bet.match_id,
      market: bet.market,
      line: bet.line,
      selection: bet.selection,
      bookmaker: book.code,
      ...netPrice(b.odds, b.commission, book.code, rates),
      stake: b.stake,
      source: bet.source,
      picked_at: placedAt,
      note: b.note ?? null,
    },
  ]);
  return pickRowsById(db, [pickId])[0];
}
