import { create } from 'zustand';
import type { Preview } from '../../../src-shared/contract/analysis';
import type { BoardMatch } from '../../../src-shared/contract/market';
import { call } from '../../api/client';

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

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export const useDeepAnalysis = create<DeepAnalysisState>()((set, get) => ({
  matches: null,
  matchesError: null,
  matchId: null,
  preview: null,
  loading: false,
  error: null,
  async loadMatches() {
    try {
      set({ matches: await call('analysis.matches', {}), matchesError: null });
    } catch (e) {
      set({ matchesError: message(e) });
    }
  },
  async open(matchId) {
    set({ matchId, loading: true, error: null });
    try {
      const preview = await call('analysis.preview', { matchId });
      if (get().matchId === matchId) set({ preview, loading: false });
    } catch (e) {
      if (get().matchId === matchId) set({ loading: false, error: message(e) });
    }
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
