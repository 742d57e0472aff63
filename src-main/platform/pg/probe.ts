import dns from 'node:dns/promises';
import net from 'node:net';

/** What answers at host:port, found before any PostgreSQL client talks to it: a name that does not
 * resolve, a port that refuses, a host that cannot be reached or does not answer, a server that is not
 * PostgreSQL — or PostgreSQL, and whether it accepts TLS. */
export type ProbeResult =
  { kind: 'postgres'; tls: boolean } | { kind: 'host-not-found' | 'refused' | 'unreachable' | 'timeout' | 'not-postgres'; message: string };

// SSLRequest: length 8, code 80877103. PostgreSQL answers one byte, 'S' (TLS) or 'N' (no TLS); very
// old servers answer an ErrorResponse ('E'). Anything else is not PostgreSQL.
const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

/** The first line of what it said, readable. */
const printable = (b: Buffer): string =>
  b
    .subarray(0, 200)
    .toString('latin1')
    .split(/\r?\n/)[0]
    .replace(/[^\x20-\x7e]+/g, ' ')
    .slice(0, 60)
    .trim();

export async function probePostgres(host: string, port: number, timeoutMs = 5_000): Promise<ProbeResult> {
  const where = `${host}:${port}`;
  if (!net.isIP(host) && !host.startsWith('/')) {
    try {
      await dns.lookup(host);
    } catch (err) {
      return {
        kind: 'host-not-found',
        message: `host ${host} not found (DNS lookup failed: ${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      };
    }
  }
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let settled = false;
    const done = (r: ProbeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    let connected = false;
    const timer = setTimeout(
      () =>
        done(
          connected
            ? {
                kind: 'not-postgres',
                message: `${where} accepted the connection but did not answer as PostgreSQL (no reply to its greeting)`,
              }
            : {
                kind: 'timeout',
                message: `no answer from ${where} in ${Math.round(timeoutMs / 1000)} s (host down, or a firewall dropping packets)`,
              },
        ),
      timeoutMs,
    );
    socket.once('connect', () => {
      connected = true;
      socket.write(SSL_REQUEST);
    });
    socket.once('data', (b: Buffer) => {
      const first = String.fromCharCode(b[0]);
      if (b.length === 1 && (first === 'S' || first === 'N')) done({ kind: 'postgres', tls: first === 'S' });
      else if (first === 'E' && b.length > 5) done({ kind: 'postgres', tls: false });
      else done({ kind: 'not-postgres', message: `${where} is not PostgreSQL: it answered "${printable(b)}"` });
    });
    socket.once('end', () => done({ kind: 'not-postgres', message: `${where} closed the connection without answering as PostgreSQL` }));
    socket.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED')
        done({ kind: 'refused', message: `${where} refused the connection (is PostgreSQL running on that port?)` });
      else if (err.code === 'ETIMEDOUT') done({ kind: 'timeout', message: `no answer from ${where} (connection timed out)` });
      else if (err.code === 'ECONNRESET' && connected)
        done({ kind: 'not-postgres', message: `${where} reset the connection at the PostgreSQL greeting: not PostgreSQL?` });
      else done({ kind: 'unreachable', message: `${where} is unreachable (${err.code ?? err.message})` });
    });
  });
}
