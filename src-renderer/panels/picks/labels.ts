// How a CONSEIL pick reads on its card (pure: unit-tested without a browser).
import type { ConseilPick, ContributionView, Tier } from '../../../src-shared/contract/conseil';
import { formatSignedPct } from '../../ui/format';
import { betLabel, inputName, MARKET_NAMES } from '../../ui/bet-labels';

/** The selection in words with its own line: "Away +0.25", "Over 2.5", "Draw". Asian lines are stored as
 * the HOME team's handicap for both sides (src-shared/contract/picks.ts): the away side reads the opposite. */
export const selectionText = (market: string, line: number | null, selection: string): string => betLabel(market, line, selection);

/** "Asian handicap · Away +0.25 (Chelsea)": the market, the bet, and the team it backs when it backs one. */
export function betText(p: Pick<ConseilPick, 'market' | 'line' | 'selection' | 'home' | 'away'>): string {
  const team = p.selection === 'home' ? p.home : p.selection === 'away' ? p.away : null;
  return `${MARKET_NAMES[p.market] ?? p.market} · ${selectionText(p.market, p.line, p.selection)}${team ? ` (${team})` : ''}`;
}

export const TIER_NAMES: Record<Tier, string> = { diamond: 'Diamond', gold: 'Gold', silver: 'Silver', pass: 'Pass' };

/** A price as quoted: two decimals, three when the quote has them (8.313 is not 8.31 to a bettor). */
export function formatOdds(odds: number): string {
  const two = odds.toFixed(2);
  return Math.abs(Number(two) - odds) < 1e-9 ? two : String(Number(odds.toFixed(3)));
}

/** "12.50 EUR", or the bare number when the currency is unknown. */
export function money(n: number, currency: string | null): string {
  const s = n.toFixed(2);
  return currency ? `${s} ${currency}` : s;
}

export interface FactorBar {
  input: string;
  name: string;
  label: string;
  value: number;
  clv: number;
  /** Width of the bar, 0..1 of the largest |CLV part| of the list. */
  width: number;
  sign: 'positive' | 'negative' | 'zero';
  text: string;
}

/** Every factor as a bar, the largest |CLV part| first; bars scale to the largest so the ranking reads at a
 * glance (a list of zeros has no bars). */
export function factorBars(contributions: readonly ContributionView[]): FactorBar[] {
  const max = contributions.reduce((m, c) => (Number.isFinite(c.clv) ? Math.max(m, Math.abs(c.clv)) : m), 0);
  return contributions
    .map((c) => {
      const clv = Number.isFinite(c.clv) ? c.clv : 0;
      return {
        input: c.input,
        name: inputName(c.input),
        label: c.label,
        value: c.value,
        clv,
        width: max > 0 ? Math.abs(clv) / max : 0,
        sign: clv > 0 ? ('positive' as const) : clv < 0 ? ('negative' as const) : ('zero' as const),
        text: formatSignedPct(clv, 2),
      };
    })
    .sort((a, b) => Math.abs(b.clv) - Math.abs(a.clv) || a.input.localeCompare(b.input));
}

/** A warning about a trap is highlighted (CONSEIL writes "trap …" / "FERRARI …" in its warnings). */
export const isTrapWarning = (w: string): boolean => /\btrap|ferrari|piège/i.test(w);

/** A trap of the match on the pick's own bet (same market, line and selection). */
export const trapOnPick = (
  t: { market: string; line: number | null; selection: string },
  p: Pick<ConseilPick, 'market' | 'line' | 'selection'>,
): boolean => t.market === p.market && (t.line ?? null) === (p.line ?? null) && t.selection === p.selection;

export interface PicksSummary {
  picks: number;
  totalStake: number;
  meanExpectedClv: number | null;
}

export function summarise(picks: readonly ConseilPick[]): PicksSummary {
  const totalStake = picks.reduce((s, p) => s + p.stake, 0);
  const meanExpectedClv = picks.length ? picks.reduce((s, p) => s + p.expectedClv, 0) / picks.length : null;
  return { picks: picks.length, totalStake, meanExpectedClv };
}

/** The day's picks in the order the panel shows them: PATRON score, highest first. The sort is stable, so
 * ties keep the contract's order. */
export const ranked = (picks: readonly ConseilPick[]): ConseilPick[] => [...picks].sort((a, b) => b.score - a.score);

/** Today as the contract counts days (UTC). */
export const todayUtc = (now = Date.now()): string => new Date(now).toISOString().slice(0, 10);
