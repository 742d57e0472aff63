// PATRON's score calibrated on days its fit never saw. The raw reading, 100·Φ(expected CLV / residual sd),
// assumes one normal spread of CLV around the fit; on the real files it overstates the chance to beat the
// close above 65: CLV spreads wider at long prices, and however large the expected CLV, about a third of
// prices still end below the close. So z divides by the spread of the candidate's price band (model.ts),
// and the rows fitted are cut at a day: a ridge fitted on the days before it scores the days from it (out
// of sample), and an isotonic regression of "beat the close" (CLV > 0) on z, over bins of 50 held-out
// rows, maps any later z to a probability (a plateau where the data has one, which a logistic cannot draw).
// The final weights are then fitted on every row; the calibration is kept beside them.
import { fitIsotonicCurve, normalCdf, predictIsotonic, QuantError, type IsotonicCurve } from '../../../../src-shared/quant';

/** P(beat the close) as a non-decreasing curve of z, fitted on the held-out days [from, to]. */
export interface Calibration {
  curve: IsotonicCurve;
  from: string;
  to: string;
  /** Held-out rows it was fitted on, and the rows of the fit that scored them (all before `from`). */
  rows: number;
  fittedOn: number;
}

/** Share of the rows held out (whole days, the latest), and the least rows either side needs. */
export const CALIBRATION = { holdoutShare: 0.25, minHoldout: 400, minFit: 30, bin: 50 } as const;

export interface Split<R> {
  fit: R[];
  held: R[];
  from: string;
}

/** The rows cut at the day of the (1 − share) quantile of kick-offs: whole days on each side. */
export function splitByDay<R extends { kickoff: string }>(rows: readonly R[], share: number): Split<R> | null {
  if (!rows.length) return null;
  const sorted = [...rows].sort((a, b) => (a.kickoff < b.kickoff ? -1 : a.kickoff > b.kickoff ? 1 : 0));
  const from = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * (1 - share)))].kickoff.slice(0, 10);
  const fit = sorted.filter((r) => r.kickoff.slice(0, 10) < from);
  const held = sorted.filter((r) => r.kickoff.slice(0, 10) >= from);
  return { fit, held, from };
}

/** The calibration of held-out rows' z (from a fit that never saw them) against whether each beat the
 * close; null with the reason when the rows cannot carry one. */
export function fitCalibration(
  z: readonly number[],
  clv: readonly number[],
  meta: { from: string; to: string; fittedOn: number },
): { calibration: Calibration | null; why: string | null } {
  if (z.length < CALIBRATION.minHoldout) return { calibration: null, why: `${z.length} held-out rows (needs ${CALIBRATION.minHoldout})` };
  // the curve is flat beyond its last bin: without a bin of candidates expected to beat the close, it would
  // cap every score at the rate of candidates that were not (the demo's last week: 41%)
  const positive = z.filter((v) => v > 0).length;
  if (positive < CALIBRATION.bin)
    return {
      calibration: null,
      why: `${positive} held-out rows with a positive expected CLV (needs ${CALIBRATION.bin}, one bin of the curve)`,
    };
  try {
    const curve = fitIsotonicCurve(
      z,
      clv.map((c) => (c > 0 ? 1 : 0)),
      CALIBRATION.bin,
    );
    return { calibration: { curve, ...meta, rows: z.length }, why: null };
  } catch (e) {
    if (e instanceof QuantError) return { calibration: null, why: e.message };
    throw e;
  }
}

/** The score, 0–100: the calibrated chance to beat the close, or 100·Φ(z) when the fit has no calibration. */
export const scoreOf = (z: number, c: Calibration | null): number =>
  // clamped: normalCdf's approximation dips a hair below 0 far in the lower tail
  100 * Math.min(1, Math.max(0, c ? predictIsotonic(c.curve, z) : normalCdf(z)));
