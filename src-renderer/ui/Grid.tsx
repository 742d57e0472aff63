import { useCallback, useMemo, useRef, type ReactNode } from 'react';
import {
  AllCommunityModule,
  ModuleRegistry,
  type ColDef,
  type GetRowIdParams,
  type GridApi,
  type GridReadyEvent,
  type RowClickedEvent,
  type StateUpdatedEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { toCsv } from '../../src-shared/sheets/csv';
import { ExportMenu } from './ExportMenu';
import { saveBytes } from './download';
import { exportFileName, gridSheet } from './gridExport';
import { clearGridState, loadGridState, saveGridState } from './gridState';
import { gridTheme } from './gridTheme';
import './Grid.css';

ModuleRegistry.registerModules([AllCommunityModule]);

export interface GridProps<T> {
  /** Names the saved column state (localStorage) and the CSV file. */
  id: string;
  rows: T[];
  columns: ColDef<T>[];
  rowId: (row: T) => string;
  quickFilter?: string;
  /** Extra controls shown left of the grid's own buttons. */
  toolbar?: ReactNode;
  /** Shown in the grid when there are no rows. */
  emptyText?: string;
  onReady?(api: GridApi<T>): void;
  /** A row was clicked (e.g. to show it in detail beside the grid). */
  onRowClicked?(e: RowClickedEvent<T>): void;
}

const defaultColDef: ColDef = { sortable: true, filter: true, resizable: true, minWidth: 60 };

/** ag-grid with the desk's theme, column state kept per grid id, and an export menu (CSV, XLSX). */
export function Grid<T>({ id, rows, columns, rowId, quickFilter, toolbar, emptyText, onReady, onRowClicked }: GridProps<T>) {
  const api = useRef<GridApi<T> | null>(null);
  const initialState = useMemo(() => loadGridState(id), [id]);
  const getRowId = useCallback((p: GetRowIdParams<T>) => rowId(p.data), [rowId]);

  const ready = useCallback(
    (e: GridReadyEvent<T>) => {
      api.current = e.api;
      onReady?.(e.api);
    },
    [onReady],
  );
  const stateUpdated = useCallback(
    (e: StateUpdatedEvent<T>) => {
      if (!e.sources.includes('gridInitializing')) saveGridState(id, e.state);
    },
    [id],
  );
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const exportCsv = () => {
    if (!api.current) return;
    saveBytes(toCsv(gridSheet(api.current, id), { timeZone }), exportFileName(id, 'csv'), 'text/csv;charset=utf-8');
  };
  const exportXlsx = async () => {
    if (!api.current) return;
    const sheet = gridSheet(api.current, id);
    // exceljs (its browser build) is loaded on the first XLSX export only
    const { writeXlsx, XLSX_MIME } = await import('../../src-shared/sheets/xlsx');
    saveBytes(await writeXlsx([sheet], { timeZone, title: id }), exportFileName(id, 'xlsx'), XLSX_MIME);
  };
  const resetColumns = () => {
    clearGridState(id);
    api.current?.resetColumnState();
    api.current?.setFilterModel(null);
  };

  return (
    <div className="grid" data-grid-id={id}>
      <div className="grid__toolbar">
        {toolbar}
        <span className="grid__spacer" />
        <button type="button" className="btn btn--ghost" onClick={resetColumns} title="Forget this grid's sort, filters, widths and order">
          Reset columns
        </button>
        <ExportMenu
          items={[
            { label: 'CSV', title: 'The rows shown (filtered, sorted) as CSV', run: exportCsv },
            { label: 'Excel (XLSX)', title: 'The rows shown as an Excel sheet with typed cells', run: exportXlsx },
          ]}
        />
      </div>
      <div className="grid__body">
        <AgGridReact<T>
          theme={gridTheme}
          rowData={rows}
          columnDefs={columns}
          defaultColDef={defaultColDef as ColDef<T>}
          getRowId={getRowId}
          initialState={initialState}
          quickFilterText={quickFilter}
          onGridReady={ready}
          onStateUpdated={stateUpdated}
          onRowClicked={onRowClicked}
          overlayNoRowsTemplate={emptyText ? `<span class="grid__empty">${escapeHtml(emptyText)}</span>` : undefined}
          animateRows={false}
          tooltipShowDelay={400}
          suppressDragLeaveHidesColumns
          enableCellTextSelection
        />
      </div>
    </div>
  );
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
