import { useEffect, useMemo } from 'react';
import { subscribe } from '../../api/client';
import { reportError } from '../../app/store/toasts';
import { Grid } from '../../ui/Grid';
import { Coaches, Form, H2H, Scorers } from '../../ui/MatchCards';
import { modelColumns, type ModelRow } from './columns';
import { MatchPicks } from './MatchPicks';
import { MatchSearch } from './MatchSearch';
import { ScoreMatrix } from './ScoreMatrix';
import { useDeepAnalysis } from './store';
import { TrapWarnings } from './TrapWarnings';
import './deep-analysis.css';

const rowId = (r: ModelRow): string => r.id;
const kickoff = (iso: string | null): string =>
  iso
    ? new Date(iso).toLocaleString('en-GB', { weekday: 'short', day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' })
    : 'no date';

/** SPEC 7.4: match preview — Dixon-Coles against the de-vigged market, score matrix, H2H, form, coaches, scorers. */
export default function DeepAnalysisPanel() {
  const da = useDeepAnalysis();
  const p = da.preview;

  useEffect(() => {
    const s = useDeepAnalysis.getState();
    void s.loadMatches().then(() => {
      const st = useDeepAnalysis.getState();
      if (st.matchId === null && st.matches?.length) void st.open(st.matches[0].matchId);
    });
    // the agents wrote or expired traps: the warnings of the open match follow
    return subscribe('cache.changed', (e) => {
      if (e.tables.includes('market_traps')) void useDeepAnalysis.getState().loadTraps().catch(reportError);
    });
  }, []);

  const rows = useMemo<ModelRow[]>(
    () => (p ? p.markets.map((r) => ({ ...r, id: `${r.market}|${r.line ?? ''}|${r.selection}` })) : []),
    [p],
  );
  const ready = p !== null && !da.loading && p.match.matchId === da.matchId;

  return (
    <section
      className="panel panel--deep-analysis"
      data-panel="deep-analysis"
      data-ready={ready ? 'true' : 'false'}
      data-match-id={p?.match.matchId ?? ''}
      aria-labelledby="panel-title"
      aria-busy={da.loading}
    >
      <header className="panel__header">
        <h1 id="panel-title" className="panel__title">
          Deep Analysis
        </h1>
        <MatchSearch matches={da.matches ?? []} onPick={(m) => void da.open(m.matchId)} />
        {p && (
          <span className="panel__subtitle" data-testid="preview-title">
            <strong className="da-title">
              {p.match.home} – {p.match.away}
            </strong>{' '}
            · {p.match.leagueName} · {kickoff(p.match.kickoff)}
          </span>
        )}
        <span className="panel__spacer" />
        {da.loading && <span className="muted">computing the preview…</span>}
      </header>
      {(da.error || da.matchesError) && (
        <div className="banner banner--bad" role="alert">
          <strong>The preview could not be built.</strong> {da.error ?? da.matchesError}
        </div>
      )}
      {da.matches?.length === 0 && <p className="muted">No upcoming match in the cache: sync the source first.</p>}
      {p && (
        <div className="da__body">
          {p.match.matchId !== null && <TrapWarnings traps={da.traps} error={da.trapsError} matchId={p.match.matchId} />}
          <div className="da__main">
            <div className="card da-model-card">
              <h2 className="card__title">
                Model vs market{' '}
                {p.model && (
                  <span className="da-model-meta" data-testid="model-meta">
                    Dixon-Coles · λ {p.model.lambdaHome.toFixed(2)} – {p.model.lambdaAway.toFixed(2)} · ρ {p.model.rho.toFixed(3)} ·{' '}
                    {p.model.matches} matches, ξ {p.model.xi}/day, as of {p.model.asOf}
                  </span>
                )}
              </h2>
              {p.modelError && <p className="banner banner--bad">{p.modelError}</p>}
              <Grid<ModelRow> id="preview-markets" rows={rows} columns={modelColumns} rowId={rowId} emptyText="No model for this match" />
            </div>
            <div className="card da-matrix-card">
              <h2 className="card__title">Score matrix (model)</h2>
              {p.matrix ? <ScoreMatrix matrix={p.matrix} home={p.match.home} away={p.match.away} /> : <p className="muted">No model.</p>}
            </div>
          </div>
          <div className="da__cards">
            {/* the analyst's own picks and bets on the match first: what they decide on */}
            {p.match.matchId !== null && <MatchPicks matchId={p.match.matchId} />}
            <Form form={p.form} />
            <H2H h2h={p.h2h} home={p.match.home} away={p.match.away} />
            <Coaches coaches={p.coaches} home={p.match.home} away={p.match.away} />
            <Scorers scorers={p.scorers} home={p.match.home} away={p.match.away} />
          </div>
        </div>
      )}
    </section>
  );
}
