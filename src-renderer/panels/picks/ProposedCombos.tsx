import type { ConseilCombo } from '../../../src-shared/contract/conseil';
import { formatSignedPct } from '../../ui/format';
import { kickoffText } from '../../ui/bet-labels';
import { formatOdds, money, selectionText } from './labels';
import './proposed-combos.css';

const legText = (l: ConseilCombo['legs'][number], c: ConseilCombo): string => {
  const team = l.selection === 'home' ? c.home : l.selection === 'away' ? c.away : null;
  return `${selectionText(l.market, l.line, l.selection)}${team && l.market !== 'totals' ? ` (${team})` : ''}`;
};

const resultMark = (r: ConseilCombo['legs'][number]['result']) =>
  r === 'won' ? ' ✓' : r === 'lost' ? ' ✗' : r === 'void' ? ' (void)' : '';

/** CONSEIL's same-match doubles of the day (issue 18), compact: the legs, the offer at one book, the fair
 * price with the legs' correlation and as if independent, the correlation's source, edge and stake. */
export function ProposedCombos({ combos, currency }: { combos: readonly ConseilCombo[]; currency: string | null }) {
  if (combos.length === 0) return null;
  return (
    <section className="proposed-combos" data-testid="proposed-combos" aria-labelledby="proposed-combos-title">
      <h2 id="proposed-combos-title" className="proposed-combos__title">
        Proposed combos <span className="muted">same-match doubles whose fair price, correlation included, beats the offer</span>
      </h2>
      <table className="proposed-combos__table">
        <thead>
          <tr>
            <th scope="col">Match</th>
            <th scope="col">Legs</th>
            <th scope="col" className="num" title="The product of the legs' net prices at one book quoting both">
              Offered
            </th>
            <th scope="col" className="num" title="Fair price with the legs' correlation (as if independent)">
              Fair (indep.)
            </th>
            <th scope="col" className="num" title="Correlation (phi) of the two legs">
              φ
            </th>
            <th scope="col" className="num" title="fair × offered − 1, with the correlation (as if independent)">
              Edge (indep.)
            </th>
            <th scope="col" className="num">
              Stake
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {combos.map((c) => (
            <tr key={c.comboId} data-testid="proposed-combo" data-combo-id={c.comboId} title={c.reasons.join('\n')}>
              <td>
                <span className="proposed-combos__match">
                  {c.home ?? '?'} – {c.away ?? '?'}
                </span>
                <span className="muted"> {kickoffText(c.kickoff)}</span>
              </td>
              <td data-testid="combo-legs">
                {c.legs.map((l) => `${legText(l, c)} ${formatOdds(l.odds)}${resultMark(l.result)}`).join(' + ')}
              </td>
              <td className="num" data-testid="combo-offered">
                {c.offeredOdds.toFixed(2)} <span className="muted">{c.bookmaker ?? ''}</span>
              </td>
              <td className="num" data-testid="combo-fair">
                {c.fairOdds.toFixed(2)} <span className="muted">({c.independentFairOdds.toFixed(2)})</span>
              </td>
              <td className="num" title={c.correlationSource} data-testid="combo-phi">
                {c.correlation.toFixed(2)}
              </td>
              <td className="num" data-testid="combo-edge">
                <strong className={c.edge > 0 ? 'text--active' : 'text--empty'}>{formatSignedPct(c.edge, 1)}</strong>{' '}
                <span className="muted">({formatSignedPct(c.edgeIndependent, 1)})</span>
              </td>
              <td className="num">{money(c.stake, currency)}</td>
              <td>{c.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="proposed-combos__note muted">
        The offer assumes the book pays the product of its singles; a bet builder may price the correlation itself — check the slip before
        placing.
      </p>
    </section>
  );
}
