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
}

interface ToastState {
  toasts: Toast[];
  push(t: Omit<Toast, 'id'>): number;
  dismiss(id: number): void;
}

let nextId = 1;
const MAX_TOASTS = 5;

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
}));

/** Any failure → one readable toast; a typed contract error shows its own message and code. */
export function reportError(err: unknown, title = 'Something went wrong'): void {
  if (err instanceof ContractCallError) {
    useToasts.getState().push({ kind: 'error', title, message: err.message, code: err.code });
  } else {
    useToasts.getState().push({ kind: 'error', title, message: err instanceof Error ? err.message : String(err) });
  }
}
