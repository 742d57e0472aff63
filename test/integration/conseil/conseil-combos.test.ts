// CONSEIL's same-match doubles on the real pipeline: the demo world seeded into PostgreSQL, synced into a
// SQLite cache, the agents run; a dry run shows proposals and writes nothing; a real run records them as
// this desk's combos (fg_combo_tracking, through the outbox to the source), priced with the Dixon-Coles
// score matrix's correlation, each beating its offered price by the Settings' least edge; conseil.today
// serves them; a re-run proposes nothing twice.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src-main/ingest/demo/seed';
import { runSync } from '../../../src-main/sync/run';
import { openCache, type Cache } from '../../../src-main/platform/cache/open';
import { withClient } from '../../../src-main/platform/pg/client';
import { writeRawSettings } from '../../../src-main/platform/settings';
import { agentsRunJob } from '../../../src-main/features/agents/runner';
import { calibrateJob } from '../../../src-main/features/agents/backtest';
import { conseilRunJob, conseilTodayJob } from '../../../src-main/features/conseil';
import { recordProposals } from '../../../src-main/features/conseil/combo-run';
import { formatRun } from '../../../src-main/cli/commands/conseil';
import type { ProposedCombo } from '../../../src-main/features/conseil/combos';
import { DEFAULT_SETTINGS } from '../../../src-shared/contract/settings';
import type { ConseilRun } from '../../../src-shared/contract/conseil';
import { jointFromCorrelation } from '../../../src-shared/quant';
import { runJob, jobContext } from '../../support/jobs';
import { createTestDatabase, type TestDatabase } from '../../support/pg';

let src: TestDatabase;
let dir: string;
let file: string;
let settingsFile: string;
const ctx = () => ({ ...jobContext(file, src.url), settingsFile });
const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const staking = { ...DEFAULT_SETTINGS.staking, bankroll: 2000 };

beforeAll(async () => {
  src = await createTestDatabase('monps_conseil_combos');
  const now = new Date();
  const anchor = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  await seedDemo(src.url, { seed: 11, anchor, now: Date.now() });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-combos-'));
  file = path.join(dir, 'cache.sqlite');
  settingsFile = path.join(dir, 'settings.json');
  writeRawSettings(settingsFile, { settings: { ...DEFAULT_SETTINGS, staking } });
  openCache(file, { migrate: true }).close();
  await runSync({}, ctx());
  await runJob(agentsRunJob, { full: true, alerts: false, resync: false }, ctx());
  await runJob(calibrateJob, { days: 365, maxAgeDays: 7 }, ctx());
}, 600_000);

afterAll(async () => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  await src?.drop();
});

const read = <T>(fn: (db: Cache) => T): T => {
  const db = openCache(file, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
};

function tablesDigest(): Map<string, string> {
  return read((db) => {
    const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map(
      (r) => r.name,
    );
    const out = new Map<string, string>();
    for (const n of names) {
      const rows = (db.prepare(`SELECT * FROM "${n}"`).all() as Record<string, unknown>[]).map((r) => JSON.stringify(r)).sort();
      out.set(n, createHash('sha256').update(rows.join('\n')).digest('hex'));
    }
    return out;
  });
}

interface StoredCombo {
  combo_id: string;
  desk_id: string;
  legs: string;
  odds: number;
  stake: number;
  model_prob: number;
  independent_prob: number;
  pricing: string;
  bookmaker: string;
  source: string;
}
const conseilCombos = () =>
  read((db) => db.prepare(`SELECT * FROM fg_combo_tracking WHERE source = 'conseil' ORDER BY combo_id`).all() as StoredCombo[]);

let dry: ConseilRun;
let run: ConseilRun;

describe('CONSEIL combos on the synced demo', () => {
  it('a dry run proposes doubles and writes nothing: every table of the cache unchanged', async () => {
    const before = tablesDigest();
    dry = await runJob(conseilRunJob, { date: day, dryRun: true }, ctx());
    expect(tablesDigest()).toEqual(before);
    console.log(
      `combos on the demo, ${day}: ${dry.fixtures} fixtures, ${dry.combos.length} proposed (dry run); pairs refused ${JSON.stringify(dry.combosRefused)}`,
    );
    for (const c of dry.combos)
      console.log(
        `  ${c.home} – ${c.away}: ${c.legs.map((l) => `${l.market}${l.line === null ? '' : ` ${l.line}`} ${l.selection} ${l.odds.toFixed(2)} (p ${l.probability.toFixed(3)})`).join(' + ')} at ${c.bookmaker}: offered ${c.offeredOdds.toFixed(2)}, fair ${c.fairOdds.toFixed(2)} (independent ${c.independentFairOdds.toFixed(2)}), phi ${c.correlation.toFixed(3)}, edge ${(c.edge * 100).toFixed(1)}% (${(c.edgeIndependent * 100).toFixed(1)}% as if independent), stake ${c.stake}`,
      );
    expect(dry.combos.length).toBeGreaterThan(0);
    expect(dry.combosRecorded).toBe(0);
    for (const c of dry.combos) expect(c.status).toBe('not recorded (dry run)');
    // monps conseil run --dry-run prints them, with the correlation's source
    const text = formatRun(dry, true);
    expect(text).toContain(`combos: ${dry.combos.length} (dry run, nothing recorded)`);
    expect(text.match(/correlation: Dixon-Coles score matrix \(exact joint\)/g)).toHaveLength(dry.combos.length);
  });

  it('each proposal beats its offered price by the least edge WITH the correlation, from the score matrix; one per match, within the cap', () => {
    const { minEdge, maxPerDay } = DEFAULT_SETTINGS.staking.combos;
    expect(dry.combos.length).toBeLessThanOrEqual(maxPerDay);
    expect(new Set(dry.combos.map((c) => c.matchId)).size).toBe(dry.combos.length);
    for (const c of dry.combos) {
      expect(c.probability * c.offeredOdds - 1).toBeGreaterThan(minEdge);
      expect(c.edge).toBeCloseTo(c.probability * c.offeredOdds - 1, 12);
      expect(c.edgeIndependent).toBeCloseTo(c.independentProbability * c.offeredOdds - 1, 12);
      expect(c.correlationSource).toBe('Dixon-Coles score matrix (exact joint)');
      const [a, b] = c.legs;
      expect(c.independentProbability).toBeCloseTo(a.probability * b.probability, 12);
      expect(c.probability).toBeCloseTo(jointFromCorrelation(a.probability, b.probability, c.correlation).p11, 12);
      // one book for both legs: the offer is the product of the legs' prices there
      expect(c.offeredOdds).toBeCloseTo(a.odds * b.odds, 10);
      expect(c.stake).toBeGreaterThan(0);
      expect(c.stake).toBeLessThanOrEqual(staking.bankroll * staking.maxStakeShare + 1e-9);
      expect(c.reasons[0]).toMatch(/with the legs' correlation/);
    }
  });
});

describe('CONSEIL combos recorded on the synced demo', () => {
  it('a real run records them as the desk’s combos, served by conseil.today and published to the source', async () => {
    run = await runJob(conseilRunJob, { date: day }, ctx());
    expect(run.combosRecorded).toBe(dry.combos.length);
    const stored = conseilCombos();
    expect(stored.map((s) => s.combo_id).sort()).toEqual(run.combos.map((c) => c.comboId).sort());
    const desk = read((db) => (db.prepare('SELECT desk_id AS d FROM desk').get() as { d: string }).d);
    for (const s of stored) {
      expect(s.desk_id).toBe(desk);
      expect(s.combo_id.startsWith(`cc:${desk}:${day}:`)).toBe(true);
      expect(JSON.parse(s.pricing)[0].correlation_source).toBe('Dixon-Coles score matrix (exact joint)');
      expect(s.model_prob * s.odds - 1).toBeGreaterThan(DEFAULT_SETTINGS.staking.combos.minEdge);
    }
    const today = await runJob(conseilTodayJob, { date: day }, ctx());
    expect(today.combos.map((c) => c.comboId).sort()).toEqual(stored.map((s) => s.combo_id).sort());
    for (const c of today.combos) {
      const proposed = run.combos.find((x) => x.comboId === c.comboId)!;
      expect(c.edge).toBeCloseTo(proposed.edge, 10);
      expect(c.correlationSource).toBe('Dixon-Coles score matrix (exact joint)');
      expect(c.status).toBe('open');
      expect(c.home).not.toBeNull();
    }
    // the day's picks carry the model's win probability a combo leg is priced with (none on a line that can push or half-settle)
    expect(today.picks.length).toBeGreaterThan(0);
    for (const p of today.picks) {
      const settlesWhole = p.market === '1x2' || (p.line !== null && Math.abs((p.line * 2) % 2) === 1);
      if (settlesWhole) expect(p.modelProb).toBeCloseTo(1 / (p.fairOdds as number), 12);
      else expect(p.modelProb).toBeNull();
    }
    await runSync({}, ctx());
    const inSource = await withClient(src.url, async (c) =>
      (await c.query(`SELECT combo_id FROM fg_combo_tracking WHERE source = 'conseil' ORDER BY combo_id`)).rows.map(
        (r) => r.combo_id as string,
      ),
    );
    expect(inSource).toEqual(stored.map((s) => s.combo_id).sort());
  });

  it('a re-run proposes no combo twice (one per match a day, the cap counting the earlier ones)', async () => {
    const before = conseilCombos().length;
    const again = await runJob(conseilRunJob, { date: day }, ctx());
    expect(again.combosRecorded).toBe(0);
    expect(conseilCombos().length).toBe(before);
    expect(again.combos.length).toBe(before);
    const refusedEarlier =
      (again.combosRefused['a combo of the match proposed earlier today'] ?? 0) + (again.combosRefused['the day’s combo cap'] ?? 0);
    expect(refusedEarlier).toBeGreaterThan(0);
  });

  it('a combo the tracker refuses is a warning that loses no other (unknown book, kicked off meanwhile)', () => {
    const proposal = (c: ConseilRun['combos'][number], bookmaker: string | null): ProposedCombo => ({
      matchId: c.matchId,
      league: c.league ?? '',
      legs: c.legs.map((l) => ({
        market: l.market,
        line: l.line,
        selection: l.selection,
        probability: l.probability,
        odds: l.odds,
        quoted: l.odds,
      })),
      bookmaker: bookmaker ?? '',
      offered: c.offeredOdds,
      offeredQuoted: c.offeredOdds,
      probability: c.probability,
      independentProbability: c.independentProbability,
      correlation: c.correlation,
      correlationSource: c.correlationSource,
      edge: c.edge,
      edgeIndependent: c.edgeIndependent,
      stake: c.stake,
    });
    const [a, b] = dry.combos;
    const db = openCache(file);
    try {
      const before = conseilCombos().length;
      const warnings: string[] = [];
      const n = recordProposals(
        db,
        [proposal(a, 'NOPE'), proposal(b ?? a, b ? b.bookmaker : a.bookmaker)],
        'zz-check',
        day,
        new Date(),
        warnings,
        {},
      );
      expect(n).toBe(1);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^combo cc:zz-check:.* not recorded: .*bookmaker/);
      const late = new Date(Date.parse(a.kickoff!) + 3_600_000);
      const later: string[] = [];
      expect(recordProposals(db, [proposal(a, a.bookmaker)], 'zz-late', day, late, later, {})).toBe(0);
      expect(later[0]).toMatch(/kicked off/);
      expect(conseilCombos().length).toBe(before + 1);
    } finally {
      db.close();
    }
  });
});
