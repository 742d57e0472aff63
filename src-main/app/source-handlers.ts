import { ContractError } from '../../src-shared/contract/errors';
import type { PartialHandlers } from '../platform/contract/dispatch';
import { testConnection } from '../platform/pg/connection-test';
import type { Services } from './services';

/** The URL to use: the password typed apart from the URL, or — when the URL's password is `***`, as the
 * form shows a saved URL — the saved password for the same user and server. */
export function withPassword(url: string, password: string | undefined, saved: string | undefined): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url; // the connection test names what is wrong with it
  }
  if (password) {
    u.password = encodeURIComponent(password);
    return u.toString();
  }
  if (u.password !== '***' && u.password !== '%2A%2A%2A') return url; // the connection test names a bad escape
  const s = saved ? new URL(saved) : null;
  if (!s || s.username !== u.username || s.hostname !== u.hostname || (s.port || '5432') !== (u.port || '5432'))
    throw new ContractError('VALIDATION', 'password: no password is saved for this user and server: type it', {
      issues: [{ path: ['password'], message: 'no password is saved for this user and server: type it' }],
    });
  u.password = s.password;
  return u.toString();
}

/** settings.source.*: what runs, test a connection, save and switch (the current cache stays in use
 * until the new source has synced). Passwords go in, never out. */
export function sourceHandlers(s: Services): PartialHandlers {
  const saved = (): string | undefined => s.secrets.get('sourceUrl') ?? s.config.sourceUrl;
  return {
    'settings.source.get': async () => s.sourceSwitch.state(),
    'settings.source.test': async ({ url, password }) => testConnection(withPassword(url, password, saved())),
    'settings.source.save': ({ url, password }) => s.sourceSwitch.begin(url === null ? null : withPassword(url, password, saved())),
  };
}
