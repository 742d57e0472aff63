import type { PickDetail as Detail } from '../../../src-shared/contract/picks';
import { formatSigned, formatSignedPct, formatWhen } from '../../ui/format';
import { ResultPill } from './columns';
import { betLabel, kickoffText, MARKET_NAMES } from '../../ui/bet-labels';
import { useHistory } from './store';
import { winProbability, type LegSource } from '../../app/store/combo-slip';
import { ComboToggle } from '../../ui/ComboToggle';
import { deskLabel } from '../../ui/desk-labels';

/** A pick or bet as a combo leg: the model's probability it wins (winProbability; a bet's: its pick's when
 * it carries none), its quoted price. */
const legOf = (d: Detail): LegSource => ({
  pickId: d.pickId,
  matchId: d.matchId,
  market: d.market as LegSource['market'],
  line: d.line,
  selection: d.selection,
  quotedOdds: d.quotedOdds,
  bookmaker: d.bookmaker,
  probability: winProbability(d) ?? (d.parent ? winProbability({ ...d.parent, market: d.market, line: d.line }) : null),
  label: `${d.home ?? '?'} – ${d.away ?? '?'} · ${betLabel(d.market, d.line, d.selection)}`,
});

/** "Add to combo" only for a row still open before its kick-off (a combo is recorded before its matches). */
const comboOpen = (d: Detail): boolean => d.result === null && d.kickoff !== null && Date.parse(d.kickoff) > Date.now();

const json = (v: unknown): string => JSON.stringify(v, null, 1);

type Snapshot = { bookmaker?: string; selection?: string; line?: number | null; odds?: number; observedAt?: string }[];

/** What the pick was decided on: the model's version, weights and parameters, and the odds seen. */
function Decision({ d, decision }: { d: Detail; decision: NonNullable<Detail['decision']> }) {
  const snapshot = (decision.oddsSnapshot ?? []) as Snapshot;
  return (
    <details className="pick-detail__decision" open>
      <summary>Decided on: {decision.modelVersion ?? 'unknown model'}</summary>
      {decision.weights && <pre className="pick-detail__json">weights {json(decision.weights)}</pre>}
      {decision.modelParams && <pre className="pick-detail__json">parameters {json(decision.modelParams)}</pre>}
      {snapshot.length > 0 && (
        <table className="pick-detail__snapshot" aria-label="Odds snapshot">
          <thead>
            <tr>
              <th>Book</th>
              <th>Selection</th>
              <th>Odds</th>
              <th>Seen</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.slice(0, 40).map((q, i) => (
              <tr key={i} className={q.bookmaker === d.bookmaker && q.selection === d.selection ? 'is-taken' : ''}>
                <td>{q.bookmaker}</td>
                <td>{q.selection}</td>
                <td>{typeof q.odds === 'number' ? q.odds.toFixed(2) : '—'}</td>
                <td>{q.observedAt ? kickoffText(q.observedAt) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

/** One pick: the bet, its closing line and settlement, and what it was decided on (to explain and replay it). */
export function PickDetail({ d }: { d: Detail }) {
  const openForm = useHistory((s) => s.openForm);
  const select = useHistory((s) => s.select);
  return (
    <div className="card pick-detail" data-testid="pick-detail" data-pick-id={d.pickId}>
      <h2 className="card__title">
        {d.kind === 'bet' ? 'My bet' : `Pick by ${d.source}`} <ResultPill state={d.state} />
      </h2>
      <p className="pick-detail__headline">
        <strong>
          {d.home} – {d.away}
        </strong>{' '}
        · {kickoffText(d.kickoff)} · {d.league}
      </p>
      <p className="pick-detail__bet">
        {MARKET_NAMES[d.market]} <strong>{betLabel(d.market, d.line, d.selection)}</strong> at <strong>{d.odds.toFixed(2)}</strong> with{' '}
        {d.bookmaker}, stake {d.stake.toFixed(2)}
      </p>
      <dl className="pick-detail__facts">
        <dt>Closing line</dt>
        <dd data-testid="detail-closing">
          {d.closingStatus === null
            ? 'not captured yet (at kick-off)'
            : d.closingStatus === 'missing'
              ? 'missing: no reference quoted this market'
              : `${d.closingOdds?.toFixed(3)} (${d.closingReference}, ${d.closingStatus === 'closing' ? 'closing quote' : 'last quote before kick-off'}), fair ${d.closingFairOdds?.toFixed(3)}`}
        </dd>
        <dt>CLV</dt>
        <dd>
          {formatSignedPct(d.clv)}{' '}
          <span className="muted">
            (raw {formatSignedPct(d.clvRaw)}; own book at the close {d.closingBookOdds?.toFixed(2) ?? '—'})
          </span>
        </dd>
        <dt>Settlement</dt>
        <dd data-testid="detail-settlement">
          {d.result
            ? `${d.result.replace('_', ' ')}, ${formatSigned(d.profit)}${d.homeGoals !== null ? ` on ${d.homeGoals}-${d.awayGoals}` : ''}`
            : 'open'}
          {d.settlementNote ? ` · ${d.settlementNote}` : ''}
        </dd>
        {d.fairOdds !== null && (
          <>
            <dt>Fair odds</dt>
            <dd>
              {d.fairOdds.toFixed(3)}
              {d.modelProb !== null ? ` · p ${(d.modelProb * 100).toFixed(1)}%` : ''}
              {d.edge !== null ? ` · edge ${formatSignedPct(d.edge)}` : ''}
            </dd>
          </>
        )}
        <dt>Recorded</dt>
        <dd>{formatWhen(d.pickedAt)}</dd>
        <dt>Desk</dt>
        <dd data-testid="detail-desk">{deskLabel(d)}</dd>
      </dl>
      {d.reasons.length > 0 && (
        <ul className="pick-detail__list" aria-label="Reasons">
          {d.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {d.warnings.length > 0 && (
        <ul className="pick-detail__list pick-detail__list--warn" aria-label="Warnings">
          {d.warnings.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {d.decision && <Decision d={d} decision={d.decision} />}
      {d.parent && (
        <p className="muted">
          Follows the pick of {d.parent.source} at {d.parent.odds.toFixed(2)} with {d.parent.bookmaker} ·{' '}
          <button type="button" className="btn btn--ghost btn--inline" onClick={() => void select(d.parent?.pickId ?? null)}>
            open it
          </button>
        </p>
      )}
      {d.bets.length > 0 && (
        <p className="muted" data-testid="detail-bets">
          My bets on it:{' '}
          {d.bets
            .map((b) => `${b.odds.toFixed(2)} with ${b.bookmaker} (stake ${b.stake.toFixed(2)}, CLV ${formatSignedPct(b.clv)})`)
            .join(' · ')}
        </p>
      )}
      {d.kind === 'pick' && (
        <button type="button" className="btn" onClick={() => openForm({ pick: d })}>
          I placed this pick…
        </button>
      )}
      {comboOpen(d) && <ComboToggle leg={legOf(d)} />}
    </div>
  );
}
