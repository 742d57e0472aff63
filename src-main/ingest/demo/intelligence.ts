// team_intelligence, scorer_intelligence and coach_intelligence of the demo world, computed from
// what the world shows (results, goal events, prices), the way the FERRARI profiles would be:
// current-season splits and form, scorers' records and next-match probabilities, coaches' records.
import type { DemoCoach, DemoMatch, DemoPlayer, DemoQuote, DemoWorld } from './types';

export interface TeamIntel {
  teamId: number;
  season: string;
  played: number;
  homePlayed: number;
  homeWins: number;
  homeDraws: number;
  homeLosses: number;
  homeGoalsFor: number;
  homeGoalsAgainst: number;
  awayPlayed: number;
  awayWins: number;
  awayDraws: number;
  awayLosses: number;
  awayGoalsFor: number;
  awayGoalsAgainst: number;
  form: string;
  xgForAvg: number | null;
  xgAgainstAvg: number | null;
  cleanSheetRate: number | null;
  bttsRate: number | null;
  over25Rate: number | null;
  attackRating: number | null;
  defenceRating: number | null;
  elo: number;
  marketAlerts: { kind: string; message: string; severity: 'low' | 'medium' | 'high'; at: string; match_id: number }[];
}

export interface ScorerIntel {
  playerId: number;
  teamId: number;
  season: string;
  appearances: number;
  minutes: number;
  goals: number;
  penaltyGoals: number;
  penaltiesTaken: number;
  firstGoals: number;
  goalsPer90: number | null;
  anytimeProb: number | null;
  firstGoalProb: number | null;
  formLast5: number[];
  goalsByPeriod: Record<string, number>;
  scoringStreak: number;
  drought: number;
}

export interface CoachIntel {
  coachId: number;
  teamId: number;
  style: string;
  formation: string;
  matches: number;
  wins: number;
  draws: number;
  losses: number;
  xgForAvg: number | null;
  xgAgainstAvg: number | null;
  goalsForAvg: number | null;
  goalsAgainstAvg: number | null;
  matchupRecord: { vs_style: Record<string, { w: number; d: number; l: number }> };
  strengths: string[];
  weaknesses: string[];
}

/** First and last sharp ('PS') 1X2 price of each upcoming match, per selection: the market alerts' input. */
export type SharpMoves = Map<number, { first: Record<string, number>; last: Record<string, number>; at: number }>;

export function collectSharpMove(moves: SharpMoves, q: DemoQuote, upcoming: boolean): void {
  if (!upcoming || q.table !== 'odds_history' || q.bookmaker !== 'PS') return;
  let m = moves.get(q.matchId);
  if (!m) {
    m = { first: {}, last: {}, at: 0 };
    moves.set(q.matchId, m);
  }
  if (!(q.selection in m.first)) m.first[q.selection] = q.odds;
  m.last[q.selection] = q.odds;
  m.at = Math.max(m.at, q.observedAt);
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const avg = (xs: number[]) => (xs.length ? r3(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

function finished(world: DemoWorld): DemoMatch[] {
  return world.matches.filter((m) => m.result).sort((a, b) => a.kickoff - b.kickoff || a.id - b.id);
}

/** Elo with home advantage 60 and a goal-difference multiplier, over every played match. */
export function eloRatings(world: DemoWorld): Map<number, number> {
  const elo = new Map(world.teams.map((t) => [t.id, 1500]));
  for (const m of finished(world)) {
    const res = m.result as NonNullable<DemoMatch['result']>;
    const rh = elo.get(m.homeId) as number;
    const ra = elo.get(m.awayId) as number;
    const expected = 1 / (1 + 10 ** ((ra - rh - 60) / 400));
    const score = res.homeGoals > res.awayGoals ? 1 : res.homeGoals === res.awayGoals ? 0.5 : 0;
    const k = 20 * (1 + Math.log(Math.abs(res.homeGoals - res.awayGoals) + 1));
    elo.set(m.homeId, rh + k * (score - expected));
    elo.set(m.awayId, ra - k * (score - expected));
  }
  return elo;
}

export function teamIntelligence(world: DemoWorld, moves: SharpMoves): TeamIntel[] {
  const elo = eloRatings(world);
  const season = finished(world).filter((m) => m.season === world.currentSeason);
  const leagueGoals = new Map<string, number>();
  for (const l of world.leagues) {
    const ms = season.filter((m) => m.league === l.code);
    leagueGoals.set(
      l.code,
      ms.reduce((s, m) => s + (m.result?.homeGoals ?? 0) + (m.result?.awayGoals ?? 0), 0) / Math.max(1, 2 * ms.length),
    );
  }
  const upcoming = world.matches.filter((m) => m.tier === 'upcoming');
  return world.teams.map((t) => {
    const ms = season.filter((m) => m.homeId === t.id || m.awayId === t.id);
    const x: TeamIntel = {
      teamId: t.id,
      season: world.currentSeason,
      played: ms.length,
      homePlayed: 0,
      homeWins: 0,
      homeDraws: 0,
      homeLosses: 0,
      homeGoalsFor: 0,
      homeGoalsAgainst: 0,
      awayPlayed: 0,
      awayWins: 0,
      awayDraws: 0,
      awayLosses: 0,
      awayGoalsFor: 0,
      awayGoalsAgainst: 0,
      form: '',
      xgForAvg: null,
      xgAgainstAvg: null,
      cleanSheetRate: null,
      bttsRate: null,
      over25Rate: null,
      attackRating: null,
      defenceRating: null,
      elo: Math.round((elo.get(t.id) as number) * 10) / 10,
      marketAlerts: [],
    };
    const xgF: number[] = [];
    const xgA: number[] = [];
    let cs = 0;
    let btts = 0;
    let over = 0;
    let form = '';
    for (const m of ms) {
      const r = m.result as NonNullable<DemoMatch['result']>;
      const home = m.homeId === t.id;
      const gf = home ? r.homeGoals : r.awayGoals;
      const ga = home ? r.awayGoals : r.homeGoals;
      const res = gf > ga ? 'W' : gf === ga ? 'D' : 'L';
      if (home) {
        x.homePlayed++;
        x.homeGoalsFor += gf;
        x.homeGoalsAgainst += ga;
        if (res === 'W') x.homeWins++;
        else if (res === 'D') x.homeDraws++;
        else x.homeLosses++;
      } else {
        x.awayPlayed++;
        x.awayGoalsFor += gf;
        x.awayGoalsAgainst += ga;
        if (res === 'W') x.awayWins++;
        else if (res === 'D') x.awayDraws++;
        else x.awayLosses++;
      }
      form += res;
      xgF.push(home ? r.homeXg : r.awayXg);
      xgA.push(home ? r.awayXg : r.homeXg);
      if (ga === 0) cs++;
      if (gf > 0 && ga > 0) btts++;
      if (gf + ga > 2.5) over++;
    }
    const n = ms.length;
    if (n > 0) {
      const lg = leagueGoals.get(t.league) || 1;
      x.form = form.slice(-5);
      x.xgForAvg = avg(xgF);
      x.xgAgainstAvg = avg(xgA);
      x.cleanSheetRate = r3(cs / n);
      x.bttsRate = r3(btts / n);
      x.over25Rate = r3(over / n);
      x.attackRating = r3((x.homeGoalsFor + x.awayGoalsFor) / n / lg);
      x.defenceRating = r3(lg / Math.max(0.1, (x.homeGoalsAgainst + x.awayGoalsAgainst) / n));
    }
    for (const m of upcoming.filter((u) => u.homeId === t.id || u.awayId === t.id)) {
      const mv = moves.get(m.id);
      const sel = m.homeId === t.id ? 'home' : 'away';
      if (!mv || !(sel in mv.first)) continue;
      const change = mv.last[sel] / mv.first[sel] - 1;
      if (Math.abs(change) < 0.06) continue;
      const opponent = world.teams.find((o) => o.id === (sel === 'home' ? m.awayId : m.homeId))?.name ?? '?';
      x.marketAlerts.push({
        kind: change < 0 ? 'shortening' : 'drift',
        message: `sharp price for a ${t.name} win v ${opponent} ${change < 0 ? 'shortened' : 'drifted'} ${mv.first[sel]} → ${mv.last[sel]} (${(change * 100).toFixed(1)}%)`,
        severity: Math.abs(change) >= 0.15 ? 'high' : Math.abs(change) >= 0.1 ? 'medium' : 'low',
        at: new Date(mv.at).toISOString(),
        match_id: m.id,
      });
    }
    return x;
  });
}

const PERIODS = ['0-15', '16-30', '31-45', '46-60', '61-75', '76-90'];

export function scorerIntelligence(world: DemoWorld): ScorerIntel[] {
  const season = finished(world).filter((m) => m.season === world.currentSeason);
  const seasonIds = new Set(season.map((m) => m.id));
  const goalsByMatch = new Map<number, { playerId: number; minute: number; own: boolean; pen: boolean; id: number }[]>();
  for (const e of world.events) {
    if (!seasonIds.has(e.matchId)) continue;
    const l = goalsByMatch.get(e.matchId) ?? [];
    l.push({ playerId: e.playerId, minute: e.minute, own: e.isOwnGoal, pen: e.isPenalty, id: e.id });
    goalsByMatch.set(e.matchId, l);
  }
  const teamMatches = new Map<number, DemoMatch[]>();
  for (const m of season) {
    for (const t of [m.homeId, m.awayId]) (teamMatches.get(t) ?? teamMatches.set(t, []).get(t))?.push(m);
  }
  const next = new Map<number, DemoMatch>();
  for (const m of world.matches.filter((u) => u.tier === 'upcoming').sort((a, b) => a.kickoff - b.kickoff)) {
    if (!next.has(m.homeId)) next.set(m.homeId, m);
    if (!next.has(m.awayId)) next.set(m.awayId, m);
  }
  return world.players
    .filter((p) => p.goalShare > 0)
    .map((p: DemoPlayer) => {
      const ms = teamMatches.get(p.teamId) ?? [];
      const perMatch = ms.map((m) => (goalsByMatch.get(m.id) ?? []).filter((g) => g.playerId === p.id && !g.own));
      const mine = perMatch.flat();
      const penaltyGoals = mine.filter((g) => g.pen).length;
      const minutes = Math.round(ms.length * p.expectedMinutes);
      const byPeriod: Record<string, number> = Object.fromEntries(PERIODS.map((k) => [k, 0]));
      for (const g of mine) byPeriod[PERIODS[Math.min(5, Math.max(0, Math.ceil(g.minute / 15) - 1))]]++;
      let firstGoals = 0;
      for (const m of ms) {
        const gs = [...(goalsByMatch.get(m.id) ?? [])].sort((a, b) => a.minute - b.minute || a.id - b.id);
        if (gs.length && gs[0].playerId === p.id && !gs[0].own) firstGoals++;
      }
      let streak = 0;
      for (let i = perMatch.length - 1; i >= 0 && perMatch[i].length > 0; i--) streak++;
      let drought = 0;
      for (let i = perMatch.length - 1; i >= 0 && perMatch[i].length === 0; i--) drought++;
      let anytime: number | null = null;
      let first: number | null = null;
      const nm = next.get(p.teamId);
      if (nm) {
        const own = nm.homeId === p.teamId ? nm.lambda : nm.mu;
        const opp = nm.homeId === p.teamId ? nm.mu : nm.lambda;
        const rate = own * (0.87 * p.goalShare + (p.penaltyTaker ? 0.1 : 0));
        anytime = r6(1 - Math.exp(-rate));
        first = r6((rate / (own + opp)) * (1 - Math.exp(-(own + opp))));
      }
      return {
        playerId: p.id,
        teamId: p.teamId,
        season: world.currentSeason,
        appearances: Math.round(ms.length * Math.min(1, p.expectedMinutes / 60)),
        minutes,
        goals: mine.length,
        penaltyGoals,
        penaltiesTaken: penaltyGoals + (world.penaltyMisses.get(p.id) ?? 0),
        firstGoals,
        goalsPer90: minutes > 0 ? r3((mine.length / minutes) * 90) : null,
        anytimeProb: anytime,
        firstGoalProb: first,
        formLast5: perMatch.slice(-5).map((g) => g.length),
        goalsByPeriod: byPeriod,
        scoringStreak: streak,
        drought,
      };
    });
}

export function coachIntelligence(world: DemoWorld): CoachIntel[] {
  const all = finished(world);
  const coachOf = new Map<number, DemoCoach>(world.coaches.map((c) => [c.teamId, c]));
  return world.coaches.map((c) => {
    const since = Date.parse(`${c.tenureStart}T00:00:00Z`);
    const ms = all.filter((m) => m.kickoff >= since && (m.homeId === c.teamId || m.awayId === c.teamId));
    const vs: Record<string, { w: number; d: number; l: number }> = {};
    let w = 0;
    let d = 0;
    let l = 0;
    let homeW = 0;
    let homeN = 0;
    let awayW = 0;
    let awayN = 0;
    const gf: number[] = [];
    const ga: number[] = [];
    const xf: number[] = [];
    const xa: number[] = [];
    for (const m of ms) {
      const r = m.result as NonNullable<DemoMatch['result']>;
      const home = m.homeId === c.teamId;
      const f = home ? r.homeGoals : r.awayGoals;
      const a = home ? r.awayGoals : r.homeGoals;
      gf.push(f);
      ga.push(a);
      xf.push(home ? r.homeXg : r.awayXg);
      xa.push(home ? r.awayXg : r.homeXg);
      const style = coachOf.get(home ? m.awayId : m.homeId)?.style ?? 'unknown';
      const rec = vs[style] ?? (vs[style] = { w: 0, d: 0, l: 0 });
      if (f > a) {
        w++;
        rec.w++;
      } else if (f === a) {
        d++;
        rec.d++;
      } else {
        l++;
        rec.l++;
      }
      if (home) {
        homeN++;
        if (f > a) homeW++;
      } else {
        awayN++;
        if (f > a) awayW++;
      }
    }
    const strengths: string[] = [];
    const weaknesses: string[] = [];
    const gfa = avg(gf);
    const gaa = avg(ga);
    if (homeN >= 5 && homeW / homeN > 0.55) strengths.push('strong at home');
    if (gfa !== null && gfa > 1.8) strengths.push('prolific attack');
    if (gaa !== null && gaa < 1) strengths.push('solid defence');
    if (awayN >= 5 && awayW / awayN < 0.2) weaknesses.push('poor away form');
    if (gaa !== null && gaa > 1.7) weaknesses.push('leaky defence');
    for (const [style, rec] of Object.entries(vs).sort(([a], [b]) => a.localeCompare(b))) {
      const n = rec.w + rec.d + rec.l;
      if (n >= 4 && rec.w / n >= 0.6) strengths.push(`beats ${style} sides`);
      if (n >= 4 && rec.w / n <= 0.15) weaknesses.push(`struggles against ${style} sides`);
    }
    return {
      coachId: c.id,
      teamId: c.teamId,
      style: c.style,
      formation: c.formation,
      matches: ms.length,
      wins: w,
      draws: d,
      losses: l,
      xgForAvg: avg(xf),
      xgAgainstAvg: avg(xa),
      goalsForAvg: gfa,
      goalsAgainstAvg: gaa,
      matchupRecord: { vs_style: Object.fromEntries(Object.entries(vs).sort(([a], [b]) => a.localeCompare(b))) },
      strengths,
      weaknesses,
    };
  });
}
