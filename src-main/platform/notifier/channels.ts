import type { EventBus } from '../events';
import type { DeliveryChannel } from './notifier';
import { telegramText } from './markdown';
import type { TelegramClient, TelegramTarget } from './telegram';

/** The headless mode's desktop: every browser showing the app hears `notification.show` (over SSE)
 * and shows it with the Notification API, or as an in-app toast. */
export function browserChannel(bus: EventBus): DeliveryChannel {
  return {
    name: 'browser',
    async deliver(n) {
      bus.emit('notification.show', n);
    },
  };
}

/** Telegram, with the target read at each delivery (Settings may change it). */
export function telegramChannel(client: TelegramClient, targetNow: () => Partial<TelegramTarget>): DeliveryChannel {
  return {
    name: 'telegram',
    async deliver(n, kind) {
      const t = targetNow();
      if (!t.token) throw new Error('no Telegram bot token is set (Settings → Telegram)');
      if (!t.chatId) throw new Error('no Telegram chat id is set (Settings → Telegram)');
      // a test is answered while the analyst waits: one retry, not the full backoff
      const target = { baseUrl: t.baseUrl ?? 'https://api.telegram.org', token: t.token, chatId: t.chatId };
      await client.send(target, telegramText(n, kind), kind === 'test' ? { maxAttempts: 2 } : {});
    },
  };
}
