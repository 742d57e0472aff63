// Combos as rows of the Performance ledger: one row per combo (its legs are not picks, so nothing is
// counted twice), market 'combo', at its net price, stake and settled profit, kicking off with its
// last leg. A combo the analyst recorded (source 'manual') is a bet, one an engine recorded a pick.
// Combos have no closing line (no CLV) and are left out of the calibration and the expected-profit
// band (a won combo with a void leg is not the event its probability was for).
import { COMBO_MARKET } from '../../../src-shared/contract/picks';
import type { PickFilter, PickRow } from '../../../src-shared/contract/picks';
import type { Cache } from '../../platform/cache/open';
import { tableExists } from '../../platform/cache/tables';
import { deskNames } from '../../platform/desk';
import { listCombos } from './combo-track';

interface LegMatch {
  kickoff: string;
  league: string;
}

/** Kick-off and league of every match a leg names. */
function legMatches(db: Cache, ids: readonly number[]): Map<number, LegMatch> {
  const one = db.prepare('SELECT kickoff, league_code AS league FROM matches WHERE match_id = ?');
  const out = new Map<number, LegMatch>();
  for (const id of new Set(ids)) {
    const m = one.get(id) as LegMatch | undefined;
    if (m) out.set(id, m);
  }
  return out;
}

type Combo = ReturnType<typeof listCombos>[number];

function comboAsPick(c: Combo, matches: ReadonlyMap<number, LegMatch>, names: ReadonlyMap<string, string>): PickRow {
  const legs = c.legs.map((l) => ({ id: l.matchId, m: matches.get(l.matchId) }));
  const last = legs.reduce((a, b) => ((b.m?.kickoff ?? '') > (a.m?.kickoff ?? '') ? b : a), legs[0]);
  const leagues = new Set(legs.map((l) => l.m?.league ?? null));
  const kickoff = legs.every((l) => l.m) ? (last.m?.kickoff ?? null) : null;
  return {
    pickId: c.comboId,
    deskId: c.deskId,
    deskName: c.deskId === null ? null : (names.get(c.deskId) ?? null),
    kind: c.source === 'manual' ? 'bet' : 'pick',
    parentPickId: null,
    matchId: last.id,
    league: leagues.size === 1 ? [...leagues][0] : null,
    kickoff,
    home: null,
    away: null,
    matchStatus: null,
    homeGoals: null,
    awayGoals: null,
    market: COMBO_MARKET,
    line: null,
    selection: c.kind,
    bookmaker: c.bookmaker ?? 'unknown',
    odds: c.odds,
    quotedOdds: c.quotedOdds,
    commission: c.commission,
    stake: c.stake,
    fairOdds: c.fairOdds,
    modelProb: c.modelProb,
    outcomeProbs: null,
    edge: c.modelProb === null ? null : c.modelProb * c.odds - 1,
    confidence: null,
    source: c.source ?? '',
    pickedAt: c.pickedAt ?? kickoff ?? '',
    closingOdds: null,
    closingFairOdds: null,
    closingReference: null,
    closingStatus: null,
    closingBookOdds: null,
    clv: null,
    clvRaw: null,
    result: c.result,
    profit: c.profit,
    settledAt: c.settledAt,
    settlementNote: c.settlementNote,
    state: c.result ?? 'open',
  };
}

/** Does a combo pass the Performance filters? Dates by its last leg's kick-off; a league when every
 * leg is in it; a match when a leg is on it; a market only 'combo' (the desk: listCombos). */
function passes(p: PickRow, c: Combo, f: PickFilter): boolean {
  const day = p.kickoff?.slice(0, 10) ?? null;
  return (
    (f.kind === undefined || f.kind === 'all' || f.kind === p.kind) &&
    (f.market === undefined || f.market === COMBO_MARKET) &&
    (f.from === undefined || (day !== null && day >= f.from)) &&
    (f.to === undefined || (day !== null && day <= f.to)) &&
    (f.league === undefined || p.league === f.league) &&
    (f.bookmaker === undefined || p.bookmaker === f.bookmaker) &&
    (f.source === undefined || p.source === f.source) &&
    (f.matchId === undefined || c.legs.some((l) => l.matchId === f.matchId))
  );
}

/** The combos a Performance filter selects, as ledger rows in kick-off order. */
export function combosForStats(db: Cache, f: PickFilter): PickRow[] {
  if (!tableExists(db, 'fg_combo_tracking')) return [];
  const combos = listCombos(db, -1, undefined, f.desk ?? 'team').filter((c) => c.legs.length > 0);
  const matches = legMatches(
    db,
    combos.flatMap((c) => c.legs.map((l) => l.matchId)),
  );
  const names = deskNames(db);
  return combos
    .map((c) => ({ c, p: comboAsPick(c, matches, names) }))
    .filter(({ c, p }) => passes(p, c, f))
    .map(({ p }) => p)
    .sort(byKickoff);
}

const whenOf = (r: PickRow): string => r.kickoff ?? r.pickedAt;

// binary order, as SQLite compares text: ties keep the order picksForStats gave
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Kick-off (else pick time), then pick time, then id: the order picksForStats reads picks in. */
export function byKickoff(a: PickRow, b: PickRow): number {
  return cmp(whenOf(a), whenOf(b)) || cmp(a.pickedAt, b.pickedAt) || cmp(a.pickId, b.pickId);
}

/** Picks and combos in one ledger order (both already sorted). */
export function mergeByKickoff(a: readonly PickRow[], b: readonly PickRow[]): PickRow[] {
  return [...a, ...b].sort(byKickoff);
}
