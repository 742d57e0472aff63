import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CellFocusedEvent, GridApi, RowClickedEvent } from 'ag-grid-community';
import type { Trap } from '../../../src-shared/contract/intel';
import { subscribe } from '../../api/client';
import { useFocusMatch } from '../../app/store/focus';
import { reportError } from '../../app/store/toasts';
import { Grid } from '../../ui/Grid';
import { Coaches } from '../../ui/MatchCards';
import { trapColumns } from './columns';
import { HealthLine } from './HealthLine';
import { ScorerCards } from './ScorerCards';
import { useFerrari } from './store';
import { TeamPicker, TeamProfileCard } from './TeamProfile';
import { TrapEvidence } from './TrapEvidence';
import './ferrari.css';

const rowId = (t: Trap): string => t.trapId;

/** The grid's title (all active traps, or one match's) and the way back from one match's. */
function TrapsToolbar({ count }: { count: number }) {
  const fe = useFerrari();
  const filtered = fe.matchFilter !== null ? (fe.matchTrapList?.[0]?.match ?? fe.matchup) : null;
  return (
    <>
      <h2 className="card__title fe__grid-title">
        {fe.matchFilter !== null ? 'Traps of one match' : 'Active traps'} · {count}
      </h2>
      {fe.matchFilter !== null && (
        <span className="fe-filter" data-testid="match-filter">
          {filtered ? `${filtered.home} – ${filtered.away}` : `match ${fe.matchFilter}`}
          <button type="button" className="btn btn--ghost" onClick={() => void fe.focusMatch(null)} aria-label="Show every active trap">
            ✕ all traps
          </button>
        </span>
      )}
    </>
  );
}

/** The picked team's profile, its scorers with prices, and the coach matchup. */
function FerrariSide() {
  const fe = useFerrari();
  return (
    <aside className="fe__side">
      <TeamProfileCard profile={fe.profile} error={fe.profileError} loading={fe.profileLoading} />
      <ScorerCards scorers={fe.scorers} error={fe.scorersError} />
      {fe.matchup && fe.coaches && <Coaches coaches={fe.coaches} home={fe.matchup.home} away={fe.matchup.away} />}
      {fe.coachesError && <p className="banner banner--bad">Coach matchup: {fe.coachesError}</p>}
    </aside>
  );
}

/** SPEC 7.5: FERRARI intelligence — the visual trap detector (active traps, each with its evidence and
 * history), team profiles, scorer cards with prices, the coach matchup, and the agents' health. */
export default function FerrariPanel() {
  const fe = useFerrari();
  const focus = useFocusMatch();
  const api = useRef<GridApi<Trap> | null>(null);
  const nowRef = useRef(Date.now());
  const [now, setNow] = useState(nowRef.current);
  const columns = useMemo(() => trapColumns(() => nowRef.current), []);

  useEffect(() => {
    const s = useFerrari.getState();
    void s.load().then(() => {
      const st = useFerrari.getState();
      if (st.selectedTrapId === null && st.matchFilter === null && st.traps?.length) void st.selectTrap(st.traps[0].trapId);
    }, reportError);
    const stop = subscribe('cache.changed', (e) => void useFerrari.getState().refresh(e.tables).catch(reportError));
    const tick = setInterval(() => {
      nowRef.current = Date.now();
      setNow(nowRef.current);
      api.current?.refreshCells({ columns: ['kickoff'] });
    }, 30_000);
    return () => {
      stop();
      clearInterval(tick);
    };
  }, []);

  // a notification's click (or Deep Analysis's link) asked for a match: show its traps
  useEffect(() => {
    const s = useFerrari.getState();
    if (focus.matchId === null || focus.at === s.focusedAt) return;
    useFerrari.setState({ focusedAt: focus.at });
    void s.focusMatch(focus.matchId);
  }, [focus.at, focus.matchId]);

  const rows = useMemo(
    () => (fe.matchFilter !== null ? (fe.matchTrapList ?? []) : (fe.traps ?? [])),
    [fe.matchFilter, fe.matchTrapList, fe.traps],
  );

  const onReady = useCallback((a: GridApi<Trap>) => {
    api.current = a;
    a.setGridOption('rowSelection', { mode: 'singleRow', checkboxes: false, enableClickSelection: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    // arrows move the focused cell: the evidence follows the focused row (debounced while key-repeating)
    a.addEventListener('cellFocused', (e: CellFocusedEvent<Trap>) => {
      if (e.rowIndex == null || e.rowPinned) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const node = a.getDisplayedRowAtIndex(e.rowIndex!);
        node?.setSelected(true, true);
        if (node?.data && node.data.trapId !== useFerrari.getState().selectedTrapId)
          void useFerrari.getState().selectTrap(node.data.trapId);
      }, 120);
    });
    a.addEventListener('rowClicked', (e: RowClickedEvent<Trap>) => {
      if (e.data && e.data.trapId !== useFerrari.getState().selectedTrapId) void useFerrari.getState().selectTrap(e.data.trapId);
    });
  }, []);

  // the selected trap stays highlighted in the grid when it was chosen elsewhere (a notification, the first load)
  useEffect(() => {
    const node = fe.selectedTrapId ? api.current?.getRowNode(fe.selectedTrapId) : null;
    if (node && !node.isSelected()) node.setSelected(true, true);
  }, [fe.selectedTrapId, rows]);

  const ready = fe.traps !== null && !fe.loading && fe.health !== null;
  return (
    <section
      className="panel panel--ferrari"
      data-panel="ferrari"
      data-ready={ready ? 'true' : 'false'}
      data-trap-count={fe.traps?.length ?? ''}
      data-match-filter={fe.matchFilter ?? ''}
      aria-labelledby="panel-title"
      aria-busy={fe.loading}
    >
      <header className="panel__header">
        <h1 id="panel-title" className="panel__title">
          Ferrari Intel
        </h1>
        <HealthLine health={fe.health} error={fe.healthError} now={Math.max(now, Date.now())} />
        <span className="panel__spacer" />
        <TeamPicker teams={fe.teams} value={fe.team} onPick={(name) => void fe.pickTeam(name)} />
      </header>
      {fe.trapsError && (
        <div className="banner banner--bad" role="alert">
          <strong>The traps could not be read.</strong> {fe.trapsError}
        </div>
      )}
      <div className="fe__body">
        <div className="fe__main">
          <div className="card fe__grid-card">
            <Grid<Trap>
              id="ferrari-traps"
              rows={rows}
              columns={columns}
              rowId={rowId}
              onReady={onReady}
              emptyText={fe.traps === null ? 'Reading the traps…' : fe.matchFilter !== null ? 'No trap on this match' : 'No active trap'}
              toolbar={<TrapsToolbar count={rows.length} />}
            />
          </div>
          {fe.detailError && <p className="banner banner--bad">{fe.detailError}</p>}
          {fe.detail ? (
            <TrapEvidence detail={fe.detail} />
          ) : (
            <p className="muted fe__hint">
              {fe.detailLoading ? 'reading the evidence…' : 'Select a trap (click, or arrows in the grid) to see its evidence.'}
            </p>
          )}
        </div>
        <FerrariSide />
      </div>
    </section>
  );
}
