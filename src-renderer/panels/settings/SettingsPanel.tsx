import { ExternalLink } from '../../ui/ExternalLink';
import { formatWhen } from '../../ui/format';
import { useAppInfo } from '../../app/store/app-info';
import './settings.css';

/** What this instance runs on (read from app.info). Editing arrives with the settings contract. */
export default function SettingsPanel() {
  const info = useAppInfo((s) => s.info);
  return (
    <section className="panel panel--settings" data-panel="settings" data-ready={info ? 'true' : 'false'} aria-labelledby="panel-title">
      <header className="panel__header">
        <h1 id="panel-title" className="panel__title">
          Settings
        </h1>
      </header>
      <div className="settings">
        <div className="card">
          <h2 className="card__title">This instance</h2>
          {info ? (
            <dl className="props">
              <dt>Application</dt>
              <dd>
                {info.name} v{info.version}
              </dd>
              <dt>Source</dt>
              <dd>
                {info.source.label} <span className="muted">({info.source.kind})</span>
              </dd>
              <dt>Cache</dt>
              <dd className="cell--mono">{info.cacheFile}</dd>
              <dt>Transport</dt>
              <dd>{info.transport === 'ipc' ? 'Electron IPC (desktop window)' : 'HTTP (headless server, browser)'}</dd>
              <dt>Started</dt>
              <dd>{formatWhen(info.startedAt)}</dd>
            </dl>
          ) : (
            <p className="muted">Connecting…</p>
          )}
        </div>
        <div className="card">
          <h2 className="card__title">Source connection, schedule, bankroll and Kelly fraction, notifications</h2>
          <p className="not-built__lead">Not built yet: arrives with the settings contract. Until then the source is chosen at start:</p>
          <ul className="plain-list">
            <li>
              <code>--source postgres://user:password@host:port/db</code> on <code>monps serve</code>
            </li>
            <li>
              or the environment variable <code>MONPS_SOURCE_URL</code>
            </li>
            <li>
              or <code>sourceUrl</code> in <code>settings.json</code> of the data folder
            </li>
            <li>otherwise the embedded PostgreSQL in the data folder</li>
          </ul>
          <p className="muted small">
            Historical results and odds can be imported from{' '}
            <ExternalLink href="https://www.football-data.co.uk/data.php">football-data.co.uk</ExternalLink> CSV files.
          </p>
        </div>
      </div>
    </section>
  );
}
