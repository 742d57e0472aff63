// The notifier: alerts → the analyst's rules (events, once per alert id, quiet hours, rate limit) →
// channels (desktop: Electron's adapter in src-main/electron/notifications.ts or the browser; Telegram).
export { Notifier, type DeliveryChannel, type NotifierOptions } from './notifier';
export { browserChannel, telegramChannel } from './channels';
export { TelegramClient, TelegramError, maskToken, type TelegramTarget, type TelegramOptions } from './telegram';
export { escapeMarkdownV2, telegramText } from './markdown';
export { wanted, inQuietHours, RateLimiter } from './rules';
export { fileSeen, memorySeen, type SeenStore } from './seen';
