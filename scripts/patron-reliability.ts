// PATRON's score against what happened, on the 28 real football-data files: CONSEIL replayed at its
// defaults (walk-forward, prices net of commission), every candidate it decided on scored out of sample
// (weights and the score's calibration fitted before the candidate's day). Prints the reliability table
// of every candidate per band of 5 score points and the README's table of CONSEIL's picks per band:
// `npx tsx scripts/patron-reliability.ts` (about a minute on 2 cores).
import { CONSEIL_PARAMS, loadSeasons, reliabilityLines, replay, scoreCalibrationLines } from '../test/support/conseil-table';

const t0 = performance.now();
const data = loadSeasons();
const conseil = replay(data, 'conseil', { ...CONSEIL_PARAMS });
const chosen = conseil.chosen as { patronFits: number; fits: { day: string; calibrationNote: string | null; merged: string[] }[] };
const merges = new Map<string, number>();
for (const f of chosen.fits) for (const m of f.merged) merges.set(m, (merges.get(m) ?? 0) + 1);
console.log(`collinear inputs merged: ${[...merges].map(([m, n]) => `${m} in ${n} fits`).join(', ') || 'none'} (of ${chosen.patronFits})`);
const uncalibrated = chosen.fits.filter((f) => f.calibrationNote !== null);
console.log(
  `every candidate decided on, out of sample (${chosen.patronFits} fits, ${uncalibrated.length} without a calibration, scoring 100·Φ(z)):`,
);
for (const f of uncalibrated) console.log(`  fit of ${f.day}: ${f.calibrationNote}`);
for (const l of reliabilityLines(conseil)) console.log(l);
console.log('\nthe same candidates banded by the uncalibrated reading, 100·Φ(expected CLV / residual sd):');
for (const l of reliabilityLines(conseil, 'raw')) console.log(l);
console.log(`\nCONSEIL's picks (${conseil.summary.bets.toLocaleString('en-US')}, defaults):`);
for (const l of scoreCalibrationLines(conseil)) console.log(l);
console.log(`(${data.fixtures.length} matches, ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
