// A PostgreSQL source that cannot be reached or used, named without its password.
/** A failure to reach or use the source, with a message that says which source and why.
 * `code` UNAVAILABLE is what the worker turns into the contract's UNAVAILABLE error. */
export class SourceError extends Error {
  constructor(
    readonly code: 'UNAVAILABLE' | 'BAD_URL' | 'AUTH' | 'NO_DATABASE' | 'TLS',
    message: string,
    readonly offline: boolean,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

/** host:port/database of a URL, never its password. */
export function describeSource(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return '(unparsable URL)';
  }
}

export function checkSourceUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new SourceError(
      'BAD_URL',
      'bad source connection string: not a URL (expected postgres://user:password@host:port/database)',
      false,
    );
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new SourceError(
      'BAD_URL',
      `bad source connection string: scheme '${u.protocol.replace(':', '')}', expected postgres:// or postgresql://`,
      false,
    );
  }
  if (!u.hostname) throw new SourceError('BAD_URL', 'bad source connection string: no host', false);
  if (u.port && !/^\d+$/.test(u.port))
    throw new SourceError('BAD_URL', `bad source connection string: port '${u.port}' is not a number`, false);
  // pg decodes these parts with decodeURIComponent, which throws "URI malformed" on a bad escape (%ZZ)
  for (const [part, value] of [
    ['user name', u.username],
    ['password', u.password],
    ['database name', u.pathname],
  ] as const)
    if (!decodes(value))
      throw new SourceError(
        'BAD_URL',
        `bad source connection string: the ${part} holds a malformed percent-escape (write % as %25)`,
        false,
      );
}

function decodes(s: string): boolean {
  try {
    decodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

const OFFLINE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/** Turns a pg / network error into a SourceError when it means "the source is not there";
 * other errors (SQL errors of one table) are returned unchanged. */
export function classifySourceError(err: unknown, url: string): Error {
  if (err instanceof SourceError) return err;
  const e = err as { code?: string; message?: string };
  const where = describeSource(url);
  const msg = e?.message ?? String(err);
  const tls = tlsProblem(e?.code, msg);
  if (tls) return new SourceError('TLS', `source ${where}: ${tls}`, false);
  if (e?.code === 'ENOTFOUND') return new SourceError('UNAVAILABLE', `source host not found: ${where} (DNS lookup failed)`, true);
  if (e?.code === 'ECONNREFUSED')
    return new SourceError('UNAVAILABLE', `source unreachable: ${where} refused the connection (is PostgreSQL running?)`, true);
  if (e?.code && OFFLINE_CODES.has(e.code)) return new SourceError('UNAVAILABLE', `source unreachable: ${where} (${e.code})`, true);
  if (e?.code === '28P01' || e?.code === '28000') return new SourceError('AUTH', `source ${where} refused the credentials: ${msg}`, false);
  if (e?.code === '3D000') return new SourceError('NO_DATABASE', `source ${where}: ${msg}`, false);
  // 57P01..03 admin shutdown / crash shutdown / cannot connect now; class 08 connection exceptions
  if (e?.code?.startsWith('57P') || e?.code?.startsWith('08'))
    return new SourceError('UNAVAILABLE', `source ${where} went away: ${msg}`, true);
  if (/Connection terminated|connection timeout|terminating connection|Client was closed|not queryable|ECONNRESET/i.test(msg)) {
    return new SourceError('UNAVAILABLE', `source ${where} went away: ${msg}`, true);
  }
  return err instanceof Error ? err : new Error(msg);
}

/** Codes Node's TLS layer gives a certificate it will not trust. */
const CERT_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** What went wrong with TLS, in words that say what to change, or null when it is not about TLS. */
export function tlsProblem(code: string | undefined, message: string): string | null {
  if (/does not support SSL/i.test(message))
    return 'the server does not accept TLS connections, but the URL asks for them (sslmode): remove sslmode or enable TLS on the server';
  if (code && CERT_CODES.has(code))
    return `the server's TLS certificate is not trusted (${code}): use a certificate from a trusted authority, pass its CA (sslrootcert), or sslmode=no-verify if you accept the risk`;
  if (code?.startsWith('ERR_SSL_') || code?.startsWith('ERR_TLS_') || code === 'EPROTO')
    return `the TLS handshake failed (${code}): ${message}`;
  // pg_hba.conf allows only hostssl for this client: PostgreSQL says "no encryption" (14+) or "SSL off"
  if (code === '28000' && /no encryption|SSL off/i.test(message))
    return 'the server accepts only TLS connections from this address: add ?sslmode=require to the URL';
  return null;
}
