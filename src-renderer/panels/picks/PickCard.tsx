import { memo, useEffect, useRef, useState } from 'react';
import type { ConseilPick } from '../../../src-shared/contract/conseil';
import { formatNetPrice, formatSignedPct } from '../../ui/format';
import { kickoffText } from '../../ui/bet-labels';
import { Factors } from './Factors';
import { betText, formatOdds, isTrapWarning, money, selectionText, TIER_NAMES, trapOnPick } from './labels';
import { PlaceForm } from './PlaceForm';
import { legRefusal, useComboSlip, winProbability, type LegSource } from '../../app/store/combo-slip';
import { usePicks } from './store';

/** The card's price tooltip: "5.20 at BFE, 4.99 net of 5%: edge, stake and CLV use the net price". */
const netTitle = (quoted: number, net: number, commission: number, bookmaker: string): string =>
  commission > 0
    ? `${formatNetPrice({ quoted, net, commission, bookmaker })}: the edge, the stake and the CLV use the net price`
    : `${formatNetPrice({ quoted, net, commission, bookmaker })} (no commission)`;

const signClass = (v: number | null) => (v === null ? '' : v > 0 ? 'text--active' : v < 0 ? 'text--empty' : '');

/** A pick as a combo leg, priced with the model's probability it wins (winProbability). */
const legOf = (pick: ConseilPick): LegSource => ({
  pickId: pick.pickId,
  matchId: pick.matchId,
  market: pick.market,
  line: pick.line,
  selection: pick.selection,
  quotedOdds: pick.quotedOdds,
  bookmaker: pick.bookmaker,
  probability: winProbability(pick),
  label: `${pick.home ?? '?'} – ${pick.away ?? '?'} · ${betText(pick)}`,
});

/** "Add to combo" / "In combo ✓": the pick as a leg of the combo slip. */
function ComboToggle({ pick }: { pick: ConseilPick }) {
  const inSlip = useComboSlip((s) => s.legs.some((l) => l.from === pick.pickId));
  const leg = legOf(pick);
  const refusal = legRefusal(leg);
  return (
    <button
      type="button"
      className="btn"
      aria-pressed={inSlip}
      disabled={refusal !== null}
      title={refusal ?? (inSlip ? 'Take this pick out of the combo slip' : 'Add this pick to the combo slip as a leg')}
      onClick={() => (inSlip ? useComboSlip.getState().remove(pick.pickId) : useComboSlip.getState().add(leg))}
    >
      {inSlip ? 'In combo ✓' : 'Add to combo'}
    </button>
  );
}

/** Why the pick and what to watch: reasons, warnings, the match's traps and scorer specials. */
function PickWhy({ pick }: { pick: ConseilPick }) {
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

/** The analyst's bets on the pick, at the price taken (and net of the book's commission). */
function PlacedBets({ pick, currency }: { pick: ConseilPick; currency: string | null }) {
  return (
    <ul className="pick-card__placed" aria-label="Bets placed on this pick" data-testid="pick-placed">
      {pick.placed.map((b) => (
        <li key={b.pickId} data-bet-id={b.pickId}>
          placed {formatNetPrice({ quoted: b.quotedOdds, net: b.odds, commission: b.commission, bookmaker: b.bookmaker })} ·{' '}
          {money(b.stake, currency)} · {kickoffText(b.placedAt)}
        </li>
      ))}
    </ul>
  );
}

/** One CONSEIL pick: the bet, PATRON's score and factors, why and what to watch, and the bets placed on it. */
export const PickCard = memo(function PickCard({ pick, rank, currency }: { pick: ConseilPick; rank: number; currency: string | null }) {
  const [placing, setPlacing] = useState(false);
  const placeButton = useRef<HTMLButtonElement>(null);
  const wasPlacing = useRef(false);
  useEffect(() => {
    // closing the form (recorded, cancelled, Escape) gives the focus back to the button that opened it
    if (wasPlacing.current && !placing) placeButton.current?.focus();
    wasPlacing.current = placing;
  }, [placing]);
  const titleId = `pick-${pick.pickId}-title`;
  return (
    <article
      className={`pick-card pick-card--${pick.tier}`}
      data-testid="pick-card"
      data-pick-id={pick.pickId}
      data-score={pick.score}
      aria-labelledby={titleId}
    >
      <header className="pick-card__head">
        <span className="pick-card__rank" aria-label={`rank ${rank}`}>
          #{rank}
        </span>
        <span className={`tier tier--${pick.tier}`} data-testid="pick-tier" title="PATRON score: probability (%) the price beats the close">
          {TIER_NAMES[pick.tier]} <strong>{pick.score.toFixed(0)}</strong>
        </span>
        <h2 id={titleId} className="pick-card__match">
          {pick.home ?? '?'} – {pick.away ?? '?'}
        </h2>
        <span className="pick-card__when muted">
          {pick.league ?? '—'} · {kickoffText(pick.kickoff)}
        </span>
      </header>

      <div className="pick-card__bet">
        <span className="pick-card__selection" data-testid="pick-bet">
          {betText(pick)}
        </span>
        <dl className="pick-card__numbers">
          <div>
            <dt>Odds</dt>
            <dd data-testid="pick-odds" title={netTitle(pick.quotedOdds, pick.odds, pick.commission, pick.bookmaker)}>
              {formatOdds(pick.quotedOdds)} <span className="muted">{pick.bookmaker}</span>
              {pick.commission > 0 && (
                <span className="muted" data-testid="pick-net">
                  {' '}
                  · {pick.odds.toFixed(2)} net of {+(pick.commission * 100).toFixed(2)}%
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt>Fair</dt>
            <dd>{pick.fairOdds === null ? '—' : pick.fairOdds.toFixed(2)}</dd>
          </div>
          <div>
            <dt>Edge</dt>
            <dd className={signClass(pick.edge)}>{formatSignedPct(pick.edge)}</dd>
          </div>
          <div>
            <dt>Stake</dt>
            <dd data-testid="pick-stake">{money(pick.stake, currency)}</dd>
          </div>
          <div>
            <dt>Exp. CLV</dt>
            <dd className={signClass(pick.expectedClv)} data-testid="pick-expected-clv">
              {formatSignedPct(pick.expectedClv)}
            </dd>
          </div>
        </dl>
      </div>

      <div className="pick-card__body">
        <section className="pick-card__factors" aria-label="Factors">
          <h3 className="pick-card__h">Factors (part of the expected CLV)</h3>
          <Factors contributions={pick.contributions} />
        </section>
        <PickWhy pick={pick} />
      </div>

      <footer className="pick-card__foot">
        <span className="pick-card__status" data-testid="pick-status">
          {pick.status}
          {pick.clv !== null && (
            <>
              {' '}
              · CLV <span className={signClass(pick.clv)}>{formatSignedPct(pick.clv)}</span>
            </>
          )}
        </span>
        <PlacedBets pick={pick} currency={currency} />
        <span className="panel__spacer" />
        <ComboToggle pick={pick} />
        {!placing && (
          <button
            type="button"
            className="btn"
            onClick={() => setPlacing(true)}
            aria-label={`Placed at ${formatOdds(pick.quotedOdds)} with ${pick.bookmaker}…`}
          >
            Placed at {formatOdds(pick.quotedOdds)} with {pick.bookmaker}…
          </button>
        )}
      </footer>
      {placing && (
        <PlaceForm
          pick={pick}
          onDone={(bet) => {
            if (bet) usePicks.getState().placed(bet);
            setPlacing(false);
          }}
        />
      )}
    </article>
  );
});
