import { useState } from 'react';
import type { TelegramSettings } from '../../../src-shared/contract/settings';
import { call } from '../../api/client';
import { ExternalLink } from '../../ui/ExternalLink';
import { fieldErrors, within, type FieldErrors } from './errors';
import { Field, SectionForm, useDraft } from './Field';
import { useSettings } from './store';

/** Telegram: the Bot API server and chat (settings), the bot token (a secret: checked with Telegram,
 * stored, never shown again), and a test message. */
export function TelegramCard({ saved, tokenSet }: { saved: TelegramSettings; tokenSet: boolean }) {
  const save = useSettings((s) => s.save);
  const [form, setForm, dirty, reset] = useDraft(saved);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [token, setToken] = useState('');
  const [tokenError, setTokenError] = useState<string | undefined>();
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const e = within(errors, 'telegram');

  const saveToken = async (value: string | null) => {
    setBusy(true);
    setTokenError(undefined);
    setNote(null);
    try {
      const r = await call('settings.telegram.setToken', { token: value });
      setToken('');
      setNote({ ok: true, text: r.telegramToken ? `Token saved${r.bot ? ` for ${r.bot}` : ''}.` : 'Token removed.' });
      await useSettings.getState().load();
    } catch (err) {
      const f = fieldErrors(err);
      setTokenError(f.token ?? f._form);
    } finally {
      setBusy(false);
    }
  };
  const sendTest = async () => {
    setBusy(true);
    setNote(null);
    try {
      const r = await call('notifications.test', { channel: 'telegram' });
      setNote({ ok: r.delivered, text: r.delivered ? 'Test message delivered.' : `Not delivered: ${r.message}` });
      await useSettings.getState().refreshDeliveries();
    } catch (err) {
      setNote({ ok: false, text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <SectionForm
      id="telegram"
      title="Telegram"
      hint="Bot API"
      dirty={dirty}
      errors={e}
      onReset={() => (setErrors({}), reset())}
      onSave={async () => {
        const errs = await save({ telegram: form });
        setErrors(errs);
        return Object.keys(errs).length === 0;
      }}
      extra={
        <button type="button" className="btn" disabled={busy || !tokenSet || !saved.chatId} onClick={() => void sendTest()}>
          Send test message
        </button>
      }
    >
      <div className="sgrid">
        <Field id="telegram-base" label="Bot API server" error={e.baseUrl} hint="another server forgets the saved token" wide>
          <input
            className="input input--wide"
            value={form.baseUrl}
            spellCheck={false}
            onChange={(ev) => setForm({ ...form, baseUrl: ev.target.value })}
          />
        </Field>
        <Field id="telegram-chat" label="Chat id" error={e.chatId} hint="-100… for a group or channel, or @channel">
          <input
            className="input"
            value={form.chatId}
            spellCheck={false}
            onChange={(ev) => setForm({ ...form, chatId: ev.target.value })}
          />
        </Field>
        <Field
          id="telegram-token"
          label="Bot token"
          error={tokenError}
          hint={
            tokenSet ? (
              'saved, never shown: type a new one to replace it'
            ) : (
              <>
                from <ExternalLink href="https://core.telegram.org/bots/features#botfather">@BotFather</ExternalLink>; checked with Telegram
                before it is saved
              </>
            )
          }
        >
          <input
            className="input"
            type="password"
            value={token}
            autoComplete="off"
            placeholder={tokenSet ? '••••••••' : ''}
            onChange={(ev) => setToken(ev.target.value)}
          />
        </Field>
        <span className="sgrid__buttons">
          <button type="button" className="btn" disabled={busy || !token.trim()} onClick={() => void saveToken(token.trim())}>
            Save token
          </button>
          {tokenSet && (
            <button type="button" className="btn btn--ghost" disabled={busy} onClick={() => void saveToken(null)}>
              Remove token
            </button>
          )}
        </span>
      </div>
      {note && (
        <p className={`conn-result conn-result--${note.ok ? 'ok' : 'bad'}`} role="status" data-testid="telegram-note">
          {note.text}
        </p>
      )}
    </SectionForm>
  );
}
