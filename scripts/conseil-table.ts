// Prints the README's CONSEIL table, every price net of its book's commission (BFE 5%), with the variant
// rows: `npx tsx scripts/conseil-table.ts` (under a minute on 2 cores). `--main` prints the main rows only.
import {
  BASELINE_ALL_MARKETS,
  CONSEIL_PARAMS,
  loadSeasons,
  refusalLine,
  replay,
  scoreCalibrationLines,
  tableLines,
  VARIANTS,
} from '../test/support/conseil-table';
import type { BacktestResult } from '../src-shared/contract/agents';

const t0 = performance.now();
const data = loadSeasons();
const baseline = replay(data, 'sharp-reference', {});
const baselineAll = replay(data, 'sharp-reference', BASELINE_ALL_MARKETS);
const conseil = replay(data, 'conseil', { ...CONSEIL_PARAMS });
const variants: [string, BacktestResult][] = process.argv.includes('--main')
  ? []
  : VARIANTS.map(([label, name, params]) => [label, replay(data, name, params)]);
for (const l of tableLines(baseline, conseil, variants, baselineAll)) console.log(l);
console.log(refusalLine(conseil));
for (const l of scoreCalibrationLines(conseil)) console.log(l);
console.log(`(${data.fixtures.length} matches, ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
