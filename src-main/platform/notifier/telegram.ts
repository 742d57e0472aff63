// Telegram's Bot API (core.telegram.org/bots/api): sendMessage with retries — on 429 after the
// `retry_after` Telegram gives, on network errors and 5xx with exponential backoff — and a per-chat
// pace (Telegram allows about one message a second in a chat). The token is part of every URL
// (`/bot<token>/…`), so every message that leaves this file has it masked.

export interface TelegramTarget {
  baseUrl: string;
  token: string;
  chatId: string;
}

export class TelegramError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** Seconds Telegram asked to wait (429). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'TelegramError';
  }
}

export interface TelegramOptions {
  fetch?: typeof fetch;
  /** Waits between attempts and for the chat's pace (tests record them instead of waiting). */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  maxAttempts?: number;
  /** First backoff after a network error or 5xx; doubles each attempt. */
  backoffMs?: number;
  /** Least time between two messages to the same chat. */
  chatIntervalMs?: number;
  requestTimeoutMs?: number;
  log?: (line: string) => void;
}

/** Replaces the token wherever it appears. */
export function maskToken(text: string, token: string): string {
  return token ? text.split(token).join('***') : text;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class TelegramClient {
  private readonly chats = new Map<string, { tail: Promise<void>; lastAt: number }>();
  constructor(private readonly opts: TelegramOptions = {}) {}

  /** One Bot API call, no retry. Resolves with `result`; fails with a TelegramError whose message names
   * the server and what went wrong, never the token. */
  async call<T>(t: Pick<TelegramTarget, 'baseUrl' | 'token'>, method: string, body: Record<string, unknown> = {}): Promise<T> {
    const base = t.baseUrl.replace(/\/+$/, '');
    let res: Response;
    try {
      res = await (this.opts.fetch ?? fetch)(`${base}/bot${t.token}/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.opts.requestTimeoutMs ?? 10_000),
      });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      const why = e.name === 'TimeoutError' ? 'no answer in time' : (e.cause?.code ?? e.cause?.message ?? e.message);
      throw new TelegramError(maskToken(`Telegram Bot API at ${base} unreachable: ${why}`, t.token), true);
    }
    const text = await res.text();
    let answer: { ok?: boolean; result?: T; description?: string; error_code?: number; parameters?: { retry_after?: number } };
    try {
      answer = JSON.parse(text);
    } catch {
      throw new TelegramError(
        `${base} answered HTTP ${res.status} that is not the Bot API's JSON: is the base URL right?`,
        res.status >= 500,
      );
    }
    if (res.ok && answer.ok) return answer.result as T;
    const description = maskToken(answer.description ?? `HTTP ${res.status}`, t.token);
    if (res.status === 429) {
      const after = answer.parameters?.retry_after ?? Number(res.headers.get('retry-after') ?? 1);
      throw new TelegramError(`Telegram asked to slow down (429, retry after ${after} s)`, true, after);
    }
    if (res.status === 401) throw new TelegramError(`Telegram refused the bot token (401 ${description})`, false);
    if (res.status === 404)
      throw new TelegramError(`Telegram does not know this bot or method (404 ${description}): check the token and the base URL`, false);
    throw new TelegramError(`Telegram refused the request (${res.status} ${description})`, res.status >= 500);
  }

  /** sendMessage (MarkdownV2) with retries, paced per chat. Resolves with the attempts it took. */
  send(t: TelegramTarget, text: string, opts: { maxAttempts?: number } = {}): Promise<{ attempts: number }> {
    const chat = this.chats.get(t.chatId) ?? { tail: Promise.resolve(), lastAt: 0 };
    this.chats.set(t.chatId, chat);
    const mine = chat.tail.then(async () => {
      const wait = chat.lastAt + (this.opts.chatIntervalMs ?? 1_000) - this.now();
      if (chat.lastAt && wait > 0) await this.sleep(wait);
      try {
        return await this.withRetries(t, text, opts.maxAttempts ?? this.opts.maxAttempts ?? 5);
      } finally {
        chat.lastAt = this.now();
      }
    });
    chat.tail = mine.then(
      () => {},
      () => {},
    );
    return mine;
  }

  private async withRetries(t: TelegramTarget, text: string, maxAttempts: number): Promise<{ attempts: number }> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.call(t, 'sendMessage', { chat_id: t.chatId, text, parse_mode: 'MarkdownV2', disable_web_page_preview: true });
        return { attempts: attempt };
      } catch (err) {
        const e = err instanceof TelegramError ? err : new TelegramError(maskToken((err as Error).message, t.token), false);
        if (!e.retryable || attempt >= maxAttempts) {
          throw new TelegramError(`${e.message}${attempt > 1 ? ` (after ${attempt} attempts)` : ''}`, false);
        }
        const delay = e.retryAfter !== undefined ? e.retryAfter * 1000 : (this.opts.backoffMs ?? 1_000) * 2 ** (attempt - 1);
        this.opts.log?.(`Telegram: ${e.message}; attempt ${attempt + 1} of ${maxAttempts} in ${Math.round(delay / 100) / 10} s`);
        await this.sleep(delay);
      }
    }
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  private sleep(ms: number): Promise<void> {
    return (this.opts.sleep ?? realSleep)(ms);
  }
}
