// The report's numbers, as pure functions of the rows read: edge, CLV and profit of each pick, the
// ledger statistics (src-shared/quant), breakdowns, CLV buckets and the daily series behind the charts.
import {
  ledgerStatistics,
  roiBootstrapInterval,
  roiInterval,
  settlementProfit,
  SETTLEMENTS,
  type LedgerBet,
  type LedgerStats,
  type Settlement,
} from '../../../src-shared/quant';
import { zonedDate } from '../../../src-shared/domain/zoned-time';
import type { PickRow } from './queries';

export interface PickFigures extends PickRow {
  /** Expected return at the fair price the engine saw: odds / fair odds − 1. */
  edge: number | null;
  /** Against the de-vigged closing price: the stored CLV, else odds / closing fair odds − 1. Never from a missing close. */
  clvFair: number | null;
  /** Against the reference book's raw closing price. */
  clvRaw: number | null;
  /** The stored profit, else stake × the settlement's profit per unit. */
  profitValue: number | null;
  reasonList: string[];
  warningList: string[];
}

const isSettlement = (r: string | null): r is Settlement => r !== null && (SETTLEMENTS as readonly string[]).includes(r);
const finitePositive = (x: number | null): x is number => x !== null && Number.isFinite(x) && x > 0;

/** A JSON array of strings, or plain text (one item per line), as the engine wrote it. */
export function textList(raw: string | null): string[] {
  if (raw === null || raw.trim() === '') return [];
  const t = raw.trim();
  if (t.startsWith('[')) {
    try {
      const v = JSON.parse(t) as unknown;
      if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).filter((x) => x.trim() !== '');
    } catch {
      // not JSON after all: plain text
    }
  }
  return t
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function pickFigures(p: PickRow): PickFigures {
  const clvFair =
    p.clv !== null && Number.isFinite(p.clv) ? p.clv : finitePositive(p.closingFairOdds) ? p.odds / p.closingFairOdds - 1 : null;
  const profitValue =
    p.profit !== null && Number.isFinite(p.profit)
      ? p.profit
      : isSettlement(p.result)
        ? p.stake * settlementProfit(p.result, p.odds)
        : null;
  return {
    ...p,
    edge: finitePositive(p.fairOdds) ? p.odds / p.fairOdds - 1 : null,
    clvFair,
    clvRaw: finitePositive(p.closingOdds) ? p.odds / p.closingOdds - 1 : null,
    profitValue,
    reasonList: textList(p.reasons),
    warningList: textList(p.warnings),
  };
}

/** Bets that count in ROI: settled, with a stake and a profit. */
export function ledgerBets(picks: readonly PickFigures[]): LedgerBet[] {
  return picks
    .filter((p) => p.result !== null && p.stake > 0 && p.profitValue !== null)
    .map((p) => ({ stake: p.stake, profit: p.profitValue as number, odds: p.odds, clv: p.clvFair }));
}

export interface LedgerSummary {
  stats: LedgerStats;
  /** 95% interval of the ROI: percentile bootstrap (seeded: the same report twice is the same) up to
   * BOOTSTRAP_MAX_BETS bets, the delta-method t interval above (the two agree there, and the
   * bootstrap's cost grows with n × resamples). */
  roiLower: number | null;
  roiUpper: number | null;
  roiMethod: 'bootstrap' | 'delta' | null;
  /** Share of the bets with a CLV that beat the close (CLV > 0). */
  beatClose: number | null;
}

export const BOOTSTRAP_RESAMPLES = 2000;
export const BOOTSTRAP_MAX_BETS = 1000;

/** Ledger statistics, or null when nothing is settled. */
export function summarise(bets: readonly LedgerBet[]): LedgerSummary | null {
  if (bets.length === 0) return null;
  const stats = ledgerStatistics(bets);
  const method = bets.length < 2 ? null : bets.length <= BOOTSTRAP_MAX_BETS ? 'bootstrap' : 'delta';
  const ci =
    method === 'bootstrap'
      ? roiBootstrapInterval(bets, { resamples: BOOTSTRAP_RESAMPLES, seed: 1 })
      : method === 'delta'
        ? roiInterval(bets)
        : null;
  const withClv = bets.filter((b) => b.clv !== null && b.clv !== undefined);
  return {
    stats,
    roiLower: ci?.lower ?? null,
    roiUpper: ci?.upper ?? null,
    roiMethod: method,
    beatClose: withClv.length ? withClv.filter((b) => (b.clv as number) > 0).length / withClv.length : null,
  };
}

export interface GroupRow {
  group: string;
  bets: number;
  staked: number;
  profit: number;
  roi: number;
  hitRate: number | null;
  meanClv: number | null;
  clvBets: number;
}

/** Ledger figures per group (market, source, league…), largest turnover first. */
export function breakdown(picks: readonly PickFigures[], key: (p: PickFigures) => string): GroupRow[] {
  const groups = new Map<string, PickFigures[]>();
  for (const p of picks) {
    const k = key(p);
    const list = groups.get(k);
    if (list) list.push(p);
    else groups.set(k, [p]);
  }
  const out: GroupRow[] = [];
  for (const [group, rows] of groups) {
    const bets = ledgerBets(rows);
    if (bets.length === 0) continue;
    const s = ledgerStatistics(bets);
    out.push({
      group,
      bets: s.bets,
      staked: s.staked,
      profit: s.profit,
      roi: s.roi,
      hitRate: s.hitRate,
      meanClv: s.meanClv,
      clvBets: s.clvBets,
    });
  }
  return out.sort((a, b) => b.staked - a.staked || a.group.localeCompare(b.group));
}

export interface ClvBucket {
  bucket: string;
  low: number;
  high: number;
  bets: number;
  meanClv: number;
  roi: number;
  profit: number;
}

/** Settled bets with a CLV cut into `n` groups of (nearly) equal size by CLV, with each group's
 * realised ROI: bets that beat the close by more should return more (SPEC 10). */
export function clvBuckets(bets: readonly LedgerBet[], n = 5): ClvBucket[] {
  const withClv = bets.filter((b) => b.clv !== null && b.clv !== undefined).sort((a, b) => (a.clv as number) - (b.clv as number));
  if (withClv.length < n * 2) return [];
  const out: ClvBucket[] = [];
  for (let k = 0; k < n; k++) {
    const part = withClv.slice(Math.floor((k * withClv.length) / n), Math.floor(((k + 1) * withClv.length) / n));
    const staked = part.reduce((s, b) => s + b.stake, 0);
    const profit = part.reduce((s, b) => s + b.profit, 0);
    out.push({
      bucket: `Q${k + 1}`,
      low: part[0].clv as number,
      high: part[part.length - 1].clv as number,
      bets: part.length,
      meanClv: part.reduce((s, b) => s + (b.clv as number), 0) / part.length,
      roi: profit / staked,
      profit,
    });
  }
  return out;
}

export interface DayPoint {
  date: string;
  bets: number;
  staked: number;
  profit: number;
  cumulativeProfit: number;
  /** Mean CLV of the day's bets with one, and the running mean over every bet so far. */
  meanClv: number | null;
  runningClv: number | null;
  clvBets: number;
}

/** One point per local day of kick-off with settled bets: the profit curve and the CLV series. */
export function dailySeries(picks: readonly PickFigures[], timeZone: string): DayPoint[] {
  const days = new Map<string, PickFigures[]>();
  for (const p of picks) {
    if (p.result === null || p.stake <= 0 || p.profitValue === null) continue;
    const d = zonedDate(Date.parse(p.kickoff), timeZone);
    const list = days.get(d);
    if (list) list.push(p);
    else days.set(d, [p]);
  }
  let cumulative = 0;
  let clvSum = 0;
  let clvN = 0;
  return [...days.keys()].sort().map((date) => {
    const rows = days.get(date) as PickFigures[];
    const profit = rows.reduce((s, p) => s + (p.profitValue as number), 0);
    cumulative += profit;
    const clvs = rows.map((p) => p.clvFair).filter((c): c is number => c !== null);
    clvSum += clvs.reduce((s, c) => s + c, 0);
    clvN += clvs.length;
    return {
      date,
      bets: rows.length,
      staked: rows.reduce((s, p) => s + p.stake, 0),
      profit,
      cumulativeProfit: cumulative,
      meanClv: clvs.length ? clvs.reduce((s, c) => s + c, 0) / clvs.length : null,
      runningClv: clvN ? clvSum / clvN : null,
      clvBets: clvs.length,
    };
  });
}

/** A long series merged into weeks (or months) so a chart keeps at most about `maxPoints` points:
 * profit and bets add up, the cumulative figures are the last day's, the mean CLV is weighted by bets. */
export function chartSeries(series: readonly DayPoint[], maxPoints = 120): DayPoint[] {
  if (series.length <= maxPoints) return [...series];
  const byWeek = series.length / 7 <= maxPoints * 1.5;
  const keyOf = (date: string): string => {
    if (!byWeek) return date.slice(0, 7);
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7)); // the Monday of its week
    return d.toISOString().slice(0, 10);
  };
  const out: DayPoint[] = [];
  for (const p of series) {
    const key = keyOf(p.date);
    const last = out.at(-1);
    if (last && last.date === key) {
      const clvBets = last.clvBets + p.clvBets;
      last.meanClv = clvBets ? ((last.meanClv ?? 0) * last.clvBets + (p.meanClv ?? 0) * p.clvBets) / clvBets : null;
      last.clvBets = clvBets;
      last.bets += p.bets;
      last.staked += p.staked;
      last.profit += p.profit;
      last.cumulativeProfit = p.cumulativeProfit;
      last.runningClv = p.runningClv;
    } else out.push({ ...p, date: key });
  }
  return out;
}

/** "Over 2.5", "Home −0.25", "Draw": how an analyst reads a selection. */
export function selectionLabel(p: Pick<PickRow, 'market' | 'line' | 'selection'>): string {
  const sel = p.selection.charAt(0).toUpperCase() + p.selection.slice(1);
  if (p.line === null || p.line === undefined) return sel;
  const line = p.market === 'spreads' && p.line > 0 ? `+${p.line}` : String(p.line);
  return `${sel} ${line}`;
}
