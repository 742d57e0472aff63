import type { FerrariScorer, FerrariTeamScorers } from '../../../src-shared/contract/intel';
import { formatSignedPct } from '../../ui/format';

const pct = (p: number | null): string => (p == null ? '—' : `${(p * 100).toFixed(1)}%`);

/** A price is value when the model's probability × the best price beats 1. */
export const isValue = (edge: number | null): boolean => edge !== null && edge > 0;

function Price({ label, prob, price }: { label: string; prob: number | null; price: FerrariScorer['market']['anytime'] }) {
  const value = isValue(price.edge);
  return (
    <div className={`fe-scorer__price${value ? ' fe-scorer__price--value' : ''}`} data-value={value ? 'true' : 'false'}>
      <span className="fe-scorer__label">{label}</span>
      <span className="cell--mono fe-scorer__prob" title="Model probability">
        {pct(prob)}
      </span>
      <span className="cell--mono" title={price.bestBook ? `Best price at ${price.bestBook} of ${price.books} books` : 'No price quoted'}>
        {price.bestOdds?.toFixed(2) ?? '—'} <span className="muted">{price.bestBook ?? ''}</span>
      </span>
      <span className="cell--mono fe-scorer__edge" title={`Edge: probability × best price − 1; fair ${price.fairOdds?.toFixed(2) ?? '—'}`}>
        {formatSignedPct(price.edge, 1)}
        {value ? ' value' : ''}
      </span>
    </div>
  );
}

/** Scorer cards of the team: anytime and first-goalscorer probability, each with its best price, book and edge. */
export function ScorerCards({ scorers, error }: { scorers: FerrariTeamScorers | null; error: string | null }) {
  const list = scorers?.scorers.slice(0, 8) ?? [];
  return (
    <div className="card fe-card" data-testid="scorer-cards">
      <h2 className="card__title">
        Scorers{scorers ? ` · ${scorers.team}` : ''}
        {scorers?.match ? ` · vs ${scorers.match.home === scorers.team ? scorers.match.away : scorers.match.home}` : ''}
        {scorers?.expectedGoals != null ? ` · xG ${scorers.expectedGoals.toFixed(2)}` : ''}
      </h2>
      {error && <p className="banner banner--bad">{error}</p>}
      {scorers?.marketNote && <p className="muted small">{scorers.marketNote}</p>}
      {!scorers && !error && <p className="muted">Pick a team to see its scorers.</p>}
      {scorers && list.length === 0 && <p className="muted">No scorer in the cache for {scorers.team}.</p>}
      <ul className="fe-scorers">
        {list.map((s) => (
          <li
            key={s.playerId}
            className="fe-scorer"
            data-testid="scorer-card"
            aria-label={`${s.name}: anytime ${pct(s.anytime)}, best ${s.market.anytime.bestOdds?.toFixed(2) ?? 'no price'}${s.market.anytime.bestBook ? ` at ${s.market.anytime.bestBook}` : ''}, edge ${formatSignedPct(s.market.anytime.edge, 1)}; first ${pct(s.first)}, best ${s.market.first.bestOdds?.toFixed(2) ?? 'no price'}, edge ${formatSignedPct(s.market.first.edge, 1)}`}
          >
            <div className="fe-scorer__head">
              <strong>{s.name}</strong>
              <span className="muted">
                {s.position}
                {s.penaltyTaker ? ' · pens' : ''} · {s.goals} g / {s.appearances}
              </span>
            </div>
            <Price label="Anytime" prob={s.anytime} price={s.market.anytime} />
            <Price label="First" prob={s.first} price={s.market.first} />
          </li>
        ))}
      </ul>
    </div>
  );
}
