import { create } from 'zustand';
import type { MethodOutput } from '../../../src-shared/contract';
import type { FerrariHealth, FerrariTeamScorers, Trap, TrapDetail } from '../../../src-shared/contract/intel';
import type { BoardMatch } from '../../../src-shared/contract/market';
import { call } from '../../api/client';
import { loadInto } from '../../app/store/load';

export type TeamProfile = MethodOutput<'analysis.team'>;
export type Coaches = MethodOutput<'analysis.preview'>['coaches'];
export interface TeamOption {
  name: string;
  league: string;
}

/** Cache tables whose change makes the panel re-read what shows them. */
export const TRAP_TABLES = ['market_traps', 'matches', 'agent_runs', 'sync_status'];
export const PROFILE_TABLES = ['matches', 'team_intelligence', 'coaches', 'scorer_market_picks', 'players', 'scorer_intelligence'];

interface FerrariState {
  traps: Trap[] | null;
  trapsError: string | null;
  loading: boolean;
  health: FerrariHealth | null;
  healthError: string | null;
  /** Only the traps of this match (a notification's click, or "show this match"); null: every active trap. */
  matchFilter: number | null;
  /** The focus request (useFocusMatch's `at`) already shown: reopening the panel does not replay it. */
  focusedAt: number;
  /** Traps of the filtered match, active and expired (ferrari.matchTraps), when it is set. */
  matchTrapList: Trap[] | null;
  selectedTrapId: string | null;
  detail: TrapDetail | null;
  detailError: string | null;
  detailLoading: boolean;
  teams: TeamOption[];
  teamsError: string | null;
  team: string | null;
  profile: TeamProfile | null;
  profileError: string | null;
  profileLoading: boolean;
  scorers: FerrariTeamScorers | null;
  scorersError: string | null;
  /** The match whose coaches are compared: the selected trap's, else the team's next match. */
  matchup: BoardMatch | null;
  coaches: Coaches | null;
  coachesError: string | null;
  load(): Promise<void>;
  loadTraps(): Promise<void>;
  loadHealth(): Promise<void>;
  loadTeams(): Promise<void>;
  selectTrap(trapId: string | null): Promise<void>;
  pickTeam(name: string): Promise<void>;
  /** Shows one match: its traps only, its first trap selected, its home team's profile. */
  focusMatch(matchId: number | null): Promise<void>;
  loadMatchup(m: BoardMatch | null): Promise<void>;
  /** After a sync: re-reads what the changed tables feed. */
  refresh(tables: readonly string[]): Promise<void>;
}

/** Teams of the upcoming matches, by league then name. */
export function teamsOf(matches: readonly BoardMatch[]): TeamOption[] {
  const byName = new Map<string, TeamOption>();
  for (const m of matches) for (const name of [m.home, m.away]) if (!byName.has(name)) byName.set(name, { name, league: m.leagueName });
  return [...byName.values()].sort((a, b) => a.league.localeCompare(b.league) || a.name.localeCompare(b.name));
}

/** The team a trap is about: the side backed (home/away), else the home team. */
export const teamOfTrap = (t: Trap): string => (t.selection === 'away' ? t.match.away : t.match.home);

export const useFerrari = create<FerrariState>()((set, get) => ({
  traps: null,
  trapsError: null,
  loading: false,
  health: null,
  healthError: null,
  matchFilter: null,
  focusedAt: 0,
  matchTrapList: null,
  selectedTrapId: null,
  detail: null,
  detailError: null,
  detailLoading: false,
  teams: [],
  teamsError: null,
  team: null,
  profile: null,
  profileError: null,
  profileLoading: false,
  scorers: null,
  scorersError: null,
  matchup: null,
  coaches: null,
  coachesError: null,
  async load() {
    await Promise.all([get().loadTraps(), get().loadHealth(), get().loadTeams()]);
  },
  async loadTraps() {
    await loadInto(set, async () => ({ traps: await call('ferrari.trapsActive', {}) }), { loading: 'loading', error: 'trapsError' });
    const f = get().matchFilter;
    if (f !== null) {
      const list = await call('ferrari.matchTraps', { matchId: f }).catch(() => null);
      if (get().matchFilter === f) set({ matchTrapList: list });
    }
  },
  async loadHealth() {
    await loadInto(set, async () => ({ health: await call('ferrari.health', {}) }), { error: 'healthError' });
  },
  async loadTeams() {
    await loadInto(set, async () => ({ teams: teamsOf(await call('analysis.matches', {})) }), { error: 'teamsError' });
  },
  async selectTrap(trapId) {
    set({ selectedTrapId: trapId, detailError: null });
    if (!trapId) return set({ detail: null });
    const ok = await loadInto(set, async () => ({ detail: await call('ferrari.trap', { trapId }) }), {
      loading: 'detailLoading',
      error: 'detailError',
      isCurrent: () => get().selectedTrapId === trapId,
      onError: { detail: null },
    });
    const d = get().detail;
    if (!ok || !d || d.trap.trapId !== trapId) return;
    // the trap's side: its team profile and scorers, and the coaches of its match
    const team = teamOfTrap(d.trap);
    if (team !== get().team) void get().pickTeam(team);
    if (get().matchup?.matchId !== d.trap.match.matchId) void get().loadMatchup(d.trap.match);
  },
  async pickTeam(name) {
    set({ team: name, profileError: null, scorersError: null });
    const isCurrent = () => get().team === name;
    await Promise.all([
      loadInto(set, async () => ({ profile: await call('analysis.team', { name }) }), {
        loading: 'profileLoading',
        error: 'profileError',
        isCurrent,
        onError: { profile: null },
      }),
      loadInto(set, async () => ({ scorers: await call('analysis.ferrariScorers', { team: name }) }), {
        error: 'scorersError',
        isCurrent,
        onError: { scorers: null },
      }),
    ]);
    // without a selected trap, the coaches of the team's next match
    const next = get().profile?.nextMatch;
    if (isCurrent() && !get().selectedTrapId && next?.matchId != null && next.kickoff)
      void get().loadMatchup({ ...next, matchId: next.matchId, kickoff: next.kickoff });
  },
  async focusMatch(matchId) {
    set({ matchFilter: matchId, matchTrapList: null });
    if (matchId === null) return;
    const list = await call('ferrari.matchTraps', { matchId }).catch(() => [] as Trap[]);
    if (get().matchFilter !== matchId) return;
    set({ matchTrapList: list });
    const first = list.find((t) => t.status === 'active') ?? list[0];
    if (first) await get().selectTrap(first.trapId);
    else {
      // no trap on it (a steam notification): still show the match's teams and coaches
      const m = (await call('analysis.matches', {})).find((x) => x.matchId === matchId);
      if (m && get().matchFilter === matchId) {
        void get().pickTeam(m.home);
        void get().loadMatchup(m);
      }
    }
  },
  async loadMatchup(m) {
    set({ matchup: m, coachesError: null });
    if (!m) return set({ coaches: null });
    await loadInto(set, async () => ({ coaches: (await call('analysis.preview', { matchId: m.matchId })).coaches }), {
      error: 'coachesError',
      isCurrent: () => get().matchup?.matchId === m.matchId,
      onError: { coaches: null },
    });
  },
  async refresh(tables) {
    const touches = (list: string[]) => tables.some((t) => list.includes(t) || t.startsWith('odds_'));
    const jobs: Promise<unknown>[] = [get().loadHealth()];
    if (touches(TRAP_TABLES)) {
      jobs.push(get().loadTraps());
      const id = get().selectedTrapId;
      if (id) jobs.push(get().selectTrap(id));
    }
    if (get().team && tables.some((t) => PROFILE_TABLES.includes(t))) jobs.push(get().pickTeam(get().team!));
    await Promise.all(jobs);
  },
}));
