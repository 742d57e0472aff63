import { describe, expect, it } from 'vitest';
import { pickAlerts } from '../../../src-main/features/conseil';
import type { ConseilPick, ConseilRun } from '../../../src-shared/contract/conseil';

const at = '2026-11-29T10:00:00.000Z';
const pick = (over: Partial<ConseilPick>): ConseilPick => ({
  pickId: 'p1',
  matchId: 7,
  league: 'L',
  kickoff: '2026-11-29T15:00:00.000Z',
  home: 'Ashby',
  away: 'Brill',
  market: '1x2',
  line: null,
  selection: 'away',
  bookmaker: 'B365',
  odds: 3.5,
  quotedOdds: 3.5,
  commission: 0,
  fairOdds: 3.1,
  modelProb: null,
  outcomeProbs: null,
  edge: 0.12,
  stake: 20,
  confidence: 0.8,
  score: 80,
  tier: 'diamond',
  expectedClv: 0.05,
  contributions: [],
  reasons: ['PATRON 80 (diamond): expected CLV +5.00%'],
  warnings: [],
  traps: [],
  scorers: [],
  pickedAt: at,
  placed: [],
  status: 'open',
  clv: null,
  ...over,
});

describe('alerts of new CONSEIL picks', () => {
  it('one per pick recorded by this run, severity by tier, the AH side with its own handicap, opening Picks du Jour', () => {
    const run = {
      asOf: at,
      picks: [
        pick({}),
        pick({ pickId: 'p2', tier: 'gold', market: 'spreads', line: -0.25, selection: 'away' }),
        pick({ pickId: 'old', pickedAt: '2026-11-29T08:00:00.000Z' }), // recorded by an earlier run
      ],
    } as ConseilRun;
    const alerts = pickAlerts(run);
    expect(alerts.map((a) => [a.id, a.severity])).toEqual([
      ['pick:p1', 'high'],
      ['pick:p2', 'medium'],
    ]);
    expect(alerts[0]).toMatchObject({ kind: 'pick', matchId: 7, panel: 'picks', title: 'Diamond pick: Ashby – Brill, away @ 3.5 (B365)' });
    expect(alerts[1].title).toBe('Gold pick: Ashby – Brill, away +0.25 @ 3.5 (B365)');
    expect(alerts[0].body).toBe('PATRON 80 (diamond): expected CLV +5.00%; stake 20.00');
  });
});
