// PATRON's training rows from the cache, walk-forward: every finished match of the training window
// before `asOf` whose prices the cache holds, its candidates read as CONSEIL read them before kick-off
// (Agent B's decision prices an hour before, Dixon-Coles fitted on the league's results before the
// month of the match, so no row's model saw its own result), with the CLV each price had against the
// closing line; and the app's own settled picks with the inputs they were decided on.
import { MARKETS } from '../../../src-shared/contract/market';
import { dayNumber } from '../../../src-shared/quant/dates';
import type { DixonColesModel } from '../../../src-shared/quant/poisson/dixon-coles';
import type { Cache } from '../../platform/cache/open';
import { cacheFixtures, fitLeague, fixtureMatrix, History, sortFixtures, type BacktestFixture, type LeagueFit } from '../agents/backtest';
import { fixtureInputs, PATRON_INPUTS, type InputVector, type TrainingRow } from '../agents/patron';
import { blendAt, blendHistory, LIVE_DEFAULTS } from '../agents/value';
import { candidateRules, settleCandidates } from '../decision';
import { settledPickRows } from './queries';

export const TRAINING_DAYS = 365;
/** The cache source's decision time: its prices an hour before kick-off (cacheFixtures' default lead). */
const DECISION_LEAD_MS = 60 * 60_000;

const settings = { xi: LIVE_DEFAULTS.xi, windowDays: LIVE_DEFAULTS.windowDays, minTeamMatches: LIVE_DEFAULTS.minTeamMatches };

/** Candidates of finished matches in [asOf − days, asOf), with their CLV, every price net of the
 * Settings' commission per book (`settingsCommission`); `counts.noBlend` gets the matches read with no
 * blend weight chosen before them. */
export function historyRows(
  db: Cache,
  asOf: Date,
  commission: Readonly<Record<string, number>>,
  days = TRAINING_DAYS,
  counts?: { noBlend: number },
): TrainingRow[] {
  const data = cacheFixtures(db, 'cache', { commission });
  const fixtures = sortFixtures(data.fixtures);
  const history = new History(fixtures);
  const end = asOf.toISOString();
  const since = new Date(asOf.getTime() - days * 86_400_000).toISOString();
  // each row with the blend weight known at its decision time (as live CONSEIL had it), not today's;
  // before any was chosen, the market alone (w = 0), counted
  const blends = blendHistory(db);
  const rulesAt = (f: BacktestFixture) => {
    const w = blendAt(blends, new Date(Date.parse(f.kickoff) - DECISION_LEAD_MS).toISOString());
    if (w === null && counts) counts.noBlend++;
    return candidateRules(w ?? 0, { books: 'all', markets: MARKETS });
  };
  const fits = new Map<string, LeagueFit>();
  const last = new Map<string, DixonColesModel | null>();
  const rows: TrainingRow[] = [];
  for (const f of fixtures) {
    if (!f.result || f.kickoff >= end || f.kickoff < since || f.decision.length === 0 || f.closing.length === 0) continue;
    const month = `${f.date.slice(0, 7)}-01`;
    const key = `${f.league}|${month}`;
    let fit = fits.get(key);
    if (!fit) {
      fit = fitLeague(history.view(month), f.league, month, settings, last.get(f.league) ?? null);
      if (fit.model) last.set(f.league, fit.model);
      fits.set(key, fit);
    }
    const { rows: cands } = fixtureInputs(f.decision, data.roles, fixtureMatrix(fit, f, settings), rulesAt(f));
    rows.push(...settleCandidates(f, cands, data.roles));
  }
  return rows;
}

/** The app's settled CONSEIL picks (with a CLV) that kicked off before `asOf`, as training rows. */
export function pickRows(db: Cache, asOf: Date): TrainingRow[] {
  const rows = settledPickRows(db, asOf.toISOString());
  const out: TrainingRow[] = [];
  for (const r of rows) {
    const inputs = parseInputs(r.inputs);
    if (inputs) out.push({ inputs, clv: r.clv, kickoff: new Date(r.kickoff).toISOString(), origin: 'pick' });
  }
  return out;
}

function parseInputs(json: string | null): InputVector | null {
  try {
    const v = (JSON.parse(json ?? 'null') as { patron?: { inputs?: Record<string, unknown> } } | null)?.patron?.inputs;
    if (!v) return null;
    const out = {} as InputVector;
    for (const k of PATRON_INPUTS) {
      const x = v[k];
      out[k] = typeof x === 'number' && Number.isFinite(x) ? x : 0;
    }
    return out;
  } catch {
    return null;
  }
}

export const dayOf = (iso: string): number => dayNumber(iso.slice(0, 10));
