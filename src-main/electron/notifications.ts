import type { Notification as ElectronNotification } from 'electron';
import type { NotificationPayload } from '../../src-shared/contract/notifications';
import type { DeliveryChannel } from '../platform/notifier';

/** The desktop channel of the Electron app: Electron's Notification (the OS's native one). A click
 * calls `onClick` (main.ts shows the window and opens the match in Ferrari Intel). */
export function electronNotifications(deps: {
  Notification: Pick<typeof ElectronNotification, 'isSupported'> &
    (new (options: Electron.NotificationConstructorOptions) => ElectronNotification);
  onClick: (n: NotificationPayload) => void;
}): DeliveryChannel {
  // A notification that is garbage-collected loses its click handler: keep each until it closes.
  const shown = new Set<ElectronNotification>();
  return {
    name: 'desktop',
    async deliver(n) {
      if (!deps.Notification.isSupported()) throw new Error('this system does not support desktop notifications');
      const note = new deps.Notification({
        title: n.title,
        body: n.body,
        urgency: n.severity === 'high' ? 'critical' : 'normal',
        timeoutType: n.severity === 'high' ? 'never' : 'default',
      });
      shown.add(note);
      note.on('click', () => {
        shown.delete(note);
        deps.onClick(n);
      });
      note.on('close', () => shown.delete(note));
      note.on('failed', () => shown.delete(note));
      note.show();
    },
  };
}
