// The demo's market and truth against the real files, measured the same way on both (issue 16; README of
// src-main/ingest/demo, "What a pick claims against the truth"):
// 1. Pinnacle's closing 1X2, de-vigged multiplicatively, against what happened, by band of fair probability
//    (real: results of the football-data files; demo: the true probability of its played matches, and their
//    results): does the de-vig overstate longshots (a favourite-longshot bias)?
// 2. How spread the closing fair probabilities are: home win and over 2.5 goals (real: Pinnacle's closing
//    prices; demo: PS's closing prices of played matches).
// Usage: npx tsx scripts/demo-truth-shape.ts [--data ../shared/data/football-data] [--seeds 1,2,3]
import fs from 'node:fs';
import path from 'node:path';
import { generateWorld } from '../src-main/ingest/demo/world';
import { matchQuotes } from '../src-main/ingest/demo/odds';
import type { DemoPlant } from '../src-main/ingest/demo/types';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const dataDir = arg('data', path.join('..', 'shared', 'data', 'football-data'));
const seeds = arg('seeds', '1,2,3').split(',').map(Number);
const BANDS = [0, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1];

interface Obs {
  fair: number;
  /** 1 if it happened, or the true probability (demo) */
  outcome: number;
}
const devig = (o: number[]) => {
  const s = o.reduce((a, x) => a + 1 / x, 0);
  return o.map((x) => 1 / x / s);
};

function real(): { obs: Obs[]; home: number[]; over: number[] } {
  const obs: Obs[] = [];
  const home: number[] = [];
  const over: number[] = [];
  for (const f of fs.readdirSync(dataDir).filter((x) => /_20\d\d-\d\d\.csv$/.test(x))) {
    const [head, ...lines] = fs.readFileSync(path.join(dataDir, f), 'latin1').split(/\r?\n/);
    const col = new Map(head.split(',').map((c, i) => [c, i]));
    for (const line of lines) {
      const v = line.split(',');
      const num = (c: string) => Number(v[col.get(c) ?? -1]);
      const o = ['PSCH', 'PSCD', 'PSCA'].map(num);
      if (o.every((x) => x > 1)) {
        const p = devig(o);
        const r = v[col.get('FTR') as number];
        p.forEach((x, k) => obs.push({ fair: x, outcome: r === 'HDA'[k] ? 1 : 0 }));
        home.push(p[0]);
      }
      const ou = ['PC>2.5', 'PC<2.5'].map(num);
      if (ou.every((x) => x > 1)) over.push(devig(ou)[0]);
    }
  }
  return { obs, home, over };
}

function demo(): { obs: Obs[]; results: Obs[]; home: number[]; over: number[] } {
  const obs: Obs[] = [];
  const results: Obs[] = [];
  const home: number[] = [];
  const over: number[] = [];
  for (const seed of seeds) {
    const w = generateWorld({ seed, anchor: '2026-11-25' });
    const plants = new Map<number, DemoPlant[]>();
    for (const p of w.plants) if (p.kind !== 'bad_quote') plants.set(p.matchId, [...(plants.get(p.matchId) ?? []), p]);
    for (const m of w.matches) {
      if (!m.result || plants.has(m.id)) continue;
      const q = matchQuotes(w, m, []).filter((x) => x.bookmaker === 'PS' && x.isClosing);
      const odds = (table: string, sels: string[], line: number | null) =>
        sels.map((s) => q.find((x) => x.table === table && x.selection === s && x.line === line)?.odds ?? NaN);
      const p = devig(odds('odds_history', ['home', 'draw', 'away'], null));
      const truth = m.markets[0].probs;
      const r = m.result.homeGoals > m.result.awayGoals ? 0 : m.result.homeGoals === m.result.awayGoals ? 1 : 2;
      p.forEach((x, k) => {
        obs.push({ fair: x, outcome: truth[k] });
        results.push({ fair: x, outcome: r === k ? 1 : 0 });
      });
      home.push(p[0]);
      const ou = odds('odds_totals', ['over', 'under'], 2.5);
      if (ou.every((x) => x > 1)) over.push(devig(ou)[0]);
    }
  }
  return { obs, results, home, over };
}

const byBand = (obs: Obs[]) =>
  BANDS.slice(0, -1).map((lo, i) => {
    const xs = obs.filter((o) => o.fair >= lo && o.fair < BANDS[i + 1]);
    const fair = xs.reduce((a, o) => a + o.fair, 0);
    return { band: `${lo.toFixed(2)}-${BANDS[i + 1].toFixed(2)}`, n: xs.length, ratio: xs.reduce((a, o) => a + o.outcome, 0) / fair };
  });
const spread = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = xs.reduce((a, x) => a + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / xs.length);
  const q = (p: number) => s[Math.floor(p * (s.length - 1))].toFixed(3);
  return `n ${xs.length}, sd ${sd.toFixed(3)}, p1 ${q(0.01)} p10 ${q(0.1)} p50 ${q(0.5)} p90 ${q(0.9)} p99 ${q(0.99)}`;
};

const r = real();
const d = demo();
console.log('Pinnacle / PS closing 1X2, multiplicative de-vig: what happened ÷ the fair probability, by band');
console.log('band        real (results)      demo (true probability)  demo (results)');
const rb = byBand(r.obs);
const db = byBand(d.obs);
const dr = byBand(d.results);
rb.forEach((x, i) =>
  console.log(
    `${x.band}  ${x.ratio.toFixed(3)} (n ${String(x.n).padStart(5)})   ${db[i].ratio.toFixed(3)} (n ${String(db[i].n).padStart(5)})        ${dr[i].ratio.toFixed(3)}`,
  ),
);
console.log(`closing fair P(home): real ${spread(r.home)}`);
console.log(`                      demo ${spread(d.home)}`);
console.log(`closing fair P(over 2.5): real ${spread(r.over)}`);
console.log(`                          demo ${spread(d.over)}`);
