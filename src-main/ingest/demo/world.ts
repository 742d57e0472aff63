// The demo world, generated in memory from (seed, scale, anchor): leagues, teams, players, coaches,
// past seasons played out by a Dixon-Coles goal model with goal events, the coming week's fixtures,
// and the plan of the planted market situations. Prices are made from it by odds.ts.
import { Rng } from './rng';
import { clubNames, personName } from './names';
import { asianHomeProbability, mainAsianLine, matchProbabilities, overProbability, scoreMatrix, GOAL_EVENTS, MAX_GOALS } from './model';
import { planPlants } from './plants';
import type {
  DemoBookmaker,
  DemoCoach,
  DemoLeague,
  DemoMatch,
  DemoOptions,
  DemoPlayer,
  DemoTeam,
  DemoWorld,
  MatchResult,
  OddsTier,
  TruthMarket,
} from './types';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** The demo's books: one sharp (Pinnacle-like), one exchange, seven soft books. Margins, the share of
 * the margin loaded on longshots and the rounding are calibrated on the real files (README
 * "Calibration", test/unit/data/demo-calibration.test.ts): Pinnacle ~2.7-3% on 1X2, the exchange
 * under 1%, soft books 5-7% on 1X2 and totals, ~3% on Asian handicaps. */
// prettier-ignore
export const DEMO_BOOKMAKERS: DemoBookmaker[] = [
  { bookmaker: 'PS', name: 'Pinnacle-like sharp (demo)', kind: 'sharp', margin: 0.0262, totalsMargin: 0.0288, spreadsMargin: 0.0198, flb: 0.6, rounding: 'decimal3', scorers: null },
  { bookmaker: 'BFE', name: 'Exchange (demo)', kind: 'exchange', margin: 0.001, totalsMargin: 0.001, spreadsMargin: 0.001, flb: 0, rounding: 'exchange', scorers: null },
  { bookmaker: 'B365', name: 'Bet365-like (demo)', kind: 'soft', margin: 0.055, totalsMargin: 0.049, spreadsMargin: 0.026, flb: 0.8, rounding: 'fractional', scorers: { anytime: 0.2, first: 0.3 } },
  { bookmaker: 'BW', name: 'Bwin-like (demo)', kind: 'soft', margin: 0.054, totalsMargin: 0.05, spreadsMargin: 0.027, flb: 1.2, rounding: 'decimal2', scorers: null },
  { bookmaker: 'WH', name: 'William Hill-like (demo)', kind: 'soft', margin: 0.061, totalsMargin: 0.052, spreadsMargin: 0.028, flb: 0.6, rounding: 'fractional', scorers: { anytime: 0.22, first: 0.32 } },
  { bookmaker: 'VC', name: 'VC Bet-like (demo)', kind: 'soft', margin: 0.055, totalsMargin: 0.05, spreadsMargin: 0.027, flb: 0.6, rounding: 'fractional', scorers: { anytime: 0.19, first: 0.28 } },
  { bookmaker: 'IW', name: 'Interwetten-like (demo)', kind: 'soft', margin: 0.043, totalsMargin: 0.05, spreadsMargin: 0.028, flb: 1.4, rounding: 'step05', scorers: null },
  { bookmaker: '1XB', name: '1XBet-like (demo)', kind: 'soft', margin: 0.048, totalsMargin: 0.046, spreadsMargin: 0.025, flb: 0.9, rounding: 'decimal2', scorers: { anytime: 0.17, first: 0.26 } },
  { bookmaker: 'LB', name: 'Ladbrokes-like (demo)', kind: 'soft', margin: 0.063, totalsMargin: 0.055, spreadsMargin: 0.029, flb: 1.1, rounding: 'fractional', scorers: { anytime: 0.24, first: 0.35 } },
];
export const SOFT_BOOKS = DEMO_BOOKMAKERS.filter((b) => b.kind === 'soft').map((b) => b.bookmaker);

const LEAGUE_SPECS: { code: string; name: string; country: string; tier: number; teams: number }[] = [
  { code: 'E0', name: 'Premier Division (demo)', country: 'England', tier: 1, teams: 20 },
  { code: 'E1', name: 'Championship Division (demo)', country: 'England', tier: 2, teams: 20 },
  { code: 'SP1', name: 'Primera (demo)', country: 'Spain', tier: 1, teams: 20 },
  { code: 'I1', name: 'Serie Prima (demo)', country: 'Italy', tier: 1, teams: 20 },
  { code: 'D1', name: 'Bundesliga-like (demo)', country: 'Germany', tier: 1, teams: 18 },
  { code: 'F1', name: 'Ligue Une (demo)', country: 'France', tier: 1, teams: 18 },
  { code: 'N1', name: 'Eredivisie-like (demo)', country: 'Netherlands', tier: 1, teams: 18 },
  { code: 'P1', name: 'Primeira (demo)', country: 'Portugal', tier: 1, teams: 18 },
];
const STYLES = ['possession', 'counter', 'high-press', 'low-block', 'direct'];
const FORMATIONS = ['4-3-3', '4-2-3-1', '3-5-2', '4-4-2', '3-4-3', '5-3-2'];
const KICKOFF_SLOTS = [11 * 60 + 30, 13 * 60, 14 * 60, 15 * 60, 15 * 60, 16 * 60 + 30, 17 * 60 + 30, 18 * 60 + 45, 19 * 60, 20 * 60];
export const UPCOMING_DAYS = 7;

export function anchorOf(anchor: DemoOptions['anchor']): number {
  if (anchor === undefined) {
    const now = new Date();
    return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  }
  if (typeof anchor === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(anchor) || Number.isNaN(Date.parse(`${anchor}T00:00:00Z`))) {
      throw new Error(`demo: bad anchor '${anchor}' (expected YYYY-MM-DD)`);
    }
    return Date.parse(`${anchor}T00:00:00Z`);
  }
  return Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), anchor.getUTCDate());
}

export function seasonLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** Double round robin by the circle method: 2(n-1) rounds of n/2 [home, away] pairs. */
export function roundRobin(ids: number[]): [number, number][][] {
  const n = ids.length;
  const rot = [...ids];
  const first: [number, number][][] = [];
  for (let r = 0; r < n - 1; r++) {
    const round: [number, number][] = [];
    for (let i = 0; i < n / 2; i++) {
      const a = rot[i];
      const b = rot[n - 1 - i];
      round.push((r + i) % 2 === 0 ? [a, b] : [b, a]);
    }
    first.push(round);
    rot.splice(1, 0, rot.pop() as number);
  }
  return [...first, ...first.map((round) => round.map(([h, a]) => [a, h] as [number, number]))];
}

function truthMarkets(lambda: number, mu: number, rho: number, tier: OddsTier): TruthMarket[] {
  const probs = matchProbabilities(scoreMatrix(lambda, mu, rho));
  const markets: TruthMarket[] = [
    { market: '1x2', line: 0, selections: ['home', 'draw', 'away'], probs: [probs.home, probs.draw, probs.away] },
  ];
  const totals = tier === 'upcoming' ? [1.5, 2.5, 3.5] : [2.5];
  for (const line of totals) {
    const over = overProbability(probs.total, line);
    markets.push({ market: 'totals', line, selections: ['over', 'under'], probs: [over, 1 - over] });
  }
  const main = mainAsianLine(probs.diff);
  const spreads = tier === 'upcoming' ? [main - 0.25, main, main + 0.25] : [main];
  for (const line of spreads) {
    const home = asianHomeProbability(probs.diff, line);
    markets.push({ market: 'spreads', line, selections: ['home', 'away'], probs: [home, 1 - home] });
  }
  return markets;
}

interface Strengths {
  attack: Map<number, number>;
  defence: Map<number, number>;
}

/** Generates the whole world in memory. Deterministic in (seed, scale, anchor). */
export function generateWorld(opts: DemoOptions = {}): DemoWorld {
  const seed = opts.seed ?? 1;
  const scale = opts.scale ?? 1;
  if (!Number.isFinite(seed)) throw new Error(`demo: bad seed ${seed}`);
  if (!(scale > 0 && scale <= 100)) throw new Error(`demo: scale must be in (0, 100], got ${scale}`);
  const anchor = anchorOf(opts.anchor);
  const anchorDate = new Date(anchor);
  const currentStart = anchorDate.getUTCMonth() >= 6 ? anchorDate.getUTCFullYear() : anchorDate.getUTCFullYear() - 1;
  const cal: Calendar = { seed, anchor, currentStart, currentSeason: seasonLabel(currentStart) };

  const { leagues, teams } = makeLeagues(seed);
  const { players, coaches } = makeSquads(seed, anchor, teams);
  const matches = scheduleMatches(cal, leagues, seasonStrengths(cal, teams));
  const played = playMatches(cal, matches, leagues, players);
  const world: DemoWorld = {
    seed,
    scale,
    anchor,
    currentSeason: cal.currentSeason,
    bookmakers: DEMO_BOOKMAKERS,
    leagues,
    teams,
    players,
    coaches,
    matches,
    ...played,
    plants: [],
    badQuotes: [],
    badScorerQuotes: [],
  };
  assignBooks(world);
  planPlants(world);
  return world;
}

/** Where the world stands in time: its anchor day and the season that contains it. */
interface Calendar {
  seed: number;
  anchor: number;
  currentStart: number;
  currentSeason: string;
}

/** The leagues and their teams, with strengths centred per league (one stream per league). */
function makeLeagues(seed: number): { leagues: DemoLeague[]; teams: DemoTeam[] } {
  const taken = new Set<string>();
  const leagues: DemoLeague[] = [];
  const teams: DemoTeam[] = [];
  const offsets = [0, 1, 2, 0, 1, 2, 0, 1];
  for (const [li, spec] of LEAGUE_SPECS.entries()) {
    const lr = Rng.stream(seed, 'league', spec.code);
    const names = clubNames(lr, spec.teams, taken);
    const ids: number[] = [];
    const att = names.map(() => lr.normal(0, 0.22));
    const def = names.map(() => lr.normal(0, 0.18));
    const meanA = att.reduce((s, x) => s + x, 0) / att.length;
    const meanD = def.reduce((s, x) => s + x, 0) / def.length;
    for (const [i, name] of names.entries()) {
      const id = teams.length + 1;
      ids.push(id);
      teams.push({ id, name, league: spec.code, country: spec.country, attack: att[i] - meanA, defence: def[i] - meanD });
    }
    leagues.push({
      ...spec,
      teamIds: ids,
      baseGoals: Math.log(lr.uniform(1.02, 1.2)),
      homeAdvantage: lr.uniform(0.18, 0.3),
      rho: lr.uniform(-0.13, -0.05),
      offset: offsets[li % offsets.length],
    });
  }
  return { leagues, teams };
}

type SquadSlot = { position: DemoPlayer['position']; minutes: number; weight: number };
const DEPTH: [DemoPlayer['position'], number[], number][] = [
  ['GK', [90, 0, 0], 0],
  ['DF', [88, 86, 84, 80, 45, 25, 10, 5], 0.6],
  ['MF', [85, 82, 78, 50, 35, 20, 10, 5], 1.2],
  ['FW', [80, 72, 40, 20, 8], 3],
];

/** A team's squad slots: expected minutes by depth and a goal weight. Gamma weights by position,
 * tuned so that forwards score ~55% of a team's goals, midfielders ~32%, defenders ~13% (the usual
 * split in the big leagues), scaled by expected minutes. */
function squadSlots(tr: Rng): SquadSlot[] {
  const squad: SquadSlot[] = [];
  for (const [position, minutes, shape] of DEPTH) {
    for (const m of minutes) {
      const w = shape === 0 ? 0 : tr.gamma(shape) * (position === 'FW' ? 0.95 : position === 'MF' ? 0.83 : 0.6) * (m / 90 + 0.05);
      const jitter = m > 0 && position !== 'GK' ? tr.normal(0, 4) : 0;
      squad.push({ position, minutes: Math.round(Math.min(90, Math.max(0, m + jitter)) * 10) / 10, weight: w });
    }
  }
  return squad;
}

/** Every team's players (the regular outfield player with the largest goal share takes the
 * penalties) and its coach, one stream per team. */
function makeSquads(seed: number, anchor: number, teams: DemoTeam[]): { players: DemoPlayer[]; coaches: DemoCoach[] } {
  const players: DemoPlayer[] = [];
  const coaches: DemoCoach[] = [];
  for (const team of teams) {
    const tr = Rng.stream(seed, 'squad', team.id);
    const squad = squadSlots(tr);
    const total = squad.reduce((s, p) => s + p.weight, 0);
    const shirts = tr.shuffle(Array.from({ length: 40 }, (_, i) => i + 2)).slice(0, squad.length - 1);
    let best = -1;
    let bestShare = -1;
    for (const [i, p] of squad.entries()) {
      const share = Math.round((p.weight / total) * 1e6) / 1e6;
      players.push({
        id: players.length + 1,
        teamId: team.id,
        name: personName(tr),
        position: p.position,
        shirt: i === 0 ? 1 : shirts[i - 1],
        goalShare: share,
        penaltyTaker: false,
        expectedMinutes: p.minutes,
      });
      if (p.position !== 'GK' && p.position !== 'DF' && share > bestShare && p.minutes >= 60) {
        best = players.length - 1;
        bestShare = share;
      }
    }
    if (best >= 0) players[best].penaltyTaker = true;
    coaches.push({
      id: coaches.length + 1,
      teamId: team.id,
      name: personName(tr),
      style: tr.pick(STYLES),
      formation: tr.pick(FORMATIONS),
      tenureStart: new Date(anchor - tr.int(40, 1600) * DAY).toISOString().slice(0, 10),
    });
  }
  return { players, coaches };
}

/** Strengths by season: today's, drifting a little from season to season (a random walk backwards). */
function seasonStrengths(cal: Calendar, teams: DemoTeam[]): Map<string, Strengths> {
  const strengths = new Map<string, Strengths>();
  const current: Strengths = { attack: new Map(teams.map((t) => [t.id, t.attack])), defence: new Map(teams.map((t) => [t.id, t.defence])) };
  strengths.set(cal.currentSeason, current);
  let later = current;
  for (let back = 1; back <= 2; back++) {
    const sr = Rng.stream(cal.seed, 'drift', back);
    const s: Strengths = {
      attack: new Map(teams.map((t) => [t.id, (later.attack.get(t.id) as number) + sr.normal(0, 0.08)])),
      defence: new Map(teams.map((t) => [t.id, (later.defence.get(t.id) as number) + sr.normal(0, 0.07)])),
    };
    strengths.set(seasonLabel(cal.currentStart - back), s);
    later = s;
  }
  return strengths;
}

type AddMatch = (league: DemoLeague, season: string, kickoff: number, home: number, away: number, tier: OddsTier) => void;

/** Every fixture of the three seasons, ids in kick-off order (then league, home team): stable and readable. */
function scheduleMatches(cal: Calendar, leagues: DemoLeague[], strengths: Map<string, Strengths>): DemoMatch[] {
  const matches: DemoMatch[] = [];
  const addMatch: AddMatch = (league, season, kickoff, home, away, tier) => {
    const s = strengths.get(season) as Strengths;
    const lambda = Math.exp(league.baseGoals + league.homeAdvantage + (s.attack.get(home) as number) - (s.defence.get(away) as number));
    const mu = Math.exp(league.baseGoals + (s.attack.get(away) as number) - (s.defence.get(home) as number));
    matches.push({
      id: 0,
      league: league.code,
      season,
      kickoff,
      homeId: home,
      awayId: away,
      lambda,
      mu,
      markets: truthMarkets(lambda, mu, league.rho, tier),
      tier,
      openAt: 0,
      endAt: 0,
      books: { '1x2': [], totals: [], spreads: [] },
    });
  };
  for (const league of leagues) {
    const rng = Rng.stream(cal.seed, 'calendar', league.code);
    schedulePastSeasons(cal, rng, league, addMatch);
    scheduleCurrentSeason(cal, rng, league, addMatch);
  }
  matches.sort((a, b) => a.kickoff - b.kickoff || a.league.localeCompare(b.league) || a.homeId - b.homeId);
  matches.forEach((m, i) => {
    m.id = i + 1;
  });
  return matches;
}

/** Two past seasons: weekly rounds from the second weekend of August. */
function schedulePastSeasons(cal: Calendar, rng: Rng, league: DemoLeague, addMatch: AddMatch): void {
  for (let back = 2; back >= 1; back--) {
    const year = cal.currentStart - back;
    const season = seasonLabel(year);
    const rounds = roundRobin(rng.shuffle([...league.teamIds]));
    const aug8 = Date.UTC(year, 7, 8);
    const firstSat = aug8 + ((6 - new Date(aug8).getUTCDay() + 7) % 7) * DAY;
    for (const [r, round] of rounds.entries()) {
      for (const [home, away] of round) {
        const day = rng.pick([-1, 0, 0, 0, 0, 1, 1, 1, 2]);
        const kickoff = firstSat + 7 * r * DAY + day * DAY + rng.pick(KICKOFF_SLOTS) * MINUTE;
        addMatch(league, season, kickoff, home, away, back === 2 ? 'light' : 'full');
      }
    }
  }
}

/** Current season: weekly rounds up to the anchor, then a congested week (a round every 3 days). */
function scheduleCurrentSeason(cal: Calendar, rng: Rng, league: DemoLeague, addMatch: AddMatch): void {
  const { anchor, currentSeason } = cal;
  const rounds = roundRobin(rng.shuffle([...league.teamIds]));
  const aug8 = Date.UTC(cal.currentStart, 7, 8);
  const played = Math.max(8, Math.min(rounds.length - 6, Math.floor((anchor - aug8) / (7 * DAY))));
  for (let r = 0; r < played; r++) {
    for (const [home, away] of rounds[r]) {
      const kickoff = anchor - 7 * (played - r) * DAY + rng.int(0, 2) * DAY + rng.pick(KICKOFF_SLOTS) * MINUTE;
      addMatch(league, currentSeason, kickoff, home, away, 'full');
    }
  }
  for (let j = 0; played + j < rounds.length; j++) {
    const round = rounds[played + j];
    const half = Math.ceil(round.length / 2);
    let any = false;
    for (const [i, [home, away]] of round.entries()) {
      const day = league.offset + 3 * j + (i < half ? -1 : 0);
      if (day >= UPCOMING_DAYS) continue;
      any = true;
      const kickoff = anchor + day * DAY + rng.pick(KICKOFF_SLOTS) * MINUTE;
      addMatch(league, currentSeason, kickoff, home, away, kickoff < anchor ? 'full' : 'upcoming');
    }
    if (!any) break;
  }
}

type Played = Pick<DemoWorld, 'events' | 'futureEvents' | 'penaltyMisses'>;

/** Plays every match out (one stream per match): its market window, result, goal events and the
 * current season's missed penalties. Upcoming matches are played out too (same model, same stream),
 * but their result is an outcome the seed and the feed release only once the match has ended. */
function playMatches(cal: Calendar, matches: DemoMatch[], leagues: DemoLeague[], players: DemoPlayer[]): Played {
  const played: Played = { events: [], futureEvents: [], penaltyMisses: new Map() };
  const byTeam = new Map<number, DemoPlayer[]>();
  for (const p of players) (byTeam.get(p.teamId) ?? byTeam.set(p.teamId, []).get(p.teamId))?.push(p);
  let eventId = 0;
  for (const m of matches) {
    const mr = Rng.stream(cal.seed, 'match', m.id);
    m.openAt = m.kickoff - Math.round(mr.uniform(6.5, 8) * 24 * 60) * MINUTE;
    const upcoming = m.tier === 'upcoming';
    if (upcoming) {
      m.openAt = Math.min(m.openAt, cal.anchor - Math.round(mr.uniform(24, 40) * 60) * MINUTE);
      m.endAt = cal.anchor;
    } else {
      m.endAt = m.kickoff;
    }
    const league = leagues.find((l) => l.code === m.league) as DemoLeague;
    const result = playMatch(mr, m, league.rho);
    if (upcoming) m.outcome = result.result;
    else m.result = result.result;
    for (const g of result.goals) {
      const scoringTeam = g.home ? m.homeId : m.awayId;
      const player = scorerOf(mr, g, byTeam.get(scoringTeam) as DemoPlayer[], byTeam.get(g.home ? m.awayId : m.homeId) as DemoPlayer[]);
      const event = {
        id: ++eventId,
        matchId: m.id,
        teamId: scoringTeam,
        playerId: player.id,
        minute: g.minute,
        isPenalty: g.penalty,
        isOwnGoal: g.ownGoal,
      };
      (upcoming ? played.futureEvents : played.events).push(event);
    }
    if (!upcoming) countPenaltyMisses(mr, m, cal.currentSeason, byTeam, played.penaltyMisses);
  }
  return played;
}

/** Who scored a goal: an own goal is a regular defender of the other side's, a penalty the taker's,
 * any other goal a player drawn by goal share. */
function scorerOf(mr: Rng, g: Goal, squad: DemoPlayer[], opponents: DemoPlayer[]): DemoPlayer {
  if (g.ownGoal) return mr.pick(opponents.filter((p) => p.position === 'DF' && p.expectedMinutes >= 40));
  if (g.penalty) return squad.find((p) => p.penaltyTaker) ?? squad[squad.length - 1];
  return squad[mr.weighted(squad.map((p) => p.goalShare))];
}

function countPenaltyMisses(
  mr: Rng,
  m: DemoMatch,
  currentSeason: string,
  byTeam: Map<number, DemoPlayer[]>,
  misses: Map<number, number>,
): void {
  for (const home of [true, false]) {
    if (mr.chance(0.035) && m.season === currentSeason) {
      const taker = (byTeam.get(home ? m.homeId : m.awayId) as DemoPlayer[]).find((p) => p.penaltyTaker);
      if (taker) misses.set(taker.id, (misses.get(taker.id) ?? 0) + 1);
    }
  }
}

/** Which books price each match: every book for the coming week; before, the sharp plus rotating books
 * (last season on, at least three soft books on 1X2, so the trap situations of the past can be seen). */
function assignBooks(world: DemoWorld): void {
  const rotating = [...SOFT_BOOKS, 'BFE'];
  for (const m of world.matches) {
    const r = Rng.stream(world.seed, 'books', m.id);
    if (m.tier === 'upcoming') {
      const soft4 = r.sample(SOFT_BOOKS, 4);
      m.books = { '1x2': DEMO_BOOKMAKERS.map((b) => b.bookmaker), totals: ['PS', ...soft4], spreads: ['PS', ...soft4] };
    } else if (m.tier === 'full') {
      const three = r.sample(SOFT_BOOKS, 3);
      const one = [r.pick(SOFT_BOOKS)];
      m.books = { '1x2': ['PS', ...three], totals: ['PS', ...one], spreads: ['PS', ...one] };
    } else {
      m.books = { '1x2': ['PS', ...r.sample(rotating, 2)], totals: ['PS'], spreads: ['PS'] };
    }
  }
}

interface Goal {
  home: boolean;
  minute: number;
  penalty: boolean;
  ownGoal: boolean;
}

function playMatch(r: Rng, m: DemoMatch, rho: number): { result: MatchResult; goals: Goal[] } {
  const matrix = scoreMatrix(m.lambda, m.mu, rho);
  const n = MAX_GOALS + 1;
  let u = r.next();
  let hg = 0;
  let ag = 0;
  for (let k = 0; k < matrix.length; k++) {
    u -= matrix[k];
    if (u < 0) {
      hg = Math.floor(k / n);
      ag = k % n;
      break;
    }
  }
  const goals: Goal[] = [];
  for (const [home, count] of [
    [true, hg],
    [false, ag],
  ] as [boolean, number][]) {
    for (let g = 0; g < count; g++) {
      const firstHalf = r.chance(GOAL_EVENTS.firstHalf);
      const minute = firstHalf
        ? r.chance(GOAL_EVENTS.firstHalfStoppage)
          ? 45
          : r.int(1, 44)
        : r.chance(GOAL_EVENTS.secondHalfStoppage)
          ? r.int(90, 96)
          : r.int(46, 89);
      const ownGoal = r.chance(GOAL_EVENTS.ownGoal);
      goals.push({ home, minute, ownGoal, penalty: !ownGoal && r.chance(GOAL_EVENTS.penalty) });
    }
  }
  goals.sort((a, b) => a.minute - b.minute || Number(b.home) - Number(a.home));
  const htHome = goals.filter((g) => g.home && g.minute <= 45).length;
  const htAway = goals.filter((g) => !g.home && g.minute <= 45).length;
  const shots = (lambda: number) => r.poisson(4 + 7.5 * lambda);
  const homeShots = Math.max(hg, shots(m.lambda));
  const awayShots = Math.max(ag, shots(m.mu));
  const onTarget = (s: number, g: number) => Math.min(s, Math.max(g, Math.round(s * r.uniform(0.28, 0.45))));
  const xg = (lambda: number, g: number) => Math.round((0.65 * lambda * r.uniform(0.7, 1.3) + 0.35 * g * r.uniform(0.6, 1)) * 100) / 100;
  return {
    goals,
    result: {
      homeGoals: hg,
      awayGoals: ag,
      htHome,
      htAway,
      homeXg: xg(m.lambda, hg),
      awayXg: xg(m.mu, ag),
      referee: personName(r),
      stats: {
        homeShots,
        awayShots,
        homeShotsTarget: onTarget(homeShots, hg),
        awayShotsTarget: onTarget(awayShots, ag),
        homeCorners: r.poisson(2.5 + 2.5 * m.lambda),
        awayCorners: r.poisson(2.5 + 2.5 * m.mu),
        homeFouls: r.poisson(10.5),
        awayFouls: r.poisson(11.5),
        homeYellow: r.poisson(1.6),
        awayYellow: r.poisson(1.9),
        homeRed: r.chance(0.05) ? 1 : 0,
        awayRed: r.chance(0.06) ? 1 : 0,
      },
    },
  };
}
