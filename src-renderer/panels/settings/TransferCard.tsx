import { useRef, useState } from 'react';
import { call } from '../../api/client';
import { useAppInfo } from '../../app/store/app-info';
import { ExternalLink } from '../../ui/ExternalLink';
import { formatWhen } from '../../ui/format';
import { fieldErrors } from './errors';
import { useSettings } from './store';
import { DeskName } from './DeskName';

/** This instance, and the settings as a file: exported without secrets, imported with the same checks. */
export function TransferCard({ file, updatedAt }: { file: string; updatedAt: string | null }) {
  const info = useAppInfo((s) => s.info);
  const input = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  const exportFile = async () => {
    const out = await call('settings.export', {});
    const url = URL.createObjectURL(new Blob([out.content], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = out.fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setNote({ ok: true, text: `Exported as ${out.fileName} (no password, no token).` });
  };
  const importFile = async (f: File | undefined) => {
    if (!f) return;
    try {
      useSettings.setState({ settings: await call('settings.import', { content: await f.text() }) });
      setNote({ ok: true, text: `Imported ${f.name}.` });
    } catch (err) {
      const e = fieldErrors(err);
      setNote({
        ok: false,
        text: `${f.name} was not imported, nothing changed: ${
          e._form ??
          Object.entries(e)
            .map(([k, v]) => `${k}: ${v}`)
            .join('; ')
        }`,
      });
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="card settings-card" data-section="instance">
      <h2 className="card__title">This instance</h2>
      {info ? (
        <dl className="props">
          <dt>Application</dt>
          <dd>
            {info.name} v{info.version}
          </dd>
          <dt>Desk</dt>
          <dd title="Made once for this data folder (desk.json): its id is in the keys of the picks, bets, combos and feedback this desk writes">
            {info.desk.name} <span className="cell--mono">({info.desk.deskId})</span>
          </dd>
          <dt>Name</dt>
          <dd>
            <DeskName current={info.desk.name} />
          </dd>
          <dt>Cache</dt>
          <dd className="cell--mono">{info.cacheFile}</dd>
          <dt>Settings</dt>
          <dd className="cell--mono">{file}</dd>
          <dt>Saved</dt>
          <dd>{updatedAt ? formatWhen(updatedAt) : 'never (defaults)'}</dd>
          <dt>Transport</dt>
          <dd>{info.transport === 'ipc' ? 'Electron IPC (desktop window)' : 'HTTP (headless server, browser)'}</dd>
        </dl>
      ) : (
        <p className="muted">Connecting…</p>
      )}
      <div className="settings-card__actions">
        <button type="button" className="btn" onClick={() => void exportFile()}>
          Export settings
        </button>
        <button type="button" className="btn" onClick={() => input.current?.click()}>
          Import settings…
        </button>
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label="Settings file to import"
          onChange={(e) => void importFile(e.target.files?.[0])}
        />
      </div>
      {note && (
        <p className={`conn-result conn-result--${note.ok ? 'ok' : 'bad'}`} role="status" data-testid="transfer-note">
          {note.text}
        </p>
      )}
      <p className="muted small">
        Historical results and odds can be imported from{' '}
        <ExternalLink href="https://www.football-data.co.uk/data.php">football-data.co.uk</ExternalLink> CSV files (
        <code>monps import football-data</code>).
      </p>
    </div>
  );
}
