import { memo, useEffect, useRef, useState } from 'react';
import type { ConseilPick } from '../../../src-shared/contract/conseil';
import { formatNetPrice, formatSignedPct } from '../../ui/format';
import { kickoffText } from '../../ui/bet-labels';
import { Factors } from './Factors';
import { betText, formatOdds, money, TIER_NAMES } from './labels';
import { PickWhy } from './PickWhy';
import { PlaceForm } from './PlaceForm';
import { winProbability, type LegSource } from '../../app/store/combo-slip';
import { ComboToggle } from '../../ui/ComboToggle';
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
        <ComboToggle leg={legOf(pick)} />
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
