// `npm run bench -- walk-forward`: the walk-forward evaluation of Dixon-Coles against the de-vigged
// closing market, 4 leagues × the 2 latest seasons (test/support/walk-forward.ts), printed as the
// README's table and one JSON line per league-season; the market's log loss is the baseline. Exits
// non-zero when a league-season leaves the sane band (walkForwardProblems).
import { evaluate, LEAGUES, pooled, SEASONS, walkForwardProblems, walkForwardTable } from '../support/walk-forward';
import { report } from './report';

export default async function walkForward(): Promise<void> {
  const t0 = performance.now();
  const rows = LEAGUES.flatMap((l) => SEASONS.map((s) => evaluate(l, s)));
  for (const r of rows) {
    report({
      bench: 'walk-forward',
      metric: `${r.league} ${r.season} model log loss`,
      value: r.model.logLoss,
      unit: 'nats',
      baseline: r.market.logLoss,
      ratio: r.model.logLoss / r.market.logLoss,
      scored: r.scored,
      fits: r.fits,
    });
  }
  const all = pooled(rows);
  report({
    bench: 'walk-forward',
    metric: 'all model log loss',
    value: all.model.logLoss,
    unit: 'nats',
    baseline: all.market.logLoss,
    ratio: all.model.logLoss / all.market.logLoss,
    seconds: (performance.now() - t0) / 1000,
  });
  process.stderr.write(`${walkForwardTable(rows)}\n`);
  const problems = rows.flatMap(walkForwardProblems);
  if (all.market.logLoss >= all.model.logLoss)
    problems.push('over all league-seasons the model beat the closing market: look for look-ahead');
  if (problems.length) {
    process.stderr.write(`walk-forward problems:\n  ${problems.join('\n  ')}\n`);
    process.exitCode = 1;
  }
}
