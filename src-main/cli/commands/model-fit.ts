import { dayOption, parse, printJson, UsageError, type Command } from '../command';
import { loadCacheMatches, loadCsvMatches } from '../model-data';
import { fitDixonColes, predictMatrix, type MatchResult } from '../../../src-shared/quant/poisson/dixon-coles';
import { matchOdds } from '../../../src-shared/quant/markets';
import { QuantError } from '../../../src-shared/quant/errors';

const MIN_MATCHES = 5;

export const modelFitCommand: Command = {
  name: 'model fit',
  summary: 'Fit Dixon-Coles (time-decayed) on results before a date and predict fixtures',
  usage: 'monps model fit (--csv FILE... | --cache FILE) --as-of YYYY-MM-DD [--xi X] --predict "Home|Away" ... [--json]',
  exits: { 0: 'fitted and predicted', 1: 'cannot fit (unreadable file, too few matches, unknown team) or the fit did not converge' },
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      {
        csv: { type: 'string', multiple: true },
        cache: { type: 'string' },
        'as-of': { type: 'string' },
        xi: { type: 'string', default: '0.0019' },
        predict: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
      },
      true,
    );
    // `--csv a.csv b.csv` works: the extra names arrive as positionals
    const csv = [...(values.csv ?? []), ...positionals];
    if (csv.length === 0 && !values.cache) throw new UsageError('give --csv FILE... or --cache FILE');
    if (csv.length > 0 && values.cache) throw new UsageError('give either --csv or --cache, not both');
    const asOf = values['as-of'];
    if (!asOf) throw new UsageError('--as-of YYYY-MM-DD is required');
    dayOption('as-of', asOf);
    const xi = Number(values.xi);
    if (!Number.isFinite(xi) || xi < 0) throw new UsageError(`--xi '${values.xi}' must be a number >= 0`);
    const fixtures = (values.predict ?? []).map((s) => {
      const parts = s.split('|');
      if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) throw new UsageError(`--predict '${s}' must be "Home|Away"`);
      return { home: parts[0].trim(), away: parts[1].trim() };
    });
    const results: MatchResult[] = values.cache ? loadCacheMatches(values.cache) : loadCsvMatches(csv).results;
    const model = fitDixonColes(results, { asOf, xi });
    const known = new Set(model.teams);
    for (const f of fixtures) {
      for (const t of [f.home, f.away]) {
        if (!known.has(t)) {
          const near = model.teams.filter((x) => x.toLowerCase().includes(t.toLowerCase().slice(0, 4))).slice(0, 5);
          throw new QuantError(
            `unknown team '${t}' in --predict "${f.home}|${f.away}": no match of it before ${asOf}${near.length ? ` (did you mean ${near.map((x) => `'${x}'`).join(', ')}?)` : ''}`,
            undefined,
            t,
          );
        }
      }
    }
    // a team with a handful of matches has a degenerate maximum-likelihood rating (no goals → attack → −∞)
    const played = new Map<string, number>();
    for (const r of results) if (r.date < asOf) for (const t of [r.home, r.away]) played.set(t, (played.get(t) ?? 0) + 1);
    const warnings = [...new Set(fixtures.flatMap((f) => [f.home, f.away]))]
      .filter((t) => (played.get(t) ?? 0) < MIN_MATCHES)
      .map((t) => `${t} has only ${played.get(t) ?? 0} matches before ${asOf}: its prediction is unreliable`);
    const predictions = fixtures.map((f) => {
      const m = predictMatrix(model, f.home, f.away);
      const x = matchOdds(m);
      return {
        home: f.home,
        away: f.away,
        lambda_home: m.lambdaHome,
        lambda_away: m.lambdaAway,
        p_home: x.home,
        p_draw: x.draw,
        p_away: x.away,
      };
    });
    const out = {
      matches: model.matches,
      teams: model.teams.length,
      as_of: asOf,
      xi,
      converged: model.converged,
      rho: model.rho,
      home_advantage: model.homeAdvantage,
      predictions,
      warnings,
    };
    if (values.json) printJson(io, out);
    else {
      io.out(
        `Dixon-Coles fit on ${model.matches} matches before ${asOf} (${model.teams.length} teams, xi ${xi}): rho ${model.rho.toFixed(4)}, home advantage ${model.homeAdvantage.toFixed(4)}${model.converged ? '' : ' (NOT CONVERGED)'}`,
      );
      for (const w of warnings) io.err(`warning: ${w}`);
      for (const p of predictions)
        io.out(
          `  ${p.home} v ${p.away}: xG ${p.lambda_home.toFixed(2)}-${p.lambda_away.toFixed(2)}  1 ${p.p_home.toFixed(4)}  X ${p.p_draw.toFixed(4)}  2 ${p.p_away.toFixed(4)}`,
        );
    }
    return model.converged ? 0 : 1;
  },
};
