// One run of the market intelligence: Agent A and the FERRARI trap detector over the matches in
// scope, the history of similar situations, scorer market picks; every output through the outbox;
// a summary of what was found, written and skipped (with reasons).
// Full: every upcoming match. Incremental: in a long-lived worker, the series kept in memory from the
// last run take the quotes written since (the odds mirrors' updated_at) and only the market lines
// they touched are examined again; elsewhere (the CLI), the matches with such quotes are read whole.
import type { AgentRunSummary, FindingKind, TrapKind } from '../../../../src-shared/contract/intel';
import { FINDING_KINDS, TRAP_KINDS } from '../../../../src-shared/contract/intel';
import type { RaisedAlert } from '../../../../src-shared/contract/alerts';
import { openCache, type Cache } from '../../../platform/cache/open';
import { throwIfCancelled, type JobContext } from '../../../platform/jobs/define';
import {
  detectGroup,
  readGroups,
  replay,
  SeriesStore,
  Skips,
  upcomingScope,
  writeFindings,
  type MarketGroup,
  type RawFinding,
  type ScopeMatch,
} from '../anomaly';
import { detectTraps, expireKickedOff, runScorerPicks, updateHistory, writeTraps, type RawTrap } from '../../traps';
import { collectAlerts } from './alerts';
import { changedScope, ensureChangeIndexes, lastWatermarks, saveWatermarks, syncWatermarks } from './scope';

export interface RunParams {
  full: boolean;
  /** Raise alert.raised for new traps and strong steams (the app after a sync; not the CLI). */
  alerts: boolean;
  /** The run's clock (ISO); tests and replays pin it. */
  asOf?: string;
  /** Keep the series in memory for the next incremental run (a long-lived worker). */
  keep?: boolean;
  /** The sync deleted quotes or re-read a table whole: the kept series are rebuilt from the cache. */
  resync?: boolean;
}

export interface RunResult {
  summary: AgentRunSummary;
  alerts: RaisedAlert[];
  /** Milliseconds spent in each phase (scope, read, detect, history, write, scorers), for the bench. */
  phases: Record<string, number>;
}

interface GroupResult {
  group: MarketGroup;
  findings: RawFinding[];
  traps: RawTrap[];
  /** When the group must be looked at again with no new quote (a pending outlier or trap), or Infinity. */
  recheckAt: number;
}

/** What a long-lived worker keeps between runs, for one cache file. */
interface Kept {
  file: string;
  store: SeriesStore;
  results: Map<string, GroupResult>;
}
let kept: Kept | null = null;

const resultKey = (g: MarketGroup): string => `${g.market}|${g.matchId}|${g.line ?? ''}`;

function examine(g: MarketGroup, asOf: number): GroupResult {
  const r = replay(g, asOf);
  const pending: number[] = [];
  const findings = detectGroup(g, asOf, r, pending);
  const traps = detectTraps(r, asOf, pending);
  return { group: g, findings, traps, recheckAt: pending.length ? Math.min(...pending) : Infinity };
}

/** The whole run on an open writer connection (the job opens it; tests and the bench pass theirs). */
export function runAgentsOn(db: Cache, params: RunParams, signal?: AbortSignal, progress?: JobContext['progress']): RunResult {
  const started = new Date();
  const t0 = performance.now();
  const phases: Record<string, number> = {};
  let mark = t0;
  const lap = (name: string) => {
    const t = performance.now();
    phases[name] = Math.round((t - mark) * 10) / 10;
    mark = t;
  };
  const asOf = params.asOf ? Date.parse(params.asOf) : started.getTime();
  if (!Number.isFinite(asOf)) throw new Error(`agents.run: asOf '${params.asOf}' is not a date`);
  ensureChangeIndexes(db);
  const marks = syncWatermarks(db);
  const last = params.full ? null : lastWatermarks(db);
  const file = db.name;
  const usable = params.keep && kept?.file === file && !params.resync && !params.full && last !== null && last.size > 0;
  if (!usable && kept?.file === file) kept = null;
  const skips = new Skips();
  const upcoming = upcomingScope(db, asOf);
  let mode: 'full' | 'incremental';
  let groups: MarketGroup[];
  let quotes: number;
  let scope: readonly ScopeMatch[];
  lap('scope');
  if (usable && kept) {
    // incremental, from memory: the quotes since the last run, the groups they touched, the groups due a recheck
    mode = 'incremental';
    const read = kept.store.update(db, upcoming, asOf, skips, last);
    const touched = new Map(read.groups.map((g) => [resultKey(g), g]));
    const inScope = new Set(upcoming.map((m) => m.matchId));
    for (const [key, res] of kept.results) {
      if (!inScope.has(res.group.matchId)) kept.results.delete(key);
      else if (res.recheckAt <= asOf && !touched.has(key)) touched.set(key, res.group);
    }
    groups = [...touched.values()];
    quotes = read.quotes;
    const changed = new Set(groups.map((g) => g.matchId));
    scope = upcoming.filter((m) => changed.has(m.matchId));
  } else {
    const changed = last && last.size ? changedScope(db, asOf, last) : null;
    mode = changed === null || params.keep ? 'full' : 'incremental';
    scope = mode === 'full' ? upcoming : (changed as ScopeMatch[]);
    if (params.keep) {
      const built = SeriesStore.build(db, scope, asOf, skips);
      kept = { file, store: built.store, results: new Map() };
      groups = built.read.groups;
      quotes = built.read.quotes;
    } else {
      const read = readGroups(db, scope, asOf, skips);
      groups = read.groups;
      quotes = read.quotes;
    }
  }
  if (signal) throwIfCancelled(signal);
  lap('read');
  progress?.({
    message: `${mode} run: ${quotes} quotes read, ${groups.length} market lines of ${scope.length} matches to examine`,
    fraction: 0.3,
  });

  const findings: RawFinding[] = [];
  const results = kept?.results ?? new Map<string, GroupResult>();
  for (const g of groups) {
    const res = examine(g, asOf);
    findings.push(...res.findings);
    results.set(resultKey(g), res);
  }
  // every trap of the matches examined (a match's untouched market lines keep their last traps)
  const examinedIds = new Set(scope.map((m) => m.matchId));
  const traps: RawTrap[] = [];
  for (const res of results.values()) if (examinedIds.has(res.group.matchId)) traps.push(...res.traps);
  if (signal) throwIfCancelled(signal);
  lap('detect');
  progress?.({ message: `found ${findings.length} anomalies and ${traps.length} traps`, fraction: 0.7 });

  const now = new Date();
  const history = updateHistory(db, asOf, params.full);
  lap('history');
  const examined = new Map(scope.filter((m) => m.kickoff !== null).map((m) => [m.matchId, m.kickoff as number]));
  const written = writeFindings(db, findings, now);
  const trapWrite = writeTraps(db, traps, examined, asOf, now);
  const kickedOff = expireKickedOff(db, asOf, now);
  lap('write');
  const scorer = runScorerPicks(db, scope, asOf, now);
  lap('scorers');
  const alerts = params.alerts ? collectAlerts(db, findings, traps, asOf) : [];
  saveWatermarks(db, marks);

  const summary: AgentRunSummary = {
    mode,
    asOf: new Date(asOf).toISOString(),
    startedAt: started.toISOString(),
    ms: Math.round((performance.now() - t0) * 10) / 10,
    matches: scope.length,
    quotes,
    findings: FINDING_KINDS.map((kind: FindingKind) => ({
      kind,
      found: findings.filter((f) => f.kind === kind).length,
      written: written.get(kind) ?? 0,
    })),
    traps: {
      found: traps.length,
      written: trapWrite.written,
      active: traps.filter((t) => t.end === null && (examined.get(t.matchId) ?? 0) > asOf).length,
      // found over, plus stored ones this run expired (not found again, or kicked off)
      expired: traps.filter((t) => !(t.end === null && (examined.get(t.matchId) ?? 0) > asOf)).length + trapWrite.expired + kickedOff,
      byKind: TRAP_KINDS.map((kind: TrapKind) => ({ kind, count: traps.filter((t) => t.kind === kind).length })),
    },
    scorerPicks: scorer,
    history,
    skipped: skips.list(),
    alerts: alerts.length,
  };
  recordRun(db, summary, new Date());
  return { summary, alerts, phases };
}

function recordRun(db: Cache, s: AgentRunSummary, finished: Date): void {
  db.prepare('INSERT INTO agent_runs (mode, started_at, finished_at, as_of, matches, summary) VALUES (?, ?, ?, ?, ?, ?)').run(
    s.mode,
    s.startedAt,
    finished.toISOString(),
    s.asOf,
    s.matches,
    JSON.stringify(s),
  );
}

/** Forgets what a worker kept (tests). */
export function forgetKept(): void {
  kept = null;
}

/** The job's body: its own writer connection on the cache. */
export function runAgents(params: RunParams, ctx: JobContext): RunResult {
  const db = openCache(ctx.cacheFile, { migrate: true });
  try {
    return runAgentsOn(db, params, ctx.signal, ctx.progress);
  } finally {
    db.close();
  }
}
