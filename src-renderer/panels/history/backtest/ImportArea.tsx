import { useState } from 'react';
import type { ImportReport } from '../../../../src-shared/contract/imports';
import { useBacktest } from './store';

/** Problems listed per file, at most this many (the count says how many more). */
const SHOWN_PROBLEMS = 200;

function FileReport({ f }: { f: ImportReport['files'][number] }) {
  return (
    <li className={f.error ? 'import__file import__file--bad' : 'import__file'} data-file={f.file}>
      <strong>{f.file}</strong>{' '}
      {f.error ? (
        <span role="alert">refused: {f.error}</span>
      ) : (
        <span>
          {f.matches} matches ({f.matchesChanged} new or changed), {f.quotes} quotes ({f.quotesChanged} new or changed)
          {f.problems.length > 0 ? `, ${f.problems.length} problems` : ', no problem'}
        </span>
      )}
      {f.problems.length > 0 && (
        <details>
          <summary>Problems by line</summary>
          <ul className="import__problems">
            {f.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <li key={i}>
                line {p.line}
                {p.column ? `, ${p.column}` : ''}: {p.message}
              </li>
            ))}
            {f.problems.length > SHOWN_PROBLEMS && <li>… and {f.problems.length - SHOWN_PROBLEMS} more</li>}
          </ul>
        </details>
      )}
    </li>
  );
}

/** What the last import did: each upload, then the importer's report by file. */
function ImportOutcome() {
  const { uploads, report, importError, ignored } = useBacktest();
  return (
    <div className="import__outcome" data-testid="import-report">
      {uploads
        .filter((u) => !u.ok)
        .map((u) => (
          <div key={u.name} className="banner banner--bad" role="alert">
            <strong>{u.name}</strong> not copied: {u.message}
          </div>
        ))}
      {importError && (
        <div className="banner banner--bad" role="alert">
          The import failed: {importError}
        </div>
      )}
      {report && (
        <>
          <p data-testid="import-totals">
            {report.files.length} {report.files.length === 1 ? 'file' : 'files'}: {report.matches} matches, {report.quotes} quotes,{' '}
            {report.problems} problems, {report.refused} refused ({report.seconds.toFixed(1)} s)
          </p>
          <ul className="import__files">
            {report.files.map((f) => (
              <FileReport key={f.file} f={f} />
            ))}
          </ul>
          <p className="muted">
            Loaded into the source: the next sync brings them into the cache. A backtest over the imported files reads them directly.
          </p>
        </>
      )}
      {ignored.length > 0 && (
        <p className="muted" data-testid="import-ignored">
          Left out of the folder's list: {ignored.map((i) => `${i.name} (${i.reason})`).join('; ')}
        </p>
      )}
    </div>
  );
}

/** "Import football-data files": a file dialog or a drop copies the files into the desk's import
 * folder (one upload each), then the importer loads them into the source and answers its report. */
export function ImportArea() {
  const uploading = useBacktest((s) => s.uploading);
  const replace = useBacktest((s) => s.replace);
  const [over, setOver] = useState(false);
  const take = (list: FileList | null) => void useBacktest.getState().importFiles(list ? [...list] : []);
  return (
    <section
      className={`import card${over ? ' import--over' : ''}`}
      aria-label="Import football-data files"
      data-testid="import-area"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer.files);
      }}
    >
      <h2 className="card__title">Import football-data files</h2>
      <p className="muted">Choose or drop football-data.co.uk CSV files: they are copied into this desk's import folder and loaded.</p>
      <div className="import__actions">
        <label className={`btn${uploading ? ' btn--disabled' : ''}`}>
          {uploading ? 'Importing…' : 'Choose files…'}
          <input
            type="file"
            multiple
            accept=".csv"
            hidden
            disabled={uploading}
            data-testid="import-input"
            onChange={(e) => {
              take(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
        <label className="import__replace">
          <input type="checkbox" checked={replace} onChange={(e) => useBacktest.getState().set({ replace: e.target.checked })} /> Replace
          files of the same name
        </label>
      </div>
      <ImportOutcome />
    </section>
  );
}
