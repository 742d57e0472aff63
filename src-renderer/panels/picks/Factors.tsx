import type { ContributionView } from '../../../src-shared/contract/conseil';
import { factorBars } from './labels';

/** PATRON's factors of one pick: each input's part of the expected CLV as a bar, largest first. */
export function Factors({ contributions }: { contributions: readonly ContributionView[] }) {
  const bars = factorBars(contributions);
  if (!bars.length) return <p className="muted">PATRON gave no factor for this pick.</p>;
  return (
    <ul className="factors" aria-label="Factors: each input's part of the expected CLV" data-testid="factors">
      {bars.map((b) => (
        <li
          key={b.input}
          className={`factor factor--${b.sign}`}
          data-input={b.input}
          title={`${b.name}: ${b.label} (value ${b.value.toFixed(3)})`}
        >
          <span className="factor__label">
            <strong className="factor__name">{b.name}</strong> {b.label}
          </span>
          <span className="factor__track" aria-hidden="true">
            <span className="factor__bar" style={{ width: `${Math.round(b.width * 100)}%` }} />
          </span>
          <span className="factor__clv">{b.text}</span>
        </li>
      ))}
    </ul>
  );
}
