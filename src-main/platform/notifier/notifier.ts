import type { RaisedAlert } from '../../../src-shared/contract/alerts';
import type { Delivery, NotificationChannel, NotificationPayload } from '../../../src-shared/contract/notifications';
import type { NotificationSettings } from '../../../src-shared/contract/settings';
import type { EventBus } from '../events';
import { systemClock, type Clock } from '../scheduler/types';
import { inQuietHours, RateLimiter, wanted } from './rules';
import type { SeenStore } from './seen';

/** One way out: the desktop (Electron's notification, or the browsers of the headless mode) or Telegram.
 * `deliver` resolves once delivered and rejects with a message that says why not. */
export interface DeliveryChannel {
  readonly name: NotificationChannel;
  deliver(n: NotificationPayload, kind: string): Promise<void>;
}

export interface NotifierOptions {
  bus: EventBus;
  prefs: () => NotificationSettings;
  desktop?: DeliveryChannel;
  telegram?: DeliveryChannel;
  seen: SeenStore;
  clock?: Clock;
  log?: (line: string) => void;
}

const LOG_SIZE = 500;

/** Hears `alert.raised` and decides: wanted by the analyst's rules, once per alert id (updates do not
 * re-notify), not inside quiet hours, within the rate limit (the excess is summed up in one
 * notification when the minute is over) — then delivers on each enabled channel. Delivery never
 * blocks whoever raised the alert, and a failure is logged, kept in the delivery log and announced
 * (`notification.failed`), never dropped silently. */
export class Notifier {
  private readonly limiter = new RateLimiter();
  private readonly deliveries: Delivery[] = [];
  private readonly clock: Clock;
  private held = 0;
  private summaryTimer: unknown = null;
  private unsubscribe: (() => void) | null = null;
  private readonly inflight = new Set<Promise<void>>();

  constructor(private readonly opts: NotifierOptions) {
    this.clock = opts.clock ?? systemClock;
  }

  start(): void {
    this.unsubscribe ??= this.opts.bus.onAny((name, payload) => {
      if (name === 'alert.raised') this.handle(payload as RaisedAlert);
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.summaryTimer !== null) this.clock.clearTimeout(this.summaryTimer);
  }

  /** Newest first. */
  log(limit = 50): Delivery[] {
    return this.deliveries.slice(0, limit);
  }

  /** Resolves when every delivery started so far has ended (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.inflight.size) await Promise.all([...this.inflight]);
  }

  handle(alert: RaisedAlert): void {
    const prefs = this.opts.prefs();
    if (this.opts.seen.has(alert.id) || !wanted(alert, prefs)) return;
    this.opts.seen.add(alert.id, this.clock.now());
    const n: NotificationPayload = {
      id: alert.id,
      title: alert.title,
      body: alert.body,
      severity: alert.severity,
      matchId: alert.matchId,
      panel: alert.panel,
    };
    const channels = this.channels(prefs);
    if (!channels.length) return;
    const now = this.clock.now();
    if (inQuietHours(new Date(now), prefs.quietHours)) {
      for (const c of channels) this.record(n, c.name, 'quiet', `inside quiet hours (${prefs.quietHours.from}–${prefs.quietHours.to})`);
      return;
    }
    if (!this.limiter.take(now, prefs.maxPerMinute)) {
      this.held++;
      for (const c of channels) this.record(n, c.name, 'rate-limited', `over ${prefs.maxPerMinute} a minute: counted in the next summary`);
      this.armSummary();
      return;
    }
    for (const c of channels) this.send(c, n, alert.kind);
  }

  /** A test notification on one channel, awaited: resolves with what happened, never throws. */
  async test(channel: 'desktop' | 'telegram'): Promise<{ delivered: boolean; channel: NotificationChannel; message: string }> {
    const c = channel === 'telegram' ? this.opts.telegram : this.opts.desktop;
    if (!c) return { delivered: false, channel, message: `no ${channel} channel in this mode` };
    const n: NotificationPayload = {
      id: `test:${this.clock.now()}`,
      title: 'Mon_PS Desk test notification',
      body: 'If you read this, alerts reach you here.',
      severity: 'low',
      matchId: null,
      panel: 'settings',
    };
    try {
      await c.deliver(n, 'test');
      this.record(n, c.name, 'sent', 'test message delivered');
      return { delivered: true, channel: c.name, message: `test message delivered (${c.name})` };
    } catch (err) {
      const message = (err as Error).message;
      this.record(n, c.name, 'failed', message);
      this.opts.log?.(`notification test on ${c.name} failed: ${message}`);
      return { delivered: false, channel: c.name, message };
    }
  }

  private channels(prefs: NotificationSettings): DeliveryChannel[] {
    const out: DeliveryChannel[] = [];
    if (prefs.desktop && this.opts.desktop) out.push(this.opts.desktop);
    if (prefs.telegram && this.opts.telegram) out.push(this.opts.telegram);
    return out;
  }

  private send(c: DeliveryChannel, n: NotificationPayload, kind: string): void {
    const p = Promise.resolve()
      .then(() => c.deliver(n, kind))
      .then(
        () => void this.record(n, c.name, 'sent', 'delivered'),
        (err: unknown) => {
          const d = this.record(n, c.name, 'failed', (err as Error).message ?? String(err));
          this.opts.log?.(`notification "${n.title}" not delivered on ${c.name}: ${d.message}`);
          this.opts.bus.emit('notification.failed', d);
        },
      )
      .finally(() => this.inflight.delete(p));
    this.inflight.add(p);
  }

  /** When the minute of the rate limit is over, one notification sums up what it held back. */
  private armSummary(): void {
    if (this.summaryTimer !== null) return;
    const now = this.clock.now();
    this.summaryTimer = this.clock.setTimeout(
      () => {
        this.summaryTimer = null;
        const count = this.held;
        this.held = 0;
        if (!count) return;
        const prefs = this.opts.prefs();
        const n: NotificationPayload = {
          id: `summary:${this.clock.now()}`,
          title: `${count} more alert${count > 1 ? 's' : ''}`,
          body: `Held back by the limit of ${prefs.maxPerMinute} a minute: see the Command Center's alerts.`,
          severity: 'medium',
          matchId: null,
          panel: 'command-center',
        };
        const channels = this.channels(prefs);
        if (inQuietHours(new Date(this.clock.now()), prefs.quietHours)) {
          for (const c of channels) this.record(n, c.name, 'quiet', 'inside quiet hours');
          return;
        }
        this.limiter.take(this.clock.now(), Number.MAX_SAFE_INTEGER);
        for (const c of channels) this.send(c, n, 'summary');
      },
      Math.max(0, this.limiter.freeAt(now) - now),
    );
  }

  private record(n: NotificationPayload, channel: NotificationChannel, status: Delivery['status'], message: string): Delivery {
    const d: Delivery = { at: new Date(this.clock.now()).toISOString(), id: n.id, title: n.title, channel, status, message };
    this.deliveries.unshift(d);
    if (this.deliveries.length > LOG_SIZE) this.deliveries.pop();
    return d;
  }
}
