// The combo slip (Picks du Jour, Historique): the legs gathered, the combo's fair price with the
// same-match legs' correlation (and where it came from) beside the independent price, as
// picks.priceCombo answers it (the pricing picks.recordCombo records); the price taken, the book and
// the stake; refusals beside their leg or field.
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ComboPreview, ComboRow, PickOptions } from '../../src-shared/contract/picks';
import { useComboSlip, type SlipLeg } from '../app/store/combo-slip';
import { call } from '../api/client';
import { NO_ERRORS, previewInput, recordInput, sharedBook, slipErrors, slipErrorsOfCall, type SlipErrors } from './combo-slip-logic';
import { Field, parseDecimal } from './form';
import { formatSignedPct } from './format';
import './combo-slip.css';

let generation = 0;

/** The preview of the slip's legs at the price and book typed: asked again as they change. */
function useComboPreview(legs: readonly SlipLeg[], odds: string, bookmaker: string) {
  const [preview, setPreview] = useState<ComboPreview | null>(null);
  const [errors, setErrors] = useState<SlipErrors>(NO_ERRORS);
  useEffect(() => {
    const g = ++generation;
    if (legs.length < 2) {
      setPreview(null);
      setErrors(NO_ERRORS);
      return;
    }
    const input = previewInput(legs, parseDecimal(odds), bookmaker);
    if (!input.success) {
      setPreview(null);
      setErrors(slipErrors(input.error.issues));
      return;
    }
    // a short pause so typing a price asks once, not at every key
    const t = setTimeout(() => {
      call('picks.priceCombo', input.data).then(
        (p) => g === generation && (setPreview(p), setErrors(NO_ERRORS)),
        (err: unknown) => g === generation && (setPreview(null), setErrors(slipErrorsOfCall(err))),
      );
    }, 200);
    return () => clearTimeout(t);
  }, [legs, odds, bookmaker]);
  return { preview, errors };
}

function Legs({ legs, errors }: { legs: readonly SlipLeg[]; errors: SlipErrors }) {
  const remove = useComboSlip((s) => s.remove);
  return (
    <ol className="combo-slip__legs" aria-label="Legs">
      {legs.map((l, i) => (
        <li key={l.from} className={errors.legs[i] ? 'combo-slip__leg combo-slip__leg--bad' : 'combo-slip__leg'} data-leg={l.from}>
          <span className="combo-slip__leg-text">
            {l.label} @ {l.odds.toFixed(2)} <span className="muted">{l.bookmaker}</span>{' '}
            <span className="muted">· p {(l.probability * 100).toFixed(1)}%</span>
          </span>
          <button type="button" className="btn btn--ghost btn--inline" onClick={() => remove(l.from)} aria-label={`Remove ${l.label}`}>
            Remove
          </button>
          {errors.legs[i] && (
            <span className="combo-slip__error" role="alert" data-field={`legs.${i}`}>
              {errors.legs[i]}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}

/** The price: fair with the correlation, independent beside it, each pair's correlation and source. */
function Price({ p }: { p: ComboPreview }) {
  return (
    <div className="combo-slip__price" data-testid="combo-price">
      <p>
        Fair price <strong data-testid="combo-fair">{p.fairOdds.toFixed(2)}</strong> (p {(p.modelProb * 100).toFixed(2)}%) · if the legs
        were independent <span data-testid="combo-independent">{p.independentFairOdds.toFixed(2)}</span>
      </p>
      <ul className="combo-slip__pairs" data-testid="combo-correlations">
        {p.pricing.length === 0 && <li>Every leg on its own match: independent, no correlation to count.</li>}
        {p.pricing.map((x) => (
          <li key={x.legs.join('-')}>
            Legs {x.legs.map((i) => i + 1).join(' & ')} (same match): correlation {x.correlation.toFixed(3)}, from {x.correlationSource}
            {x.lift !== null && ` · lift ×${x.lift.toFixed(3)}`}
          </li>
        ))}
      </ul>
      {p.netOdds !== null && p.quotedOdds !== null && (
        <p data-testid="combo-net">
          Price taken {p.quotedOdds.toFixed(2)}
          {p.commission ? `, ${p.netOdds.toFixed(2)} net of ${+(p.commission * 100).toFixed(2)}% commission` : ' (no commission)'} · edge{' '}
          <strong className={p.edge !== null && p.edge > 0 ? 'text--active' : 'text--empty'}>{formatSignedPct(p.edge)}</strong>
        </p>
      )}
    </div>
  );
}

/** The slip, shown once a leg is in it. */
export function ComboSlip() {
  const legs = useComboSlip((s) => s.legs);
  const uid = useId();
  const [odds, setOdds] = useState('');
  const [stake, setStake] = useState('');
  const [bookmaker, setBookmaker] = useState('');
  const [books, setBooks] = useState<PickOptions['bookmakers']>([]);
  const [recorded, setRecorded] = useState<ComboRow | null>(null);
  const [refused, setRefused] = useState<SlipErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const { preview, errors } = useComboPreview(legs, odds, bookmaker);
  useEffect(() => {
    call('picks.options', {}).then(
      (o) => setBooks(o.bookmakers),
      () => setBooks([]),
    );
  }, []);
  useEffect(() => {
    if (legs.length && !bookmaker) setBookmaker(sharedBook(legs));
    if (legs.length) setRefused(NO_ERRORS);
    // the book is suggested when the legs change, not as it is typed
  }, [legs]);
  if (!legs.length && !recorded) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = recordInput(legs, parseDecimal(odds), parseDecimal(stake), bookmaker);
    if (!input.success) return setRefused(slipErrors(input.error.issues));
    setBusy(true);
    try {
      const combo = await call('picks.recordCombo', input.data);
      setRecorded(combo);
      setRefused(NO_ERRORS);
      setOdds('');
      setStake('');
      useComboSlip.getState().clear();
    } catch (err) {
      setRefused(slipErrorsOfCall(err));
    } finally {
      setBusy(false);
    }
  };
  const shown: SlipErrors = { legs: { ...errors.legs, ...refused.legs }, fields: { ...errors.fields, ...refused.fields } };
  const field = (name: string, label: string, control: ReactNode) => (
    <Field uid={uid} name={name} label={label} error={shown.fields[name]} look="slip">
      {control}
    </Field>
  );
  // a refusal goes once its field is edited
  const edit = (name: string, set: (v: string) => void) => (v: string) => {
    set(v);
    setRefused((r) => ({ legs: r.legs, fields: Object.fromEntries(Object.entries(r.fields).filter(([k]) => k !== name && k !== 'form')) }));
  };
  const input = (name: string, value: string, set: (v: string) => void, extra: object = {}) => (
    <input
      id={`${uid}-${name}`}
      className="input combo-slip__input"
      value={value}
      onChange={(e) => edit(name, set)(e.target.value)}
      {...extra}
    />
  );
  return (
    <form className="combo-slip card" aria-label="Combo slip" data-testid="combo-slip" onSubmit={(e) => void submit(e)} noValidate>
      <h2 className="card__title">
        Combo slip · {legs.length} leg{legs.length === 1 ? '' : 's'}
      </h2>
      {recorded && !legs.length && (
        <p className="combo-slip__done" role="status" data-testid="combo-recorded" data-combo-id={recorded.comboId}>
          Combo recorded at {recorded.quotedOdds.toFixed(2)}
          {recorded.commission > 0 ? ` (${recorded.odds.toFixed(2)} net)` : ''}, fair {recorded.fairOdds?.toFixed(2) ?? '—'}: see Historique
          › Combos.
        </p>
      )}
      {legs.length > 0 && <Legs legs={legs} errors={shown} />}
      {legs.length === 1 && <p className="muted">Add another leg: a combo has at least two.</p>}
      {shown.fields.legs && (
        <p className="combo-slip__error" role="alert" data-field="legs">
          {shown.fields.legs}
        </p>
      )}
      {preview && <Price p={preview} />}
      {legs.length > 1 && (
        <div className="combo-slip__fields">
          {field('odds', 'Price taken', input('odds', odds, setOdds, { inputMode: 'decimal', placeholder: preview?.fairOdds.toFixed(2) }))}
          {field(
            'bookmaker',
            'Book',
            <>
              {input('bookmaker', bookmaker, setBookmaker, { list: `${uid}-books`, autoComplete: 'off' })}
              <datalist id={`${uid}-books`}>
                {books.map((b) => (
                  <option key={b.code} value={b.code}>
                    {b.name}
                  </option>
                ))}
              </datalist>
            </>,
          )}
          {field('stake', 'Stake', input('stake', stake, setStake, { inputMode: 'decimal' }))}
          <div className="combo-slip__actions">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {busy ? 'Recording…' : 'Record combo'}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => useComboSlip.getState().clear()}>
              Clear
            </button>
          </div>
        </div>
      )}
      {Object.entries(shown.fields)
        .filter(([k]) => !['odds', 'bookmaker', 'stake', 'legs'].includes(k))
        .map(([k, m]) => (
          <p key={k} className="combo-slip__error" role="alert" data-field={k}>
            {m}
          </p>
        ))}
    </form>
  );
}
