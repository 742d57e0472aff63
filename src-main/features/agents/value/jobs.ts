// Agent B's jobs: the value columns and value bets read on the reader lane (what a user waits on), the
// run that writes its analyses and predictions on the writer lane (the cache's one writer).
import { contract } from '../../../../src-shared/contract';
import type { ValueBets, ValueBoard } from '../../../../src-shared/contract/agents';
import { openCache } from '../../../platform/cache/open';
import { cacheReader } from '../../../platform/cache/reader';
import { defineJob } from '../../../platform/jobs/define';
import { jobCommission } from '../../../platform/settings';
import { buildLiveValue, liveValue, type LiveParams, type LiveValue } from './live';

/** Prices are read net of the commission per book the Settings give (saved when the job started). */
const withCommission = <P extends LiveParams>(p: P, ctx: { settingsFile?: string }): P => ({
  ...p,
  commission: jobCommission(ctx),
});
import { writeValueOutputs } from './outputs';

export function toValueBoard(v: LiveValue): ValueBoard {
  const c: ValueBoard['columns'] = { id: [], modelOdds: [], blendOdds: [], edge: [], stake: [], bet: [], stale: [], note: [] };
  const r6 = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);
  for (const r of v.rows) {
    c.id.push(r.id);
    c.modelOdds.push(r.modelProb ? r6(1 / r.modelProb) : null);
    c.blendOdds.push(r.blendProb ? r6(1 / r.blendProb) : null);
    c.edge.push(r6(r.edge));
    c.stake.push(r6(r.stake));
    c.bet.push(r.bet);
    c.stale.push(r.staleBest !== null);
    c.note.push(r.note);
  }
  return {
    generatedAt: new Date().toISOString(),
    asOf: v.asOf,
    blend: v.blend,
    warnings: v.warnings,
    models: v.models,
    matches: v.matches.length,
    rowCount: v.rows.length,
    columns: c,
    buildMs: v.buildMs,
  };
}

export function toValueBets(v: LiveValue, limit: number): ValueBets {
  const matches = new Map(v.matches.map((m) => [m.matchId, m]));
  const bets = v.rows
    .filter((r) => r.bet)
    .sort((a, b) => (b.edge as number) - (a.edge as number))
    .slice(0, limit)
    .map(({ basis: _basis, ...r }) => ({
      ...r,
      modelOdds: r.modelProb ? 1 / r.modelProb : null,
      blendOdds: r.blendProb ? 1 / r.blendProb : null,
      match: matches.get(r.matchId)!,
    }));
  return {
    generatedAt: new Date().toISOString(),
    asOf: v.asOf,
    blend: v.blend,
    warnings: v.warnings,
    matches: v.matches.length,
    bets,
    buildMs: v.buildMs,
  };
}

export const valueBoardJob = defineJob({
  kind: 'value.board',
  lane: 'reader',
  params: contract['value.board'].input,
  run: (p, ctx) => toValueBoard(liveValue(cacheReader(ctx.cacheFile), withCommission(p, ctx))),
});

export const valueBetsJob = defineJob({
  kind: 'value.bets',
  lane: 'reader',
  params: contract['value.bets'].input,
  run: ({ limit, ...p }, ctx) => toValueBets(liveValue(cacheReader(ctx.cacheFile), withCommission(p, ctx)), limit),
});

export const valueRunJob = defineJob({
  kind: 'value.run',
  lane: 'writer',
  params: contract['value.run'].input,
  run: (p, ctx) => {
    const db = openCache(ctx.cacheFile);
    try {
      ctx.progress({ fraction: 0.1, message: 'reading the upcoming matches and their prices' });
      const v = buildLiveValue(db, new Date(), withCommission(p, ctx));
      ctx.progress({ fraction: 0.8, message: `${v.matches.length} matches priced: writing analyses and predictions` });
      const written = writeValueOutputs(db, v);
      return { matches: v.matches.length, ...written, blend: v.blend };
    } finally {
      db.close();
    }
  },
});

export const valueJobs = [valueBoardJob, valueBetsJob, valueRunJob];
