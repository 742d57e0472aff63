// "Add to combo" / "In combo ✓": one leg in or out of the combo slip, from a Picks du Jour card or a
// Historique row; a leg the slip cannot take (a quarter line, no win probability) is disabled with why.
import { legRefusal, useComboSlip, type LegSource } from '../app/store/combo-slip';

export function ComboToggle({ leg }: { leg: LegSource }) {
  const inSlip = useComboSlip((s) => s.legs.some((l) => l.from === leg.pickId));
  const refusal = legRefusal(leg);
  return (
    <button
      type="button"
      className="btn"
      aria-pressed={inSlip}
      disabled={refusal !== null}
      title={refusal ?? (inSlip ? 'Take it out of the combo slip' : 'Add it to the combo slip as a leg')}
      onClick={() => (inSlip ? useComboSlip.getState().remove(leg.pickId) : useComboSlip.getState().add(leg))}
    >
      {inSlip ? 'In combo ✓' : 'Add to combo'}
    </button>
  );
}
