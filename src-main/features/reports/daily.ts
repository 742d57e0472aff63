// The daily report: the day's picks with reasons and warnings, the traps on the day's fixtures,
// yesterday's settlements, combos, and CLV and ROI to date with the profit and CLV charts.
import { ContractError } from '../../../src-shared/contract/errors';
import { addDays, zonedDayRange, zonedDayStart } from '../../../src-shared/domain/zoned-time';
import type { Cache } from '../../platform/cache/open';
import { clvChart, profitChart } from './charts';
import { COMBO_MARKET } from '../../../src-shared/contract/picks';
import { comboFigures, comboNote, inSettlementOrder } from './combo-figures';
import type { ReportDoc } from './document';
import { dailySeries, ledgerBets, pickFigures, summarise, type PickFigures } from './figures';
import { fmtInt, fmtUnits } from './format';
import { clvKpi, countKpi, drawdownKpi, profitKpi, roiKpi, TARGETS } from './kpis';
import { notesFor, noDataMessage } from './notes';
import {
  combosEndingIn,
  dataAsOf,
  matchNames,
  picksOnFixtures,
  settledPicks,
  trapsOnFixtures,
  type ReportDesk,
  type TrapRow,
} from './queries';
import { deskScopeLine } from './desk-scope';
import { combosTable, daySeriesTable, pickRows, picksTable, settlementsTable, trapsTable } from './tables';

export interface DailyParams {
  date: string;
  timeZone: string;
  /** Whose rows (default 'mine': this desk's, and those from before desks). */
  desk?: ReportDesk;
}

const norm = (s: string | null): string => (s ?? '').trim().toLowerCase();

/** A pick on a selection the trap detector flagged gets the trap as a warning. */
function trapWarnings(traps: readonly TrapRow[]): (p: PickFigures) => string[] {
  return (p) =>
    traps
      .filter((t) => t.matchId === p.matchId && norm(t.market) === norm(p.market) && norm(t.selection) === norm(p.selection))
      .map((t) => `TRAP ${t.severity} (${t.kind.replace(/_/g, ' ')}): ${t.explanation}`);
}

export function buildDailyReport(db: Cache, p: DailyParams, generatedAt: Date): ReportDoc {
  const tz = p.timeZone;
  const day = zonedDayRange(p.date, tz);
  const yesterday = zonedDayRange(addDays(p.date, -1), tz);

  const desk = p.desk ?? 'mine';
  const picks = picksOnFixtures(db, day.start, day.end, desk).map(pickFigures);
  const traps = trapsOnFixtures(db, day.start, day.end);
  const settled = picksOnFixtures(db, yesterday.start, yesterday.end, desk).map(pickFigures);
  const combos = combosEndingIn(db, yesterday.start, day.end, desk);
  const scope = deskScopeLine(db, desk);
  if (picks.length + traps.length + settled.length + combos.length === 0)
    throw new ContractError(
      'NOT_FOUND',
      noDataMessage(db, `${p.date} (${tz})`, 'no pick, trap or combo on that day’s or the previous day’s fixtures', tz),
      {
        date: p.date,
        timeZone: tz,
      },
    );

  // combos count once each, on the day their last leg kicks off
  const yesterdayCombos = combosEndingIn(db, yesterday.start, yesterday.end, desk).map(comboFigures);
  const combosToDate = combosEndingIn(db, '', day.end, desk)
    .filter((c) => c.result !== null)
    .map(comboFigures);
  const toDate = inSettlementOrder([...settledPicks(db, day.end, '', desk).map(pickFigures), ...combosToDate]);
  const yesterdayBets = [...settled, ...yesterdayCombos];
  const monthStart = new Date(zonedDayStart(`${p.date.slice(0, 7)}-01`, tz)).toISOString();
  const all = summarise(ledgerBets(toDate));
  const month = summarise(ledgerBets(toDate.filter((x) => x.kickoff >= monthStart)));
  const yesterdayLedger = summarise(ledgerBets(yesterdayBets));
  const series = dailySeries(toDate, tz);
  const warn = trapWarnings(traps);
  const activeTraps = traps.filter((t) => t.status === 'active').length;
  const pending = yesterdayBets.filter((x) => x.result === null).length;
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
    kind: 'daily',
    title: `Daily report — ${p.date}`,
    subtitle: `Fixtures kicking off on ${p.date} (${tz}); results of ${addDays(p.date, -1)}; CLV and ROI to date. ${scope}`,
    from: p.date,
    to: p.date,
    timeZone: tz,
    generatedAt: generatedAt.toISOString(),
    dataAsOf: dataAsOf(db),
    kpis: [
      countKpi(
        'Picks on the day’s fixtures',
        picks.length,
        TARGETS.picks,
        ` · ${fmtUnits(
          picks.reduce((s, x) => s + x.stake, 0),
          false,
        )} staked`,
      ),
      countKpi('Traps on the day’s fixtures', traps.length, TARGETS.traps, ` · ${fmtInt(activeTraps)} active`),
      {
        label: 'Yesterday',
        value: yesterdayLedger
          ? `${yesterdayLedger.stats.wins}W ${yesterdayLedger.stats.losses}L ${yesterdayLedger.stats.voids}V · ${fmtUnits(yesterdayLedger.stats.profit)}${pending ? ` · ${pending} pending` : ''}`
          : yesterdayBets.length
            ? `${yesterdayBets.length} picks and combos, none settled yet`
            : 'no pick',
        target: null,
        status: 'none',
      },
      roiKpi('ROI to date', all, null),
      roiKpi('ROI this month', month, TARGETS.monthlyRoi),
      clvKpi('Mean CLV to date', all),
      profitKpi('Profit to date', all),
      drawdownKpi(all),
    ],
    charts: series.length
      ? [profitChart(series, 'Cumulative profit to date (units)'), clvChart(series, 'Closing line value to date (%)')]
      : [],
    tables: [
      picksTable(
        'picks',
        'Picks du Jour',
        'CONSEIL ULTIM’s picks on the day’s fixtures with the engine’s reasons and warnings; a pick on a flagged selection carries the trap.',
        pickRows(picks, warn),
      ),
      trapsTable(traps),
      settlementsTable(settled),
      combosTable(combos, names, 'First goalscorer, anytime and accumulator tickets whose last leg is yesterday or today.'),
      daySeriesTable(series, 'Settled bets by day, to date'),
    ],
    mainTable: 'picks',
    notes: [
      scope,
      ...notesFor(db, [...picks, ...settled, ...toDate.filter((x) => x.market !== COMBO_MARKET)], all),
      ...comboNote(combosToDate),
    ],
  };
}
