import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src-main/app/handlers';
import { startHeadless, type Headless } from '../../../src-main/server/headless';
import { startServer, type RunningServer } from '../../../src-main/server/http';
import { call, ContractCallError, setTransport } from '../../../src-renderer/api/client';
import { httpTransport } from '../../../src-renderer/api/http';
import { createTestDatabase, type TestDatabase } from '../../support/pg';

// The contract over real HTTP: the headless server on a fresh test database, its real handlers.
let db: TestDatabase;
let app: Headless;
let base: string;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-http-contract-'));

beforeAll(async () => {
  db = await createTestDatabase('monps_http');
  app = await startHeadless({ port: 0, source: db.url, dataDir, background: false }); // no start-up sync: only our calls run
  base = app.server.url.replace(/\/$/, '');
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

/** Raw request, for headers fetch will not let us set (Host). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('contract over HTTP (headless server, real handlers)', () => {
  it('answers a valid call with 200 and {ok:true, value}', async () => {
    const res = await post(`${base}/rpc/app.info`, '{}');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; value: { transport: string } };
    expect(body).toMatchObject({ ok: true, value: { transport: 'http', source: { kind: 'configured' } } });
  });

  it('bad input → 400 with a typed VALIDATION error naming the field', async () => {
    const res = await post(`${base}/rpc/inventory.get`, JSON.stringify({ staleAfterDays: 'soon' }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { ok: false; error: { code: string; message: string; details: { issues: { path: string[] }[] } } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.message).toMatch(/staleAfterDays/);
    expect(body.error.details.issues[0].path).toEqual(['staleAfterDays']);
    const extra = await post(`${base}/rpc/jobs.cancel`, JSON.stringify({ jobId: 'j', drop: 'tables' }));
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as { error: { message: string } }).error.message).toMatch(/drop/);
  });

  it('malformed JSON → 400 VALIDATION saying the body is not JSON', async () => {
    const res = await post(`${base}/rpc/app.info`, '{"oops": ');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { ok: false; error: { code: string; message: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(body.error.message).toMatch(/not JSON/);
  });

  it('unknown method → 404 UNKNOWN_METHOD naming it', async () => {
    const res = await post(`${base}/rpc/tables.dropAll`, '{}');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD', message: "unknown method 'tables.dropAll'" } });
  });

  it('a request with a foreign Host header (DNS rebinding) → 403', async () => {
    const bad = await rawGet(`${base}/`, { Host: 'evil.example:80' });
    expect(bad.status).toBe(403);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const good = await rawGet(`${base}/rpc-does-not-matter`, { Host: `localhost:${app.server.port}` });
    expect(good.status).not.toBe(403);
  });

  it("the renderer's own client over HTTP: typed value, and ContractCallError on bad input", async () => {
    setTransport(httpTransport(base));
    const inv = await call('inventory.get', {});
    expect(inv.source.reachable).toBe(true);
    expect(inv.tables.filter((t) => t.store === 'source').map((t) => t.name)).toContain('odds_history');
    const err = await call('inventory.get', { staleAfterDays: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContractCallError);
    expect(err).toMatchObject({ code: 'VALIDATION', method: 'inventory.get' });
  });

  it('streams job progress as server-sent events', async () => {
    const events: { name: string; data: { kind: string; state: string } }[] = [];
    const req = http.get(`${base}/events`);
    const res = await new Promise<http.IncomingMessage>((resolve) => req.on('response', resolve));
    expect(res.headers['content-type']).toBe('text/event-stream');
    let buffer = '';
    res.on('data', (c: Buffer) => {
      buffer += c.toString();
      let i: number;
      while ((i = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const name = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (name && data) events.push({ name, data: JSON.parse(data) as { kind: string; state: string } });
      }
    });
    await post(`${base}/rpc/inventory.get`, '{}');
    const inventory = () => events.filter((e) => e.data.kind === 'inventory');
    await expect.poll(() => inventory().some((e) => e.data.state === 'done')).toBe(true);
    req.destroy();
    expect(events.every((e) => e.name === 'job.progress')).toBe(true);
    expect(inventory()[0].data.state).toBe('running');
  });
});

describe('token required when asked (startServer with a token)', () => {
  let guarded: RunningServer;
  beforeAll(async () => {
    guarded = await startServer(createHandlers(app.services, 'http'), app.services.bus, {
      host: '127.0.0.1',
      port: 0,
      token: 'x-secret-token',
    });
  });
  afterAll(() => guarded?.close());

  it('refuses requests without the token with 401, accepts the Bearer token with 200', async () => {
    const none = await post(`${guarded.url}rpc/app.info`, '{}');
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const wrong = await post(`${guarded.url}rpc/app.info`, '{}', { Authorization: 'Bearer x-secret-tokex' });
    expect(wrong.status).toBe(401);
    const right = await post(`${guarded.url}rpc/app.info`, '{}', { Authorization: 'Bearer x-secret-token' });
    expect(right.status).toBe(200);
    expect(await right.json()).toMatchObject({ ok: true });
  });

  it('a ?token= link sets an HttpOnly cookie that then authorises the page', async () => {
    const first = await fetch(`${guarded.url}?token=x-secret-token`);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^monps_token=x-secret-token;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const withCookie = await post(`${guarded.url}rpc/app.info`, '{}', { Cookie: 'monps_token=x-secret-token' });
    expect(withCookie.status).toBe(200);
  });
});
