// Goalscorer odds of the demo world: the truth is the world's own goal process (checked against the
// rate model of src-shared/quant/scorers.ts and against the goals the world actually played), books
// price the likely scorers with a bigger margin than 1X2 and a favourite-longshot bias, toward the
// truth by kick-off, and a few planted mispriced scorers stand out.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '../../../src-main/ingest/demo/world';
import {
  matchScorerQuotes,
  perGoalShare,
  pricedPlayers,
  scorerBooks,
  scorerTruth,
  type ScorerDetails,
} from '../../../src-main/ingest/demo/scorers';
import { plantsByMatch } from '../../../src-main/ingest/demo/release';
import { scorerProbabilities } from '../../../src-shared/quant/scorers';
import { MAX_ODDS } from '../../../src-main/sync/quarantine';
import type { DemoScorerQuote, DemoWorld, ScorerTruth } from '../../../src-main/ingest/demo/types';

const ANCHOR = '2026-11-25';
let world: DemoWorld;
let quotes: DemoScorerQuote[];
const truth = new Map<string, ScorerTruth>();
const key = (matchId: number, playerId: number) => `${matchId}|${playerId}`;

const scorerHash = (w: DemoWorld) => {
  const h = createHash('sha256');
  const plants = plantsByMatch(w);
  for (const m of w.matches)
    for (const q of matchScorerQuotes(w, m, plants.get(m.id) ?? []))
      h.update(`${q.matchId},${q.playerId},${q.bookmaker},${q.market},${q.odds},${q.observedAt},${q.isClosing}\n`);
  return h.digest('hex');
};

beforeAll(() => {
  world = generateWorld({ seed: 1, anchor: ANCHOR });
  const plants = plantsByMatch(world);
  quotes = world.matches.flatMap((m) => matchScorerQuotes(world, m, plants.get(m.id) ?? []));
  for (const m of world.matches.filter((x) => x.tier === 'upcoming'))
    for (const t of scorerTruth(world, m)) truth.set(key(m.id, t.playerId), t);
}, 180_000);

describe('demo scorers: the truth', () => {
  it("is the rate model of src-shared/quant/scorers.ts (a Poisson team rate times the player's share) within 0.01", () => {
    let worst = { anytime: 0, first: 0 };
    const players = new Map(world.players.map((p) => [p.id, p]));
    for (const m of world.matches.filter((x) => x.tier === 'upcoming')) {
      for (const t of scorerTruth(world, m)) {
        const home = t.teamId === m.homeId;
        const rate = scorerProbabilities({
          teamExpectedGoals: home ? m.lambda : m.mu,
          opponentExpectedGoals: home ? m.mu : m.lambda,
          share: perGoalShare(players.get(t.playerId) as NonNullable<ReturnType<typeof players.get>>),
          minutes: 90,
        });
        worst = {
          anytime: Math.max(worst.anytime, Math.abs(rate.anytime - t.anytime)),
          first: Math.max(worst.first, Math.abs(rate.first - t.first)),
        };
        expect(t.anytime).toBeGreaterThan(t.first);
      }
    }
    console.log(`scorer truth vs the rate model: max |Δ| anytime ${worst.anytime.toFixed(4)}, first ${worst.first.toFixed(4)}`);
    expect(worst.anytime).toBeLessThan(0.01);
    expect(worst.first).toBeLessThan(0.01);
  });

  it('matches the goals the world played (every past match: expected vs actual scorers, z-score)', () => {
    const byMatch = new Map<number, typeof world.events>();
    for (const e of world.events) (byMatch.get(e.matchId) ?? byMatch.set(e.matchId, []).get(e.matchId))?.push(e);
    const acc = { anytime: { exp: 0, v: 0, got: 0 }, first: { exp: 0, v: 0, got: 0 } };
    for (const m of world.matches.filter((x) => x.result)) {
      const goals = [...(byMatch.get(m.id) ?? [])].sort((a, b) => a.minute - b.minute || a.id - b.id);
      const scored = new Set(goals.filter((g) => !g.isOwnGoal).map((g) => g.playerId));
      const first = goals[0] && !goals[0].isOwnGoal ? goals[0].playerId : null;
      for (const t of scorerTruth(world, m)) {
        acc.anytime.exp += t.anytime;
        acc.anytime.v += t.anytime * (1 - t.anytime);
        acc.anytime.got += Number(scored.has(t.playerId));
        acc.first.exp += t.first;
        acc.first.v += t.first * (1 - t.first);
        acc.first.got += Number(first === t.playerId);
      }
    }
    for (const [k, a] of Object.entries(acc)) {
      const z = (a.got - a.exp) / Math.sqrt(a.v);
      console.log(`${k}: expected ${a.exp.toFixed(0)}, played ${a.got}, z ${z.toFixed(2)}`);
      expect(Math.abs(z), k).toBeLessThan(4);
    }
  });
});

describe('demo scorers: the prices', () => {
  it('several books price the likely scorers of every coming-week match, anytime and first, up to a closing quote', () => {
    const upcoming = world.matches.filter((m) => m.tier === 'upcoming');
    expect(quotes.length).toBeGreaterThan(30_000);
    expect(quotes.every((q) => upcoming.some((m) => m.id === q.matchId))).toBe(true);
    const anytime = new Set(scorerBooks(world, 'anytime'));
    const first = new Set(scorerBooks(world, 'first'));
    expect(anytime.size).toBeGreaterThanOrEqual(4);
    expect(first.size).toBeGreaterThanOrEqual(3);
    const bad = quotes.filter(
      (q) =>
        !(q.odds > 1 && q.odds <= MAX_ODDS) ||
        !truth.has(key(q.matchId, q.playerId)) ||
        !(q.market === 'anytime' ? anytime : first).has(q.bookmaker),
    );
    expect(bad).toEqual([]);
    for (const m of upcoming) {
      const players = pricedPlayers(world, m);
      expect(players.length).toBeGreaterThanOrEqual(10);
      expect(players.every((p) => p.position !== 'GK' && p.expectedMinutes >= 45)).toBe(true);
      const closing = quotes.filter((q) => q.matchId === m.id && q.isClosing);
      expect(closing.every((q) => q.observedAt === m.kickoff)).toBe(true);
      expect(closing.length).toBe(players.length * (anytime.size + first.size));
    }
  });

  it('carry a larger margin than 1X2, more on longshots, and converge toward the truth by kick-off', () => {
    const ratio = (q: DemoScorerQuote) => {
      const t = truth.get(key(q.matchId, q.playerId)) as ScorerTruth;
      return 1 / q.odds / (q.market === 'anytime' ? t.anytime : t.first);
    };
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    const planted = new Set(world.plants.filter((p) => p.kind === 'scorer_value').map((p) => p.matchId));
    const ordinary = quotes.filter((q) => !planted.has(q.matchId));
    for (const market of ['anytime', 'first'] as const) {
      const qs = ordinary.filter((q) => q.market === market && q.isClosing);
      const pOf = (q: DemoScorerQuote) => (truth.get(key(q.matchId, q.playerId)) as ScorerTruth)[market];
      const sorted = [...qs].sort((a, b) => pOf(a) - pOf(b));
      const longshots = sorted.slice(0, sorted.length >> 2).map(ratio);
      const favourites = sorted.slice(-(sorted.length >> 2)).map(ratio);
      console.log(
        `${market}: implied / true at the close, favourites ${mean(favourites).toFixed(3)}, longshots ${mean(longshots).toFixed(3)}`,
      );
      expect(mean(qs.map(ratio))).toBeGreaterThan(market === 'anytime' ? 1.12 : 1.2);
      expect(mean(longshots)).toBeGreaterThan(mean(favourites) + 0.05);
      // the error of a price around its book's margin: smaller at the close than at the opening
      const firstOf = new Map<string, DemoScorerQuote>();
      for (const q of ordinary)
        if (q.market === market && !firstOf.has(`${q.matchId}|${q.playerId}|${q.bookmaker}`))
          firstOf.set(`${q.matchId}|${q.playerId}|${q.bookmaker}`, q);
      const err = (xs: DemoScorerQuote[]) => {
        const l = xs.map((q) => Math.log(ratio(q)));
        const mu = mean(l);
        return Math.sqrt(mean(l.map((x) => (x - mu) ** 2)));
      };
      expect(err(qs)).toBeLessThan(err([...firstOf.values()]));
    }
  });

  it('plants a few mispriced scorers: one book well above the true fair odds for a while; no ordinary price comes near', () => {
    const plants = world.plants.filter((p) => p.kind === 'scorer_value');
    expect(plants.length).toBe(8);
    for (const p of plants) {
      const d = p.details as unknown as ScorerDetails;
      const t = truth.get(key(p.matchId, d.player_id)) as ScorerTruth;
      expect(d.true_probability).toBeCloseTo(p.market === 'anytime' ? t.anytime : t.first, 12);
      expect(p.selection).toBe(String(d.player_id));
      expect(d.odds / d.fair_odds).toBeGreaterThanOrEqual(1.5);
      const series = quotes.filter(
        (q) => q.matchId === p.matchId && q.playerId === d.player_id && q.bookmaker === p.bookmaker && q.market === p.market,
      );
      const at = series.find((q) => q.observedAt === d.start_at);
      expect(at?.odds, p.plantId).toBe(d.odds);
      const after = series.find((q) => q.observedAt >= d.end_at);
      expect(after && after.odds / d.fair_odds).toBeLessThan(1.3);
      expect(d.end_at).toBeLessThanOrEqual(world.anchor);
    }
    const plantedKey = new Set(plants.map((p) => `${p.matchId}|${p.bookmaker}|${p.market}|${p.selection}`));
    let worst = 0;
    for (const q of quotes) {
      if (plantedKey.has(`${q.matchId}|${q.bookmaker}|${q.market}|${q.playerId}`)) continue;
      const t = truth.get(key(q.matchId, q.playerId)) as ScorerTruth;
      worst = Math.max(worst, q.odds * (q.market === 'anytime' ? t.anytime : t.first));
    }
    console.log(`ordinary scorer prices: max odds / true fair odds ${worst.toFixed(3)} (planted ≥ 1.5)`);
    expect(worst).toBeLessThan(1.35);
  });

  it('are deterministic: same seed and anchor, same prices; another seed, others', () => {
    const h = scorerHash(world);
    expect(scorerHash(generateWorld({ seed: 1, anchor: ANCHOR }))).toBe(h);
    expect(scorerHash(generateWorld({ seed: 2, anchor: ANCHOR }))).not.toBe(h);
  }, 120_000);
});
