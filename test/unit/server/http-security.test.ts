import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../src-main/platform/contract/dispatch';
import { EventBus } from '../../../src-main/platform/events';
import { isLoopback, startServer, type RunningServer } from '../../../src-main/server/http';

// Requests that never reach a handler (bad paths, hosts): the server must answer them, not crash,
// and never serve a file outside its static folder.
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-http-sec-'));
const staticDir = path.join(base, 'renderer');
let server: RunningServer;

beforeAll(async () => {
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  fs.mkdirSync(path.join(base, 'renderer-private'));
  fs.writeFileSync(path.join(base, 'renderer-private', 'secret.txt'), 'SECRET');
  server = await startServer({} as Handlers, new EventBus(), { port: 0, staticDir });
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(base, { recursive: true, force: true });
});

/** A raw HTTP/1.1 request: the path goes out byte for byte (fetch would normalise it). */
function raw(method: string, target: string, host = `127.0.0.1:${server.port}`, extra = ''): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const s = net.connect(server.port, '127.0.0.1', () => {
      s.write(`${method} ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n${extra}Content-Length: 0\r\n\r\n`);
    });
    let data = '';
    s.on('data', (c: Buffer) => (data += c.toString()));
    s.on('end', () =>
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(data)?.[1] ?? 0), body: data.split('\r\n\r\n').slice(1).join('\r\n\r\n') }),
    );
    s.on('error', reject);
  });
}

describe('HTTP server: hostile requests', () => {
  it('never serves a sibling folder whose name starts like the static folder', async () => {
    const r = await raw('GET', '/..%2Frenderer-private%2Fsecret.txt');
    expect(r.body).not.toContain('SECRET');
  });

  it('answers a malformed percent-escape with 400 instead of crashing (static, rpc, rest)', async () => {
    for (const [m, p] of [
      ['GET', '/%E0%A4%A'],
      ['POST', '/rpc/%E0%A4%A'],
      ['GET', '/api/ferrari/team/%E0%A4%A'],
    ]) {
      const r = await raw(m, p);
      expect(r.status, `${m} ${p}`).toBe(400);
    }
    expect((await raw('GET', '/')).status).toBe(200); // still alive
  });

  it('DNS-rebinding guard: a host name starting with 127. is not loopback', async () => {
    expect(isLoopback('127.attacker.example')).toBe(false);
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('127.1.2.3')).toBe(true);
    const r = await raw('GET', '/', `127.attacker.example:${server.port}`);
    expect(r.status).toBe(403);
  });
  it('a page of another site cannot post RPCs to the loopback server (CSRF): its Origin is refused', async () => {
    const cross = await raw('POST', '/rpc/no.such', undefined, 'Origin: https://evil.example\r\nContent-Type: text/plain\r\n');
    expect(cross.status).toBe(403);
    expect((await raw('POST', '/rpc/no.such', undefined, 'Origin: null\r\n')).status).toBe(403);
    // the app's own pages (same origin) and non-browser clients (no Origin) reach the dispatcher
    expect((await raw('POST', '/rpc/no.such', undefined, `Origin: http://127.0.0.1:${server.port}\r\n`)).status).toBe(404);
    expect((await raw('POST', '/rpc/no.such')).status).toBe(404);
  });
});
