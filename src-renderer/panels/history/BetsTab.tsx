import { useCallback, useEffect, useState } from 'react';
import type { RowClickedEvent } from 'ag-grid-community';
import type { PickRow } from '../../../src-shared/contract/picks';
import { Grid } from '../../ui/Grid';
import { BetForm } from './BetForm';
import { pickColumns } from './columns';
import { PickDetail } from './PickDetail';
import { useHistory } from './store';
import { DeskSelect } from '../../ui/DeskSelect';

const rowId = (r: PickRow) => r.pickId;

/** Every pick and bet with its settlement; one in detail; the bet form. */
export function BetsTab() {
  const h = useHistory();
  const [search, setSearch] = useState('');
  const f = h.filters;
  useEffect(() => {
    void useHistory.getState().loadOptions();
    if (!useHistory.getState().rows) void useHistory.getState().refresh();
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
              <div className="segmented" role="group" aria-label="State">
                {(['all', 'open', 'settled'] as const).map((k) => (
                  <button
                    key={k}
                    type="button"
                    className="segmented__item"
                    aria-pressed={f.state === k}
                    onClick={() => h.setFilters({ state: k })}
                  >
                    {k === 'all' ? 'Any state' : k === 'open' ? 'Open' : 'Settled'}
                  </button>
                ))}
              </div>
              <select
                className="select"
                aria-label="Market"
                value={f.market ?? ''}
                onChange={(e) => h.setFilters({ market: (e.target.value || undefined) as typeof f.market })}
              >
                <option value="">All markets</option>
                <option value="1x2">1X2</option>
                <option value="totals">Totals</option>
                <option value="spreads">Asian handicap</option>
              </select>
              <select
                className="select"
                aria-label="League"
                value={f.league ?? ''}
                onChange={(e) => h.setFilters({ league: e.target.value || undefined })}
              >
                <option value="">All leagues</option>
                {h.options?.leagues.map((l) => (
                  <option key={l.code} value={l.code}>
                    {l.name}
                  </option>
                ))}
              </select>
              <select
                className="select"
                aria-label="Book"
                value={f.bookmaker ?? ''}
                onChange={(e) => h.setFilters({ bookmaker: e.target.value || undefined })}
              >
                <option value="">All books</option>
                {h.options?.bookmakers.map((b) => (
                  <option key={b.code} value={b.code}>
                    {b.code}
                  </option>
                ))}
              </select>
              <DeskSelect value={f.desk} onChange={(desk) => h.setFilters({ desk })} />
              <select
                className="select"
                aria-label="Agent"
                value={f.source ?? ''}
                onChange={(e) => h.setFilters({ source: e.target.value || undefined })}
              >
                <option value="">All agents</option>
                {h.options?.sources.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
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
