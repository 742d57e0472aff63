// How a market, its line and the time to kick-off read on every board (Command Center, Analyse, FERRARI).
import type { BoardRow } from '../../src-shared/contract/market';

export const marketLabel = (market: BoardRow['market'] | 'btts'): string =>
  ({ '1x2': '1X2', totals: 'O/U', spreads: 'AH', btts: 'BTTS' })[market];

/** The line as the side bet on gets it: an AH line is stored as the home team's handicap, so the away
 * side of home −0.5 reads +0.5 (pass the selection, or an away row reads as the home handicap). */
export function lineLabel(market: BoardRow['market'] | 'btts', line: number | null, selection?: string): string {
  const l = sideLine(market, line, selection);
  if (l === null) return '';
  return market === 'spreads' && l > 0 ? `+${l}` : String(l);
}

/** The line of the side bet on, as a number (what the Line columns sort and filter on, as they show it). */
export function sideLine(market: BoardRow['market'] | 'btts', line: number | null, selection?: string): number | null {
  if (line === null) return null;
  // + 0: no "-0" for the away side of a level line
  return market === 'spreads' && selection === 'away' ? -line + 0 : line;
}

/** "2h05", "3d4h", "live 35'" from kick-off and now. */
export function timeToKickoff(kickoff: string, now: number): string {
  const ms = Date.parse(kickoff) - now;
  if (!Number.isFinite(ms)) return '';
  if (ms <= 0) return `live ${Math.min(120, Math.floor(-ms / 60_000))}'`;
  const min = Math.floor(ms / 60_000);
  if (min < 60) return `${min}m`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h}h${String(min % 60).padStart(2, '0')}`;
  return `${Math.floor(h / 24)}d${h % 24}h`;
}
