import { useCallback, useEffect, useMemo } from 'react';
import type { ColDef, ICellRendererParams, RowClickedEvent } from 'ag-grid-community';
import type { LearningEntry } from '../../../src-shared/contract/conseil';
import { subscribe } from '../../api/client';
import { Chart } from '../../ui/Chart';
import { formatWhen } from '../../ui/format';
import { Grid } from '../../ui/Grid';
import { outOfSampleText, weightChangeText, weightsLabel, weightsOption, weightSeries } from './learning';
import { useLearning } from './learning-store';
import { inputName } from '../../ui/bet-labels';

const NUM = ['ag-right-aligned-cell', 'cell--num'];

/** The version, marked when it is the refit shown below (follows the store: the grid need not redraw). */
function VersionCell({ data }: ICellRendererParams<LearningEntry>) {
  const shown = useLearning((s) => s.selected ?? s.entries?.[0]?.version ?? null);
  if (!data) return null;
  return data.version === shown ? (
    <strong className="learning__shown" title="shown below">
      ▸ v{data.version}
    </strong>
  ) : (
    <>v{data.version}</>
  );
}
const intCol = (field: keyof LearningEntry, headerName: string, width = 84): ColDef<LearningEntry> => ({
  field,
  headerName,
  width,
  type: 'rightAligned',
  filter: 'agNumberColumnFilter',
  cellClass: NUM,
});

const columns: ColDef<LearningEntry>[] = [
  { ...intCol('version', 'Version', 100), sort: 'desc', valueFormatter: (p) => `v${p.value as number}`, cellRenderer: VersionCell },
  { field: 'fittedAt', headerName: 'Fitted at', width: 190, valueFormatter: (p) => formatWhen(p.value as string) },
  {
    field: 'trainedThrough',
    headerName: 'Trained through',
    width: 140,
    valueFormatter: (p) => ((p.value as string | null) ?? '—').slice(0, 10),
    cellClass: 'cell--num',
  },
  intCol('rows', 'Rows'),
  intCol('picks', 'Settled picks', 124),
  intCol('feedback', 'Feedback', 104),
  {
    colId: 'outOfSample',
    headerName: 'Out of sample: mean CLV before → after',
    width: 290,
    valueGetter: (p) => (p.data ? outOfSampleText(p.data.outOfSample) : ''),
    tooltipValueGetter: (p) => {
      const o = p.data?.outOfSample;
      return o
        ? `${o.from.slice(0, 10)} to ${o.to.slice(0, 10)}: ${o.candidates} candidates; old weights picked ${o.before.picked}, new ${o.after.picked}`
        : 'no settled days left out of both fits';
    },
    cellClass: 'cell--num',
  },
  { field: 'note', headerName: 'Note', width: 320 },
];
const rowId = (e: LearningEntry) => String(e.version);
/** The tables a refit writes (the weights, the log, the agents' feedback). */
const LEARNING_TABLES = /patron|learning|feedback/;

/** The learning log: every PATRON refit, what changed and on how much settled history, and its effect
 * out of sample; the chosen refit's weight changes, and every input's weight over the versions. */
export function LearningTab() {
  const { entries, error, selected } = useLearning();
  useEffect(() => {
    void useLearning.getState().load();
    return subscribe('cache.changed', (e) => {
      if (e.tables.some((t) => LEARNING_TABLES.test(t))) void useLearning.getState().load();
    });
  }, []);
  const onRow = useCallback((e: RowClickedEvent<LearningEntry>) => {
    if (e.data) useLearning.getState().select(e.data.version);
  }, []);
  const series = useMemo(() => weightSeries(entries ?? []), [entries]);
  const option = useMemo(() => weightsOption(series), [series]);
  const entry = entries?.find((e) => e.version === selected) ?? entries?.[0] ?? null;

  return (
    <div className="learning" data-testid="learning-log" data-entries={entries?.length ?? ''}>
      {error && (
        <div className="banner banner--bad" role="alert">
          <strong>The learning log could not be read.</strong> {error}
        </div>
      )}
      <div className="learning__grid">
        {entries ? (
          <Grid<LearningEntry>
            id="history-learning"
            rows={entries}
            columns={columns}
            rowId={rowId}
            onRowClicked={onRow}
            emptyText="No refit yet: the learning loop logs each PATRON refit here"
          />
        ) : (
          !error && <p className="muted">Reading the learning log…</p>
        )}
      </div>
      <div className="learning__lower">
        <section className="card learning__changes" aria-label="Weight changes" data-testid="learning-changes">
          <div className="learning__changes-head">
            <h2 className="card__title">
              {entry ? `Weight changes of v${entry.version}` : 'Weight changes'}
              {entry && <span className="card__hint"> · {entry.changes.length} inputs changed</span>}
            </h2>
            {entries && entries.length > 1 && (
              <select
                className="select"
                aria-label="Refit shown"
                value={entry?.version ?? ''}
                onChange={(e) => useLearning.getState().select(Number(e.target.value))}
              >
                {entries.map((e) => (
                  <option key={e.version} value={e.version}>
                    v{e.version} · {e.fittedAt.slice(0, 10)}
                  </option>
                ))}
              </select>
            )}
          </div>
          {!entry ? (
            <p className="muted">Choose a refit in the log.</p>
          ) : entry.changes.length === 0 ? (
            <p className="muted">No weight changed in this refit.</p>
          ) : (
            <ul className="learning__list">
              {entry.changes.map((c) => (
                <li key={c.input} data-input={c.input}>
                  <span className="learning__label" title={c.label}>
                    <strong>{inputName(c.input)}</strong> {c.label}
                  </span>
                  <span className="learning__change">{weightChangeText(c.before, c.after)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card learning__chart" aria-label="Weights over the versions">
          <h2 className="card__title">Each input's weight over the versions</h2>
          <Chart option={option} label={weightsLabel(series)} className="learning__echart" />
        </section>
      </div>
    </div>
  );
}
