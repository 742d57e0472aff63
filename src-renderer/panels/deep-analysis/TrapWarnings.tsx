import type { Trap } from '../../../src-shared/contract/intel';
import { openFromNotification } from '../../app/notifications';
import { KIND_LABEL, selectionLabel, trapNote } from '../../ui/trap-format';

/** The open match's active FERRARI traps, worst first, each opening Ferrari Intel on this match. */
export function TrapWarnings({ traps, error, matchId }: { traps: Trap[] | null; error: string | null; matchId: number }) {
  if (error) return <p className="banner banner--bad">Trap warnings unavailable: {error}</p>;
  const active = (traps ?? []).filter((t) => t.status === 'active');
  if (!traps) return null;
  const expired = traps.length - active.length;
  return (
    <div
      className={`card da-traps${active.length ? ' da-traps--on' : ''}`}
      data-testid="match-traps"
      data-active-traps={active.length}
      role={active.length ? 'alert' : undefined}
    >
      <h2 className="card__title">
        Trap warnings · {active.length ? `${active.length} active` : 'none active'}
        {expired > 0 ? ` · ${expired} expired` : ''}
        <button type="button" className="btn btn--ghost da-traps__open" onClick={() => openFromNotification('ferrari', matchId)}>
          Open in Ferrari Intel
        </button>
      </h2>
      {active.length > 0 && (
        <ul className="da-traps__list">
          {active.map((t) => (
            <li key={t.trapId} className="da-trap" data-testid="match-trap" aria-label={trapNote(t)}>
              <span className={`da-trap__sev da-trap__sev--${t.severity}`} aria-hidden="true">
                ⚠ {t.severity}
              </span>
              <strong>{selectionLabel(t)}</strong>
              <span>{KIND_LABEL[t.kind]}</span>
              <span className="cell--mono">
                {t.bookmaker ?? ''} {t.odds?.toFixed(2) ?? '—'} vs fair {t.fairOdds?.toFixed(2) ?? '—'}
              </span>
              <span className="muted da-trap__why" title={t.explanation}>
                {t.explanation}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
