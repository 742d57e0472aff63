import { create } from 'zustand';
import type { Preview } from '../../../src-shared/contract/analysis';
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
  loadMatches(): Promise<void>;
  open(matchId: number): Promise<void>;
}

export const useDeepAnalysis = create<DeepAnalysisState>()((set, get) => ({
  matches: null,
  matchesError: null,
  matchId: null,
  preview: null,
  loading: false,
  error: null,
  async loadMatches() {
    await loadInto(set, async () => ({ matches: await call('analysis.matches', {}) }), { error: 'matchesError' });
  },
  async open(matchId) {
    set({ matchId, error: null });
    await loadInto(set, async () => ({ preview: await call('analysis.preview', { matchId }) }), {
      loading: 'loading',
      error: 'error',
      isCurrent: () => get().matchId === matchId,
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
