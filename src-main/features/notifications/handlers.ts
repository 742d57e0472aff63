import type { PartialHandlers } from '../../platform/contract/dispatch';
import type { Notifier } from '../../platform/notifier';

/** notifications.*: a test on one channel (awaited, never throws), and the delivery log. */
export function notificationHandlers(s: { notifier: Notifier }): PartialHandlers {
  return {
    'notifications.test': ({ channel }) => s.notifier.test(channel),
    'notifications.log': async ({ limit }) => s.notifier.log(limit),
  };
}
