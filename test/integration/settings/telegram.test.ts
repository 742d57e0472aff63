import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src-shared/contract/settings';
import { EventBus } from '../../../src-main/platform/events';
import { memorySeen, Notifier, TelegramClient, telegramChannel } from '../../../src-main/platform/notifier';
import { badGateway, chatNotFound, startTelegramStandIn, tooManyRequests, type TelegramStandIn } from '../../support/telegram-stand-in';

// Telegram alerts against a STAND-IN Bot API server on loopback (test/support/telegram-stand-in.ts):
// Telegram's own servers cannot be reached from a test. Waits (retry_after, backoff, the chat's
// pace) are recorded instead of slept.
const TOKEN = '7012345678:AAH-stand-in-token-0123456789abcdefg';
let api: TelegramStandIn;
let slept: number[];
let logs: string[];
let clientNow: number;

const client = (over: Partial<ConstructorParameters<typeof TelegramClient>[0]> = {}) =>
  new TelegramClient({
    sleep: async (ms) => {
      slept.push(ms);
      clientNow += ms;
    },
    now: () => clientNow,
    log: (l) => logs.push(l),
    ...over,
  });

beforeAll(async () => {
  api = await startTelegramStandIn({ validToken: TOKEN });
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.requests.length = 0;
  slept = [];
  logs = [];
  clientNow = 1_000_000;
});

const target = () => ({ baseUrl: api.url, token: TOKEN, chatId: '-1001234567890' });

describe('Telegram alerts through the Bot API (stand-in server on loopback)', () => {
  it('sends sendMessage with MarkdownV2 text whose special characters are escaped', async () => {
    const bus = new EventBus();
    const notifier = new Notifier({
      bus,
      prefs: () => ({ ...DEFAULT_SETTINGS.notifications, desktop: false, telegram: true }),
      telegram: telegramChannel(client(), target),
      seen: memorySeen(),
    });
    notifier.start();
    bus.emit('alert.raised', {
      id: 'trap:9',
      kind: 'trap',
      severity: 'high',
      title: 'Trap: Paris S.G. (home) @ 1.35!',
      body: 'Fair 1.52 [Pinnacle]; move -8% in 2h_30m',
      matchId: 9,
      panel: 'ferrari',
      at: '2026-01-05T10:00:00Z',
    });
    await notifier.settled();
    expect(api.requests).toHaveLength(1);
    const r = api.requests[0];
    expect(r).toMatchObject({ token: TOKEN, method: 'sendMessage' });
    expect(r.body).toEqual({
      chat_id: '-1001234567890',
      parse_mode: 'MarkdownV2',
      disable_web_page_preview: true,
      text: '*Trap: Paris S\\.G\\. \\(home\\) @ 1\\.35\\!*\nFair 1\\.52 \\[Pinnacle\\]; move \\-8% in 2h\\_30m\n_trap · high_',
    });
    expect(notifier.log()).toMatchObject([{ id: 'trap:9', channel: 'telegram', status: 'sent' }]);
  });

  it('on 429 waits the retry_after Telegram gives, then delivers', async () => {
    api.script(tooManyRequests(3));
    const r = await client().send(target(), 'hello');
    expect(r.attempts).toBe(2);
    expect(slept).toEqual([3000]);
    expect(api.requests.map((q) => q.method)).toEqual(['sendMessage', 'sendMessage']);
    expect(logs).toEqual(['Telegram: Telegram asked to slow down (429, retry after 3 s); attempt 2 of 5 in 3 s']);
  });

  it('backs off exponentially on 5xx, and gives up after its attempts with a message that says so', async () => {
    api.script(badGateway, badGateway);
    expect((await client().send(target(), 'a')).attempts).toBe(3);
    expect(slept).toEqual([1000, 2000]);
    slept = [];
    api.script(badGateway, badGateway, badGateway);
    await expect(client({ maxAttempts: 3 }).send(target(), 'b')).rejects.toThrow(
      'Telegram refused the request (502 Bad Gateway) (after 3 attempts)',
    );
    expect(slept).toEqual([1000, 2000]);
  });

  it('does not retry what a retry cannot fix: an unknown chat, a refused token', async () => {
    api.script(chatNotFound);
    await expect(client().send(target(), 'a')).rejects.toThrow('Telegram refused the request (400 Bad Request: chat not found)');
    await expect(client().send({ ...target(), token: '111:wrong-token-aaaaaaaaaaaaaaaaaaaaa' }, 'a')).rejects.toThrow(
      'Telegram refused the bot token (401 Unauthorized)',
    );
    expect(api.requests).toHaveLength(2);
    expect(slept).toEqual([]);
  });

  it('paces messages to one chat (at least 1 s apart) without holding back another chat', async () => {
    const c = client();
    await Promise.all([c.send(target(), '1'), c.send(target(), '2'), c.send({ ...target(), chatId: '@other_channel' }, '3')]);
    expect(api.requests.map((r) => r.body.text)).toEqual(['1', '3', '2']);
    expect(slept).toEqual([1000]); // only the second message to the first chat waited
  });

  it('never writes the token in a log line, an error or the delivery log, even when the server is unreachable', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer();
      s.listen(0, '127.0.0.1', () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => resolve(port));
      });
    });
    const bus = new EventBus();
    const failures: unknown[] = [];
    bus.onAny((name, p) => name === 'notification.failed' && failures.push(p));
    const down = { baseUrl: `http://127.0.0.1:${closed}`, token: TOKEN, chatId: '42' };
    const notifier = new Notifier({
      bus,
      prefs: () => ({ ...DEFAULT_SETTINGS.notifications, desktop: false, telegram: true }),
      telegram: telegramChannel(client({ maxAttempts: 3 }), () => down),
      seen: memorySeen(),
      log: (l) => logs.push(l),
    });
    notifier.start();
    bus.emit('alert.raised', {
      id: 'steam:1',
      kind: 'steam',
      severity: 'high',
      title: 'Steam',
      body: '',
      matchId: 1,
      panel: 'ferrari',
      at: '',
    });
    await notifier.settled();
    const test = await notifier.test('telegram');
    expect(test.delivered).toBe(false);
    expect(test.message).toBe(`Telegram Bot API at http://127.0.0.1:${closed} unreachable: ECONNREFUSED (after 2 attempts)`);
    expect(failures).toHaveLength(1);
    api.script(tooManyRequests(1), { status: 400, body: { ok: false, description: `Bad Request: bot${TOKEN} is not a member` } });
    await expect(client({ maxAttempts: 2 }).send(target(), 'x')).rejects.toThrow('bot*** is not a member');
    const everything = [...logs, ...notifier.log().map((d) => d.message), JSON.stringify(failures), test.message].join('\n');
    expect(everything).toContain('unreachable: ECONNREFUSED');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(TOKEN.split(':')[1]);
  });
});
