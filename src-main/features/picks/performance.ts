// The Performance panel's numbers from settled picks, by quant's ledger statistics: profit and ROI
// (with intervals), the equity curve against the expected profit and its variance band, the CLV
// distribution and its mean over time, breakdowns, calibration, and the seed's KPIs. Pure.
import type { BreakdownRow, Performance, PickRow } from '../../../src-shared/contract/picks';
import {
  expectedProfit,
  ledgerStatistics,
  roiBootstrapInterval,
  roiInterval,
  type LedgerBet,
  type PricedBet,
} from '../../../src-shared/quant/ledger';
import { settlementProfit, type Settlement, type SettlementProbabilities } from '../../../src-shared/quant/settlement';
import { brierScore, calibrationBins } from '../../../src-shared/quant/stats';
import { PRICE_BANDS, priceBand } from '../../../src-shared/domain/price-bands';
import { COMBO_MARKET } from '../../../src-shared/contract/picks';

export type Staking = 'staked' | 'flat';

interface Settled {
  row: PickRow;
  bet: LedgerBet;
}

/** One unit's profit: a combo's settled profit per unit staked (a void leg lowers its price, which
 * the result alone does not say), else the settlement's at the row's price. */
function flatProfit(row: PickRow): number {
  if (row.market === COMBO_MARKET && row.stake > 0 && row.profit !== null) return row.profit / row.stake;
  return settlementProfit(row.result as Settlement, row.odds);
}

/** The ledger: settled picks in kick-off order, at their stakes (stake 0, or a stored profit the stake
 * cannot give, left out) or one unit each. */
export function ledgerOf(rows: readonly PickRow[], staking: Staking): { ledger: Settled[]; unstaked: number } {
  const ledger: Settled[] = [];
  let unstaked = 0;
  for (const row of rows) {
    if (row.result === null) continue;
    if (staking === 'staked') {
      // a pick settled elsewhere may carry a profit its stake cannot give: left out rather than trusted
      const fits = row.profit !== null && Number.isFinite(row.profit) && row.profit >= -row.stake * (1 + 1e-9);
      if (!(row.stake > 0) || !fits) {
        unstaked++;
        continue;
      }
      ledger.push({ row, bet: { stake: row.stake, profit: row.profit as number, odds: row.odds, clv: row.clv } });
    } else {
      ledger.push({ row, bet: { stake: 1, profit: flatProfit(row), odds: row.odds, clv: row.clv } });
    }
  }
  return { ledger, unstaked };
}

const isHalfLine = (line: number | null): boolean =>
  line !== null && Math.abs(line * 2 - Math.round(line * 2)) < 1e-9 && Math.abs(line - Math.round(line)) > 1e-9;

/** A pick's win probability when it can only win or lose: 1X2 and half lines. */
export function binaryProbability(r: PickRow): number | null {
  if (r.market !== '1x2' && !isHalfLine(r.line)) return null;
  if (r.modelProb !== null) return r.modelProb;
  return r.fairOdds !== null ? 1 / r.fairOdds : null;
}

/** The probability model behind a pick, for its expected profit: the five results when given, else
 * the win probability of a win/lose bet; null when the pick carries neither. */
export function pricedOf(r: PickRow, stake: number): PricedBet | null {
  if (r.outcomeProbs) return { stake, odds: r.odds, outcomes: r.outcomeProbs as SettlementProbabilities };
  const p = binaryProbability(r);
  return p === null ? null : { stake, odds: r.odds, probability: p };
}

function roiBand(bets: LedgerBet[]): { lower: number | null; upper: number | null } {
  if (bets.length < 2) return { lower: null, upper: null };
  const i = roiInterval(bets);
  return { lower: i.lower, upper: i.upper };
}

/** One breakdown group: every pick of the group for CLV, its settled ledger bets for profit. */
function breakdown(key: string, rows: PickRow[], ledger: Settled[]): BreakdownRow {
  const bets = ledger.map((s) => s.bet);
  const clvs = rows.map((r) => r.clv).filter((c): c is number => c !== null);
  const stats = bets.length ? ledgerStatistics(bets) : null;
  const band = roiBand(bets);
  return {
    key,
    bets: rows.length,
    settled: bets.length,
    staked: stats?.staked ?? 0,
    profit: stats?.profit ?? 0,
    roi: stats?.roi ?? null,
    roiLower: band.lower,
    roiUpper: band.upper,
    hitRate: stats?.hitRate ?? null,
    meanClv: clvs.length ? clvs.reduce((a, c) => a + c, 0) / clvs.length : null,
    clvBets: clvs.length,
    beatClose: clvs.length ? clvs.filter((c) => c > 0).length / clvs.length : null,
  };
}

function groupBy(
  rows: readonly PickRow[],
  ledger: readonly Settled[],
  keyOf: (r: PickRow) => string,
  order?: readonly string[],
): BreakdownRow[] {
  const groups = new Map<string, { rows: PickRow[]; ledger: Settled[] }>();
  const get = (k: string) => {
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { rows: [], ledger: [] }));
    return g;
  };
  for (const r of rows) get(keyOf(r)).rows.push(r);
  for (const s of ledger) get(keyOf(s.row)).ledger.push(s);
  const out = [...groups].map(([k, g]) => breakdown(k, g.rows, g.ledger));
  return order
    ? out.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))
    : out.sort((a, b) => b.bets - a.bets || a.key.localeCompare(b.key));
}

/** The shared price bands (src-shared/domain/price-bands), by their labels. */
export const ODDS_BANDS = PRICE_BANDS.map((b) => b.label);
export const oddsBand = (odds: number): string => priceBand(odds).label;

export const LEAD_BANDS = ['< 1 h', '1–6 h', '6–24 h', '1–3 d', '≥ 3 d', 'unknown'] as const;
/** How long before kick-off the pick was taken. */
export function leadBand(r: Pick<PickRow, 'kickoff' | 'pickedAt'>): string {
  if (!r.kickoff) return LEAD_BANDS[5];
  const h = (Date.parse(r.kickoff) - Date.parse(r.pickedAt)) / 3_600_000;
  if (!Number.isFinite(h)) return LEAD_BANDS[5];
  return h < 1 ? LEAD_BANDS[0] : h < 6 ? LEAD_BANDS[1] : h < 24 ? LEAD_BANDS[2] : h < 72 ? LEAD_BANDS[3] : LEAD_BANDS[4];
}

/** Monday (UTC) of the ISO week of a time. */
export function weekOf(iso: string): string {
  const d = new Date(iso);
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day)).toISOString().slice(0, 10);
}

export const CLV_BINS = { from: -0.15, to: 0.15, width: 0.01 };

/** CLVs in 1-point bins from −15% to +15%; values beyond fall in the end bins. */
export function clvHistogram(clvs: readonly number[]): Performance['clvHistogram'] {
  const n = Math.round((CLV_BINS.to - CLV_BINS.from) / CLV_BINS.width);
  const bins = Array.from({ length: n }, (_, i) => ({
    lower: Math.round((CLV_BINS.from + i * CLV_BINS.width) * 1e6) / 1e6,
    upper: Math.round((CLV_BINS.from + (i + 1) * CLV_BINS.width) * 1e6) / 1e6,
    count: 0,
  }));
  for (const c of clvs) bins[Math.min(n - 1, Math.max(0, Math.floor((c - CLV_BINS.from) / CLV_BINS.width + 1e-9)))].count++;
  return bins;
}

const when = (r: PickRow): string => r.kickoff ?? r.pickedAt;

function runningRoi(bets: readonly LedgerBet[]): number[] {
  let profit = 0;
  let staked = 0;
  return bets.map((b) => {
    profit += b.profit;
    staked += b.stake;
    return profit / staked;
  });
}

export function performanceOf(rows: readonly PickRow[], staking: Staking): Omit<Performance, 'generatedAt' | 'kpis'> {
  const { ledger, unstaked } = ledgerOf(rows, staking);
  const bets = ledger.map((s) => s.bet);
  const stats = bets.length ? ledgerStatistics(bets) : null;
  const interval = bets.length ? roiBootstrapInterval(bets, { seed: 1, resamples: 1000 }) : null;
  const clvRows = rows.filter((r) => r.clv !== null);
  const meanClv = clvRows.length ? clvRows.reduce((a, r) => a + (r.clv as number), 0) / clvRows.length : null;

  let clvSum = 0;
  const clvExpected = ledger.map((s) => (s.bet.clv !== null && s.bet.clv !== undefined ? (clvSum += s.bet.stake * s.bet.clv) : clvSum));
  const priced = ledger.map((s) => ({ s, p: pricedOf(s.row, s.bet.stake) })).filter((x) => x.p !== null);
  let band: Performance['band'] = null;
  if (priced.length) {
    const e = expectedProfit(priced.map((x) => x.p as PricedBet));
    let realised = 0;
    band = {
      bets: priced.length,
      at: priced.map((x) => when(x.s.row)),
      realised: priced.map((x) => (realised += x.s.bet.profit)),
      expected: e.expectedCurve.slice(1),
      sd: e.standardDeviationCurve.slice(1),
    };
  }

  const weeks = new Map<string, number[]>();
  for (const r of clvRows) {
    const w = weekOf(when(r));
    weeks.set(w, [...(weeks.get(w) ?? []), r.clv as number]);
  }
  let runSum = 0;
  let runN = 0;
  const clvByWeek = [...weeks]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, cs]) => {
      runSum += cs.reduce((a, c) => a + c, 0);
      runN += cs.length;
      return { week, bets: cs.length, meanClv: cs.reduce((a, c) => a + c, 0) / cs.length, runningMeanClv: runSum / runN };
    });

  const months = new Map<string, LedgerBet[]>();
  for (const s of ledger) {
    const m = when(s.row).slice(0, 7);
    months.set(m, [...(months.get(m) ?? []), s.bet]);
  }
  const roiByMonth = [...months]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, bs]) => {
      const st = ledgerStatistics(bs);
      return { month, bets: bs.length, staked: st.staked, profit: st.profit, roi: st.roi };
    });

  const cal = ledger
    .filter((s) => s.row.result === 'won' || s.row.result === 'lost')
    .map((s) => ({ p: binaryProbability(s.row), won: s.row.result === 'won' }))
    .filter((x): x is { p: number; won: boolean } => x.p !== null);

  return {
    staking,
    counts: {
      bets: rows.length,
      open: rows.filter((r) => r.result === null).length,
      settled: rows.filter((r) => r.result !== null).length,
      unstaked,
      withClv: clvRows.length,
      clvMissing: rows.filter((r) => r.closingStatus === 'missing').length,
    },
    summary:
      stats && interval
        ? {
            staked: stats.staked,
            profit: stats.profit,
            roi: stats.roi,
            roiLower: interval.lower,
            roiUpper: interval.upper,
            hitRate: stats.hitRate,
            averageOdds: stats.averageOdds,
            maxDrawdown: stats.maxDrawdown,
            longestLosingStreak: stats.longestLosingStreak,
            meanClv,
          }
        : null,
    curve: {
      at: ledger.map((s) => when(s.row)),
      profit: stats ? stats.equity.slice(1) : [],
      roi: runningRoi(bets),
      clvExpected,
    },
    band,
    clvHistogram: clvHistogram(clvRows.map((r) => r.clv as number)),
    clvByWeek,
    roiByMonth,
    by: {
      agent: groupBy(rows, ledger, (r) => r.source || 'unknown'),
      league: groupBy(rows, ledger, (r) => r.league ?? 'unknown'),
      market: groupBy(rows, ledger, (r) => r.market),
      bookmaker: groupBy(rows, ledger, (r) => r.bookmaker),
      oddsBand: groupBy(rows, ledger, (r) => oddsBand(r.odds), ODDS_BANDS),
      timeToKickoff: groupBy(rows, ledger, leadBand, LEAD_BANDS),
    },
    calibration: {
      bets: cal.length,
      brier: cal.length
        ? brierScore(
            cal.map((x) => [x.p, 1 - x.p]),
            cal.map((x) => (x.won ? 0 : 1)),
          )
        : null,
      bins: calibrationBins(
        cal.map((x) => x.p),
        cal.map((x) => x.won),
        10,
      ),
    },
  };
}

export const KPI_DAYS = { rate: 7, window: 30 };

/** The seed's KPIs over the engine's picks (kind 'pick'), whatever the panel's filters: mean CLV and
 * ROI of the picks made in the last 30 days, picks and traps per day over the last 7. */
export function kpisOf(picks: readonly PickRow[], staking: Staking, now: Date, traps: number | null): Performance['kpis'] {
  const t = now.getTime();
  const asOf = now.toISOString();
  const made = (days: number) => {
    const since = new Date(t - days * 86_400_000).toISOString();
    return picks.filter((r) => r.kind === 'pick' && r.pickedAt >= since && r.pickedAt < asOf);
  };
  const recent = made(KPI_DAYS.window);
  const clvs = recent.map((r) => r.clv).filter((c): c is number => c !== null);
  const { ledger } = ledgerOf(recent, staking);
  return {
    meanClv: clvs.length ? clvs.reduce((a, c) => a + c, 0) / clvs.length : null,
    monthlyRoi: ledger.length ? ledgerStatistics(ledger.map((s) => s.bet)).roi : null,
    month: `${new Date(t - KPI_DAYS.window * 86_400_000).toISOString().slice(0, 10)} – ${asOf.slice(0, 10)}`,
    picksPerDay: made(KPI_DAYS.rate).length / KPI_DAYS.rate,
    trapsPerDay: traps === null ? null : traps / KPI_DAYS.rate,
    days: KPI_DAYS.rate,
    asOf,
  };
}
