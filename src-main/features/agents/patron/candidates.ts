// A fixture's candidate bets as PATRON scores them: Agent B's decision on the fixture's prices (its
// blended fair probability, best fresh price and stale check) for every selection with a price, plus the
// live signals of the other agents, each turned into PATRON's inputs. The same function live and in replay.
import { findMarket, type BookRoles, type MarketPrices } from '../../../../src-shared/domain/market-prices';
import { decideValue, type ValueModel, type ValueRules } from '../value';
import { candidateInputs, type InputVector, type LiveSignals } from './inputs';
import { scorePatron, type PatronScore, type PatronWeights } from './model';

/** A candidate bet scored by PATRON (CONSEIL's rule chooses among them). */
export interface Candidate {
  matchId: number | null;
  fixture: string;
  league: string;
  market: '1x2' | 'totals' | 'spreads';
  line: number | null;
  selection: string;
  bookmaker: string;
  /** The price the bettor gets: the quoted price net of the book's commission on winnings. */
  odds: number;
  /** The price as the book quotes it, and the book's commission on net winnings (0 at a bookmaker). */
  quoted: number;
  commission: number;
  /** Agent B's blended probability of the selection (model and market). */
  probability: number;
  edge: number;
  books: number;
  /** The best price is older than the market's last move (Agent B's stale check saw a better, stale one). */
  stale: boolean;
  /** The highest trap severity on the selection (FERRARI), and its kind. */
  trap: { severity: 'low' | 'medium' | 'high'; kind: string } | null;
  patron: PatronScore;
}

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
