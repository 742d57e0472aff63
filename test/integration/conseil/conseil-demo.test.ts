// CONSEIL ULTIM and PATRON DIAMOND on the real pipeline: the demo world seeded into PostgreSQL, synced into
// a SQLite cache, the agents run; then the day's picks decided with the analyst's settings and recorded
// with what they were decided on, checked against the exposure limits and the traps, re-run without
// duplicates, measured against the demo's true probabilities (against Agent B alone), and the learning
// loop fed with settled picks.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src-main/ingest/demo/seed';
import { runSync } from '../../../src-main/sync/run';
import { openCache, type Cache } from '../../../src-main/platform/cache/open';
import { withClient } from '../../../src-main/platform/pg/client';
import { settingsCommission, writeRawSettings } from '../../../src-main/platform/settings';
import { agentsRunJob } from '../../../src-main/features/agents/runner';
import { previewJob } from '../../../src-main/features/analysis';
import { calibrateJob, calibrateOnCache } from '../../../src-main/features/agents/backtest';
import { LIVE_DEFAULTS, saveBlend, valueBetsJob } from '../../../src-main/features/agents/value';
import { daySignals } from '../../../src-main/features/conseil/signals';
import { conseilLearnJob, conseilRunJob, historyRows, learningLog } from '../../../src-main/features/conseil';
import { recordPicksJob, settlePicksJob } from '../../../src-main/features/picks';
import { DEFAULT_SETTINGS } from '../../../src-shared/contract/settings';
import type { ConseilRun } from '../../../src-shared/contract/conseil';
import type { BlendVersion } from '../../../src-shared/contract/agents';
import { conseilCommand } from '../../../src-main/cli/commands/conseil';
import { UsageError, type CommandIO } from '../../../src-main/cli/command';
import { runJob, jobContext } from '../../support/jobs';
import { createTestDatabase, type TestDatabase } from '../../support/pg';

let src: TestDatabase;
let dir: string;
let file: string;
let settingsFile: string;
const ctx = () => ({ ...jobContext(file, src.url), settingsFile });
// tomorrow and the two days after: whole fixture days, whatever the hour the test runs at
const dayAhead = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const today = dayAhead(1);
const staking = { ...DEFAULT_SETTINGS.staking, bankroll: 2000, exposure: { perMatch: 0.04, perDay: 0.15, perLeague: 0.08 } };

beforeAll(async () => {
  src = await createTestDatabase('monps_conseil');
  const now = new Date();
  const anchor = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  await seedDemo(src.url, { seed: 11, anchor, now: Date.now() });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-conseil-'));
  file = path.join(dir, 'cache.sqlite');
  settingsFile = path.join(dir, 'settings.json');
  writeRawSettings(settingsFile, { settings: { ...DEFAULT_SETTINGS, staking } });
  openCache(file, { migrate: true }).close();
  await runSync({}, ctx());
  await runJob(agentsRunJob, { full: true, alerts: false, resync: false }, ctx());
  // a desk that has run for weeks has chosen its blend weight every week (on the cache's 30 days of odds):
  // PATRON reads each past row with the weight known then (the latest, chosen now, for none of them)
  for (const daysAgo of [21, 14, 7]) {
    const v = calibrateOnCache(
      file,
      365,
      { signal: new AbortController().signal, progress: () => {} },
      new Date(Date.now() - daysAgo * 86_400_000),
    );
    const db = openCache(file);
    try {
      saveBlend(db, v);
    } finally {
      db.close();
    }
  }
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

let first: ConseilRun;

/** Every table of the cache file, its rows in a fixed order: what a write would change. */
function tablesDigest(): Map<string, string> {
  return read((db) => {
    const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map(
      (r) => r.name,
    );
    const out = new Map<string, string>();
    for (const n of names) {
      const rows = db.prepare(`SELECT * FROM "${n}"`).all() as Record<string, unknown>[];
      const lines = rows.map((r) => JSON.stringify(r)).sort();
      out.set(n, createHash('sha256').update(lines.join('\n')).digest('hex'));
    }
    return out;
  });
}

describe('CONSEIL ULTIM on the synced demo', () => {
  it('a dry run before PATRON has learned writes nothing: every table of the cache file is unchanged, the picks still shown', async () => {
    const before = tablesDigest();
    expect(before.get('patron_versions')).toBeDefined();
    const dry = await runJob(conseilRunJob, { date: today, dryRun: true }, ctx());
    expect(tablesDigest()).toEqual(before);
    expect(dry.recorded).toBe(0);
    expect(dry.patron?.version).toBe(0);
    expect(dry.warnings.some((w) => /fitted in memory/.test(w))).toBe(true);
    expect(dry.picks.length).toBeGreaterThan(5);
  });

  it("learns PATRON from the finished matches before now, then picks the day's bets within the exposure limits", async () => {
    first = await runJob(conseilRunJob, { date: today }, ctx());
    console.log(
      `conseil on the default demo, ${today}: ${first.fixtures} fixtures, ${first.candidates} candidates, ${first.picks.length} picks, ${first.seconds.toFixed(2)} s (first run, PATRON learned), refused ${JSON.stringify(first.refused)}`,
    );
    expect(first.patron).not.toBeNull();
    expect(first.patron!.rows).toBeGreaterThan(300);
    expect(first.patron!.trainedThrough! < first.asOf).toBe(true);
    expect(first.picks.length).toBeGreaterThan(5);
    expect(first.recorded).toBe(first.picks.length);
    const total = first.picks.reduce((a, p) => a + p.stake, 0);
    expect(total).toBeLessThanOrEqual(2000 * 0.15 + 1e-6);
    const byMatch = new Map<number, number>();
    for (const p of first.picks) byMatch.set(p.matchId, (byMatch.get(p.matchId) ?? 0) + p.stake);
    for (const s of byMatch.values()) expect(s).toBeLessThanOrEqual(2000 * 0.04 + 1e-6);
    for (const p of first.picks) {
      expect(p.stake).toBeLessThanOrEqual(2000 * staking.maxStakeShare + 1e-6);
      expect(p.score).toBeGreaterThanOrEqual(55);
      expect(p.kickoff!.slice(0, 10)).toBe(today);
      expect(p.reasons[0]).toMatch(/^PATRON \d+ \((diamond|gold|silver)\): expected CLV/);
    }
    // ranked by PATRON score
    expect(first.picks.map((p) => p.score)).toEqual([...first.picks.map((p) => p.score)].sort((a, b) => b - a));
    // inputs merged into a collinear one (the two edges, while Agent B reads the market alone) are said on
    // every pick and take no part of their own: no explanation splits them into opposite signs
    console.log(`PATRON merged: ${JSON.stringify(first.patron!.merged)}; calibration: ${first.patron!.calibrationNote ?? 'fitted'}`);
    for (const m of first.patron!.merged)
      for (const p of first.picks) {
        const c = p.contributions.find((k) => k.input === m.input)!;
        expect([c.clv, c.mergedInto]).toEqual([0, m.into]);
        expect(c.label).toMatch(/merged into it/);
      }
  });

  it('every pick stores what it was decided on: the odds snapshot with the price taken, versions, parameters, weights, inputs', () => {
    const rows = read(
      (db) =>
        db.prepare("SELECT * FROM tracking_clv_picks WHERE source = 'conseil' AND kind = 'pick'").all() as Record<
          string,
          string | number | null
        >[],
    );
    expect(rows).toHaveLength(first.picks.length);
    for (const r of rows) {
      const snapshot = JSON.parse(r.odds_snapshot as string) as { bookmaker: string; selection: string; odds: number }[];
      expect(snapshot.some((q) => q.bookmaker === r.bookmaker && q.selection === r.selection && q.odds === r.odds_taken)).toBe(true);
      expect(r.model_version).toMatch(/^conseil-ultim 1 \/ patron-diamond 3 v1 \/ agent-b blend w=/);
      const params = JSON.parse(r.model_params as string) as { staking: { bankroll: number }; patronVersion: number };
      expect(params.staking.bankroll).toBe(2000);
      expect(Object.keys(JSON.parse(r.weights as string) as object)).toEqual(
        expect.arrayContaining(['edge', 'marketEdge', 'trap', 'blendWeight']),
      );
      const inputs = JSON.parse(r.inputs as string) as { patron: { inputs: Record<string, number>; score: number } };
      expect(Object.keys(inputs.patron.inputs)).toHaveLength(10);
    }
  });

  it('the Settings decide where and what: an excluded bookmaker never gives the price, only the leagues followed are picked', async () => {
    // a day nothing was recorded for yet: first as the default settings would pick it
    const date = dayAhead(2);
    const plain = await runJob(conseilRunJob, { date, dryRun: true }, ctx());
    const leagueOf = new Map(
      read(
        (db) =>
          db
            .prepare(
              `SELECT match_id AS m, league_code AS l FROM matches WHERE match_id IN (${plain.picks.map((p) => p.matchId).join(',')})`,
            )
            .all() as { m: number; l: string }[],
      ).map((x) => [x.m, x.l]),
    );
    const ranked = <T>(xs: T[]) => {
      const n = new Map<T, number>();
      for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
      return [...n].sort((a, b) => b[1] - a[1]).map(([x]) => x);
    };
    // follow every league the default settings pick in but one (that one's picks must go), and exclude the
    // book giving most of the followed leagues' picks (its picks must go or move): both filters are seen at
    // work, and picks at other books in the followed leagues are left to show what remains is right
    const leagues = ranked(plain.picks.map((p) => leagueOf.get(p.matchId) as string));
    expect(leagues.length).toBeGreaterThan(1);
    const followed = leagues.slice(0, -1);
    const dropped = leagues[leagues.length - 1];
    const books = ranked(plain.picks.filter((p) => followed.includes(leagueOf.get(p.matchId) as string)).map((p) => p.bookmaker));
    expect(books.length).toBeGreaterThan(1);
    const book = books[0];
    const other = path.join(dir, 'settings-other.json');
    writeRawSettings(other, {
      settings: { ...DEFAULT_SETTINGS, staking, markets: { preferredBookmakers: [], excludedBookmakers: [book], leagues: followed } },
    });
    const r = await runJob(conseilRunJob, { date, dryRun: true }, { ...ctx(), settingsFile: other });
    expect(r.picks.length).toBeGreaterThan(0);
    expect(r.picks.filter((p) => p.bookmaker === book)).toEqual([]);
    const picked = read(
      (db) =>
        db
          .prepare(`SELECT DISTINCT league_code AS l FROM matches WHERE match_id IN (${r.picks.map((p) => p.matchId).join(',')})`)
          .all() as { l: string }[],
    ).map((x) => x.l);
    expect(picked.every((l) => followed.includes(l))).toBe(true);
    expect(picked).not.toContain(dropped);
  });

  it('the match preview (/api/unified/match-preview) carries the picks and the active traps of its match', async () => {
    const top = first.picks[0];
    const p = await runJob(previewJob, { matchId: top.matchId }, ctx());
    expect(p.picks.map((x) => x.pickId)).toContain(top.pickId);
    expect(p.picks.find((x) => x.pickId === top.pickId)).toMatchObject({ source: 'conseil', odds: top.odds, stake: top.stake });
    const traps = read(
      (db) =>
        db.prepare("SELECT trap_id FROM market_traps WHERE match_id = ? AND status = 'active'").all(top.matchId) as { trap_id: string }[],
    );
    expect(p.traps.map((t) => t.trapId).sort()).toEqual(traps.map((t) => t.trap_id).sort());
  });

  it('traps are read as of the decision time, as steam is: a trap detected after it does not count', () => {
    read((db) => {
      // a selection's first active trap: before its detection the selection has none
      const t = db
        .prepare(
          `SELECT t.match_id AS matchId, m.league_code AS league, t.market, t.line, t.selection, MIN(t.detected_at) AS detectedAt
             FROM market_traps t JOIN matches m ON m.match_id = t.match_id WHERE t.status = 'active'
            GROUP BY t.match_id, t.market, t.line, t.selection ORDER BY detectedAt DESC LIMIT 1`,
        )
        .get() as { matchId: number; league: string; market: string; line: number | null; selection: string; detectedAt: string };
      expect(t).toBeDefined();
      const at = (ms: number) => daySignals(db, [t.matchId], new Date(ms)).at(t.matchId, t.league, t.market, t.line, t.selection, 2);
      const detected = Date.parse(t.detectedAt);
      expect(at(detected - 1).trapInfo).toBeNull();
      expect(at(detected).trapInfo).not.toBeNull();
    });
  });

  it('a past row is read with the blend weight known at its decision time, not the latest', () => {
    const copy = path.join(dir, 'blend-copy.sqlite');
    read((db) => db.exec(`VACUUM INTO '${copy}'`));
    const db = openCache(copy);
    try {
      const now = new Date();
      const blend = (version: string, w: number, chosenAt: string): BlendVersion => ({
        version,
        w,
        chosenAt,
        method: 'test',
        fixtures: 0,
        from: null,
        to: null,
        loss: null,
        xi: LIVE_DEFAULTS.xi,
        windowDays: LIVE_DEFAULTS.windowDays,
      });
      const rowsWith = (versions: BlendVersion[]) => {
        db.prepare('DELETE FROM agent_model_versions').run();
        for (const v of versions) saveBlend(db, v);
        return historyRows(db, now, settingsCommission(DEFAULT_SETTINGS));
      };
      const old = blend('old', 1, '2000-01-01T00:00:00.000Z');
      const latest = blend('latest', 0, now.toISOString());
      const both = rowsWith([old, latest]);
      // every history row was decided before `latest` was chosen: it is read with w = 1, never today's 0
      expect(both).toEqual(rowsWith([old]));
      expect(both).not.toEqual(rowsWith([latest]));
      // before any weight was chosen: the market alone, counted
      const counts = { noBlend: 0 };
      db.prepare('DELETE FROM agent_model_versions').run();
      saveBlend(db, latest);
      historyRows(db, now, settingsCommission(DEFAULT_SETTINGS), undefined, counts);
      expect(counts.noBlend).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  }, 120_000);

  it("PATRON's learning rows read each book's commission from the Settings: a rate on the bookmakers lowers every net price", () => {
    read((db) => {
      const soft = (
        db.prepare('SELECT bookmaker FROM bookmakers WHERE is_exchange = 0 AND is_sharp = 0 AND is_aggregate = 0').all() as {
          bookmaker: string;
        }[]
      ).map((r) => r.bookmaker);
      const ex = (db.prepare('SELECT bookmaker FROM bookmakers WHERE is_exchange = 1').all() as { bookmaker: string }[])[0].bookmaker;
      const now = new Date();
      const withRates = (commission: Record<string, number>) =>
        historyRows(db, now, settingsCommission({ markets: { ...DEFAULT_SETTINGS.markets, commission } }), 30);
      const mean = (rows: { clv: number }[]) => rows.reduce((a, r) => a + r.clv, 0) / rows.length;
      const byDefault = withRates({});
      expect(byDefault.length).toBeGreaterThan(0);
      // the default is the exchange's 5%: the same rows as said explicitly
      expect(withRates({ [ex]: 0.05 })).toEqual(byDefault);
      // CLV = net price taken / de-vigged close − 1: 3% on every bookmaker's winnings lowers the rows' CLV
      const taxed = withRates(Object.fromEntries(soft.map((b) => [b, 0.03])));
      expect(taxed).not.toEqual(byDefault);
      expect(mean(taxed)).toBeLessThan(mean(byDefault));
    });
  }, 120_000);

  it('a re-run records nothing new, and no pick is on a selection a high-severity trap is active on', async () => {
    const again = await runJob(conseilRunJob, { date: today }, ctx());
    console.log(`conseil re-run: ${again.seconds.toFixed(3)} s for ${again.candidates} candidates`);
    expect(again.recorded).toBe(0);
    expect(again.picks.map((p) => p.pickId)).toEqual(first.picks.map((p) => p.pickId));
    expect(again.refused['picked earlier today']).toBe(first.picks.length);
    const vetoed = read(
      (db) =>
        db
          .prepare(
            `SELECT COUNT(*) AS n FROM tracking_clv_picks p JOIN market_traps t ON t.match_id = p.match_id AND t.market = p.market
              AND COALESCE(t.line, -999) = COALESCE(p.line, -999) AND t.selection = p.selection
              WHERE p.source = 'conseil' AND t.status = 'active' AND t.severity = 'high'`,
          )
          .get() as { n: number },
    );
    expect(vetoed.n).toBe(0);
    // a day without fixtures: no pick, no failure
    const empty = await runJob(conseilRunJob, { date: '2020-01-01', dryRun: true }, ctx());
    expect(empty).toMatchObject({ fixtures: 0, picks: [], recorded: 0 });
  });

  it("the demo's true probabilities: CONSEIL's picks have a positive mean true edge", async () => {
    const b = await runJob(
      valueBetsJob,
      { minEdge: LIVE_DEFAULTS.minEdge, kellyFraction: LIVE_DEFAULTS.kellyFraction, cap: LIVE_DEFAULTS.cap },
      ctx(),
    );
    const days = [today, dayAhead(2), dayAhead(3)];
    const picks = [...first.picks];
    for (const date of days.slice(1)) picks.push(...(await runJob(conseilRunJob, { date, dryRun: true }, ctx())).picks);
    const matchIds = new Set(
      read(
        (db) =>
          db.prepare(`SELECT match_id FROM matches WHERE substr(kickoff, 1, 10) IN (${days.map(() => '?').join(',')})`).all(...days) as {
            match_id: number;
          }[],
      ).map((r) => r.match_id),
    );
    const agentB = b.bets.filter((x) => matchIds.has(x.matchId));
    const truth = await withClient(src.url, (c) =>
      c.query('SELECT match_id, market, line, selection, probability FROM demo_truth_probabilities'),
    );
    const p = new Map(
      truth.rows.map((r) => [`${r.match_id}|${r.market}|${r.market === '1x2' ? '' : r.line}|${r.selection}`, Number(r.probability)]),
    );
    const trueEdge = (x: { matchId: number; market: string; line: number | null; selection: string; odds: number }) => {
      const q = p.get(`${x.matchId}|${x.market}|${x.line ?? ''}|${x.selection}`);
      return q === undefined ? null : q * x.odds - 1;
    };
    const mean = (xs: (number | null)[]) => {
      const v = xs.filter((x): x is number => x !== null);
      return { n: v.length, mean: v.reduce((a, x) => a + x, 0) / v.length };
    };
    const conseil = mean(picks.map(trueEdge));
    const value = mean(agentB.map((x) => trueEdge({ ...x, odds: x.bestOdds as number })));
    console.log(
      `true edge over ${days.join(', ')}: CONSEIL ${conseil.n} picks mean ${(conseil.mean * 100).toFixed(2)}%; Agent B ${value.n} bets mean ${(value.mean * 100).toFixed(2)}%`,
    );
    expect(conseil.n).toBe(picks.length);
    expect(conseil.mean).toBeGreaterThan(0);
    // Not asserted any more: CONSEIL above Agent B. It held (+1.76% against +1.18%) only while PATRON read
    // every past row with today's blend weight; read with the weight known then (w = 0 before the first
    // calibration) it trains on edges of another blend than the one it scores with, and falls to +0.55%
    // against +1.21% (issue 16: the demo's truth and the model are being reworked).
  });

  it('the learning loop: settled CONSEIL picks feed agent_feedback and the next fit; the log says what changed and what it saw', async () => {
    // CONSEIL picks on finished matches (as they would have been made before kick-off, with the inputs of a
    // real pick), then closing lines and results
    const template = read(
      (db) => db.prepare("SELECT inputs FROM tracking_clv_picks WHERE source = 'conseil' LIMIT 1").get() as { inputs: string },
    );
    const finished = read(
      (db) =>
        db
          .prepare(
            `SELECT m.match_id, m.kickoff, o.bookmaker, o.odds FROM matches m JOIN odds_history o ON o.match_id = m.match_id AND o.selection = 'home'
              WHERE m.status = 'finished' AND o.is_closing = 0 AND o.bookmaker = 'B365' AND o.odds > 1 GROUP BY m.match_id ORDER BY m.kickoff DESC LIMIT 40`,
          )
          .all() as { match_id: number; kickoff: string; bookmaker: string; odds: number }[],
    );
    expect(finished.length).toBeGreaterThan(30);
    await runJob(
      recordPicksJob,
      {
        picks: finished.map((f) => ({
          pickId: `conseil:test:${f.match_id}`,
          matchId: f.match_id,
          market: '1x2',
          selection: 'home',
          bookmaker: f.bookmaker,
          odds: f.odds,
          stake: 10,
          pickedAt: new Date(Date.parse(f.kickoff) - 3 * 3_600_000).toISOString(),
          source: 'conseil',
          decision: {
            modelVersion: 'test',
            modelParams: {},
            weights: {},
            oddsSnapshot: [{ bookmaker: f.bookmaker, selection: 'home', odds: f.odds, observedAt: f.kickoff }],
            inputs: JSON.parse(template.inputs) as Record<string, unknown>,
          },
        })),
      },
      ctx(),
    );
    await runJob(settlePicksJob, {}, ctx());
    const entry = await runJob(conseilLearnJob, {}, ctx());
    console.log(
      `learning: v${entry.version} on ${entry.rows} rows (${entry.picks} picks), ${entry.feedback} fed back, out of sample ${JSON.stringify(entry.outOfSample)}`,
    );
    expect(entry.version).toBe(2);
    expect(entry.picks).toBeGreaterThanOrEqual(30);
    expect(entry.feedback).toBeGreaterThanOrEqual(30);
    expect(entry.changes.length).toBeGreaterThan(0);
    expect(entry.changes.every((c) => c.before !== null)).toBe(true);
    expect(entry.trainedThrough! < new Date().toISOString()).toBe(true);
    expect(entry.outOfSample).not.toBeNull();
    // judged on days neither fit saw: after the previous weights' last training row
    expect(entry.outOfSample!.from >= first.patron!.trainedThrough!).toBe(true);
    const feedback = read((db) =>
      db.prepare("SELECT agent, COUNT(*) AS n FROM agent_feedback WHERE pick_id LIKE 'conseil:test:%' GROUP BY agent").all(),
    );
    expect(feedback).toEqual(
      expect.arrayContaining([expect.objectContaining({ agent: 'value' }), expect.objectContaining({ agent: 'ferrari' })]),
    );
    // fed once: a second run feeds nothing new
    expect((await runJob(conseilLearnJob, {}, ctx())).feedback).toBe(0);
    expect(read((db) => learningLog(db, 10)).map((e) => e.version)).toEqual([3, 2, 1]);
  });

  it('monps conseil run prints the picks and exits 0; --json; no cache exits 1; bad usage is a usage error', async () => {
    const io = () => {
      const out: string[] = [];
      const err: string[] = [];
      return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } as CommandIO };
    };
    const a = io();
    expect(await conseilCommand.run(['run', '--cache', file, '--data-dir', dir, '--date', today], a.io)).toBe(0);
    expect(a.out.join('\n')).toMatch(
      new RegExp(`CONSEIL ULTIM for ${today}: \\d+ fixtures, \\d+ candidates, ${first.picks.length} picks \\(0 recorded now\\)`),
    );
    expect(a.out.join('\n')).toContain(`${first.picks[0].home} – ${first.picks[0].away}`.slice(0, 40));
    const b = io();
    expect(await conseilCommand.run(['run', '--cache', file, '--data-dir', dir, '--date', today, '--json', '--dry-run'], b.io)).toBe(0);
    expect(JSON.parse(b.out.join('')).staking.bankroll).toBe(2000); // the settings of --data-dir
    const c = io();
    expect(await conseilCommand.run(['run', '--cache', path.join(dir, 'nothing.sqlite')], c.io)).toBe(1);
    expect(c.err.join('')).toMatch(/no cache at .*nothing\.sqlite: run monps sync first/);
    await expect(conseilCommand.run(['run', '--date', 'tomorrow'], io().io)).rejects.toThrow(UsageError);
    await expect(conseilCommand.run(['decide'], io().io)).rejects.toThrow(/needs 'run' or 'learn'/);
  });
});
