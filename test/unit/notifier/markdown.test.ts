import { describe, expect, it } from 'vitest';
import { escapeMarkdownV2, telegramText } from '../../../src-main/platform/notifier';

describe('Telegram MarkdownV2', () => {
  it('escapes every character the Bot API reserves, and the backslash', () => {
    const reserved = '_*[]()~`>#+-=|{}.!';
    expect(escapeMarkdownV2(reserved)).toBe([...reserved].map((c) => `\\${c}`).join(''));
    expect(escapeMarkdownV2('a\\b')).toBe('a\\\\b');
    expect(escapeMarkdownV2('Over 2.5 (Man-Utd) @ 1.95!')).toBe('Over 2\\.5 \\(Man\\-Utd\\) @ 1\\.95\\!');
    expect(escapeMarkdownV2('Ünïcode & <b> stays, "quoted"')).toBe('Ünïcode & <b\\> stays, "quoted"');
  });

  it('formats a notification: bold title, body, italic kind and severity', () => {
    const text = telegramText(
      { id: 'x', title: 'Steam: Lyon_B +8%', body: 'odds 2.10 → 1.90 [3 books]', severity: 'high', matchId: 7, panel: 'ferrari' },
      'steam',
    );
    expect(text).toBe('*Steam: Lyon\\_B \\+8%*\nodds 2\\.10 → 1\\.90 \\[3 books\\]\n_steam · high_');
  });
});
