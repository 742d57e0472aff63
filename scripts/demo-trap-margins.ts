// The demo's trap ground truth against its definitions (src-main/ingest/demo/trap-rules.ts):
//   tsx scripts/demo-trap-margins.ts [--seeds 1,2,3] [--anchor 2026-11-25]
// For each trap kind: how many plants show exactly their kind (recall of the definitions), the weakest
// planted statistic (1 = the threshold), and, over every selection that is not a trap plant, the
// largest statistic of each signal: the margin of safety of the ordinary market is 1 − that.
import { generateWorld } from '../src-main/ingest/demo/world';
import { worldTrapReport, type SelectionTrapStats } from '../src-main/ingest/demo/trap-rules';

const arg = (name: string, dflt: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const seeds = arg('--seeds', '1,2,3').split(',').map(Number);
const anchor = arg('--anchor', '2026-11-25');

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const signalOf = { inflated_favourite: 'inflated', against_sharp: 'against', too_good: 'tooGood' } as const;

const planted = new Map<string, { n: number; ok: number; min: number }>();
const ordinary: SelectionTrapStats[] = [];
const others: SelectionTrapStats[] = [];
for (const seed of seeds) {
  const r = worldTrapReport(generateWorld({ seed, anchor }));
  for (const p of r.planted) {
    const kind = String(p.plant.details.trap_kind);
    const key = `${p.tier === 'upcoming' ? 'coming week' : 'past'} ${kind}`;
    const e = planted.get(key) ?? { n: 0, ok: 0, min: Infinity };
    const s = p.stats;
    const stat = kind === 'compound' ? Math.min(s.inflated, s.against) : s[signalOf[kind as keyof typeof signalOf]];
    planted.set(key, { n: e.n + 1, ok: e.ok + Number(p.detected === kind), min: Math.min(e.min, stat) });
  }
  ordinary.push(...r.ordinary);
  others.push(...r.otherPlants);
}
console.log(`seeds ${seeds.join(',')}, anchor ${anchor}`);
console.log('planted (kind shown exactly / plants, weakest statistic; ≥ 1 is shown):');
for (const [k, e] of [...planted].sort()) console.log(`  ${k.padEnd(32)} ${e.ok}/${e.n}  weakest ${e.min.toFixed(3)}`);
for (const [name, xs] of [
  ['ordinary selections', ordinary],
  ['other selections of planted matches', others],
] as const) {
  console.log(`${name} (${xs.length}): statistic p99 / p99.9 / max → margin of safety 1 − max`);
  for (const s of ['inflated', 'against', 'tooGood'] as const) {
    const v = xs.map((x) => x[s]);
    const max = v.reduce((a, x) => Math.max(a, x), 0);
    console.log(
      `  ${s.padEnd(9)} ${quantile(v, 0.99).toFixed(3)} / ${quantile(v, 0.999).toFixed(3)} / ${max.toFixed(3)} → ${(1 - max).toFixed(3)}`,
    );
  }
  const fp = xs.filter((x) => x.signals.length);
  console.log(`  selections showing a signal: ${fp.length}`);
}
