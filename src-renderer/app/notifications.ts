import type { NotificationPayload } from '../../src-shared/contract/notifications';
import { currentTransport, subscribe } from '../api/client';
import { useFocusMatch } from './store/focus';
import { useNav } from './store/nav';
import { useToasts } from './store/toasts';

/** Opens what a notification is about: its panel, and its match there. */
export function openFromNotification(panel: string, matchId: number | null): void {
  useFocusMatch.setState({ matchId, at: Date.now() });
  useNav.getState().go(panel);
}

/** The headless mode's desktop channel (`notification.show` over SSE): the browser's Notification API
 * when the analyst allowed it, else an in-app toast with an Open button. Electron shows its own
 * notifications in main and only sends `app.open` when one is clicked. */
export function showNotification(n: NotificationPayload, w: Window & typeof globalThis = window): 'native' | 'toast' {
  if (typeof w.Notification === 'function' && w.Notification.permission === 'granted') {
    const note = new w.Notification(n.title, { body: n.body, tag: n.id });
    note.onclick = () => {
      w.focus();
      openFromNotification(n.panel, n.matchId);
      note.close();
    };
    return 'native';
  }
  useToasts.getState().push({
    kind: n.severity === 'high' ? 'alert' : 'info',
    title: n.title,
    message: n.body,
    action: { label: 'Open', run: () => openFromNotification(n.panel, n.matchId) },
    group: { noun: notificationNoun(n.title), panel: n.panel },
  });
  return 'toast';
}

/** What a notification is about, from its title ("Trap: …", "Steam: …", "Gold pick: …", "2 picks settled"). */
export function notificationNoun(title: string): string {
  if (/^Trap:/.test(title)) return 'trap';
  if (/^Steam:/.test(title)) return 'steam move';
  if (/^\w+ pick:/.test(title)) return 'pick';
  if (/settled$/.test(title)) return 'settlement';
  return 'notification';
}

/** Listens for notifications, failed deliveries and clicks; returns the unsubscribe function. */
export function startNotificationFeed(): () => void {
  const stops = [
    subscribe('notification.show', (n) => {
      if (currentTransport().kind !== 'ipc') showNotification(n);
    }),
    subscribe('notification.failed', (d) =>
      useToasts.getState().push({ kind: 'error', title: `Notification not delivered (${d.channel})`, message: `${d.title}: ${d.message}` }),
    ),
    subscribe('app.open', ({ panel, matchId }) => openFromNotification(panel, matchId)),
  ];
  return () => stops.forEach((stop) => stop());
}
