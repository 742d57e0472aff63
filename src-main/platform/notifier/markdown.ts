import type { NotificationPayload } from '../../../src-shared/contract/notifications';

// Telegram's MarkdownV2 (core.telegram.org/bots/api#markdownv2-style): outside entities, each of
// _ * [ ] ( ) ~ ` > # + - = | { } . ! must be escaped with a backslash, and so must the backslash.
const SPECIAL = /[_*[\]()~`>#+\-=|{}.!\\]/g;

export function escapeMarkdownV2(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`);
}

/** A notification as a Telegram message: the title in bold, the body, then what it is in italics. */
export function telegramText(n: NotificationPayload, kind: string): string {
  const lines = [`*${escapeMarkdownV2(n.title)}*`];
  if (n.body) lines.push(escapeMarkdownV2(n.body));
  lines.push(`_${escapeMarkdownV2(`${kind} · ${n.severity}`)}_`);
  return lines.join('\n');
}
