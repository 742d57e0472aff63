// The performance report of a date range: the ledger of settled picks (profit, ROI with its interval,
// hit rate, CLV, drawdown), breakdowns by month, market, source, league and bookmaker, CLV quintiles
// against realised ROI, and every pick of the range.
import { ContractError } from '../../../src-shared/contract/errors';
import { addDays, zonedDate, zonedDayStart } from '../../../src-shared/domain/zoned-time';
import type { Cache } from '../../platform/cache/open';
import { clvBucketChart, clvChart, profitChart } from './charts';
import type { ReportDoc } from './document';
import { comboFigures, comboNote } from './combo-figures';
import { breakdown, clvBuckets, dailySeries, ledgerBets, pickFigures, summarise } from './figures';
import { fmtInt, fmtOdds, fmtPct } from './format';
import { clvKpi, countKpi, drawdownKpi, profitKpi, roiKpi, TARGETS } from './kpis';
import { noDataMessage, notesFor } from './notes';
import { combosEndingIn, dataAsOf, matchNames, picksOnFixtures, type ReportDesk } from './queries';
import { deskScopeLine } from './desk-scope';
import { clvBucketTable, combosTable, daySeriesTable, groupTable, pickRows, picksTable } from './tables';

export interface PerformanceParams {
  from: string;
  to: string;
  timeZone: string;
  /** Whose rows (default 'mine': this desk's, and those from before desks). */
  desk?: ReportDesk;
}

/** The PDF lists at most this many picks; the XLSX and CSV hold them all. */
export const PDF_PICK_LIMIT = 400;

export function buildPerformanceReport(db: Cache, p: PerformanceParams, generatedAt: Date): ReportDoc {
  const tz = p.timeZone;
  const start = new Date(zonedDayStart(p.from, tz)).toISOString();
  const end = new Date(zonedDayStart(addDays(p.to, 1), tz)).toISOString();
  const desk = p.desk ?? 'mine';
  const picks = picksOnFixtures(db, start, end, desk).map(pickFigures);
  const combos = combosEndingIn(db, start, end, desk);
  const scope = deskScopeLine(db, desk);
  const period = `${p.from} to ${p.to} (${tz})`;
  if (picks.length + combos.length === 0)
    throw new ContractError('NOT_FOUND', noDataMessage(db, period, 'no pick or combo on the fixtures of that range', tz), {
      from: p.from,
      to: p.to,
      timeZone: tz,
    });

  // each settled combo one bet beside the picks (its legs are not picks)
  const settledCombos = combos.filter((c) => c.result !== null).map(comboFigures);
  const settledPicks = picks.filter((x) => x.result !== null).length;
  const settled = [...picks.filter((x) => x.result !== null), ...settledCombos];
  const bets = ledgerBets(settled);
  const all = summarise(bets);
  const buckets = clvBuckets(bets);
  const series = dailySeries(settled, tz);
  const byMonth = breakdown(settled, (x) => zonedDate(Date.parse(x.kickoff), tz).slice(0, 7)).sort((a, b) =>
    a.group.localeCompare(b.group),
  );
  const goodMonths = byMonth.filter((m) => m.roi > TARGETS.monthlyRoi).length;
  const names = matchNames(
    db,
    combos.flatMap((c) => {
      try {
        return (JSON.parse(c.legs) as { match_id?: number }[]).map((l) => Number(l.match_id));
      } catch {
        return [];
      }
    }),
  );

  return {
    kind: 'performance',
    title: `Performance report — ${p.from} to ${p.to}`,
    subtitle: `Picks on fixtures kicking off from ${p.from} to ${p.to} inclusive (${tz}). ${scope}`,
    from: p.from,
    to: p.to,
    timeZone: tz,
    generatedAt: generatedAt.toISOString(),
    dataAsOf: dataAsOf(db),
    kpis: [
      countKpi(
        'Picks',
        picks.length,
        null,
        ` · ${fmtInt(settledPicks)} settled, ${fmtInt(picks.length - settledPicks)} pending; ${fmtInt(settledCombos.length)} settled combos`,
      ),
      profitKpi('Profit', all),
      roiKpi('ROI', all, null),
      {
        label: 'Hit rate · average odds',
        value: all ? `${fmtPct(all.stats.hitRate, 1, false)} · ${fmtOdds(all.stats.averageOdds)}` : '—',
        target: null,
        status: 'none',
      },
      clvKpi('Mean CLV', all),
      {
        label: 'Months above 5% ROI',
        value: byMonth.length ? `${goodMonths} of ${byMonth.length}` : '—',
        target: '> 5% each month',
        status: byMonth.length ? (goodMonths === byMonth.length ? 'met' : 'missed') : 'none',
      },
      drawdownKpi(all),
    ],
    charts: [...(series.length ? [profitChart(series), clvChart(series)] : []), ...(buckets.length ? [clvBucketChart(buckets)] : [])],
    tables: [
      groupTable('by_month', 'By month', 'Month', byMonth, 'in calendar order'),
      groupTable(
        'by_market',
        'By market',
        'Market',
        breakdown(settled, (x) => x.market),
      ),
      groupTable(
        'by_source',
        'By engine or agent',
        'Source',
        breakdown(settled, (x) => x.source),
      ),
      groupTable(
        'by_league',
        'By league',
        'League',
        breakdown(settled, (x) => x.league),
      ),
      groupTable(
        'by_bookmaker',
        'By bookmaker',
        'Book',
        breakdown(settled, (x) => x.bookmaker),
      ),
      clvBucketTable(buckets),
      picksTable(
        'picks',
        'Every pick of the period',
        'Every pick on the period’s fixtures, settled or pending.',
        pickRows(picks),
        PDF_PICK_LIMIT,
      ),
      combosTable(combos, names, 'First goalscorer, anytime and accumulator tickets whose last leg falls in the period.'),
      daySeriesTable(series, 'Settled bets by day'),
    ],
    mainTable: 'picks',
    notes: [
      scope,
      ...notesFor(db, picks, all),
      ...comboNote(settledCombos),
      'Breakdowns are descriptive: among many groups some look good by chance alone (data snooping); judge a group by its size and interval, not its rank.',
    ],
  };
}
