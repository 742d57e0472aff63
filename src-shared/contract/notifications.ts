import { z } from 'zod';
import { event, method } from './define';
import { alertSeverity } from './alerts';

// The notifier: alerts (alert.raised) that pass the analyst's rules (events, de-duplication, rate
// limit, quiet hours) go out on the desktop (Electron, or the browser in the headless mode) and Telegram.

export const notificationChannel = z.enum(['desktop', 'browser', 'telegram']);
export type NotificationChannel = z.infer<typeof notificationChannel>;

/** What a notification shows, and what a click opens. */
export const notification = z.object({
  /** The alert's id (one notification per id); `summary:…` for a rate-limit summary, `test:…` for a test. */
  id: z.string(),
  title: z.string(),
  body: z.string(),
  severity: alertSeverity,
  matchId: z.number().int().nullable(),
  panel: z.string(),
});
export type NotificationPayload = z.infer<typeof notification>;

/** sent; failed (after its retries: shown, never dropped silently); held back by quiet hours or the rate limit. */
export const deliveryStatus = z.enum(['sent', 'failed', 'quiet', 'rate-limited']);

export const delivery = z.object({
  at: z.string(),
  id: z.string(),
  title: z.string(),
  channel: notificationChannel,
  status: deliveryStatus,
  message: z.string(),
});
export type Delivery = z.infer<typeof delivery>;

export const notificationMethods = {
  'notifications.test': method({
    summary: 'Send a test notification now on one channel (Telegram: a sendMessage to the chat set in Settings)',
    input: z.object({ channel: z.enum(['telegram', 'desktop']) }).strict(),
    output: z.object({ delivered: z.boolean(), channel: notificationChannel, message: z.string() }),
  }),
  'notifications.log': method({
    summary: 'Recent deliveries, newest first: sent, failed, held by quiet hours or the rate limit',
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.array(delivery),
  }),
};

export const notificationEvents = {
  'notification.show': event({
    summary: 'Headless mode: the browser shows this (Notification API, else an in-app toast)',
    payload: notification,
  }),
  'notification.failed': event({ summary: 'A delivery failed after its retries (shown to the analyst)', payload: delivery }),
  'app.open': event({
    summary: 'Open a panel (and a match): a click on a desktop notification',
    payload: z.object({ panel: z.string(), matchId: z.number().int().nullable() }),
  }),
};
