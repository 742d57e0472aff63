import http from 'node:http';

/** A STAND-IN for Telegram's Bot API (Telegram's servers cannot be reached from tests): an HTTP server
 * on loopback that answers `POST /bot<token>/<method>` like the Bot API does, records every request,
 * and answers from a script of responses when a test gives one (429 with retry_after, 5xx, 400…). */
export interface StandInRequest {
  token: string;
  method: string;
  body: Record<string, unknown>;
}

export interface StandInAnswer {
  status: number;
  body: unknown;
}

export interface TelegramStandIn {
  url: string;
  requests: StandInRequest[];
  /** Answers for the next requests, in order; afterwards every request succeeds. */
  script(...answers: StandInAnswer[]): void;
  close(): Promise<void>;
}

export const tooManyRequests = (retryAfter: number): StandInAnswer => ({
  status: 429,
  body: {
    ok: false,
    error_code: 429,
    description: `Too Many Requests: retry after ${retryAfter}`,
    parameters: { retry_after: retryAfter },
  },
});
export const badGateway: StandInAnswer = { status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } };
export const chatNotFound: StandInAnswer = {
  status: 400,
  body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' },
};

export async function startTelegramStandIn(opts: { validToken?: string } = {}): Promise<TelegramStandIn> {
  const requests: StandInRequest[] = [];
  const queue: StandInAnswer[] = [];
  let messageId = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (!m) return send(404, { ok: false, error_code: 404, description: 'Not Found' });
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      requests.push({ token: m[1], method: m[2], body });
      const scripted = queue.shift();
      if (scripted) return send(scripted.status, scripted.body);
      if (opts.validToken && m[1] !== opts.validToken) return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
      if (m[2] === 'getMe')
        return send(200, { ok: true, result: { id: 42, is_bot: true, first_name: 'Mon_PS', username: 'monps_test_bot' } });
      if (m[2] === 'sendMessage')
        return send(200, { ok: true, result: { message_id: ++messageId, chat: { id: body.chat_id }, text: body.text } });
      send(404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...answers) => void queue.push(...answers),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
