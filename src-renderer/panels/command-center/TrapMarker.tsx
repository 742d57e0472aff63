import type { CustomCellRendererProps } from 'ag-grid-react';
import type { GridRow } from './rows';

/** ⚠ in the trap's severity colour, its kind and severity as tooltip and accessible name. The glyph is drawn
 * by CSS, so the cell's text (what the grid exports and tests read) stays the selection. */
export function TrapMarker({ row }: { row: Pick<GridRow, 'trapSeverity' | 'trapNote'> }) {
  if (!row.trapSeverity) return null;
  return (
    <span
      className={`cc-trap cc-trap--${row.trapSeverity}`}
      role="img"
      aria-label={row.trapNote}
      title={row.trapNote}
      data-trap-severity={row.trapSeverity}
    />
  );
}

/** The Sel cell: the selection, and the trap marker beside it when the price has an active trap. */
export function SelectionCell(p: CustomCellRendererProps<GridRow>) {
  return (
    <>
      <span>{p.value as string}</span>
      {p.data && <TrapMarker row={p.data} />}
    </>
  );
}
