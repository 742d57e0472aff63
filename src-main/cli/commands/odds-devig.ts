import { parse, printJson, UsageError, type Command } from '../command';
import { DEVIG_METHODS, devig, parseDevigMethod } from '../../../src-shared/quant/margins';

export const oddsDevigCommand: Command = {
  name: 'odds devig',
  summary: 'Fair probabilities from a book of decimal odds (margin removal)',
  usage: `monps odds devig [--method ${DEVIG_METHODS.join('|')}] ODDS... [--json]`,
  exits: { 0: 'printed the fair probabilities', 1: 'the odds cannot be de-vigged (e.g. a price ≤ 1)' },
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { method: { type: 'string', default: 'multiplicative' }, json: { type: 'boolean', default: false } },
      true,
    );
    // hyphenated or underscored, and `differential`, all name the same methods
    const method = parseDevigMethod(values.method);
    if (!method) throw new UsageError(`unknown method '${values.method}' (one of ${DEVIG_METHODS.join(', ')}; hyphens work too)`);
    const odds = positionals.map((s, i) => {
      const v = Number(s);
      if (s.trim() === '' || !Number.isFinite(v)) throw new UsageError(`odds ${i + 1} '${s}' is not a number`);
      return v;
    });
    const r = devig(odds, method);
    if (values.json) printJson(io, { method: r.method, overround: r.overround, probabilities: r.probabilities });
    else {
      io.out(`method: ${r.method}\noverround: ${(r.overround * 100).toFixed(3)}%`);
      r.probabilities.forEach((p, i) => io.out(`  ${String(odds[i]).padStart(8)}  p = ${p.toFixed(6)}  fair odds ${(1 / p).toFixed(4)}`));
    }
    return 0;
  },
};
