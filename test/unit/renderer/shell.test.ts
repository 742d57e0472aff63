import { describe, expect, it } from 'vitest';
import { oddsTick } from '../../../src-renderer/ui/format';
import { clearGridState, gridStateKey, loadGridState, saveGridState } from '../../../src-renderer/ui/gridState';
import { isInAppHref, isLocalDownload } from '../../../src-renderer/app/linkGuard';
import { panelShortcut } from '../../../src-renderer/app/Nav';
import { categoryChartOption, needsLogScale } from '../../../src-renderer/panels/inventory/chart';
import { panelById, panels } from '../../../src-renderer/app/panels';
import { defaultPanel, PANEL_IDS } from '../../../src-renderer/app/panel-ids';

class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  clear() {
    this.m.clear();
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
}

describe('panel registry and shortcuts', () => {
  it('lists the six panels of SPEC 7 in order, then Data inventory and Settings', () => {
    expect(panels.map((p) => p.title)).toEqual([
      'Command Center',
      'Picks du Jour',
      'Performance',
      'Deep Analysis',
      'Ferrari Intel',
      'Historique',
      'Data inventory',
      'Settings',
    ]);
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    // the navigation store's ids (app/panel-ids.ts) are the registry's, in the same order
    expect(panels.map((p) => p.id)).toEqual([...PANEL_IDS]);
    expect(panelById(defaultPanel)).toBeDefined();
  });

  it('Alt+N and Ctrl+N (digit row or keypad) give panel N, nothing else does', () => {
    const k = (code: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>>) =>
      panelShortcut({ code, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });
    expect(k('Digit1', { altKey: true })).toBe(1);
    expect(k('Digit8', { ctrlKey: true })).toBe(8);
    expect(k('Numpad7', { altKey: true })).toBe(7);
    expect(k('Digit9', { altKey: true })).toBeNull();
    expect(k('Digit0', { altKey: true })).toBeNull();
    expect(k('Digit3', {})).toBeNull();
    expect(k('Digit3', { altKey: true, shiftKey: true })).toBeNull();
    expect(k('Digit3', { ctrlKey: true, metaKey: true })).toBeNull();
  });
});

describe('grid column state per grid id', () => {
  it('keeps sort, filter, widths, order, visibility and pinning; drops scroll, selection and focus', () => {
    const s = new MemoryStorage();
    saveGridState(
      'inventory',
      {
        sort: { sortModel: [{ colId: 'rows', sort: 'desc' }] },
        columnOrder: { orderedColIds: ['name', 'rows'] },
        columnSizing: { columnSizingModel: [{ colId: 'name', width: 300 }] },
        filter: { filterModel: { store: { filterType: 'text', type: 'equals', filter: 'cache' } } },
        scroll: { top: 400, left: 0 },
        rowSelection: ['a'],
        focusedCell: { colId: 'name', rowIndex: 3, rowPinned: null },
      },
      s,
    );
    const back = loadGridState('inventory', s)!;
    expect(Object.keys(back).sort()).toEqual(['columnOrder', 'columnSizing', 'filter', 'sort']);
    expect(back.sort?.sortModel[0]).toEqual({ colId: 'rows', sort: 'desc' });
    expect(loadGridState('other-grid', s)).toBeUndefined();
    s.setItem(gridStateKey('broken'), '{not json');
    expect(loadGridState('broken', s)).toBeUndefined();
    clearGridState('inventory', s);
    expect(loadGridState('inventory', s)).toBeUndefined();
  });
});

describe('link guard', () => {
  const here = (href: string) => new URL(href) as unknown as Location;
  it('keeps in-page anchors in the app and sends everything else out', () => {
    const web = here('http://127.0.0.1:5780/');
    expect(isInAppHref('#settings', web)).toBe(true);
    expect(isInAppHref('http://127.0.0.1:5780/#inventory', web)).toBe(true);
    expect(isInAppHref('/other/page', web)).toBe(false);
    expect(isInAppHref('https://example.com/', web)).toBe(false);
    expect(isInAppHref('http://127.0.0.1:5781/', web)).toBe(false);
    expect(isInAppHref('javascript:alert(1)', web)).toBe(false);
    const desktop = here('file:///opt/monps/out/renderer/index.html');
    expect(isInAppHref('#inventory', desktop)).toBe(true);
    expect(isInAppHref('file:///etc/passwd', desktop)).toBe(false);
    expect(isInAppHref('https://example.com/', desktop)).toBe(false);
  });

  it('lets a download the page made save (blob:/data: with a download attribute), nothing else', () => {
    const a = (attrs: Record<string, string>) => ({
      hasAttribute: (k: string) => k in attrs,
      getAttribute: (k: string) => attrs[k] ?? null,
    });
    expect(isLocalDownload(a({ download: 'x.csv', href: 'blob:http://127.0.0.1:5780/0f9e' }))).toBe(true);
    expect(isLocalDownload(a({ download: 'x.csv', href: 'data:text/csv,a,b' }))).toBe(true);
    expect(isLocalDownload(a({ href: 'blob:http://127.0.0.1:5780/0f9e' }))).toBe(false);
    expect(isLocalDownload(a({ download: 'x.csv', href: 'https://example.com/x.csv' }))).toBe(false);
    expect(isLocalDownload(a({ download: 'x', href: 'file:///etc/passwd' }))).toBe(false);
  });
});

describe('rows-per-category chart', () => {
  it('switches to a log axis when bars span three orders of magnitude, leaving zeros blank', () => {
    expect(needsLogScale([0, 5, 20])).toBe(false);
    expect(needsLogScale([3, 50_000])).toBe(true);
    expect(needsLogScale([0, 0, 7])).toBe(false);
    const opt = categoryChartOption([
      { category: 'ODDS', sourceRows: 250_000, cacheRows: 90_000 },
      { category: 'FERRARI', sourceRows: 0, cacheRows: 12 },
    ]) as { xAxis: { type: string }; yAxis: { data: string[] }; series: { data: (number | null)[] }[] };
    expect(opt.xAxis.type).toBe('log');
    expect(opt.yAxis.data).toEqual(['FERRARI', 'ODDS']); // first category on top
    expect(opt.series[0].data).toEqual([null, 250_000]);
    expect(opt.series[1].data).toEqual([12, 90_000]);
    const linear = categoryChartOption([{ category: 'ODDS', sourceRows: 0, cacheRows: 4 }]) as {
      xAxis: { type: string };
      series: { data: (number | null)[] }[];
    };
    expect(linear.xAxis.type).toBe('value');
    expect(linear.series[0].data).toEqual([0]);
  });
});

describe('odds axis ticks (one formatter for the Command Center moves chart and the FERRARI trap chart)', () => {
  it('three decimals under 2.00 without a trailing 0, two above', () => {
    expect([1.85, 1.875, 1.9, 2, 2.125, 10.5].map(oddsTick)).toEqual(['1.85', '1.875', '1.90', '2.00', '2.13', '10.50']);
  });
});
