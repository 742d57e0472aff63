import { useEffect, useRef } from 'react';
import { REPORT_TABLES, useReports } from './store/reports';
import './ReportsDialog.css';

/** Daily report of a date or performance report of a range, as PDF, XLSX or CSV. */
export function ReportsDialog() {
  const { open, form, running, error, hide, edit, generate } = useReports();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') hide();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, hide]);
  if (!open) return null;
  const tables = REPORT_TABLES[form.kind];
  return (
    <div className="reports-backdrop" onMouseDown={(e) => e.target === e.currentTarget && hide()}>
      <section className="reports-dialog" role="dialog" aria-modal="true" aria-labelledby="reports-title" data-testid="reports-dialog">
        <h2 id="reports-title">Reports</h2>
        <div className="segmented" role="group" aria-label="Report">
          {(['daily', 'performance'] as const).map((k, i) => (
            <button
              key={k}
              ref={i === 0 ? first : undefined}
              type="button"
              className="segmented__item"
              aria-pressed={form.kind === k}
              onClick={() => edit({ kind: k, table: 'picks' })}
            >
              {k === 'daily' ? 'Daily' : 'Performance'}
            </button>
          ))}
        </div>
        <div className="reports-dialog__fields">
          {form.kind === 'daily' ? (
            <label>
              Date
              <input type="date" value={form.date} onChange={(e) => edit({ date: e.target.value })} />
            </label>
          ) : (
            <>
              <label>
                From
                <input type="date" value={form.from} onChange={(e) => edit({ from: e.target.value })} />
              </label>
              <label>
                To
                <input type="date" value={form.to} onChange={(e) => edit({ to: e.target.value })} />
              </label>
            </>
          )}
          <label>
            Desk
            <select value={form.desk} onChange={(e) => edit({ desk: e.target.value === 'team' ? 'team' : 'mine' })}>
              <option value="mine">Mine (this desk's picks and bets)</option>
              <option value="team">Team (every desk's)</option>
            </select>
          </label>
          <label>
            Format
            <select value={form.format} onChange={(e) => edit({ format: e.target.value as typeof form.format })}>
              <option value="pdf">PDF (with charts)</option>
              <option value="xlsx">Excel (XLSX, one sheet per table)</option>
              <option value="csv">CSV (one table)</option>
            </select>
          </label>
          {form.format === 'csv' && (
            <label>
              Table
              <select value={form.table} onChange={(e) => edit({ table: e.target.value })}>
                {tables.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        {error && (
          <p className="reports-dialog__error" role="alert">
            {error}
          </p>
        )}
        <div className="reports-dialog__actions">
          <button type="button" className="btn btn--ghost" onClick={hide}>
            Cancel
          </button>
          <button type="button" className="btn btn--primary" disabled={running} onClick={() => void generate()}>
            {running ? 'Building…' : 'Build report'}
          </button>
        </div>
      </section>
    </div>
  );
}
