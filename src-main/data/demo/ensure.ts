import pg from 'pg';
import type { JobContext } from '../../jobs/types';
import { seedDemo, type SeedReport } from './seed';

export interface EnsureDemoParams {
  /** The demo's "today"; default: today (UTC). */
  anchor?: string;
  scale?: number;
  /** The clock (ISO time; default: the real one): what is known by then is written, the demo feed releases the rest. */
  now?: string;
}

export interface EnsureDemoResult {
  seeded: boolean;
  reason: string;
  report: SeedReport | null;
}

/** The embedded default source gets a demo world when it has no matches, and a fresh one when its
 * fixtures have all kicked off (the demo is about the coming days). Never run on a configured source. */
export async function ensureDemoJob(params: EnsureDemoParams, ctx: JobContext): Promise<EnsureDemoResult> {
  if (!ctx.sourceUrl) return { seeded: false, reason: 'no source', report: null };
  const client = new pg.Client({ connectionString: ctx.sourceUrl });
  client.on('error', () => {}); // a lost connection fails the running query; unheard, it would crash the worker
  await client.connect();
  let state: { matches: number; upcoming: number; frozen: boolean };
  try {
    const r = await client.query<{ matches: string; upcoming: string; frozen: boolean }>(
      `SELECT (SELECT count(*) FROM matches) AS matches, (SELECT count(*) FROM matches WHERE status = 'scheduled' AND kickoff > now() + interval '1 day') AS upcoming,
              -- a demo seeded before the live feed existed: nothing recorded to release from, nothing but demo matches
              NOT EXISTS (SELECT 1 FROM demo_feed_state) AND NOT EXISTS (SELECT 1 FROM matches WHERE origin <> 'demo') AS frozen`,
    );
    state = { matches: Number(r.rows[0].matches), upcoming: Number(r.rows[0].upcoming), frozen: r.rows[0].frozen };
  } finally {
    await client.end();
  }
  if (state.matches > 0 && state.upcoming > 0 && !state.frozen) return { seeded: false, reason: 'demo data present', report: null };
  const reason = state.matches === 0
    ? 'empty source: generating the demo world'
    : state.upcoming > 0
      ? 'demo world without a live feed (seeded by an earlier version): generating it anew'
      : 'demo fixtures have all kicked off: generating a fresh demo world';
  ctx.progress({ fraction: 0.05, message: reason });
  const anchor = params.anchor ? new Date(`${params.anchor}T00:00:00Z`) : startOfTodayUtc();
  const report = await seedDemo(ctx.sourceUrl, {
    anchor,
    now: params.now ? Date.parse(params.now) : Date.now(),
    scale: params.scale,
    force: state.matches > 0,
    log: (line) => ctx.progress({ fraction: 0.5, message: line }),
  });
  return { seeded: true, reason, report };
}

function startOfTodayUtc(): Date {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}
