import type { GridState } from 'ag-grid-community';

/** Column state a user shapes (sort, filter, widths, order, hidden, pinned) is kept per grid id;
 * selection, scroll and focus are not worth restoring. */
const KEPT: (keyof GridState)[] = ['columnOrder', 'columnSizing', 'columnVisibility', 'columnPinning', 'sort', 'filter'];

export const gridStateKey = (gridId: string): string => `monps.grid.${gridId}`;

export function loadGridState(gridId: string, storage: Storage = localStorage): GridState | undefined {
  try {
    const raw = storage.getItem(gridStateKey(gridId));
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as GridState) : undefined;
  } catch {
    return undefined; // a broken entry is ignored; the next change overwrites it
  }
}

export function saveGridState(gridId: string, state: GridState, storage: Storage = localStorage): void {
  const kept: GridState = {};
  for (const k of KEPT) if (state[k] !== undefined) (kept as Record<string, unknown>)[k] = state[k];
  try {
    storage.setItem(gridStateKey(gridId), JSON.stringify(kept));
  } catch {
    // storage full or disabled: the grid still works, it just forgets
  }
}

export function clearGridState(gridId: string, storage: Storage = localStorage): void {
  storage.removeItem(gridStateKey(gridId));
}
