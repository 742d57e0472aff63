import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src-shared/contract/settings';
import { exportSettings, settingsHandlers, type SettingsDeps } from '../../../src-main/features/settings';
import { fileSecrets, SettingsStore, settingsFileIn } from '../../../src-main/platform/settings';
import type { JobHost } from '../../../src-main/platform/jobs/host';
import type { TelegramClient } from '../../../src-main/platform/notifier';

// Issue 17, item 3: the bot token was checked against one Bot API server; a later change of
// `telegram.baseUrl` must not send it to the new host: the change forgets it (set it again).
const TOKEN = '7012345678:AAH-stand-in-token-0123456789abcdefg';
let dir: string;
let deps: SettingsDeps;
let calls: string[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monps-tg-endpoint-'));
  const file = settingsFileIn(dir);
  calls = [];
  const telegram = {
    call: async (t: { baseUrl: string }, method: string) => {
      calls.push(`${t.baseUrl} ${method}`);
      return { username: 'desk_bot' };
    },
  } as unknown as TelegramClient;
  deps = { settings: new SettingsStore(file), secrets: fileSecrets(file), jobs: {} as JobHost, telegram };
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const telegram = (baseUrl: string) => ({ telegram: { baseUrl, chatId: '-1001234567890' } });

describe('a stored Telegram token and a later baseUrl change', () => {
  it('settings.update to another endpoint forgets the token', async () => {
    const h = settingsHandlers(deps);
    await h['settings.telegram.setToken']!({ token: TOKEN });
    expect(deps.secrets.get('telegramToken')).toBe(TOKEN);
    const same = await h['settings.update']!(telegram('https://api.telegram.org/'));
    expect(same.secrets.telegramToken).toBe(true); // the same server (a trailing slash) keeps it
    const moved = await h['settings.update']!(telegram('https://attacker.example'));
    expect(moved.secrets.telegramToken).toBe(false);
    expect(deps.secrets.get('telegramToken')).toBeUndefined();
    expect(fs.readFileSync(settingsFileIn(dir), 'utf8')).not.toContain(TOKEN);
  });

  it('turning Telegram alerts on in the same update as a new endpoint needs the token again', async () => {
    const h = settingsHandlers(deps);
    await h['settings.telegram.setToken']!({ token: TOKEN });
    await expect(
      h['settings.update']!({
        ...telegram('https://attacker.example'),
        notifications: { ...DEFAULT_SETTINGS.notifications, telegram: true },
      }),
    ).rejects.toThrow(/set the Telegram bot token first/);
    expect(deps.secrets.get('telegramToken')).toBe(TOKEN); // refused as a whole: nothing changed
    expect(deps.settings.settings.telegram.baseUrl).toBe('https://api.telegram.org');
  });

  it('settings.import of a file naming another endpoint forgets the token too', async () => {
    const h = settingsHandlers(deps);
    await h['settings.telegram.setToken']!({ token: TOKEN });
    const { content } = exportSettings({ ...deps.settings.settings, telegram: { baseUrl: 'https://attacker.example', chatId: '' } });
    const state = await h['settings.import']!({ content });
    expect(state.secrets.telegramToken).toBe(false);
  });
});
