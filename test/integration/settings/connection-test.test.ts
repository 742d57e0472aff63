import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConnection } from '../../../src-main/platform/pg/connection-test';
import { migrateSource } from '../../../src-main/platform/pg/migrate';
import { adminUrl, createTestDatabase, withDatabase, type TestDatabase } from '../../support/pg';

// "Test connection" against a real PostgreSQL, and against stand-ins on loopback for what a real
// server cannot be made to do here: a port where nothing is PostgreSQL (an HTTP server, a silent
// server), and a TLS server with a self-signed certificate.
const dbs: TestDatabase[] = [];
const closers: (() => Promise<void> | void)[] = [];
const roles: string[] = [];
let dir: string;

async function db(prefix: string): Promise<TestDatabase> {
  const d = await createTestDatabase(prefix);
  dbs.push(d);
  return d;
}

async function exec(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
}

async function closedPort(): Promise<number> {
  const s = net.createServer();
  const port = await listen(s);
  await new Promise((r) => s.close(r));
  return port;
}

const withUser = (url: string, user: string, password: string): string => {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-conntest-'));
});
afterAll(async () => {
  for (const c of closers) await c();
  for (const d of dbs) await d.drop();
  for (const r of roles) await exec(adminUrl(), `DROP ROLE IF EXISTS ${r}`); // after the databases that grant it CONNECT
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the source connection test names what failed', () => {
  it('passes on an empty database (the schema will be created) and on a migrated one (ready)', async () => {
    const d = await db('monps_conn_ok');
    const empty = await testConnection(d.url);
    expect(empty).toMatchObject({ ok: true, failure: null, schema: 'empty: the Mon_PS tables will be created', timescale: false });
    expect(empty.server).toMatch(/^\d+/);
    expect(empty.target).toBe(`127.0.0.1:${new URL(d.url).port}/${d.name}`);
    await migrateSource(d.url);
    const ready = await testConnection(d.url);
    expect(ready).toMatchObject({ ok: true, schema: 'ready' });
    expect(ready.message).toMatch(/^connected to PostgreSQL \d+.* at 127\.0\.0\.1:\d+\/monps_conn_ok_\w+; schema ready$/);
    expect(JSON.stringify(ready)).not.toContain(new URL(d.url).password);
  });

  it('bad URL, host not found, refused', async () => {
    expect(await testConnection('mysql://root@db.example/monps')).toMatchObject({
      ok: false,
      failure: 'bad-url',
      message: "bad source connection string: scheme 'mysql', expected postgres:// or postgresql://",
    });
    expect(await testConnection('postgres://a:b@no-such-host.invalid:5432/monps')).toMatchObject({ failure: 'host-not-found' });
    const port = await closedPort();
    const refused = await testConnection(`postgres://a:b@127.0.0.1:${port}/monps`);
    expect(refused).toMatchObject({
      failure: 'refused',
      message: `127.0.0.1:${port} refused the connection (is PostgreSQL running on that port?)`,
    });
  });

  it('authentication and a missing database, from the real server', async () => {
    const admin = adminUrl();
    const auth = await testConnection(withUser(admin, new URL(admin).username, 'wrong-password'));
    expect(auth.failure).toBe('auth');
    expect(auth.message).toMatch(/refused the credentials: password authentication failed/);
    expect(auth.message).not.toContain('wrong-password');
    const missing = await testConnection(withDatabase(admin, 'monps_no_such_db'));
    expect(missing.failure).toBe('no-database');
    expect(missing.message).toContain('database "monps_no_such_db" does not exist');
  });

  it('not PostgreSQL: a web server, and a server that says nothing (stand-ins on loopback)', async () => {
    const web = http.createServer((_q, r) => r.end('hello'));
    const webPort = await listen(web);
    closers.push(() => new Promise<void>((r) => web.close(() => r())));
    const a = await testConnection(`postgres://a:b@127.0.0.1:${webPort}/monps`, { timeoutMs: 3000 });
    expect(a.failure).toBe('not-postgres');
    expect(a.message).toBe(`127.0.0.1:${webPort} is not PostgreSQL: it answered "HTTP/1.1 400 Bad Request"`);

    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => void sockets.push(s));
    const silentPort = await listen(silent);
    closers.push(() => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), silent.close(() => r()))));
    const b = await testConnection(`postgres://a:b@127.0.0.1:${silentPort}/monps`, { timeoutMs: 800 });
    expect(b).toMatchObject({
      failure: 'not-postgres',
      message: `127.0.0.1:${silentPort} accepted the connection but did not answer as PostgreSQL (no reply to its greeting)`,
    });
  });

  it('TLS: asked of a server without it, and a certificate that is not trusted (a self-signed stand-in)', async () => {
    const d = await db('monps_conn_tls');
    const noTls = await testConnection(`${d.url}?sslmode=require`);
    expect(noTls.failure).toBe('tls');
    expect(noTls.message).toContain('does not accept TLS connections, but the URL asks for them');

    // a stand-in that accepts the SSLRequest and then presents a self-signed certificate
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'],
      {
        stdio: 'ignore',
      },
    );
    const secure = tls.createSecureContext({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) });
    const server = net.createServer((socket) => {
      socket.once('data', () => {
        socket.write('S');
        const t = new tls.TLSSocket(socket, { isServer: true, secureContext: secure });
        t.on('error', () => socket.destroy());
      });
    });
    const port = await listen(server);
    closers.push(() => new Promise<void>((r) => server.close(() => r())));
    const selfSigned = await testConnection(`postgres://a:b@127.0.0.1:${port}/monps?sslmode=require`, { timeoutMs: 3000 });
    expect(selfSigned.failure).toBe('tls');
    expect(selfSigned.message).toMatch(/TLS certificate is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
  });

  it('schema not recognised: tables of the same names made by something else, migrations this version does not know, no right to create', async () => {
    const foreign = await db('monps_conn_foreign');
    await exec(foreign.url, 'CREATE TABLE leagues (id int); CREATE TABLE matches (id int)');
    const a = await testConnection(foreign.url);
    expect(a.failure).toBe('schema');
    expect(a.message).toMatch(
      /schema not recognised: it has tables named like the app's \(leagues, matches\) that Mon_PS Desk did not create/,
    );

    const newer = await db('monps_conn_newer');
    await migrateSource(newer.url);
    await exec(newer.url, "INSERT INTO monps_schema_migrations (version, name, checksum) VALUES (999, '999_future.sql', 'x')");
    const b = await testConnection(newer.url);
    expect(b.failure).toBe('schema');
    expect(b.message).toContain('applied migration 999_future.sql is unknown to this version of Mon_PS Desk');

    const locked = await db('monps_conn_locked');
    const role = `monps_ro_${locked.name.slice(-6)}`;
    await exec(adminUrl(), `CREATE ROLE ${role} LOGIN PASSWORD 'ro-pass'`);
    roles.push(role);
    await exec(locked.url, `REVOKE CREATE ON SCHEMA public FROM PUBLIC; GRANT CONNECT ON DATABASE ${locked.name} TO ${role}`);
    const c = await testConnection(withUser(locked.url, role, 'ro-pass'));
    expect(c.failure).toBe('schema');
    expect(c.message).toContain(`the Mon_PS tables are missing and user ${role} may not create them`);
  });
});
