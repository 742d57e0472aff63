import type { Alert, TopMove } from '../../../src-shared/contract/market';
import { ago } from '../../ui/format';
import { lineLabel, marketLabel } from '../../ui/market-labels';
import type { Selection } from './store';

const moveLabel = (m: TopMove): string =>
  `${marketLabel(m.market)} ${lineLabel(m.market, m.line, m.selection)} ${m.selection}`.replace(/\s+/g, ' ');

/** The largest moves of the window; Enter or a click shows the move in the chart. */
export function TopMovesList({ moves, onPick, selected }: { moves: TopMove[]; onPick(s: Selection): void; selected: Selection | null }) {
  if (!moves.length) return <p className="muted">No move in the last hours.</p>;
  return (
    <ol className="cc-moves" aria-label="Largest moves">
      {moves.map((m) => {
        const active =
          selected &&
          selected.matchId === m.match.matchId &&
          selected.market === m.market &&
          selected.line === m.line &&
          selected.selection === m.selection;
        return (
          <li key={m.id}>
            <button
              type="button"
              className="cc-moves__item"
              aria-current={active ? 'true' : undefined}
              data-move-id={m.id}
              onClick={() => onPick({ matchId: m.match.matchId, market: m.market, line: m.line, selection: m.selection })}
            >
              <span className="cc-moves__fixture">
                {m.match.home} – {m.match.away}
              </span>
              <span className="cc-moves__sel">{moveLabel(m)}</span>
              <span className="cc-moves__odds cell--mono">
                {m.fromOdds.toFixed(2)} → {m.toOdds.toFixed(2)}
              </span>
              <span className={`cc-moves__delta cell--mono ${m.deltaProb > 0 ? 'cell--down' : 'cell--up'}`}>
                {m.deltaProb > 0 ? '▲' : '▼'} {(Math.abs(m.deltaProb) * 100).toFixed(1)}pt
              </span>
              <span className="cc-moves__books muted">
                {m.booksMoved}/{m.books}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}

const kindLabel: Record<Alert['kind'], string> = {
  large_move: 'Move',
  quarantined_quotes: 'Quarantine',
  sync_state: 'Sync',
  agent: 'Agent',
};

/** The alerts feed: one entry per typed alert, most severe and newest first. */
export function AlertsFeed({ alerts, now }: { alerts: Alert[]; now: number }) {
  if (!alerts.length) return <p className="muted">Nothing to report.</p>;
  return (
    <ul className="cc-alerts" aria-label="Alerts">
      {alerts.map((a) => (
        <li key={a.id} className={`cc-alert cc-alert--${a.severity}`} data-alert-kind={a.kind}>
          <div className="cc-alert__head">
            <span className={`cc-alert__kind cc-alert__kind--${a.kind}`}>{kindLabel[a.kind]}</span>
            <span className="cc-alert__title">{a.title}</span>
            <span className="cc-alert__when muted">{a.at ? ago(now - Date.parse(a.at)) : ''}</span>
          </div>
          <div className="cc-alert__message">{a.message}</div>
        </li>
      ))}
    </ul>
  );
}
