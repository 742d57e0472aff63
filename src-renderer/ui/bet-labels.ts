// How a bet reads in the Historique and Picks du Jour: "Home −0.75", "Over 2.5", "Draw".
const signedLine = (l: number): string => (l === 0 ? '0' : `${l > 0 ? '+' : '−'}${Math.abs(l)}`);
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The bet in words. Asian lines are stored as the home team's handicap: the away side reads the opposite. */
export function betLabel(market: string, line: number | null, selection: string): string {
  if (market === '1x2' || line === null) return cap(selection);
  if (market === 'totals') return `${cap(selection)} ${line}`;
  return `${cap(selection)} ${signedLine(selection === 'away' ? -line : line)}`;
}

export const MARKET_NAMES: Record<string, string> = { '1x2': '1X2', totals: 'Totals', spreads: 'Asian handicap' };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "29 Nov 26 17:30", local time: short enough for a grid column. */
export function kickoffText(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${String(d.getFullYear()).slice(2)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "marketEdge" → "Market edge": the input's short name, so inputs whose labels start alike stay apart. */
export function inputName(input: string): string {
  const words = input.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
