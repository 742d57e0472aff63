import { useEffect } from 'react';
import { MarketsCard } from './MarketsCard';
import { NotificationsCard } from './NotificationsCard';
import { ScheduleCard } from './ScheduleCard';
import { SourceCard } from './SourceCard';
import { StakingCard } from './StakingCard';
import { TelegramCard } from './TelegramCard';
import { TransferCard } from './TransferCard';
import { followSettings, useSettings } from './store';
import './settings.css';

/** Settings (SPEC 7): source connection, schedule, bankroll and staking, books and leagues,
 * notifications and Telegram, each section saved on its own through the contract. */
export default function SettingsPanel() {
  const { settings, source, schedule, error, load } = useSettings();
  useEffect(() => {
    void load();
    return followSettings();
  }, [load]);
  const ready = settings !== null && source !== null && schedule !== null;
  return (
    <section className="panel panel--settings" data-panel="settings" data-ready={ready ? 'true' : 'false'} aria-labelledby="panel-title">
      <header className="panel__header">
        <h1 id="panel-title" className="panel__title">
          Settings
        </h1>
        <span className="panel__subtitle">
          each section is checked as a whole when saved: a wrong value saves nothing and is shown next to its field
        </span>
      </header>
      {error && (
        <div className="banner banner--bad" role="alert">
          <strong>The settings could not be read.</strong> {error}
        </div>
      )}
      {ready && (
        <div className="settings">
          <ScheduleCard saved={settings.settings.schedule} state={schedule} />
          <div className="settings__col">
            <SourceCard key={source.editUrl} source={source} />
            <StakingCard saved={settings.settings.staking} />
            <MarketsCard saved={settings.settings.markets} />
          </div>
          <div className="settings__col">
            <NotificationsCard saved={settings.settings.notifications} />
            <TelegramCard saved={settings.settings.telegram} tokenSet={settings.secrets.telegramToken} />
            <TransferCard file={settings.file} updatedAt={settings.updatedAt} />
          </div>
        </div>
      )}
    </section>
  );
}
