import { create } from 'zustand';

/** The match a notification's click asked to open: the panel it opened (Ferrari Intel for traps and
 * steam) reads it and shows that match. */
export const useFocusMatch = create<{ matchId: number | null; at: number }>()(() => ({ matchId: null, at: 0 }));
