import { describe, expect, it } from 'vitest';
import type { RaisedAlert } from '../../../src-shared/contract/alerts';
import type { NotificationPayload } from '../../../src-shared/contract/notifications';
import { DEFAULT_SETTINGS, type NotificationSettings } from '../../../src-shared/contract/settings';
import { EventBus } from '../../../src-main/platform/events';
import { inQuietHours, memorySeen, Notifier, wanted, type DeliveryChannel } from '../../../src-main/platform/notifier';
import { at, fakeClock, flush, gate } from '../scheduler/support';

const alert = (over: Partial<RaisedAlert> = {}): RaisedAlert => ({
  id: 'trap:101',
  kind: 'trap',
  severity: 'high',
  title: 'Inflated favourite: Arsenal',
  body: 'Home price 1.45 against a fair 1.62',
  matchId: 101,
  panel: 'ferrari',
  at: '2026-01-05T10:00:00Z',
  ...over,
});

function recorder(name: DeliveryChannel['name'], fail?: () => Error | Promise<never>) {
  const got: NotificationPayload[] = [];
  const channel: DeliveryChannel = {
    name,
    async deliver(n) {
      if (fail) {
        const r = fail();
        if (r instanceof Error) throw r;
        await r;
      }
      got.push(n);
    },
  };
  return { channel, got };
}

function setup(prefs: Partial<NotificationSettings> = {}, channels: { desktop?: DeliveryChannel; telegram?: DeliveryChannel } = {}) {
  const clock = fakeClock(at(10, 0));
  const bus = new EventBus();
  const events: [string, unknown][] = [];
  bus.onAny((name, payload) => events.push([name, payload]));
  const logs: string[] = [];
  const settings = { ...DEFAULT_SETTINGS.notifications, ...prefs };
  const desktop = recorder('desktop');
  const notifier = new Notifier({
    bus,
    prefs: () => settings,
    desktop: channels.desktop ?? desktop.channel,
    telegram: channels.telegram,
    seen: memorySeen(),
    clock,
    log: (l) => logs.push(l),
  });
  notifier.start();
  return { clock, bus, events, logs, notifier, desktop, settings };
}

describe('the notifier', () => {
  it('notifies once per alert id: an update of the same trap does not notify again', async () => {
    const t = setup();
    t.bus.emit('alert.raised', alert());
    t.bus.emit('alert.raised', alert({ title: 'Inflated favourite: Arsenal (updated)' }));
    t.bus.emit('alert.raised', alert({ id: 'trap:102', matchId: 102 }));
    await t.notifier.settled();
    expect(t.desktop.got.map((n) => [n.id, n.title])).toEqual([
      ['trap:101', 'Inflated favourite: Arsenal'],
      ['trap:102', 'Inflated favourite: Arsenal'],
    ]);
    expect(t.desktop.got[0]).toMatchObject({ matchId: 101, panel: 'ferrari', severity: 'high' });
  });

  it('follows the events asked for: traps by severity, strong steam, picks above a tier, the settlement summary', async () => {
    const p = DEFAULT_SETTINGS.notifications; // traps ≥ medium, steam on, picks ≥ high, settlement on
    expect(wanted({ kind: 'trap', severity: 'low' }, p)).toBe(false);
    expect(wanted({ kind: 'trap', severity: 'medium' }, p)).toBe(true);
    expect(wanted({ kind: 'pick', severity: 'medium' }, p)).toBe(false);
    expect(wanted({ kind: 'pick', severity: 'high' }, p)).toBe(true);
    expect(wanted({ kind: 'steam', severity: 'medium' }, { ...p, steam: false })).toBe(false);
    expect(wanted({ kind: 'settlement', severity: 'low' }, p)).toBe(true);
    expect(wanted({ kind: 'trap', severity: 'high' }, { ...p, traps: 'off' })).toBe(false);
    // a trap first seen below the threshold notifies once it is raised above it (then never again)
    const t = setup({ traps: 'high' });
    t.bus.emit('alert.raised', alert({ severity: 'medium' }));
    t.bus.emit('alert.raised', alert({ severity: 'high' }));
    t.bus.emit('alert.raised', alert({ severity: 'high' }));
    await t.notifier.settled();
    expect(t.desktop.got).toHaveLength(1);
  });

  it('holds everything inside quiet hours (spanning midnight), logging it as such', async () => {
    const q = { enabled: true, from: '23:00', to: '07:00' };
    expect([at(22, 59), at(23, 0), at(3, 0), at(6, 59), at(7, 0)].map((d) => inQuietHours(d, q))).toEqual([false, true, true, true, false]);
    expect(inQuietHours(at(12, 30), { enabled: true, from: '12:00', to: '14:00' })).toBe(true);
    expect(inQuietHours(at(3, 0), { ...q, enabled: false })).toBe(false);
    const t = setup({ quietHours: { enabled: true, from: '09:30', to: '10:30' } });
    t.bus.emit('alert.raised', alert());
    await t.notifier.settled();
    expect(t.desktop.got).toEqual([]);
    expect(t.notifier.log()).toMatchObject([
      { id: 'trap:101', status: 'quiet', channel: 'desktop', message: 'inside quiet hours (09:30–10:30)' },
    ]);
  });

  it('rate-limits: over N a minute the rest are counted and summed up in one notification when the minute is over', async () => {
    const t = setup({ maxPerMinute: 3 });
    for (let i = 1; i <= 5; i++) t.bus.emit('alert.raised', alert({ id: `trap:${i}` }));
    await t.notifier.settled();
    expect(t.desktop.got.map((n) => n.id)).toEqual(['trap:1', 'trap:2', 'trap:3']);
    expect(
      t.notifier
        .log()
        .filter((d) => d.status === 'rate-limited')
        .map((d) => d.id),
    ).toEqual(['trap:5', 'trap:4']);
    await t.clock.advance(60_000);
    await t.notifier.settled();
    expect(t.desktop.got).toHaveLength(4);
    expect(t.desktop.got[3]).toMatchObject({ title: '2 more alerts', panel: 'command-center', matchId: null });
    expect(t.desktop.got[3].body).toContain('limit of 3 a minute');
  });

  it('never blocks the raiser, and a failed delivery is logged, kept and announced — the other channel still delivers', async () => {
    const hang = gate();
    const slow = recorder('desktop', () => hang.promise as Promise<never>);
    const failing = recorder('telegram', () => new Error('Telegram refused the request (400 Bad Request: chat not found)'));
    const t = setup({ telegram: true }, { desktop: slow.channel, telegram: failing.channel });
    t.bus.emit('alert.raised', alert()); // returns while the desktop delivery hangs
    await flush();
    expect(slow.got).toEqual([]);
    const failed = t.events.filter(([n]) => n === 'notification.failed');
    expect(failed).toHaveLength(1);
    expect(failed[0][1]).toMatchObject({
      channel: 'telegram',
      status: 'failed',
      id: 'trap:101',
      message: 'Telegram refused the request (400 Bad Request: chat not found)',
    });
    expect(t.logs).toEqual([
      'notification "Inflated favourite: Arsenal" not delivered on telegram: Telegram refused the request (400 Bad Request: chat not found)',
    ]);
    hang.resolve();
    await t.notifier.settled();
    expect(slow.got).toHaveLength(1);
    expect(t.notifier.log().map((d) => `${d.channel}:${d.status}`)).toEqual(['desktop:sent', 'telegram:failed']);
  });

  it('a test notification answers what happened on the channel, without throwing', async () => {
    const failing = recorder('telegram', () => new Error('Telegram Bot API at http://127.0.0.1:1 unreachable: ECONNREFUSED'));
    const t = setup({}, { telegram: failing.channel });
    expect(await t.notifier.test('desktop')).toEqual({ delivered: true, channel: 'desktop', message: 'test message delivered (desktop)' });
    expect(await t.notifier.test('telegram')).toEqual({
      delivered: false,
      channel: 'telegram',
      message: 'Telegram Bot API at http://127.0.0.1:1 unreachable: ECONNREFUSED',
    });
  });
});
