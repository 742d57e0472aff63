import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { contract, ContractError, type ErrorCode, type MethodName, type RpcResponse } from '../../src-shared/contract';
import { dispatch, type Handlers } from '../platform/contract/dispatch';
import type { EventBus } from '../platform/events';
import { contentSecurityPolicy } from '../platform/csp';
import { isUploadPath, uploadAnswer, type UploadHandler } from './upload';

export interface ServerOptions {
  host?: string;
  port?: number;
  /** Required for any bind but loopback; generated when not given. */
  token?: string;
  /** The built renderer (out/renderer); omitted = API only. */
  staticDir?: string;
  /** Saves one uploaded file into the desk's import folder (`POST /upload/imports/<name>`). */
  upload?: UploadHandler;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  token?: string;
  close(): Promise<void>;
}

const statusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  UNAUTHORIZED: 401,
  CONFLICT: 409,
  CANCELLED: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

const MAX_BODY = 1 << 20;
/** JSON nested deeper than this is refused before anything walks it (a recursive walk would overflow). */
export const MAX_JSON_DEPTH = 64;
/** A token shorter than this is guessable: refused, like an empty one. */
export const MIN_TOKEN_LENGTH = 12;

/** The token the server demands. An empty or blank token never turns authentication off: off loopback
 * one is generated (and printed by `monps serve`); a short one is refused. */
export function serverToken(given: string | undefined, loopback: boolean): string | undefined {
  const t = given?.trim() ? given : undefined;
  if (t !== undefined && t.length < MIN_TOKEN_LENGTH)
    throw new Error(`the token must be at least ${MIN_TOKEN_LENGTH} characters (leave it out to have one generated)`);
  return t ?? (loopback ? undefined : randomBytes(24).toString('hex'));
}

/** A request the server refuses before any handler: its HTTP status and typed error. */
class RequestError extends ContractError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super('VALIDATION', message);
  }
}

/** decodeURIComponent without the throw: a malformed escape in a request path is the client's error. */
function decodePath(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

const badPath = (res: http.ServerResponse): void =>
  sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'malformed percent-escape in the path' } });

export function isLoopback(host: string): boolean {
  // 127.x.y.z as an address only: a Host like '127.attacker.example' is a DNS name (rebinding).
  return host === '127.0.0.1' || host === '::1' || host === 'localhost' || /^127(\.\d{1,3}){3}$/.test(host);
}

const mime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

interface RestEntry {
  method: MethodName;
  pattern: RegExp;
  params: string[];
}

function restTable(): RestEntry[] {
  const out: RestEntry[] = [];
  for (const [name, def] of Object.entries(contract) as [MethodName, { rest?: { path: string } }][]) {
    if (!def.rest) continue;
    const params: string[] = [];
    const rx = def.rest.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, p: string) => {
      params.push(p);
      return '([^/]+)';
    });
    out.push({ method: name, pattern: new RegExp(`^${rx}/?$`), params });
  }
  return out;
}

/** A REST route of the contract: path parameters and the query string (less the token) as input. */
async function handleRest(handlers: Handlers, rest: RestEntry[], res: http.ServerResponse, url: URL): Promise<void> {
  for (const r of rest) {
    const m = r.pattern.exec(url.pathname);
    if (!m) continue;
    const input: Record<string, unknown> = {};
    for (const [k, v] of url.searchParams) if (k !== 'token') input[k] = coerce(v);
    const values = r.params.map((_p, i) => decodePath(m[i + 1]));
    if (values.includes(null)) return badPath(res);
    r.params.forEach((p, i) => (input[p] = values[i]));
    const answer = await dispatch(handlers, r.method, input);
    return sendJson(res, answer.ok ? 200 : statusOf[answer.error.code], answer.ok ? answer.value : answer);
  }
  sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `no route ${url.pathname}` } });
}

/** The renderer's files, never outside its folder; an unknown path is the app (index.html). */
function serveStatic(staticDir: string | undefined, res: http.ServerResponse, pathname: string): void {
  if (!staticDir) return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'no renderer build (run npm run build)' } });
  const root = path.resolve(staticDir);
  const decoded = decodePath(pathname);
  if (decoded === null) return badPath(res);
  let file = path.resolve(root, `.${decoded}`);
  // root + separator: a bare prefix test would let '/../renderer-private/x' out of 'renderer'
  if (file !== root && !file.startsWith(root + path.sep))
    return sendJson(res, 403, { ok: false, error: { code: 'UNAUTHORIZED', message: 'path outside the app' } });
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file))
    return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'no renderer build (run npm run build)' } });
  const ext = path.extname(file);
  res.writeHead(200, {
    'Content-Type': mime[ext] ?? 'application/octet-stream',
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': ext === '.html' ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  fs.createReadStream(file).pipe(res);
}

/** The headless server: the contract over HTTP (`POST /rpc/<method>`), contract events as
 * server-sent events (`GET /events`), the seed's REST routes (`GET /api/...`), and the renderer. */
export function startServer(handlers: Handlers, bus: EventBus, opts: ServerOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const loopback = isLoopback(host);
  const token = serverToken(opts.token, loopback);
  const rest = restTable();
  const sseClients = new Set<http.ServerResponse>();
  const unsubscribe = bus.onAny((name, payload) => {
    const data = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of sseClients) res.write(data);
  });

  const authorised = (req: http.IncomingMessage, url: URL): boolean => {
    if (!token) return true;
    const given = bearer(req) ?? cookie(req, 'monps_token') ?? url.searchParams.get('token') ?? '';
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // DNS-rebinding guard: on loopback, only loopback Host headers are served.
    if (loopback && !isLoopback((req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, ''))) {
      return sendJson(res, 403, { ok: false, error: { code: 'UNAUTHORIZED', message: 'forbidden host' } });
    }
    if (!authorised(req, url)) {
      return sendJson(res, 401, {
        ok: false,
        error: { code: 'UNAUTHORIZED', message: 'a token is required on this address (Authorization: Bearer <token>)' },
      });
    }
    if (token && url.searchParams.get('token') === token) {
      res.setHeader('Set-Cookie', `monps_token=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    // CSRF: a page of another site may post to a loopback port (a text/plain POST needs no preflight);
    // browsers name the page in Origin, which must then be this server itself.
    if (req.method === 'POST' && req.headers.origin !== undefined && !sameOrigin(req.headers.origin, req.headers.host)) {
      return sendJson(res, 403, { ok: false, error: { code: 'UNAUTHORIZED', message: 'cross-origin request refused' } });
    }
    if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
      const method = decodePath(url.pathname.slice(5));
      return method === null ? badPath(res) : void handleRpc(req, res, method);
    }
    if (req.method === 'POST' && isUploadPath(url.pathname)) return void handleUpload(req, res, url);
    if (req.method === 'GET' && url.pathname === '/events') return handleEvents(req, res);
    if (req.method === 'GET' && url.pathname.startsWith('/api/')) return void handleRest(handlers, rest, res, url);
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(opts.staticDir, res, url.pathname);
    sendJson(res, 405, { ok: false, error: { code: 'VALIDATION', message: `method ${req.method} not allowed on ${url.pathname}` } });
  });

  async function handleRpc(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    let body: unknown;
    try {
      body = await readJson(req);
    } catch (err) {
      const status = err instanceof RequestError ? err.status : 400;
      return sendJson(res, status, { ok: false, error: { code: 'VALIDATION', message: (err as Error).message } });
    }
    const answer = await dispatch(handlers, method, body);
    sendJson(res, answer.ok ? 200 : statusOf[answer.error.code], answer);
  }

  async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const { status, answer } = await uploadAnswer(req, url, opts.upload);
    sendJson(res, status ?? (answer.ok ? 200 : statusOf[answer.error.code]), answer);
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    sseClients.add(res);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      sseClients.delete(res);
    });
  }

  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new Error(
          err.code === 'EADDRINUSE'
            ? `port ${opts.port} on ${host} is already in use`
            : `cannot listen on ${host}:${opts.port}: ${err.message}`,
        ),
      ),
    );
    server.listen(opts.port ?? 0, host, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : (opts.port ?? 0);
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${port}/`,
        host,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const c of sseClients) c.end();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function sendJson(res: http.ServerResponse, status: number, body: RpcResponse | unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
      // Over the limit the rest is read and dropped, so the client gets its 413 instead of a reset;
      // past 16 MiB the connection is cut.
      else if (size > 16 * MAX_BODY) req.destroy();
    });
    req.on('end', () => {
      if (size > MAX_BODY) return reject(new RequestError(413, `request body over ${MAX_BODY} bytes (1 MiB): refused`));
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text.trim()) return resolve({});
      // Depth first, on the text: a deeply nested body must not reach a recursive walk (zod, postMessage).
      if (jsonDepth(text) > MAX_JSON_DEPTH)
        return reject(new RequestError(400, `request body nests deeper than ${MAX_JSON_DEPTH} levels: refused`));
      try {
        resolve(JSON.parse(text));
      } catch (err) {
        reject(new RequestError(400, `request body is not JSON: ${(err as Error).message}`));
      }
    });
    req.on('error', reject);
  });
}

/** Deepest nesting of [ and { in JSON text, outside strings (an upper bound when the text is not JSON). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false; // 'null' (sandboxed frames, file:) or garbage
  }
}

function bearer(req: http.IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}

function cookie(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** Query strings are text; numbers and booleans are turned back into their types for zod. */
function coerce(v: string): unknown {
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (v === 'true' || v === 'false') return v === 'true';
  return v;
}
