import { useEffect, useMemo } from 'react';
import type { ConseilPick, PicksToday } from '../../../src-shared/contract/conseil';
import { subscribe } from '../../api/client';
import { useJobs } from '../../app/store/jobs';
import { formatSignedPct, formatWhen } from '../../ui/format';
import { ComboSlip } from '../../ui/ComboSlip';
import { ProgressBar } from '../../ui/ProgressBar';
import { money, ranked, summarise } from './labels';
import { PickCard } from './PickCard';
import { ProposedCombos } from './ProposedCombos';
import { usePicks } from './store';
import './picks.css';

/** Picks live in tracking_clv_picks; a sync also brings the matches, odds and traps they are shown with. */
const PICK_TABLES = ['tracking_clv_picks', 'fg_combo_tracking', 'matches', 'market_traps'];

/** The day in one line: picks, total stake, mean expected CLV, the PATRON version that scored them. */
function PicksSummary({ picks, patron, currency }: { picks: ConseilPick[]; patron: PicksToday['patron'] | null; currency: string | null }) {
  const sum = useMemo(() => summarise(picks), [picks]);
  return (
    <p className="picks__summary" data-testid="picks-summary">
      <span data-testid="summary-count">
        {sum.picks} pick{sum.picks === 1 ? '' : 's'}
      </span>
      <span>
        total stake <strong data-testid="summary-stake">{money(sum.totalStake, currency)}</strong>
      </span>
      <span>
        mean expected CLV <strong data-testid="summary-clv">{formatSignedPct(sum.meanExpectedClv)}</strong>
      </span>
      <span data-testid="summary-patron">
        {patron
          ? `PATRON v${patron.version} (${patron.model}) · trained through ${patron.trainedThrough ? patron.trainedThrough.slice(0, 10) : '—'} on ${patron.rows} rows · fitted ${formatWhen(patron.fittedAt)}`
          : 'PATRON not trained yet'}
      </span>
    </p>
  );
}

/** SPEC 7.2: CONSEIL ULTIM's picks of the day, ranked by PATRON DIAMOND's score, each with every factor. */
export default function PicksPanel() {
  const st = usePicks();
  const job = useJobs(
    (s) =>
      Object.values(s.jobs)
        .filter((j) => j.kind === 'conseil.run' && (j.state === 'running' || j.state === 'queued'))
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0],
  );

  useEffect(() => {
    const s = usePicks.getState();
    void s.loadContext();
    if (!s.loading) void s.load(); // the nav's prefetch may have started it
    const stops = [
      subscribe('cache.changed', (e) => {
        if (e.tables.some((t) => PICK_TABLES.includes(t))) void usePicks.getState().load();
      }),
      subscribe('settings.changed', () => void usePicks.getState().loadContext()),
    ];
    return () => stops.forEach((stop) => stop());
  }, []);

  const picks = useMemo(() => (st.data ? ranked(st.data.picks) : []), [st.data]);
  const patron = st.data?.patron ?? null;
  const ready = st.data !== null && !st.loading && !st.running;

  return (
    <section
      className="panel panel--picks"
      data-panel="picks"
      data-ready={ready ? 'true' : 'false'}
      aria-labelledby="panel-title"
      aria-busy={st.loading || st.running}
    >
      <header className="panel__header">
        <h1 id="panel-title" className="panel__title">
          Picks du Jour
        </h1>
        <label className="field">
          <span className="field__label">Day (UTC)</span>
          <input className="input input--date" type="date" aria-label="Day" value={st.date} onChange={(e) => st.setDate(e.target.value)} />
        </label>
        <span className="panel__spacer" />
        {st.running && (
          <span className="panel__progress" data-testid="conseil-progress">
            <ProgressBar fraction={job?.fraction ?? null} label="CONSEIL ULTIM running" />
            <span className="muted">{job?.message || 'CONSEIL ULTIM is deciding…'}</span>
          </span>
        )}
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => void st.run()}
          disabled={st.running}
          title="Score the day's fixtures with PATRON, apply CONSEIL's rule, stake and record the picks"
        >
          {st.running ? 'Running CONSEIL…' : 'Run CONSEIL now'}
        </button>
        <button type="button" className="btn" onClick={() => void st.load()} disabled={st.loading}>
          Refresh
        </button>
      </header>

      <PicksSummary picks={picks} patron={patron} currency={st.currency} />

      {st.lastRun && (
        <p className="picks__run muted" data-testid="last-run">
          Last run: {st.lastRun.fixtures} fixtures, {st.lastRun.candidates} candidates, {st.lastRun.picks.length} picked,{' '}
          {st.lastRun.recorded} newly recorded
          {Object.keys(st.lastRun.refused).length > 0 &&
            ` · refused: ${Object.entries(st.lastRun.refused)
              .map(([why, n]) => `${why} ${n}`)
              .join(', ')}`}
          {st.lastRun.warnings.length > 0 && ` · ${st.lastRun.warnings.join(' · ')}`}
        </p>
      )}
      {st.runError && (
        <div className="banner banner--bad" role="alert">
          <strong>CONSEIL could not run.</strong> {st.runError}
        </div>
      )}
      {st.error && (
        <div className="banner banner--bad" role="alert">
          <strong>The picks could not be read.</strong> {st.error}
        </div>
      )}

      <ComboSlip />
      <div className="picks__body">
        <ProposedCombos combos={st.data?.combos ?? []} currency={st.currency} />
        {st.data === null ? (
          !st.error && <p className="muted">Reading the day's picks…</p>
        ) : picks.length === 0 ? (
          <div className="picks__empty" data-testid="picks-empty">
            <p className="picks__empty-lead">No pick for {st.data.date}.</p>
            {st.data.note && <p>{st.data.note}</p>}
            <p className="muted">"Run CONSEIL now" scores the day's fixtures and records the picks that pass its rule.</p>
          </div>
        ) : (
          <div className="picks__list" data-testid="picks-list">
            {picks.map((p, i) => (
              <PickCard key={p.pickId} pick={p} rank={i + 1} currency={st.currency} />
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
