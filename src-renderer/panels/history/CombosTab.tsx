import { useEffect } from 'react';
import type { ComboRow } from '../../../src-shared/contract/picks';
import { DeskSelect } from '../../ui/DeskSelect';
import { Grid } from '../../ui/Grid';
import { comboColumns } from './columns';
import { useHistory } from './store';

const rowId = (r: ComboRow) => r.comboId;

/** Accumulators and goalscorer combos: their correlated price against the independent one, settled leg by leg. */
export function CombosTab() {
  const combos = useHistory((s) => s.combos);
  const error = useHistory((s) => s.combosError);
  const desk = useHistory((s) => s.combosDesk);
  useEffect(() => {
    void useHistory.getState().loadCombos();
  }, []);
  return (
    <div className="history__combos">
      {error && (
        <div className="banner banner--bad" role="alert">
          {error}
        </div>
      )}
      {/* the grid's empty text is set when it is created: it comes once the combos are read */}
      {combos ? (
        <Grid<ComboRow>
          id="history-combos"
          rows={combos}
          columns={comboColumns}
          rowId={rowId}
          emptyText="No combo recorded yet"
          toolbar={
            <>
              <DeskSelect value={desk} onChange={(d) => useHistory.getState().setCombosDesk(d)} />
              <span className="muted" data-testid="combos-count">
                {combos.length} combo{combos.length === 1 ? '' : 's'}
              </span>
            </>
          }
        />
      ) : (
        !error && <p className="muted">Reading the combos…</p>
      )}
    </div>
  );
}
