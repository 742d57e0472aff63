import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { ConseilPick } from '../../../src-shared/contract/conseil';
import { placeBetInput, type PickRow } from '../../../src-shared/contract/picks';
import { call } from '../../api/client';
import { errorsByField, errorsOfCall, Field, parseDecimal, type FieldErrors } from '../../ui/form';
import { usePicks } from './store';

/** The fields shown: a refusal of anything else (the pick itself) is shown under the form. */
const FIELDS = ['bookmaker', 'odds', 'stake'];

/** "Placed at price X with book Y": the pick's price, book and stake prefilled and editable; checked with
 * the contract's schema, then by the contract (the book against the cache); refusals beside their field. */
export function PlaceForm({ pick, onDone }: { pick: ConseilPick; onDone(bet: PickRow | null): void }) {
  const books = usePicks((s) => s.bookmakers);
  const [bookmaker, setBookmaker] = useState(pick.bookmaker);
  // the price the book shows: the commission of the book (Settings) nets it when the bet is recorded
  const [odds, setOdds] = useState(String(pick.quotedOdds));
  const [stake, setStake] = useState(pick.stake > 0 ? String(pick.stake) : '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const uid = useId();

  useEffect(() => first.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { pickId: pick.pickId, bookmaker, odds: parseDecimal(odds), stake: parseDecimal(stake) };
    const checked = placeBetInput.safeParse(input);
    if (!checked.success) {
      setErrors(errorsByField(checked.error.issues));
      return;
    }
    setBusy(true);
    try {
      const bet = await call('picks.place', checked.data);
      setErrors({});
      onDone(bet);
    } catch (err) {
      setErrors(errorsOfCall(err));
    } finally {
      setBusy(false);
    }
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onDone(null);
    }
  };

  const field = (name: string, label: string, control: ReactNode) => (
    <Field uid={uid} name={name} label={label} error={errors[name]} look="inline">
      {control}
    </Field>
  );

  return (
    <form
      className="place-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={onKey}
      aria-label={`Record the bet placed on ${pick.home ?? '?'} – ${pick.away ?? '?'}`}
      data-testid="place-form"
      noValidate
    >
      {field(
        'bookmaker',
        'Book',
        <>
          <input
            ref={first}
            id={`${uid}-bookmaker`}
            className="input place-form__input"
            list={`${uid}-books`}
            value={bookmaker}
            onChange={(e) => setBookmaker(e.target.value)}
            autoComplete="off"
          />
          <datalist id={`${uid}-books`}>
            {books?.map((b) => (
              <option key={b.code} value={b.code}>
                {b.name}
              </option>
            ))}
          </datalist>
        </>,
      )}
      {field(
        'odds',
        'Odds taken',
        <input
          id={`${uid}-odds`}
          className="input place-form__input"
          inputMode="decimal"
          value={odds}
          onChange={(e) => setOdds(e.target.value)}
        />,
      )}
      {field(
        'stake',
        'Stake',
        <input
          id={`${uid}-stake`}
          className="input place-form__input"
          inputMode="decimal"
          value={stake}
          onChange={(e) => setStake(e.target.value)}
        />,
      )}
      <div className="place-form__actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Recording…' : 'Record bet'}
        </button>
        <button type="button" className="btn btn--ghost" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
      {Object.entries(errors)
        .filter(([k]) => !FIELDS.includes(k))
        .map(([k, message]) => (
          <p key={k} className="place-form__error place-form__error--form" role="alert" data-field={k}>
            {message}
          </p>
        ))}
    </form>
  );
}
