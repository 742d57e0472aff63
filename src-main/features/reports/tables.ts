// The report's tables: columns typed once, rows as plain values (numbers stay numbers).
import type { SheetRow } from '../../../src-shared/sheets/sheet';
import type { ReportColumn, ReportTable } from './document';
import { selectionLabel, type ClvBucket, type DayPoint, type GroupRow, type PickFigures } from './figures';
import type { ComboRow, TrapRow } from './queries';

const col = (key: string, header: string, kind: ReportColumn['kind'], extra: Partial<ReportColumn> = {}): ReportColumn => ({
  key,
  header,
  kind,
  ...extra,
});

const matchOf = (p: { home: string; away: string }): string => `${p.home} v ${p.away}`;
const score = (p: PickFigures): string | null => (p.homeGoals === null || p.awayGoals === null ? null : `${p.homeGoals}-${p.awayGoals}`);

const PICK_COLUMNS: ReportColumn[] = [
  col('kickoff', 'Kick-off', 'datetime', { weight: 1.45 }),
  col('league', 'League', 'text', { weight: 1.2 }),
  col('match', 'Match', 'text', { weight: 2.5 }),
  col('market', 'Market', 'text', { weight: 0.7 }),
  col('selection', 'Selection', 'text', { weight: 1.1 }),
  col('bookmaker', 'Book', 'text', { weight: 0.7 }),
  col('odds', 'Odds', 'odds', { weight: 0.7 }),
  col('fairOdds', 'Fair', 'odds', { weight: 0.7 }),
  col('edge', 'Edge', 'percent', { signed: true, weight: 0.8 }),
  col('confidence', 'Conf.', 'number', { decimals: 2, weight: 0.6 }),
  col('stake', 'Stake', 'money', { weight: 0.8 }),
  col('source', 'Source', 'text', { weight: 0.9 }),
  col('clv', 'CLV', 'percent', { signed: true, weight: 0.8 }),
  col('result', 'Result', 'text', { weight: 0.8 }),
  col('profit', 'Profit', 'money', { signed: true, weight: 0.8 }),
  col('reasons', 'Reasons', 'text', { detail: 'note', width: 60 }),
  col('warnings', 'Warnings', 'text', { detail: 'warning', width: 60 }),
];

export function pickRows(picks: readonly PickFigures[], extraWarnings: (p: PickFigures) => string[] = () => []): SheetRow[] {
  return picks.map((p) => ({
    pickId: p.pickId,
    kickoff: p.kickoff,
    league: p.league,
    match: matchOf(p),
    market: p.market,
    selection: selectionLabel(p),
    bookmaker: p.bookmaker,
    odds: p.odds,
    fairOdds: p.fairOdds,
    edge: p.edge,
    confidence: p.confidence,
    stake: p.stake,
    source: p.source,
    clv: p.clvFair,
    result: p.result ?? 'pending',
    profit: p.profitValue,
    reasons: p.reasonList.join(' · ') || null,
    warnings: [...p.warningList, ...extraWarnings(p)].join(' · ') || null,
  }));
}

export function picksTable(id: string, title: string, description: string, rows: SheetRow[], pdfLimit?: number): ReportTable {
  return {
    id,
    title,
    description,
    columns: [col('pickId', 'Pick', 'text', { weight: 0, width: 14 }), ...PICK_COLUMNS],
    rows,
    emptyText: 'No pick.',
    pdfLimit,
  };
}

export function trapsTable(traps: readonly TrapRow[]): ReportTable {
  return {
    id: 'traps',
    title: 'Traps on the day’s fixtures',
    description: 'FERRARI trap detector (market_traps): prices to avoid, strongest first, with the historical ROI of similar situations.',
    columns: [
      col('kickoff', 'Kick-off', 'datetime', { weight: 1.45 }),
      col('match', 'Match', 'text', { weight: 2.6 }),
      col('market', 'Market', 'text', { weight: 0.8 }),
      col('selection', 'Selection', 'text', { weight: 1 }),
      col('bookmaker', 'Book', 'text', { weight: 0.7 }),
      col('kind', 'Kind', 'text', { weight: 1.4 }),
      col('severity', 'Severity', 'text', { weight: 0.8 }),
      col('score', 'Score', 'number', { decimals: 0, weight: 0.6 }),
      col('historicalRoi', 'Hist. ROI', 'percent', { signed: true, weight: 0.8 }),
      col('historicalN', 'Hist. n', 'integer', { weight: 0.6 }),
      col('status', 'Status', 'text', { weight: 0.7 }),
      col('explanation', 'Explanation', 'text', { detail: 'note', width: 60 }),
    ],
    rows: traps.map((t) => ({
      kickoff: t.kickoff,
      match: matchOf(t),
      market: t.market,
      selection: t.selection,
      bookmaker: t.bookmaker,
      kind: t.kind,
      severity: t.severity,
      score: t.score,
      historicalRoi: t.historicalRoi,
      historicalN: t.historicalN,
      status: t.status,
      explanation: t.explanation,
    })),
    emptyText: 'No trap detected on these fixtures.',
  };
}

export function settlementsTable(picks: readonly PickFigures[]): ReportTable {
  return {
    id: 'settlements',
    title: 'Yesterday’s settlements',
    description: 'Picks on yesterday’s fixtures: result, profit and closing line value (a missing close is blank, never 0).',
    columns: [
      col('pickId', 'Pick', 'text', { weight: 0, width: 14 }),
      col('kickoff', 'Kick-off', 'datetime', { weight: 1.45 }),
      col('match', 'Match', 'text', { weight: 2.6 }),
      col('score', 'Score', 'text', { weight: 0.6 }),
      col('market', 'Market', 'text', { weight: 0.8 }),
      col('selection', 'Selection', 'text', { weight: 1.1 }),
      col('bookmaker', 'Book', 'text', { weight: 0.7 }),
      col('odds', 'Odds', 'odds', { weight: 0.7 }),
      col('closingFairOdds', 'Close (fair)', 'odds', { weight: 0.9 }),
      col('closingReference', 'Close ref.', 'text', { weight: 0.8 }),
      col('clv', 'CLV', 'percent', { signed: true, weight: 0.8 }),
      col('stake', 'Stake', 'money', { weight: 0.8 }),
      col('result', 'Result', 'text', { weight: 0.9 }),
      col('profit', 'Profit', 'money', { signed: true, weight: 0.8 }),
    ],
    rows: picks.map((p) => ({
      pickId: p.pickId,
      kickoff: p.kickoff,
      match: matchOf(p),
      score: score(p),
      market: p.market,
      selection: selectionLabel(p),
      bookmaker: p.bookmaker,
      odds: p.odds,
      closingFairOdds: p.closingFairOdds,
      closingReference: p.closingReference,
      clv: p.clvFair,
      stake: p.stake,
      result: p.result ?? 'pending',
      profit: p.profitValue,
    })),
    emptyText: 'No pick on yesterday’s fixtures.',
  };
}

interface Leg {
  match_id?: number;
  market?: string;
  selection?: string;
  odds?: number;
  result?: string;
}

/** "Home v Away: first Kane @5.50 (won)" per leg. */
export function legsText(legsJson: string, names: Map<number, string>): string {
  let legs: Leg[] = [];
  try {
    const v = JSON.parse(legsJson) as unknown;
    legs = Array.isArray(v) ? (v as Leg[]) : [];
  } catch {
    return legsJson;
  }
  return legs
    .map((l) => {
      const match = l.match_id !== undefined ? (names.get(Number(l.match_id)) ?? `match #${l.match_id}`) : 'match ?';
      const odds = typeof l.odds === 'number' ? ` @${l.odds.toFixed(2)}` : '';
      return `${match}: ${[l.market, l.selection].filter(Boolean).join(' ')}${odds}${l.result ? ` (${l.result})` : ''}`;
    })
    .join(' · ');
}

export function combosTable(combos: readonly ComboRow[], names: Map<number, string>, description: string): ReportTable {
  return {
    id: 'combos',
    title: 'Scorer specials and combos',
    description,
    columns: [
      col('lastKickoff', 'Last leg', 'datetime', { weight: 1.3 }),
      col('kind', 'Kind', 'text', { weight: 1.4 }),
      col('legCount', 'Legs', 'integer', { weight: 0.5 }),
      col('odds', 'Odds', 'odds', { weight: 0.7 }),
      col('modelProb', 'Model prob.', 'percent', { weight: 0.9 }),
      col('stake', 'Stake', 'money', { weight: 0.8 }),
      col('result', 'Result', 'text', { weight: 0.8 }),
      col('profit', 'Profit', 'money', { signed: true, weight: 0.8 }),
      col('legs', 'Legs detail', 'text', { detail: 'note', width: 80 }),
    ],
    rows: combos.map((c) => ({
      lastKickoff: c.lastKickoff,
      kind: c.kind.replace(/_/g, ' '),
      legCount: (() => {
        try {
          const v = JSON.parse(c.legs) as unknown;
          return Array.isArray(v) ? v.length : null;
        } catch {
          return null;
        }
      })(),
      odds: c.odds,
      modelProb: c.modelProb,
      stake: c.stake,
      result: c.result ?? 'pending',
      profit: c.profit,
      legs: legsText(c.legs, names),
    })),
    emptyText: 'No combo on these fixtures.',
  };
}

export function groupTable(
  id: string,
  title: string,
  groupHeader: string,
  rows: readonly GroupRow[],
  order = 'largest turnover first',
): ReportTable {
  return {
    id,
    title,
    description: `Settled picks with a stake; ${order}. Small groups vary a lot by chance.`,
    columns: [
      col('group', groupHeader, 'text', { weight: 2 }),
      col('bets', 'Bets', 'integer'),
      col('staked', 'Staked', 'money'),
      col('profit', 'Profit', 'money', { signed: true }),
      col('roi', 'ROI', 'percent', { signed: true }),
      col('hitRate', 'Hit rate', 'percent'),
      col('meanClv', 'Mean CLV', 'percent', { signed: true, decimals: 2 }),
      col('clvBets', 'With CLV', 'integer'),
    ],
    rows: rows.map((r) => ({ ...r })),
    emptyText: 'Nothing settled.',
  };
}

export function clvBucketTable(buckets: readonly ClvBucket[]): ReportTable {
  return {
    id: 'clv_buckets',
    title: 'CLV quintiles vs realised ROI',
    description: 'Settled bets with a closing line, cut into five equal groups by CLV: beating the close by more should pay more.',
    columns: [
      col('bucket', 'Quintile', 'text'),
      col('low', 'CLV from', 'percent', { signed: true, decimals: 2 }),
      col('high', 'CLV to', 'percent', { signed: true, decimals: 2 }),
      col('bets', 'Bets', 'integer'),
      col('meanClv', 'Mean CLV', 'percent', { signed: true, decimals: 2 }),
      col('roi', 'Realised ROI', 'percent', { signed: true }),
      col('profit', 'Profit', 'money', { signed: true }),
    ],
    rows: buckets.map((b) => ({ ...b })),
    emptyText: 'Fewer than 10 settled bets with a closing line: no quintiles.',
  };
}

export function daySeriesTable(series: readonly DayPoint[], title: string): ReportTable {
  return {
    id: 'by_day',
    title,
    description: 'One row per day of kick-off with settled bets: the data behind the profit and CLV charts.',
    columns: [
      col('date', 'Date', 'date'),
      col('bets', 'Bets', 'integer'),
      col('staked', 'Staked', 'money'),
      col('profit', 'Profit', 'money', { signed: true }),
      col('cumulativeProfit', 'Cumulative profit', 'money', { signed: true }),
      col('meanClv', 'Mean CLV', 'percent', { signed: true, decimals: 2 }),
      col('runningClv', 'Running mean CLV', 'percent', { signed: true, decimals: 2 }),
    ],
    rows: series.map((p) => ({ ...p })),
    emptyText: 'Nothing settled yet.',
    pdfLimit: 0,
  };
}
