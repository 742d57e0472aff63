// Reads of the FERRARI views: traps (active, of a match, by teams), one trap's evidence, health.
import type { FerrariHealth, Trap, TrapDetail, TrapKind } from '../../../src-shared/contract/intel';
import type { BoardMatch } from '../../../src-shared/contract/market';
import { ContractError } from '../../../src-shared/contract/errors';
import type { Cache } from '../../platform/cache/open';
import { tableExists } from '../../platform/cache/tables';
import { LIVE_WINDOW_MS, moves } from '../market';
import { nextMatchBetween, resolveTeam } from '../analysis';
import { similarRows, similarStats } from './history';
import { toTrap } from './persist';

const TRAP_SELECT = `SELECT t.*, m.match_id AS m_id, m.league_code AS m_league, COALESCE(l.name, m.league_code) AS m_league_name,
    m.kickoff AS m_kickoff, m.status AS m_status, h.name AS m_home, a.name AS m_away
  FROM market_traps t JOIN matches m ON m.match_id = t.match_id
  JOIN teams h ON h.team_id = m.home_team_id JOIN teams a ON a.team_id = m.away_team_id
  LEFT JOIN leagues l ON l.league_code = m.league_code`;

type Row = Parameters<typeof toTrap>[0] & {
  m_id: number;
  m_league: string;
  m_league_name: string;
  m_kickoff: string;
  m_status: string;
  m_home: string;
  m_away: string;
};

const matchOf = (r: Row): BoardMatch => ({
  matchId: r.m_id,
  league: r.m_league,
  leagueName: r.m_league_name,
  kickoff: r.m_kickoff,
  status: r.m_status,
  home: r.m_home,
  away: r.m_away,
});

function ready(db: Cache): boolean {
  return tableExists(db, 'market_traps') && tableExists(db, 'matches') && tableExists(db, 'teams');
}

export function activeTraps(db: Cache, now: Date, limit: number): Trap[] {
  if (!ready(db)) return [];
  const rows = db
    .prepare(`${TRAP_SELECT} WHERE t.status = 'active' AND m.kickoff >= ? ORDER BY t.score DESC, m.kickoff, t.trap_id LIMIT ?`)
    .all(new Date(now.getTime() - LIVE_WINDOW_MS).toISOString(), limit) as Row[];
  return rows.map((r) => toTrap(r, matchOf(r)));
}

export function matchTraps(db: Cache, matchId: number): Trap[] {
  if (!ready(db)) return [];
  const rows = db.prepare(`${TRAP_SELECT} WHERE t.match_id = ? ORDER BY t.status, t.score DESC, t.trap_id`).all(matchId) as Row[];
  return rows.map((r) => toTrap(r, matchOf(r)));
}

/** Traps of the next match of home against away; unknown teams are NOT_FOUND (typed 404 over REST). */
export function trapsByTeams(db: Cache, home: string, away: string, now: Date): { match: BoardMatch | null; traps: Trap[] } {
  const h = resolveTeam(db, home);
  const a = resolveTeam(db, away);
  const m = nextMatchBetween(db, h.teamId, a.teamId, new Date(now.getTime() - LIVE_WINDOW_MS).toISOString());
  if (!m || m.matchId === null) return { match: null, traps: [] };
  const match: BoardMatch = {
    matchId: m.matchId,
    league: m.league,
    leagueName: m.leagueName,
    kickoff: m.kickoff ?? '',
    status: m.status,
    home: m.home,
    away: m.away,
  };
  return { match, traps: matchTraps(db, m.matchId) };
}

export function trapDetail(db: Cache, trapId: string): TrapDetail {
  if (!ready(db)) throw new ContractError('UNAVAILABLE', 'the cache has no market_traps yet: sync the source first');
  const r = db.prepare(`${TRAP_SELECT} WHERE t.trap_id = ?`).get(trapId) as Row | undefined;
  if (!r) throw new ContractError('NOT_FOUND', `no trap '${trapId}'`, { trapId });
  const trap = toTrap(r, matchOf(r));
  const mv = moves(db, { matchId: trap.match.matchId, market: trap.market, line: trap.line, selection: trap.selection });
  const involved = new Set(trap.books);
  const series = mv.series
    .filter((s) => involved.has(s.bookmaker) || s.sharp)
    .sort((a, b) => Number(b.sharp) - Number(a.sharp) || a.bookmaker.localeCompare(b.bookmaker))
    .map((s) => ({ bookmaker: s.bookmaker, sharp: s.sharp, points: s.points }));
  const evidence = JSON.parse(r.evidence) as Record<string, unknown>;
  const kind = trap.kind as TrapKind;
  const stats = similarStats(db, kind, trap.market, trap.odds);
  return { trap, series, evidence, similar: { ...stats, situations: similarRows(db, kind, trap.market, trap.odds) } };
}

export function healthOf(db: Cache, now: Date): Omit<FerrariHealth, 'source' | 'status'> {
  const sync = tableExists(db, 'sync_status')
    ? (db.prepare('SELECT last_success_at AS at FROM sync_status WHERE id = 1').get() as { at: string | null } | undefined)
    : undefined;
  const lastSyncAt = sync?.at ?? null;
  const run = tableExists(db, 'agent_runs')
    ? (db.prepare('SELECT finished_at AS at, summary FROM agent_runs ORDER BY run_id DESC LIMIT 1').get() as
        { at: string; summary: string } | undefined)
    : undefined;
  let lastAgentRun: FerrariHealth['lastAgentRun'] = null;
  if (run) {
    const s = JSON.parse(run.summary) as {
      mode: 'full' | 'incremental';
      ms: number;
      matches: number;
      findings: { found: number }[];
      traps: { found: number };
    };
    lastAgentRun = {
      at: run.at,
      mode: s.mode,
      ms: s.ms,
      matches: s.matches,
      findings: s.findings.reduce((a, f) => a + f.found, 0),
      traps: s.traps.found,
    };
  }
  return {
    cache: { lastSyncAt, ageSeconds: lastSyncAt ? Math.max(0, Math.round((now.getTime() - Date.parse(lastSyncAt)) / 1000)) : null },
    lastAgentRun,
    activeTraps: activeTraps(db, now, 100_000).length,
  };
}
