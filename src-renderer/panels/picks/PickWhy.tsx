import type { ConseilPick } from '../../../src-shared/contract/conseil';
import { formatSignedPct } from '../../ui/format';
import { formatOdds, isTrapWarning, selectionText, trapOnPick } from './labels';

const signClass = (v: number | null) => (v === null ? '' : v > 0 ? 'text--active' : v < 0 ? 'text--empty' : '');

/** Why a pick and what to watch: its reasons, warnings, the traps on its match and the scorer specials. */
export function PickWhy({ pick }: { pick: ConseilPick }) {
  return (
    <section className="pick-card__why" aria-label="Reasons and warnings">
      {pick.reasons.length > 0 && (
        <>
          <h3 className="pick-card__h">Reasons</h3>
          <ul className="pick-card__list" data-testid="pick-reasons">
            {pick.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </>
      )}
      {pick.warnings.length > 0 && (
        <>
          <h3 className="pick-card__h">Warnings</h3>
          <ul className="pick-card__list pick-card__list--warn" data-testid="pick-warnings">
            {pick.warnings.map((w, i) => (
              <li key={i} className={isTrapWarning(w) ? 'pick-card__trap' : undefined}>
                {w}
              </li>
            ))}
          </ul>
        </>
      )}
      {pick.traps.length > 0 && (
        <>
          <h3 className="pick-card__h">Traps on this match</h3>
          <ul className="pick-card__list" data-testid="pick-traps">
            {pick.traps.map((t, i) => (
              <li key={i} className={trapOnPick(t, pick) ? 'pick-card__trap' : undefined}>
                <span className="tag tag--trap">{t.severity}</span> {t.kind} · {selectionText(t.market, t.line, t.selection)}
                {t.score !== null && <span className="muted"> · score {t.score.toFixed(0)}</span>}
                {trapOnPick(t, pick) && <strong> · on this bet</strong>}
              </li>
            ))}
          </ul>
        </>
      )}
      {pick.scorers.length > 0 && (
        <>
          <h3 className="pick-card__h">Scorer specials</h3>
          <ul className="pick-card__list" data-testid="pick-scorers">
            {pick.scorers.map((s, i) => (
              <li key={i}>
                {s.player}
                {s.team && <span className="muted"> ({s.team})</span>} · {s.market === 'first' ? 'first scorer' : 'anytime'}
                {s.odds !== null && (
                  <>
                    {' '}
                    · {formatOdds(s.odds)}
                    {s.bookmaker && <span className="muted"> {s.bookmaker}</span>}
                  </>
                )}
                {s.edge !== null && <span className={signClass(s.edge)}> · edge {formatSignedPct(s.edge)}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {!pick.reasons.length && !pick.warnings.length && !pick.traps.length && !pick.scorers.length && (
        <p className="muted">No reason, warning, trap or scorer special recorded.</p>
      )}
    </section>
  );
}
