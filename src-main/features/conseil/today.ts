// The day's CONSEIL picks as the panel and /api/unified/picks-today show them: each recorded pick with
// what it was decided on (PATRON score, tier, contributions, reasons, warnings), its match's active traps
// and best scorer prices with an edge, the analyst's bets following it, and where tracking stands.
import type { ConseilPick, PicksToday } from '../../../src-shared/contract/conseil';
import type { Cache } from '../../platform/cache/open';
import { contributionLabel, tierOf, type PatronInput } from '../agents/patron';
import { dayCombos } from './combo-run';
import { activeTrapsOf, betsFollowing, conseilPickRows, scorerPricesOf } from './queries';
import { latestWeights, weightsView } from './versions';

export interface PatronDetail {
  score: number;
  tier: string;
  expectedClv: number;
  inputs: Record<string, number>;
  contributions: { input: string; value: number; clv: number; mergedInto?: string }[];
}

const parse = <T>(json: string | null, fallback: T): T => {
  try {
    return json ? (JSON.parse(json) as T) : fallback;
  } catch {
    return fallback;
  }
};

function dayRange(date: string): [string, string] {
  const start = new Date(`${date}T00:00:00.000Z`);
  return [start.toISOString(), new Date(start.getTime() + 86_400_000).toISOString()];
}

/** Recorded CONSEIL picks of matches kicking off on `date` (UTC), best PATRON score first. */
export function dayPicks(db: Cache, date: string): ConseilPick[] {
  const [from, to] = dayRange(date);
  const rows = conseilPickRows(db, from, to);
  const matchIds = [...new Set(rows.map((r) => r.match_id))];
  const traps = trapsOf(db, matchIds);
  const scorers = scorersOf(db, matchIds);
  const placed = placedOf(
    db,
    rows.map((r) => r.pick_id),
  );
  return rows
    .map((r): ConseilPick => {
      const patron = parse<{ patron?: PatronDetail }>(r.inputs, {}).patron;
      const score = patron?.score ?? (r.confidence ?? 0) * 100;
      return {
        pickId: r.pick_id,
        matchId: r.match_id,
        league: r.league,
        kickoff: r.kickoff ? new Date(r.kickoff).toISOString() : null,
        home: r.home,
        away: r.away,
        market: r.market,
        line: r.line,
        selection: r.selection,
        bookmaker: r.bookmaker,
        odds: r.odds_taken,
        quotedOdds: r.quoted_odds,
        commission: r.commission,
        fairOdds: r.fair_odds,
        modelProb: r.model_prob,
        outcomeProbs: parse<Record<string, number> | null>(r.outcome_probs, null),
        edge: r.edge,
        stake: r.stake,
        confidence: r.confidence,
        score,
        tier: tierOf(score),
        expectedClv: patron?.expectedClv ?? 0,
        contributions: (patron?.contributions ?? []).map((c) => ({ ...c, label: contributionLabel(c.input as PatronInput, c.mergedInto) })),
        reasons: parse<string[]>(r.reasons, []),
        warnings: parse<string[]>(r.warnings, []),
        traps: traps.get(r.match_id) ?? [],
        scorers: scorers.get(r.match_id) ?? [],
        pickedAt: new Date(r.picked_at).toISOString(),
        placed: placed.get(r.pick_id) ?? [],
        status: r.result ?? (r.closing_status ? `closed (${r.closing_status})` : 'open'),
        clv: r.clv,
      };
    })
    .sort((a, b) => b.score - a.score || a.pickId.localeCompare(b.pickId));
}

function trapsOf(db: Cache, matchIds: readonly number[]): Map<number, ConseilPick['traps']> {
  const out = new Map<number, ConseilPick['traps']>();
  for (const { match_id, ...t } of activeTrapsOf(db, matchIds)) out.set(match_id, [...(out.get(match_id) ?? []), t]);
  return out;
}

function scorersOf(db: Cache, matchIds: readonly number[]): Map<number, ConseilPick['scorers']> {
  const out = new Map<number, ConseilPick['scorers']>();
  for (const { match_id, ...s } of scorerPricesOf(db, matchIds)) {
    const list = out.get(match_id) ?? [];
    if (list.length < 3) out.set(match_id, [...list, s]);
  }
  return out;
}

function placedOf(db: Cache, pickIds: readonly string[]): Map<string, ConseilPick['placed']> {
  const out = new Map<string, ConseilPick['placed']>();
  for (const { parent, ...b } of betsFollowing(db, pickIds))
    out.set(parent, [...(out.get(parent) ?? []), { ...b, placedAt: new Date(b.placedAt).toISOString() }]);
  return out;
}

export function picksToday(db: Cache, date: string): PicksToday {
  const picks = dayPicks(db, date);
  const patron = weightsView(latestWeights(db));
  let note: string | null = null;
  if (picks.length === 0)
    note = patron
      ? `no CONSEIL pick for ${date} yet: run CONSEIL (it runs on the intelligence schedule), or no candidate reached the score floor`
      : 'PATRON has not learned yet: it needs settled history (finished matches with prices and a closing line) — run the learning step or CONSEIL';
  return { date, picks, combos: dayCombos(db, date), patron, note };
}
