// An independent settlement of a bet, written from the betting rules rather than from quant: what the
// pick-tracking tests hold the app's settlement against.

/** Profit per unit of a bet, from the rules: a quarter line is two half-stakes on the neighbouring
 * half/whole lines; each part wins (odds − 1), pushes (0) or loses (−1) on the goal margin. */
export function expectedUnit(market: string, line: number | null, selection: string, odds: number, h: number, a: number): number {
  if (market === '1x2') return selection === (h > a ? 'home' : h < a ? 'away' : 'draw') ? odds - 1 : -1;
  const L = line as number;
  const parts = Number.isInteger(L * 2) ? [L] : [L - 0.25, L + 0.25];
  const part = (l: number): number => {
    let m: number;
    if (market === 'totals') m = selection === 'over' ? h + a - l : l - (h + a);
    else m = selection === 'home' ? h - a + l : a - h - l; // l is the home team's handicap
    return m > 0 ? odds - 1 : m < 0 ? -1 : 0;
  };
  return parts.reduce((s, l) => s + part(l), 0) / parts.length;
}

export function resultOfUnit(unit: number, odds: number): string {
  const near = (x: number) => Math.abs(unit - x) < 1e-12;
  if (near(odds - 1)) return 'won';
  if (near((odds - 1) / 2)) return 'half_won';
  if (near(0)) return 'void';
  if (near(-0.5)) return 'half_lost';
  if (near(-1)) return 'lost';
  throw new Error(`unit ${unit} at odds ${odds} is no settlement`);
}
