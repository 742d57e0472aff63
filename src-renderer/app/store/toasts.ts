import { create } from 'zustand';
import { ContractCallError } from '../../api/client';

export interface Toast {
  id: number;
  /** alert: a high-severity notification shown in the app. */
  kind: 'error' | 'info' | 'alert';
  title: string;
  message: string;
  /** Error code of a contract error, shown small. */
  code?: string;
  /** A button on the toast (a notification's "Open"); the toast closes when it is used. */
  action?: { label: string; run(): void };
  /** What it is about, for the summary of the toasts that do not fit: a noun ("trap") and the panel
   * that lists them ("ferrari"). */
  group?: { noun: string; panel: string };
}

/** At most this many toasts at once; past it, the newest MAX_SHOWN − 1 and one that sums up the rest. */
export const MAX_SHOWN = 3;

/** Which toasts show, newest last, and which are summed up. */
export function arrangeToasts(toasts: readonly Toast[], max = MAX_SHOWN): { shown: Toast[]; hidden: Toast[] } {
  if (toasts.length <= max) return { shown: [...toasts], hidden: [] };
  const cut = toasts.length - (max - 1);
  return { shown: toasts.slice(cut), hidden: toasts.slice(0, cut) };
}

const plural = (n: number, noun: string) => (n === 1 ? noun : noun.endsWith('s') ? noun : `${noun}s`);

/** The one toast that stands for the hidden ones: "4 more traps — Ferrari Intel" when they are all of
 * one kind (its Open goes to that panel), else "5 more notifications" with what they are. */
export function hiddenSummary(
  hidden: readonly Toast[],
  panelTitle: (panelId: string) => string,
): { title: string; message: string; panel: string | null } {
  const n = hidden.length;
  const nounOf = (t: Toast) => t.group?.noun ?? (t.kind === 'error' ? 'error' : 'notification');
  const first = hidden[0]?.group;
  if (first && hidden.every((t) => t.group?.noun === first.noun && t.group.panel === first.panel))
    return { title: `${n} more ${plural(n, first.noun)} — ${panelTitle(first.panel)}`, message: '', panel: first.panel };
  const counts = new Map<string, number>();
  for (const t of hidden) counts.set(nounOf(t), (counts.get(nounOf(t)) ?? 0) + 1);
  const message = [...counts].map(([noun, k]) => `${k} ${plural(k, noun)}`).join(', ');
  return { title: `${n} more ${plural(n, 'notification')}`, message, panel: null };
}

interface ToastState {
  toasts: Toast[];
  push(t: Omit<Toast, 'id'>): number;
  dismiss(id: number): void;
  dismissMany(ids: readonly number[]): void;
}

let nextId = 1;
/** Kept (shown or summed up); older ones are dropped. */
const MAX_TOASTS = 50;

export const useToasts = create<ToastState>()((set) => ({
  toasts: [],
  push(t) {
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts, { ...t, id }].slice(-MAX_TOASTS) }));
    return id;
  },
  dismiss(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
  dismissMany(ids) {
    const gone = new Set(ids);
    set((s) => ({ toasts: s.toasts.filter((t) => !gone.has(t.id)) }));
  },
}));

/** Any failure → one readable toast; a typed contract error shows its own message and code. */
export function reportError(err: unknown, title = 'Something went wrong'): void {
  if (err instanceof ContractCallError) {
    useToasts.getState().push({ kind: 'error', title, message: err.message, code: err.code });
  } else {
    useToasts.getState().push({ kind: 'error', title, message: err instanceof Error ? err.message : String(err) });
  }
}
