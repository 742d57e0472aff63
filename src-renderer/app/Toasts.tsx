import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { arrangeToasts, hiddenSummary, useToasts, type Toast } from './store/toasts';
import { useNav } from './store/nav';
import { panels } from './panels';
import './Toasts.css';

const AUTO_DISMISS_MS = 12_000;
const panelTitle = (id: string) => panels.find((p) => p.id === id)?.title ?? id;
/** What the toasts never cover (Command Center's moves chart): elements marked data-toast-avoid. */
const AVOID = '[data-toast-avoid]';
const GAP = 8;

/** Errors and in-app notifications as compact toasts, bottom right: at most three, the rest summed up
 * in one; each closes by its button or after a while. The stack stops below an area marked
 * data-toast-avoid that it would otherwise cover. */
export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  const { shown, hidden } = arrangeToasts(toasts);
  const maxHeight = useAvoidance(toasts.length);
  return (
    <div className="toasts" aria-live="assertive" style={maxHeight === null ? undefined : { maxHeight }} data-testid="toasts">
      {hidden.length > 0 && <SummaryToast hidden={hidden} />}
      {shown.map((t) => (
        <ToastView key={t.id} toast={t} />
      ))}
    </div>
  );
}

/** The stack's height limit that keeps it below the avoided area when they share columns (null: none). */
function useAvoidance(count: number): number | null {
  const [limit, setLimit] = useState<number | null>(null);
  const measure = useRef<() => void>(() => {});
  measure.current = () => {
    const stack = document.querySelector<HTMLElement>('.toasts');
    const avoid = [...document.querySelectorAll<HTMLElement>(AVOID)].map((e) => e.getBoundingClientRect());
    if (!stack) return setLimit(null);
    const box = stack.getBoundingClientRect();
    const bottom = window.innerHeight - parseFloat(getComputedStyle(stack).bottom || '0');
    const over = avoid.filter((r) => r.width > 0 && r.left < box.right && r.right > box.left);
    setLimit(over.length ? Math.max(0, bottom - Math.max(...over.map((r) => r.bottom)) - GAP) : null);
  };
  useLayoutEffect(() => measure.current(), [count]);
  useEffect(() => {
    const on = () => measure.current();
    window.addEventListener('resize', on);
    // panels come and go (the chart appears when Command Center opens): measure again on navigation
    const stop = useNav.subscribe(() => requestAnimationFrame(on));
    return () => {
      window.removeEventListener('resize', on);
      stop();
    };
  }, []);
  return limit;
}

function SummaryToast({ hidden }: { hidden: Toast[] }) {
  const dismissMany = useToasts((s) => s.dismissMany);
  const s = hiddenSummary(hidden, panelTitle);
  const ids = hidden.map((t) => t.id);
  return (
    <div className="toast toast--summary" role="status" data-testid="toast-summary">
      <div className="toast__head">
        <strong className="toast__title">{s.title}</strong>
        {s.panel && (
          <button
            type="button"
            className="toast__link"
            onClick={() => {
              useNav.getState().go(s.panel as string);
              dismissMany(ids);
            }}
          >
            Open
          </button>
        )}
        <button type="button" className="toast__close" aria-label="Dismiss these" onClick={() => dismissMany(ids)}>
          ×
        </button>
      </div>
      {s.message && <p className="toast__message">{s.message}</p>}
    </div>
  );
}

function ToastView({ toast }: { toast: Toast }) {
  const dismiss = useToasts((s) => s.dismiss);
  useEffect(() => {
    const timer = setTimeout(() => dismiss(toast.id), AUTO_DISMISS_MS);
    return () => clearTimeout(timer);
  }, [toast.id, dismiss]);
  return (
    <div className={`toast toast--${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
      <div className="toast__head">
        <strong className="toast__title" title={toast.title}>
          {toast.title}
        </strong>
        {toast.code && <span className="toast__code">{toast.code}</span>}
        <button type="button" className="toast__close" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
          ×
        </button>
      </div>
      {toast.message && (
        <p className="toast__message" title={toast.message}>
          {toast.message}
        </p>
      )}
      {toast.action && (
        <button
          type="button"
          className="toast__link toast__action"
          onClick={() => {
            toast.action?.run();
            dismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      )}
    </div>
  );
}
