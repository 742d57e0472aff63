import { useEffect } from 'react';
import { useToasts, type Toast } from './store/toasts';
import './Toasts.css';

const AUTO_DISMISS_MS = 12_000;

/** Errors and in-app notifications as toasts, top right; each closes by its button or after a while. */
export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  return (
    <div className="toasts" aria-live="assertive">
      {toasts.map((t) => (
        <ToastView key={t.id} toast={t} />
      ))}
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
        <strong>{toast.title}</strong>
        {toast.code && <span className="toast__code">{toast.code}</span>}
        <button type="button" className="toast__close" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
          ×
        </button>
      </div>
      {toast.message && <p className="toast__message">{toast.message}</p>}
      {toast.action && (
        <button
          type="button"
          className="btn toast__action"
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
