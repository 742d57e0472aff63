import { ContractError } from '../../../src-shared/contract/errors';
import type { SettingsState } from '../../../src-shared/contract/settings';
import type { PartialHandlers } from '../../platform/contract/dispatch';
import type { JobHost } from '../../platform/jobs/host';
import { TelegramError, type TelegramClient } from '../../platform/notifier';
import type { SecretStore, SettingsStore } from '../../platform/settings';
import { settingsOptionsJob } from './jobs';
import { exportSettings, readSettingsFile } from './transfer';

export interface SettingsDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  jobs: JobHost;
  telegram: TelegramClient;
}

/** A field-level refusal, shaped like zod's (the panel shows it next to the field). */
const fieldError = (path: string[], message: string): ContractError =>
  new ContractError('VALIDATION', `${path.join('.')}: ${message}`, { issues: [{ path, message }] });

function stateOf(d: SettingsDeps): SettingsState {
  return {
    settings: d.settings.settings,
    updatedAt: d.settings.updatedAt,
    file: d.settings.file,
    secrets: { storage: d.secrets.storage, telegramToken: d.secrets.get('telegramToken') !== undefined },
  };
}

/** Telegram alerts cannot be turned on without a token to send with. */
function checkTelegramReady(d: SettingsDeps, telegramOn: boolean | undefined, tokenKept = true): void {
  if (telegramOn && !d.settings.settings.notifications.telegram && !(tokenKept && d.secrets.get('telegramToken')))
    throw fieldError(['notifications', 'telegram'], 'set the Telegram bot token first (Telegram section)');
}

const sameEndpoint = (a: string, b: string): boolean => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/** The bot token was checked against one Bot API server: a change of server forgets it, so a stored
 * token is never sent to a host the analyst did not give it to (it must be set again). */
function forgetTokenOnNewEndpoint(d: SettingsDeps, before: string): void {
  if (!sameEndpoint(before, d.settings.settings.telegram.baseUrl) && d.secrets.get('telegramToken') !== undefined)
    d.secrets.set('telegramToken', undefined);
}

const TOKEN = /^\d{3,}:[A-Za-z0-9_-]{20,}$/;

/** settings.* but the source (composed in app/source-handlers.ts). */
export function settingsHandlers(d: SettingsDeps): PartialHandlers {
  return {
    'settings.get': async () => stateOf(d),
    'settings.update': async (patch) => {
      const before = d.settings.settings.telegram.baseUrl;
      checkTelegramReady(d, patch.notifications?.telegram, !patch.telegram || sameEndpoint(before, patch.telegram.baseUrl));
      d.settings.update(patch);
      forgetTokenOnNewEndpoint(d, before);
      return stateOf(d);
    },
    'settings.export': async () => exportSettings(d.settings.settings),
    'settings.import': async ({ content }) => {
      const candidate = readSettingsFile(content) as { notifications?: { telegram?: boolean } };
      checkTelegramReady(d, candidate.notifications?.telegram);
      const before = d.settings.settings.telegram.baseUrl;
      d.settings.replace(candidate, 'settings file');
      forgetTokenOnNewEndpoint(d, before);
      return stateOf(d);
    },
    'settings.options': () => d.jobs.run(settingsOptionsJob, {}).done,
    'settings.telegram.setToken': async ({ token }) => {
      if (token === null) {
        d.secrets.set('telegramToken', undefined);
        return { telegramToken: false, bot: null };
      }
      if (!TOKEN.test(token)) throw fieldError(['token'], 'not a bot token: BotFather gives one like 123456789:AAE…');
      let bot: { username?: string };
      try {
        bot = await d.telegram.call<{ username?: string }>({ baseUrl: d.settings.settings.telegram.baseUrl, token }, 'getMe');
      } catch (err) {
        const e = err as TelegramError;
        throw new ContractError(e.retryable ? 'UNAVAILABLE' : 'VALIDATION', `the token was not saved: ${e.message}`, {
          issues: [{ path: ['token'], message: e.message }],
        });
      }
      d.secrets.set('telegramToken', token);
      return { telegramToken: true, bot: bot.username ? `@${bot.username}` : null };
    },
  };
}
