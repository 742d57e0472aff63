import type { RaisedAlert } from '../../../src-shared/contract/alerts';
import type { NotificationSettings } from '../../../src-shared/contract/settings';

// Which alerts the analyst asked to hear about, and when not to disturb them. Pure.

const rank = { low: 0, medium: 1, high: 2 } as const;

/** Does the analyst want this alert (Settings → Notifications → events)? */
export function wanted(alert: Pick<RaisedAlert, 'kind' | 'severity'>, prefs: NotificationSettings): boolean {
  switch (alert.kind) {
    case 'trap':
      return prefs.traps !== 'off' && rank[alert.severity] >= rank[prefs.traps];
    case 'steam':
      return prefs.steam;
    case 'pick':
      return prefs.picks !== 'off' && rank[alert.severity] >= rank[prefs.picks];
    case 'settlement':
      return prefs.settlement;
  }
}

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Inside the quiet hours, in local time: [from, to), spanning midnight when `from` is later than `to`. */
export function inQuietHours(at: Date, quiet: NotificationSettings['quietHours']): boolean {
  if (!quiet.enabled) return false;
  const m = at.getHours() * 60 + at.getMinutes();
  const from = minutes(quiet.from);
  const to = minutes(quiet.to);
  return from < to ? m >= from && m < to : m >= from || m < to;
}

/** At most `max` in any `windowMs`: `take` answers whether one more may go now. */
export class RateLimiter {
  private readonly times: number[] = [];
  constructor(private readonly windowMs = 60_000) {}

  take(now: number, max: number): boolean {
    while (this.times.length && this.times[0] <= now - this.windowMs) this.times.shift();
    if (this.times.length >= max) return false;
    this.times.push(now);
    return true;
  }

  /** When the oldest in the window leaves it (the next may go then). */
  freeAt(now: number): number {
    return this.times.length ? this.times[0] + this.windowMs : now;
  }
}
