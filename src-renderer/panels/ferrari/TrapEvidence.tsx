import { lazy, Suspense } from 'react';
import type { TrapDetail } from '../../../src-shared/contract/intel';
import { formatSigned, formatSignedPct } from '../../ui/format';
import { evidenceSentences, KIND_LABEL, priceBand, selectionLabel, similarSummary } from '../../ui/trap-format';

const TrapChart = lazy(() => import('./TrapChart'));
const day = (iso: string): string => new Date(iso).toLocaleDateString('en-GB', { day: '2-digit', month: 'short', year: '2-digit' });

/** One trap opened: the prices of the books involved, the evidence in words, the history of similar situations. */
export function TrapEvidence({ detail }: { detail: TrapDetail }) {
  const t = detail.trap;
  const s = similarSummary(detail.similar);
  return (
    <div className="fe-evidence" data-testid="trap-evidence" data-trap-id={t.trapId}>
      <div className="card fe-evidence__chart">
        <h2 className="card__title fe-evidence__title" data-testid="trap-title">
          <span className={`fe-badge fe-badge--${t.severity}`}>{t.severity}</span> {KIND_LABEL[t.kind]} · {t.match.home} – {t.match.away} ·{' '}
          {selectionLabel(t)}
        </h2>
        <Suspense fallback={<div className="chart chart--trap" />}>
          <TrapChart detail={detail} />
        </Suspense>
      </div>
      <div className="card fe-evidence__words">
        <h2 className="card__title">Evidence</h2>
        <ul className="fe-words" data-testid="trap-words">
          {evidenceSentences(detail).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
        <p className="muted small">Detector: {t.explanation}</p>
      </div>
      <div className="card fe-evidence__history" data-testid="trap-history">
        <h2 className="card__title">
          Similar situations · {KIND_LABEL[t.kind].toLowerCase()} · {t.market.toUpperCase()} · band {priceBand(t.odds) ?? '—'}
        </h2>
        <dl className="fe-kv">
          <dt>Count</dt>
          <dd className="cell--mono" data-testid="similar-n">
            {s.n}
          </dd>
          <dt>ROI</dt>
          <dd
            className={`cell--mono ${(s.roi ?? 0) < 0 ? 'text--empty' : (s.roi ?? 0) > 0 ? 'text--active' : ''}`}
            data-testid="similar-roi"
          >
            {formatSignedPct(s.roi, 1)}
          </dd>
          <dt title={`Over the ${s.shown} most recent`}>Hit rate</dt>
          <dd className="cell--mono" data-testid="similar-hit">
            {s.hitRate === null ? '—' : `${(s.hitRate * 100).toFixed(0)}% (${s.won}/${s.shown})`}
          </dd>
          <dt>Mean odds</dt>
          <dd className="cell--mono">{s.meanOdds?.toFixed(2) ?? '—'}</dd>
        </dl>
        {detail.similar.situations.length > 0 ? (
          <div className="fe-history__scroll">
            <table className="fe-table" aria-label="Similar past situations, newest first">
              <thead>
                <tr>
                  <th>Date</th>
                  <th>Match</th>
                  <th>Sel</th>
                  <th>Odds</th>
                  <th>Result</th>
                  <th>P/L</th>
                </tr>
              </thead>
              <tbody>
                {detail.similar.situations.map((x) => (
                  <tr key={`${x.matchId}|${x.selection}|${x.odds}`}>
                    <td className="muted">{day(x.kickoff)}</td>
                    <td>
                      {x.home} – {x.away}
                    </td>
                    <td>{x.selection}</td>
                    <td className="cell--mono">{x.odds.toFixed(2)}</td>
                    <td className={x.won ? 'text--active' : 'text--empty'}>{x.won ? 'won' : 'lost'}</td>
                    <td className="cell--mono">{formatSigned(x.profit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">No similar situation in the synced history.</p>
        )}
      </div>
    </div>
  );
}
