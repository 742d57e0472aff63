// Pick tracking as jobs: writes (record, place, combos, closing capture, settlement) on the writer
// lane, the one writer of the cache; the panels' reads on the reader lane.
import { contract } from '../../../src-shared/contract';
import { ContractError } from '../../../src-shared/contract/errors';
import type { PickDetail } from '../../../src-shared/contract/picks';
import { withWriter, type Cache } from '../../platform/cache/open';
import { cacheReader } from '../../platform/cache/reader';
import { tableExists } from '../../platform/cache/tables';
import { defineJob } from '../../platform/jobs/define';
import { jobCommission } from '../../platform/settings';
import { combosForStats, mergeByKickoff } from './combo-stats';
import { listCombos, previewCombo, recordCombo } from './combo-track';
import { kpisOf, performanceOf } from './performance';
import {
  bookCommissions,
  bookmakerFlags,
  childBets,
  listPicks,
  pickRowsById,
  picksForStats,
  requireComboTables,
  requirePickTables,
  storedDecision,
  trapsBetween,
} from './queries';
import { placeBet, recordPicks } from './record';
import { captureAll, settleAll, trackPicks } from './track';

const clock = contract['picks.settle'].input;
const nowOf = (p: { now?: string }): Date => (p.now ? new Date(p.now) : new Date());

function reader(cacheFile: string): Cache {
  const db = cacheReader(cacheFile);
  requirePickTables(db);
  return db;
}

export const recordPicksJob = defineJob({
  kind: 'picks.record',
  lane: 'writer',
  params: contract['picks.record'].input,
  run: ({ picks }, ctx) =>
    withWriter(ctx.cacheFile, (db) => {
      requirePickTables(db);
      return { picks: recordPicks(db, picks, new Date(), bookCommissions(db, jobCommission(ctx))) };
    }),
});

export const placeBetJob = defineJob({
  kind: 'picks.place',
  lane: 'writer',
  params: contract['picks.place'].input,
  run: (bet, ctx) =>
    withWriter(ctx.cacheFile, (db) => {
      requirePickTables(db);
      return placeBet(db, bet, new Date(), bookCommissions(db, jobCommission(ctx)));
    }),
});

export const recordComboJob = defineJob({
  kind: 'picks.recordCombo',
  lane: 'writer',
  params: contract['picks.recordCombo'].input,
  run: (combo, ctx) =>
    withWriter(ctx.cacheFile, (db) => {
      requireComboTables(db);
      return recordCombo(db, combo, new Date(), bookCommissions(db, jobCommission(ctx)));
    }),
});

/** A combo priced as recordCombo would price it, written nowhere (the combo slip's preview). */
export const priceComboJob = defineJob({
  kind: 'picks.priceCombo',
  lane: 'reader',
  params: contract['picks.priceCombo'].input,
  run: (combo, ctx) => {
    const db = cacheReader(ctx.cacheFile);
    requireComboTables(db);
    return previewCombo(db, combo, new Date(), bookCommissions(db, jobCommission(ctx)));
  },
});

/** Closing lines of the picks whose match kicked off by `now`. */
export const captureClosingJob = defineJob({
  kind: 'picks.closing',
  lane: 'writer',
  params: clock,
  run: (p, ctx) => withWriter(ctx.cacheFile, (db) => captureAll(db, nowOf(p))),
});

/** Settlement of picks and combos from the results in the cache. */
export const settleResultsJob = defineJob({
  kind: 'picks.results',
  lane: 'writer',
  params: clock,
  run: (p, ctx) => withWriter(ctx.cacheFile, (db) => settleAll(db, nowOf(p))),
});

/** How far past the clock `monps settle --now` may be (clock skew) before it is refused: a closing line
 * stamped at a future "now" would be taken on matches that have not kicked off. (Over the contract a
 * later `now` stays possible: the tests move the demo's clock ahead and settle at that time.) */
export const SETTLE_CLOCK_SKEW_MS = 5 * 60_000;

/** Both, as after every sync, `monps settle` and the contract's picks.settle. */
export const settlePicksJob = defineJob({
  kind: 'picks.settle',
  lane: 'writer',
  params: contract['picks.settle'].input,
  run: (p, ctx) =>
    withWriter(ctx.cacheFile, (db) => {
      ctx.progress({ fraction: 0.1, message: 'closing lines and settlement' });
      return trackPicks(db, nowOf(p));
    }),
});

export const listPicksJob = defineJob({
  kind: 'picks.list',
  lane: 'reader',
  params: contract['picks.list'].input,
  run: ({ limit, ...filter }, ctx) => {
    const { rows, total } = listPicks(reader(ctx.cacheFile), filter, limit);
    return { rows, total, truncated: total > rows.length };
  },
});

const parseJson = <T>(text: string | null): T | null => {
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
};

export const getPickJob = defineJob({
  kind: 'picks.get',
  lane: 'reader',
  params: contract['picks.get'].input,
  run: ({ pickId }, ctx): PickDetail => {
    const db = reader(ctx.cacheFile);
    const [row] = pickRowsById(db, [pickId]);
    const d = storedDecision(db, pickId);
    if (!row || !d) throw new ContractError('NOT_FOUND', `no pick ${pickId}`, { pickId });
    const snapshot = parseJson<Record<string, unknown>[]>(d.odds_snapshot);
    return {
      ...row,
      reasons: parseJson<string[]>(d.reasons) ?? [],
      warnings: parseJson<string[]>(d.warnings) ?? [],
      note: d.note,
      decision:
        d.model_version === null && snapshot === null
          ? null
          : {
              modelVersion: d.model_version,
              modelParams: parseJson(d.model_params),
              weights: parseJson(d.weights),
              oddsSnapshot: snapshot,
              inputs: parseJson(d.inputs),
            },
      closingObservedAt: d.closing_observed_at,
      capturedAt: d.captured_at,
      bets: childBets(db, pickId),
      parent: row.parentPickId ? (pickRowsById(db, [row.parentPickId])[0] ?? null) : null,
    };
  },
});

export const performanceJob = defineJob({
  kind: 'picks.performance',
  lane: 'reader',
  params: contract['picks.performance'].input,
  run: ({ staking, ...filter }, ctx) => {
    const db = reader(ctx.cacheFile);
    const now = new Date();
    // settled combos count as their own rows (market 'combo'), never through their legs
    if (tableExists(db, 'fg_combo_tracking')) requireComboTables(db);
    const rows = mergeByKickoff(picksForStats(db, { ...filter, state: 'all' }), combosForStats(db, filter));
    // the KPI window is by pick time; picks made in the last 30 days kick off from then on
    const picks = picksForStats(db, { kind: 'pick', from: new Date(now.getTime() - 31 * 86_400_000).toISOString().slice(0, 10) });
    const traps = trapsBetween(db, new Date(now.getTime() - 7 * 86_400_000).toISOString(), now.toISOString());
    return { generatedAt: now.toISOString(), ...performanceOf(rows, staking), kpis: kpisOf(picks, staking, now, traps) };
  },
});

export const pickOptionsJob = defineJob({
  kind: 'picks.options',
  lane: 'reader',
  params: contract['picks.options'].input,
  run: (_p, ctx) => {
    const db = reader(ctx.cacheFile);
    const leagues = db.prepare('SELECT league_code AS code, name FROM leagues ORDER BY league_code').all() as {
      code: string;
      name: string;
    }[];
    const sources =
      (db.prepare('SELECT DISTINCT source FROM tracking_clv_picks WHERE source IS NOT NULL ORDER BY source').pluck().all() as string[]) ??
      [];
    return {
      bookmakers: bookmakerFlags(db)
        .filter((b) => !b.aggregate)
        .map((b) => ({ code: b.code, name: b.name, sharp: b.sharp, exchange: b.exchange })),
      leagues,
      sources,
    };
  },
});

export const listCombosJob = defineJob({
  kind: 'picks.combos',
  lane: 'reader',
  params: contract['picks.combos'].input,
  run: ({ limit, desk }, ctx) => {
    const db = cacheReader(ctx.cacheFile);
    requireComboTables(db);
    return listCombos(db, limit, undefined, desk);
  },
});

export const picksJobs = [
  recordPicksJob,
  placeBetJob,
  recordComboJob,
  priceComboJob,
  captureClosingJob,
  settleResultsJob,
  settlePicksJob,
  listPicksJob,
  getPickJob,
  performanceJob,
  pickOptionsJob,
  listCombosJob,
];
