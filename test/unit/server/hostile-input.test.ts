import { afterEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../src-main/platform/contract/dispatch';
import { EventBus } from '../../../src-main/platform/events';
import { main } from '../../../src-main/cli/main';
import { jsonDepth, MAX_JSON_DEPTH, serverToken, startServer, type RunningServer } from '../../../src-main/server/http';

// Issue 17, items 1 and 11: an empty token never turns authentication off, and bodies too large or too
// deep get a typed answer instead of a reset or a 500.
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const handlers = { 'app.info': async () => ({}) } as unknown as Handlers;

describe('the token of a non-loopback bind', () => {
  it("an empty or blank token (--token '', MONPS_TOKEN=) is replaced by a generated one off loopback", () => {
    for (const given of ['', ' ', undefined]) {
      const t = serverToken(given, false);
      expect(t).toMatch(/^[0-9a-f]{48}$/);
    }
    expect(serverToken('', true)).toBeUndefined(); // loopback without a token stays open to this machine only
  });

  it('a guessable short token is refused (monps serve: bad usage, exit 2)', async () => {
    expect(() => serverToken('abc', false)).toThrow(/at least 12 characters/);
    const lines: string[] = [];
    const code = await main(['serve', '--host', '0.0.0.0', '--token', 'abc'], { out: (t) => lines.push(t), err: (t) => lines.push(t) });
    expect(code).toBe(2);
    expect(lines.join('\n')).toMatch(/--token must be at least 12 characters/);
  });

  it("startServer on 0.0.0.0 with token '' demands the generated token", async () => {
    server = await startServer(handlers, new EventBus(), { host: '0.0.0.0', port: 0, token: '' });
    expect(server.token).toMatch(/^[0-9a-f]{48}$/);
    const none = await fetch(`http://127.0.0.1:${server.port}/rpc/app.info`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    const empty = await fetch(`http://127.0.0.1:${server.port}/rpc/app.info`, {
      method: 'POST',
      body: '{}',
      headers: { Authorization: 'Bearer ' },
    });
    expect(empty.status).toBe(401);
    const right = await fetch(`http://127.0.0.1:${server.port}/rpc/app.info`, {
      method: 'POST',
      body: '{}',
      headers: { Authorization: `Bearer ${server.token}` },
    });
    expect(right.status).not.toBe(401);
  });
});

describe('bodies too large or too deep', () => {
  it('a body over 1 MiB answers a typed 413, not a reset', async () => {
    server = await startServer(handlers, new EventBus(), { port: 0 });
    const body = JSON.stringify({ x: 'a'.repeat(2 * 1024 * 1024) });
    const res = await fetch(`${server.url}rpc/app.info`, { method: 'POST', body });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/over 1048576 bytes/) },
    });
    // and the server still answers
    const after = await fetch(`${server.url}rpc/app.info`, { method: 'POST', body: '{}' });
    expect(after.status).not.toBe(413);
    expect(await after.json()).toHaveProperty('ok');
  });

  it('a deeply nested body answers a typed 400, not 500 "Maximum call stack size exceeded"', async () => {
    server = await startServer(handlers, new EventBus(), { port: 0 });
    for (const body of ['['.repeat(200_000) + ']'.repeat(200_000), `{"a":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_001)}`]) {
      const res = await fetch(`${server.url}rpc/backtest.run`, { method: 'POST', body });
      expect(res.status).toBe(400);
      const answer = (await res.json()) as { error: { code: string; message: string } };
      expect(answer.error.code).toBe('VALIDATION');
      expect(answer.error.message).toMatch(/nests deeper than 64 levels/);
    }
  });

  it('jsonDepth ignores brackets inside strings', () => {
    expect(jsonDepth('{"a":"[[[[{{{{","b":[1,[2]]}')).toBe(3);
    expect(jsonDepth('"\\"[[["')).toBe(0);
    expect(jsonDepth('['.repeat(MAX_JSON_DEPTH))).toBe(MAX_JSON_DEPTH);
  });
});
