// KPI tiles of the reports, actual against the seed's targets (SPEC 6: mean CLV > 2%, monthly ROI > 5%,
// 20–30 picks/day, 5–10 traps/day).
import type { Kpi } from './document';
import type { LedgerSummary } from './figures';
import { fmtInt, fmtPct, fmtUnits } from './format';

export const TARGETS = { clv: 0.02, monthlyRoi: 0.05, picks: [20, 30], traps: [5, 10] } as const;

const status = (ok: boolean | null): Kpi['status'] => (ok === null ? 'none' : ok ? 'met' : 'missed');

export function countKpi(label: string, n: number, range: readonly [number, number] | null, extra = ''): Kpi {
  return {
    label,
    value: `${fmtInt(n)}${extra}`,
    target: range ? `${range[0]}–${range[1]}` : null,
    status: range ? status(n >= range[0] && n <= range[1]) : 'none',
  };
}

export function roiKpi(label: string, s: LedgerSummary | null, target: number | null): Kpi {
  if (!s) return { label, value: 'no settled bet', target: target === null ? null : `> ${fmtPct(target, 0, false)}`, status: 'none' };
  const ci = s.roiLower !== null && s.roiUpper !== null ? ` [${fmtPct(s.roiLower)}, ${fmtPct(s.roiUpper)}]` : '';
  return {
    label,
    value: `${fmtPct(s.stats.roi)}${ci} · ${fmtInt(s.stats.bets)} bets`,
    target: target === null ? null : `> ${fmtPct(target, 0, false)}`,
    status: target === null ? 'none' : status(s.stats.roi > target),
  };
}

export function clvKpi(label: string, s: LedgerSummary | null): Kpi {
  const mean = s?.stats.meanClv ?? null;
  return {
    label,
    value:
      mean === null
        ? 'no closing line yet'
        : `${fmtPct(mean, 2)} · ${fmtPct(s?.beatClose ?? null, 0, false)} beat the close (${fmtInt(s?.stats.clvBets ?? 0)} bets)`,
    target: `> ${fmtPct(TARGETS.clv, 0, false)}`,
    status: mean === null ? 'none' : status(mean > TARGETS.clv),
  };
}

export function profitKpi(label: string, s: LedgerSummary | null): Kpi {
  return {
    label,
    value: s ? `${fmtUnits(s.stats.profit)} on ${fmtUnits(s.stats.staked, false)} staked` : 'no settled bet',
    target: null,
    status: 'none',
  };
}

export function drawdownKpi(s: LedgerSummary | null): Kpi {
  return {
    label: 'Max drawdown',
    value: s ? `${fmtUnits(s.stats.maxDrawdown, false)} · longest losing run ${s.stats.longestLosingStreak}` : '—',
    target: null,
    status: 'none',
  };
}
