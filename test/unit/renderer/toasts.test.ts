import { describe, expect, it } from 'vitest';
import { arrangeToasts, hiddenSummary, MAX_SHOWN, type Toast } from '../../../src-renderer/app/store/toasts';
import { notificationNoun } from '../../../src-renderer/app/notifications';

const trap = (id: number): Toast => ({
  id,
  kind: 'info',
  title: `Trap: A${id} – B${id}`,
  message: '',
  group: { noun: 'trap', panel: 'ferrari' },
});
const titles: Record<string, string> = { ferrari: 'Ferrari Intel', picks: 'Picks du Jour' };
const title = (id: string) => titles[id] ?? id;

describe('the toasts', () => {
  it('show at most three at once: past three, the two newest and one summing up the rest', () => {
    expect(MAX_SHOWN).toBe(3);
    const three = [1, 2, 3].map(trap);
    expect(arrangeToasts(three)).toEqual({ shown: three, hidden: [] });
    const six = [1, 2, 3, 4, 5, 6].map(trap);
    const { shown, hidden } = arrangeToasts(six);
    expect(shown.map((t) => t.id)).toEqual([5, 6]);
    expect(hidden.map((t) => t.id)).toEqual([1, 2, 3, 4]);
    expect(shown.length + 1).toBe(MAX_SHOWN);
  });

  it('sum up the hidden ones by what they are about, naming the panel that lists them', () => {
    expect(hiddenSummary([1, 2, 3, 4].map(trap), title)).toEqual({ title: '4 more traps — Ferrari Intel', message: '', panel: 'ferrari' });
    expect(hiddenSummary([trap(1)], title).title).toBe('1 more trap — Ferrari Intel');
    const mixed: Toast[] = [
      trap(1),
      trap(2),
      { id: 3, kind: 'info', title: 'Gold pick: X – Y', message: '', group: { noun: 'pick', panel: 'picks' } },
      { id: 4, kind: 'error', title: 'Job sync failed', message: 'down' },
    ];
    expect(hiddenSummary(mixed, title)).toEqual({ title: '4 more notifications', message: '2 traps, 1 pick, 1 error', panel: null });
  });

  it('know a notification by its title', () => {
    expect(notificationNoun('Trap: Lyon – Nice')).toBe('trap');
    expect(notificationNoun('Steam: Lyon – Nice')).toBe('steam move');
    expect(notificationNoun('Diamond pick: Lyon – Nice, home @ 2.1 (PS)')).toBe('pick');
    expect(notificationNoun('3 picks settled')).toBe('settlement');
    expect(notificationNoun('Test notification')).toBe('notification');
  });
});
