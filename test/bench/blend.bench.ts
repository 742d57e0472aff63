// `npm run bench -- blend`: does the model add to the market? Per league and season (E0, SP1, D1, F1
// 2024-25 and 2025-26), the blend of each model with the pre-closing market (w chosen on earlier seasons
// only) against the pre-closing market alone: cross-entropy against the de-vigged close, log loss on
// results against Pinnacle's close (test/support/blend-study.ts). Prints the README's table and one JSON
// line per league-season and model.
import { MODELS, STUDY_LEAGUES, studyLeague, studyRows, studyTable } from '../support/blend-study';
import { report } from './report';

export default async function blend(): Promise<void> {
  const t0 = performance.now();
  const rows = STUDY_LEAGUES.flatMap((l) => studyRows(l, studyLeague(l)));
  for (const r of rows)
    report({
      bench: 'blend',
      metric: `${r.league} ${r.season} ${r.model} blend cross-entropy vs close`,
      value: r.ceBlend,
      unit: 'nats',
      baseline: r.ceMarket,
      ratio: r.ceBlend / r.ceMarket,
      w: r.w,
      fixtures: r.fixtures,
      logLossBlendVsClose: r.llBlend / r.llClose - 1,
    });
  for (const m of [...MODELS, 'dc+draw']) {
    const mine = rows.filter((r) => r.model === m || r.model.startsWith(`${m} k `));
    const beats = mine.filter((r) => r.ceBlend < r.ceMarket).length;
    const near = mine.filter((r) => r.llBlend / r.llClose - 1 <= 0.01).length;
    process.stderr.write(
      `${m}: blend beats the pre-closing market against the close on ${beats} of ${mine.length} league-seasons; log loss within 1% of Pinnacle's close on ${near} of ${mine.length}\n`,
    );
  }
  process.stderr.write(`${studyTable(rows)}\n(${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
}
