import { useEffect, useId, useRef, useState } from 'react';
import { reportError } from '../app/store/toasts';
import './ExportMenu.css';

export interface ExportItem {
  label: string;
  title?: string;
  run(): void | Promise<void>;
}

/** A button that opens a small menu of exports (CSV, XLSX, a report…); Escape or a click elsewhere closes it. */
export function ExportMenu({ items, label = 'Export' }: { items: ExportItem[]; label?: string }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  const choose = async (item: ExportItem) => {
    setOpen(false);
    setBusy(true);
    try {
      await item.run();
    } catch (err) {
      reportError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="export-menu" ref={root}>
      <button
        type="button"
        className="btn btn--ghost"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={busy}
        onClick={() => setOpen((o) => !o)}
      >
        {busy ? 'Exporting…' : `${label} ▾`}
      </button>
      {open && (
        <div className="export-menu__list" role="menu" id={menuId}>
          {items.map((it) => (
            <button
              key={it.label}
              type="button"
              role="menuitem"
              className="export-menu__item"
              title={it.title}
              onClick={() => void choose(it)}
            >
              {it.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
