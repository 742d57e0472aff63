import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { NotificationPayload } from '../../../src-shared/contract/notifications';
import { FakeNotification, standIn } from './support/electron-stand-in';

// The Electron side of notifications and secrets, with `electron` replaced by a stand-in (the binary
// cannot run here): the adapter must build Electron's Notification, show it and route its click;
// safeStorage must be the only way a secret reaches the disk.
const keychain = { available: true };
vi.mock('electron', async () => {
  const mod = (await import('./support/electron-stand-in')).electronModule();
  return {
    ...mod,
    safeStorage: {
      isEncryptionAvailable: () => keychain.available,
      // a reversible stand-in cipher: what matters is that only its output is written
      encryptString: (s: string) => Buffer.from(`enc:${Buffer.from(s).toString('base64')}`),
      decryptString: (b: Buffer) => Buffer.from(b.toString().slice(4), 'base64').toString(),
    },
  };
});

const n: NotificationPayload = {
  id: 'trap:7',
  title: 'Compound trap: Lens v Nantes',
  body: 'Favourite shortened against the sharp book',
  severity: 'high',
  matchId: 7,
  panel: 'ferrari',
};

describe('the Electron notification adapter', () => {
  it('shows a native notification with the title, body and urgency, and routes its click', async () => {
    const { electronNotifications } = await import('../../../src-main/electron/notifications');
    const clicked: NotificationPayload[] = [];
    const channel = electronNotifications({ Notification: FakeNotification as never, onClick: (x) => clicked.push(x) });
    standIn.notifications.length = 0;
    await channel.deliver(n, 'trap');
    expect(channel.name).toBe('desktop');
    expect(standIn.notifications).toHaveLength(1);
    expect(standIn.notifications[0].options).toMatchObject({ title: n.title, body: n.body, urgency: 'critical' });
    expect(standIn.notifications[0].shown).toBe(true);
    standIn.notifications[0].click();
    expect(clicked).toEqual([n]);
    await channel.deliver({ ...n, id: 'steam:1', severity: 'medium' }, 'steam');
    expect(standIn.notifications[1].options.urgency).toBe('normal');
  });

  it('fails the delivery (logged by the notifier) where the system has no notifications', async () => {
    const { electronNotifications } = await import('../../../src-main/electron/notifications');
    FakeNotification.supported = false;
    try {
      const channel = electronNotifications({ Notification: FakeNotification as never, onClick: () => {} });
      await expect(channel.deliver(n, 'trap')).rejects.toThrow('this system does not support desktop notifications');
    } finally {
      FakeNotification.supported = true;
    }
  });
});

describe('safeStorage secrets', () => {
  it('writes only what safeStorage encrypted, 0600, reads it back, and refuses without a keychain', async () => {
    const { safeStorageSecrets } = await import('../../../src-main/electron/secrets');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-secrets-'));
    try {
      const secrets = safeStorageSecrets(dir);
      expect(secrets.storage).toBe('safeStorage');
      const url = 'postgres://analyst:s3cret@db.example:5432/monps';
      secrets.set('sourceUrl', url);
      const file = path.join(dir, 'source-url.enc');
      expect(fs.readFileSync(file, 'utf8')).not.toContain('s3cret');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(secrets.get('sourceUrl')).toBe(url);
      keychain.available = false;
      expect(() => secrets.set('telegramToken', '123:abc')).toThrow(/OS keychain is not available/);
      expect(fs.existsSync(path.join(dir, 'telegram-token.enc'))).toBe(false);
      expect(secrets.get('sourceUrl')).toBeUndefined();
      keychain.available = true;
      secrets.set('sourceUrl', undefined);
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      keychain.available = true;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
