import { create } from 'zustand';
import type { Preview } from '../../../src-shared/contract/analysis';
import type { Trap } from '../../../src-shared/contract/intel';
import type { BoardMatch } from '../../../src-shared/contract/market';
import { call } from '../../api/client';
import { loadInto } from '../../app/store/load';

interface DeepAnalysisState {
  matches: BoardMatch[] | null;
  matchesError: string | null;
  matchId: number | null;
  preview: Preview | null;
  loading: boolean;
  error: string | null;
  /** The open match's FERRARI traps (active and expired), read beside the preview. */
  traps: Trap[] | null;
  trapsError: string | null;
  loadMatches(): Promise<void>;
  open(matchId: number): Promise<void>;
  loadTraps(): Promise<void>;
}

export const useDeepAnalysis = create<DeepAnalysisState>()((set, get) => ({
  matches: null,
  matchesError: null,
  matchId: null,
  preview: null,
  loading: false,
  error: null,
  traps: null,
  trapsError: null,
  async loadMatches() {
    await loadInto(set, async () => ({ matches: await call('analysis.matches', {}) }), { error: 'matchesError' });
  },
  async open(matchId) {
    set({ matchId, error: null, traps: null });
    await Promise.all([
      loadInto(set, async () => ({ preview: await call('analysis.preview', { matchId }) }), {
        loading: 'loading',
        error: 'error',
        isCurrent: () => get().matchId === matchId,
      }),
      get().loadTraps(),
    ]);
  },
  async loadTraps() {
    const matchId = get().matchId;
    if (matchId === null) return;
    await loadInto(set, async () => ({ traps: await call('ferrari.matchTraps', { matchId }) }), {
      error: 'trapsError',
      isCurrent: () => get().matchId === matchId,
      onError: { traps: null },
    });
  },
}));

/** Case-insensitive match on teams and league; every word must appear. */
export function filterMatches(matches: readonly BoardMatch[], query: string, limit = 12): BoardMatch[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const out: BoardMatch[] = [];
  for (const m of matches) {
    const hay = `${m.home} – ${m.away} ${m.leagueName} ${m.league}`.toLowerCase();
    if (words.every((w) => hay.includes(w))) out.push(m);
    if (out.length >= limit) break;
  }
  return out;
}
