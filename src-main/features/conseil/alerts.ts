// New CONSEIL picks as alerts (SPEC 8): one per pick (its id is the pick's, so a re-run never notifies
// twice), severity by PATRON tier: diamond high, gold medium, silver low. Settings decide which tiers
// notify (notifications.picks).
import type { RaisedAlert } from '../../../src-shared/contract/alerts';
import type { ConseilPick, ConseilRun } from '../../../src-shared/contract/conseil';

const SEVERITY = { diamond: 'high', gold: 'medium', silver: 'low', pass: 'low' } as const;

const side = (p: ConseilPick): string => {
  if (p.market === '1x2') return p.selection;
  if (p.market === 'totals') return `${p.selection} ${p.line}`;
  const own = p.selection === 'home' ? (p.line as number) : -(p.line as number);
  return `${p.selection} ${own > 0 ? '+' : ''}${own}`;
};

/** Alerts for the picks recorded by this run (picked at the run's time). */
export function pickAlerts(run: ConseilRun): RaisedAlert[] {
  return run.picks
    .filter((p) => p.pickedAt === run.asOf)
    .map((p) => ({
      id: `pick:${p.pickId}`,
      kind: 'pick' as const,
      severity: SEVERITY[p.tier],
      title: `${p.tier[0].toUpperCase()}${p.tier.slice(1)} pick: ${p.home} – ${p.away}, ${side(p)} @ ${p.odds} (${p.bookmaker})`,
      body: `${p.reasons[0] ?? ''}; stake ${p.stake.toFixed(2)}${p.warnings.length ? `; ⚠ ${p.warnings[0]}` : ''}`,
      matchId: p.matchId,
      panel: 'picks',
      at: run.asOf,
    }));
}
