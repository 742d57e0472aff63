// A fixture's candidate bets as PATRON scores them: Agent B's decision on the fixture's prices (its
// blended fair probability, best fresh price and stale check) for every selection with a price, plus the
// live signals of the other agents, each turned into PATRON's inputs. The same function live and in replay.
import { findMarket, type BookRoles, type MarketPrices } from '../../../../src-shared/domain/market-prices';
import { decideValue, type ValueModel, type ValueRules } from '../value';
import type { Candidate } from './conseil-rule';
import { candidateInputs, type InputVector, type LiveSignals } from './inputs';
import { scorePatron, type PatronWeights } from './model';

export interface CandidateSignals extends LiveSignals {
  trapInfo?: { severity: 'low' | 'medium' | 'high'; kind: string } | null;
}

export interface FixtureRef {
  key: string;
  matchId: number | null;
  league: string;
}

/** A candidate before PATRON scores it: the selection, its best price and Agent B's reading, its inputs. */
export type Unscored = Omit<Candidate, 'matchId' | 'fixture' | 'league' | 'patron'> & { inputs: InputVector };

const SEVERITY = { low: 1, medium: 2, high: 3 } as const;

/** Every selection of the fixture with a fresh best price and a fair probability, with its inputs. */
export function fixtureInputs(
  decision: readonly MarketPrices[],
  roles: BookRoles,
  model: ValueModel,
  rules: ValueRules,
  signals: (market: string, line: number | null, selection: string, odds: number) => CandidateSignals = () => ({}),
): { rows: Unscored[]; forecast: number[] | null; notes: string[] } {
  const d = decideValue(decision, roles, model, rules);
  const rows: Unscored[] = [];
  for (const r of d.rows) {
    const m = findMarket(decision, r.market, r.line);
    if (!m || r.bestOdds === null || r.bestBook === null || r.blendProb === null || r.edge === null) continue;
    const s = signals(r.market, r.line, r.selection, r.bestOdds);
    const trap = s.trapInfo ?? null;
    const inputs = candidateInputs(r, m, roles, { ...s, trap: trap ? SEVERITY[trap.severity] : (s.trap ?? 0) });
    if (!inputs) continue;
    rows.push({
      market: r.market,
      line: r.line,
      selection: r.selection,
      bookmaker: r.bestBook,
      odds: r.bestOdds,
      quoted: r.bestQuoted as number,
      commission: r.bestCommission as number,
      probability: r.blendProb,
      edge: r.edge,
      books: Math.round(1 / inputs.thinMarket),
      stale: r.staleBest !== null,
      inputs,
      trap,
    });
  }
  return { rows, forecast: d.forecast, notes: d.notes };
}

export function scoreCandidates(f: FixtureRef, rows: readonly Unscored[], weights: PatronWeights): Candidate[] {
  return rows.map(({ inputs, ...r }) => ({
    ...r,
    matchId: f.matchId,
    fixture: f.key,
    league: f.league,
    patron: scorePatron(weights, inputs),
  }));
}
