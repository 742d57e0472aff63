import type { CustomCellRendererProps } from 'ag-grid-react';
import type { GridRow } from './rows';

/** ⚠ in the trap's severity colour, its kind and severity as tooltip and accessible name; nothing without a trap. */
export function TrapMarker(p: CustomCellRendererProps<GridRow>) {
  const sev = p.data?.trapSeverity;
  if (!sev) return null;
  return (
    <span className={`cc-trap cc-trap--${sev}`} role="img" aria-label={p.data?.trapNote} title={p.data?.trapNote} data-trap-severity={sev}>
      ⚠
    </span>
  );
}
