// Goalscorer markets of the demo world (anytime and first goalscorer): which players the books price,
// their true probabilities from the world's own goal process, and the books' price series.
//
// Truth. The world plays a match out by drawing the score from the Dixon-Coles matrix, then each goal
// independently: an own goal (3%), else a penalty by the team's taker (10%), else a scorer drawn by goal
// share; its minute from GOAL_EVENTS; goals sorted by minute, the home side first on a tie. So a goal
// of the team is player X's (not an own goal) with probability s = 0.97 × (0.9 × share + 0.1 × [taker]),
// and, with N the team's goals (the matrix's margin), P(anytime) = 1 − E[(1 − s)^N]; the first goal is
// the team's with P(first | h, a) from the minute distribution and the tie rule, and X's with s more:
// P(first) = s × Σ P(h, a) P(team first | h, a). This is the rate model of src-shared/quant/scorers.ts
// (a Poisson team rate times the player's share) without its Poisson and continuous-time shortcuts; the
// two agree within ~0.01 (test/unit/data/demo-scorers.test.ts).
//
// Prices. Books price the players likely to play (not goalkeepers, ≥ 45 expected minutes, a goal share
// of at least 1.5%) from three
// days before kick-off: opening, a few updates, the team-news update about an hour before kick-off and
// the closing quote at kick-off. The market's estimate starts off the truth (sd 0.08 in log-probability)
// and converges to it by the team news (sd 0.03); each book adds its own bias (sd 0.04) and noise. The
// margin is larger than on 1X2 (anytime ~17-24% per price, first goalscorer ~26-35%) and larger still on
// longshots (favourite-longshot bias). A book writes a quote only when its price changes (and at the
// opening and the closing).
import { Rng } from './rng';
import { goalMinutePmf, nearestOnLadder, roundDown, scoreMatrix, GOAL_EVENTS, MAX_GOALS } from './model';
import type { DemoMatch, DemoPlant, DemoPlayer, DemoScorerQuote, DemoWorld, ScorerMarket, ScorerTruth } from './types';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Players the books price: outfield players expected to play at least this long. */
export const SCORER_MIN_MINUTES = 45;
/** ... with at least this share of his team's goals (a player who never scores has no price). */
export const SCORER_MIN_SHARE = 0.015;
/** Scorer markets open this long before kick-off. */
export const SCORER_OPEN_MS = 72 * HOUR;
/** Price updates per book and day between the opening and the team news (times the scale). */
const UPDATES_PER_DAY = 1.5;
const SIGMA_OPEN = 0.08;
const SIGMA_CLOSE = 0.03;
const SIGMA_BOOK = 0.04;
const SIGMA_NOISE = 0.01;
/** Favourite-longshot bias: implied = fair × (1 + margin) × (fair / REF)^−FLB. */
const FLB = { anytime: { ref: 0.3, power: 0.08 }, first: { ref: 0.1, power: 0.1 } } as const;
/** The books that price the first goalscorer (every scorer book prices anytime). */
const FIRST_BOOKS = new Set(['B365', 'WH', 'LB']);

export interface ScorerDetails {
  player_id: number;
  team_id: number;
  /** True probability (demo_truth_scorers) and fair odds 1 / probability. */
  true_probability: number;
  fair_odds: number;
  /** The planted price = fair odds × factor (2 decimals, down), quoted from observed_at to end_at. */
  factor: number;
  odds: number;
  start_at: number;
  end_at: number;
}

const minute = (t: number) => Math.round(t / MINUTE) * MINUTE;

/** The players the books price in this match: home squad then away, by id. */
export function pricedPlayers(world: DemoWorld, m: DemoMatch): DemoPlayer[] {
  return world.players
    .filter(
      (p) =>
        (p.teamId === m.homeId || p.teamId === m.awayId) &&
        p.position !== 'GK' &&
        p.expectedMinutes >= SCORER_MIN_MINUTES &&
        p.goalShare >= SCORER_MIN_SHARE,
    )
    .sort((a, b) => Number(a.teamId === m.awayId) - Number(b.teamId === m.awayId) || a.id - b.id);
}

/** The books that quote this scorer market. */
export function scorerBooks(world: DemoWorld, market: ScorerMarket): string[] {
  return world.bookmakers.filter((b) => b.scorers && (market === 'anytime' || FIRST_BOOKS.has(b.bookmaker))).map((b) => b.bookmaker);
}

/** P(a goal of his team is his, not an own goal). */
export function perGoalShare(p: DemoPlayer): number {
  return (1 - GOAL_EVENTS.ownGoal) * ((1 - GOAL_EVENTS.penalty) * p.goalShare + GOAL_EVENTS.penalty * (p.penaltyTaker ? 1 : 0));
}

let homeFirstCache: Float64Array | null = null;
/** P(the home side scores the first goal | h home goals, a away goals), index h * n + a. */
function homeFirstTable(): Float64Array {
  if (homeFirstCache) return homeFirstCache;
  const n = MAX_GOALS + 1;
  const f = goalMinutePmf();
  const S = new Float64Array(98); // S[m] = P(minute ≥ m)
  for (let m = 96; m >= 1; m--) S[m] = S[m + 1] + f[m];
  const t = new Float64Array(n * n);
  for (let h = 1; h < n; h++) {
    for (let a = 0; a < n; a++) {
      let p = 0;
      // the earliest home goal at minute m, no away goal before m (a tie goes to the home side)
      for (let m = 1; m <= 96; m++) p += (S[m] ** h - S[m + 1] ** h) * S[m] ** a;
      t[h * n + a] = p;
    }
  }
  homeFirstCache = t;
  return t;
}

/** The true anytime and first-goalscorer probabilities of every priced player of the match. */
export function scorerTruth(world: DemoWorld, m: DemoMatch): ScorerTruth[] {
  const rho = world.leagues.find((l) => l.code === m.league)?.rho ?? 0;
  const matrix = scoreMatrix(m.lambda, m.mu, rho);
  const n = MAX_GOALS + 1;
  const hf = homeFirstTable();
  const homeGoals = new Float64Array(n);
  const awayGoals = new Float64Array(n);
  let homeFirst = 0;
  let awayFirst = 0;
  for (let h = 0; h < n; h++) {
    for (let a = 0; a < n; a++) {
      const p = matrix[h * n + a];
      homeGoals[h] += p;
      awayGoals[a] += p;
      if (h + a === 0) continue;
      const f = h === 0 ? 0 : hf[h * n + a];
      homeFirst += p * f;
      awayFirst += p * (1 - f);
    }
  }
  return pricedPlayers(world, m).map((p) => {
    const home = p.teamId === m.homeId;
    const s = perGoalShare(p);
    const goals = home ? homeGoals : awayGoals;
    let none = 0;
    for (let k = 0; k < n; k++) none += goals[k] * (1 - s) ** k;
    return { matchId: m.id, playerId: p.id, teamId: p.teamId, anytime: 1 - none, first: s * (home ? homeFirst : awayFirst) };
  });
}

/** When this match's scorer markets open. */
export const scorerOpenAt = (m: DemoMatch): number => minute(Math.max(m.openAt, m.kickoff - SCORER_OPEN_MS));

/** The implied probability a book quotes for an estimated probability (margin and longshot bias). */
function implied(p: number, margin: number, market: ScorerMarket): number {
  const f = FLB[market];
  return Math.min(0.99, p * (1 + margin) * (p / f.ref) ** -f.power);
}

/** Every goalscorer quote of an upcoming match (none for played matches: the demo prices scorers for
 * the coming week), in book, time, market, player order. */
export function matchScorerQuotes(world: DemoWorld, m: DemoMatch, plants: readonly DemoPlant[], until = Infinity): DemoScorerQuote[] {
  if (m.tier !== 'upcoming') return [];
  const r = Rng.stream(world.seed, 'scorers', m.id);
  const truth = scorerTruth(world, m);
  const open = scorerOpenAt(m);
  const news = m.kickoff - r.int(55, 75) * MINUTE;
  const mine = plants.filter((p) => p.kind === 'scorer_value');
  // the market's error per player and market: off at the opening, small after the team news
  const err = truth.map(() => ({
    anytime: [r.normal(0, SIGMA_OPEN), r.normal(0, SIGMA_CLOSE)],
    first: [r.normal(0, SIGMA_OPEN), r.normal(0, SIGMA_CLOSE)],
  }));
  const out: DemoScorerQuote[] = [];
  for (const b of world.bookmakers) {
    if (!b.scorers) continue;
    const margins = b.scorers;
    const markets: ScorerMarket[] = FIRST_BOOKS.has(b.bookmaker) ? ['anytime', 'first'] : ['anytime'];
    const times = new Set<number>([minute(open + r.int(0, 180) * MINUTE), news + r.int(0, 10) * MINUTE, m.kickoff]);
    const first = Math.min(...times);
    const days = (news - first) / DAY;
    const k = Math.max(1, Math.round(UPDATES_PER_DAY * world.scale * days));
    for (let j = 0; j < k; j++) times.add(minute(first + r.next() * (news - first)));
    for (const p of mine)
      if (p.bookmaker === b.bookmaker) for (const t of [p.observedAt, (p.details as unknown as ScorerDetails).end_at]) times.add(t);
    const grid = [...times].filter((t) => t >= first && t <= m.kickoff).sort((x, y) => x - y);
    const bias = truth.map(() => ({ anytime: r.normal(0, SIGMA_BOOK), first: r.normal(0, SIGMA_BOOK) }));
    const last = new Map<string, number>();
    for (const t of grid) {
      if (t > until) {
        // not wanted (see matchQuotes): the same random draws, no quote
        for (let j = 0; j < markets.length * truth.length; j++) r.normal(0, SIGMA_NOISE);
        continue;
      }
      const w = t >= news ? 0 : Math.min(1, Math.max(0, (news - t) / (news - open)));
      for (const market of markets) {
        for (const [i, tr] of truth.entries()) {
          const e = err[i][market];
          const est = tr[market] * Math.exp(e[1] + (e[0] - e[1]) * w + bias[i][market] + r.normal(0, SIGMA_NOISE));
          const q = implied(est, margins[market], market);
          let odds = b.rounding === 'fractional' ? nearestOnLadder(1 / q) : roundDown(1 / q, 2);
          for (const p of mine) {
            const d = p.details as unknown as ScorerDetails;
            if (p.bookmaker === b.bookmaker && p.market === market && d.player_id === tr.playerId && t >= p.observedAt && t < d.end_at)
              odds = d.odds;
          }
          const key = `${market}|${tr.playerId}`;
          const closing = t === m.kickoff;
          if (last.get(key) === odds && !closing) continue;
          last.set(key, odds);
          out.push({
            table: 'odds_scorers',
            matchId: m.id,
            playerId: tr.playerId,
            bookmaker: b.bookmaker,
            market,
            odds,
            observedAt: t,
            isClosing: closing,
          });
        }
      }
    }
  }
  return out;
}
