const int = new Intl.NumberFormat('en-US');

export const formatInt = (n: number): string => int.format(n);

/** "2026-11-25 08:01" in local time, and how long ago. */
export function formatWhen(iso: string | null, now = Date.now()): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const d = new Date(t);
  const pad = (x: number) => String(x).padStart(2, '0');
  const stamp = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return `${stamp} · ${ago(now - t)}`;
}

export function ago(ms: number): string {
  if (ms < -60_000) return `in ${ago(-ms).replace(/ ago$/, '')}`; // planned rows (fixtures, schedules)
  const min = Math.floor(Math.abs(ms) / 60_000);
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}

/** "+2.31%" / "−0.40%" (a ratio shown as a signed percentage); '—' when unknown. */
export function formatSignedPct(ratio: number | null | undefined, digits = 2): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  const v = ratio * 100;
  const s = Math.abs(v).toFixed(digits);
  return Number(s) === 0 ? `${(0).toFixed(digits)}%` : `${v > 0 ? '+' : '−'}${s}%`;
}

/** "+12.40" / "−3.00": profit in stake units. */
export function formatSigned(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const s = Math.abs(n).toFixed(digits);
  return Number(s) === 0 ? (0).toFixed(digits) : `${n > 0 ? '+' : '−'}${s}`;
}

/** A price as quoted: two decimals, three when the quote has them (8.313 is not 8.31 to a bettor). */
function quotedPrice(odds: number): string {
  const two = odds.toFixed(2);
  return Math.abs(Number(two) - odds) < 1e-9 ? two : String(Number(odds.toFixed(3)));
}

/** "5.20 at BFE, 4.99 net of 5%" for a book that takes a commission on winnings; "2.10 at B365" otherwise. */
export function formatNetPrice(p: { quoted: number; net: number; commission: number; bookmaker: string }): string {
  const at = `${quotedPrice(p.quoted)} at ${p.bookmaker}`;
  return p.commission > 0 ? `${at}, ${p.net.toFixed(2)} net of ${+(p.commission * 100).toFixed(2)}%` : at;
}

/** An odds axis tick: three decimals under 2.00 (a trailing 0 dropped: 1.85, 1.875), two above. */
export const oddsTick = (v: number): string => (v < 2 ? v.toFixed(3).replace(/0$/, '') : v.toFixed(2));
