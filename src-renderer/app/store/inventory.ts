import { create } from 'zustand';
import type { Inventory } from '../../../src-shared/contract/inventory';
import { call } from '../../api/client';
import { loadInto } from './load';

interface InventoryState {
  data: Inventory | null;
  loading: boolean;
  /** Message of the last failed load (the panel shows it in place of data it cannot have). */
  error: string | null;
  /** The first load (no-op when data is there or coming). */
  load(): Promise<void>;
  refresh(): Promise<void>;
}

/** The data inventory: one `inventory.get` (a worker job; progress arrives as job events). */
export const useInventory = create<InventoryState>()((set, get) => ({
  data: null,
  loading: false,
  error: null,
  async load() {
    if (!get().data) await get().refresh();
  },
  async refresh() {
    if (get().loading) return;
    await loadInto(set, async () => ({ data: await call('inventory.get', {}) }), {
      loading: 'loading',
      error: 'error',
      toast: 'Inventory failed',
    });
  },
}));
