import { withClient } from '../../platform/pg/client';
import type { JobContext } from '../../platform/jobs/define';
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
export async function ensureDemo(params: EnsureDemoParams, ctx: JobContext): Promise<EnsureDemoResult> {
  if (!ctx.sourceUrl) return { seeded: false, reason: 'no source', report: null };
  const state = await withClient(ctx.sourceUrl, async (client) => {
    const r = await client.query<{ matches: string; upcoming: string; frozen: boolean }>(
      `SELECT (SELECT count(*) FROM matches) AS matches, (SELECT count(*) FROM matches WHERE status = 'scheduled' AND kickoff > now() + interval '1 day') AS upcoming,
              -- a demo seeded before the live feed existed: nothing recorded to release from, nothing but demo matches
              NOT EXISTS (SELECT 1 FROM demo_feed_state) AND NOT EXISTS (SELECT 1 FROM matches WHERE origin <> 'demo') AS frozen`,
    );
    return { matches: Number(r.rows[0].matches), upcoming: Number(r.rows[0].upcoming), frozen: r.rows[0].frozen };
  });
  if (state.matches > 0 && state.upcoming > 0 && !state.frozen) return { seeded: false, reason: 'demo data present', report: null };
  const reason =
    state.matches === 0
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
