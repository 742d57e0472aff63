import { useCallback, useEffect, useState } from 'react';
import type { RowClickedEvent } from 'ag-grid-community';
import type { PickRow } from '../../../src-shared/contract/picks';
import { Grid } from '../../ui/Grid';
import { BetForm } from './BetForm';
import { pickColumns } from './columns';
import { PickDetail } from './PickDetail';
import { useHistory } from './store';
import { FilterBar } from '../../ui/FilterBar';
import { usePickOptions } from '../../app/store/pick-options';

const rowId = (r: PickRow) => r.pickId;

/** Every pick and bet with its settlement; one in detail; the bet form. */
export function BetsTab() {
  const h = useHistory();
  const [search, setSearch] = useState('');
  const options = usePickOptions((s) => s.options);
  const f = h.filters;
  useEffect(() => {
    void usePickOptions.getState().load();
    // every opening reads again (the rows shown meanwhile): a sync, a bet or a desk's rename while the panel was closed
    void useHistory.getState().refresh();
  }, []);
  const onRow = useCallback((e: RowClickedEvent<PickRow>) => {
    if (e.data) void useHistory.getState().select(e.data.pickId);
  }, []);
  return (
    <div className="history__bets">
      <div className="history__grid">
        <Grid<PickRow>
          id="history-bets"
          rows={h.rows ?? []}
          columns={pickColumns}
          rowId={rowId}
          quickFilter={search}
          onRowClicked={onRow}
          emptyText="No pick or bet in this filter"
          toolbar={
            <>
              <div className="segmented" role="group" aria-label="Kind">
                {(['all', 'pick', 'bet'] as const).map((k) => (
                  <button
                    key={k}
                    type="button"
                    className="segmented__item"
                    aria-pressed={f.kind === k}
                    onClick={() => h.setFilters({ kind: k })}
                  >
                    {k === 'all' ? 'All' : k === 'pick' ? 'Picks' : 'My bets'}
                  </button>
                ))}
              </div>
              <FilterBar value={f} options={options} errors={h.filterErrors} onChange={h.setFilters} withState />
              <input
                className="input"
                type="search"
                placeholder="Search…"
                aria-label="Search bets"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
              <span className="muted" data-testid="bets-count">
                {h.rows ? `${h.rows.length}${h.truncated ? ` of ${h.total}` : ''} bets` : 'reading…'}
              </span>
              <button type="button" className="btn btn--primary" onClick={() => h.openForm({ pick: null })}>
                Record a bet…
              </button>
            </>
          }
        />
      </div>
      <aside className="history__side" aria-label="Selected bet">
        {h.form && <BetForm key={h.form.pick?.pickId ?? 'own'} pick={h.form.pick} onDone={() => h.openForm(null)} />}
        {h.detail ? (
          <PickDetail d={h.detail} />
        ) : (
          !h.form && (
            <p className="muted history__hint">
              {h.detailError ?? 'Select a row to see what the pick was decided on, its closing line and its settlement.'}
            </p>
          )
        )}
      </aside>
    </div>
  );
}
