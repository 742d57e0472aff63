import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { PICK_SELECTIONS, placeBetInput, type PickMarket, type PickRow } from '../../../src-shared/contract/picks';
import type { BoardMatch } from '../../../src-shared/contract/market';
import { call } from '../../api/client';
import { errorsByField, errorsOfCall, Field, parseDecimal, type FieldErrors } from '../../ui/form';
import { betLabel, kickoffText, MARKET_NAMES } from '../../ui/bet-labels';
import { useHistory } from './store';
import { usePickOptions } from '../../app/store/pick-options';

/** A bet of the analyst's own: its line, as typed (parsed when recorded). */
interface OwnBet {
  matchId: string;
  market: PickMarket;
  line: string;
  selection: string;
}
const NO_OWN_BET: OwnBet = { matchId: '', market: '1x2', line: '', selection: 'home' };

/** A labelled row of the form with its refusal beside it. */
const fieldOf = (uid: string, errors: FieldErrors) => (name: string, label: string, control: ReactNode) => (
  <Field uid={uid} name={name} label={label} error={errors[name]} look="row">
    {control}
  </Field>
);

/** Match, market, line and selection of a bet that follows no pick. */
function OwnBetFields({
  uid,
  errors,
  value,
  onChange,
}: {
  uid: string;
  errors: FieldErrors;
  value: OwnBet;
  onChange(p: Partial<OwnBet>): void;
}) {
  const [matches, setMatches] = useState<BoardMatch[] | null>(null);
  useEffect(() => {
    void call('analysis.matches', {}).then(setMatches, () => setMatches([]));
  }, []);
  const field = fieldOf(uid, errors);
  return (
    <>
      {field(
        'matchId',
        'Match',
        <select id={`${uid}-matchId`} className="select" value={value.matchId} onChange={(e) => onChange({ matchId: e.target.value })}>
          <option value="">{matches === null ? 'loading matches…' : 'choose a match'}</option>
          {matches?.map((m) => (
            <option key={m.matchId} value={m.matchId}>
              {kickoffText(m.kickoff)} · {m.home} – {m.away} ({m.league})
            </option>
          ))}
        </select>,
      )}
      {field(
        'market',
        'Market',
        <select
          id={`${uid}-market`}
          className="select"
          value={value.market}
          onChange={(e) => {
            const m = e.target.value as PickMarket;
            onChange({ market: m, selection: PICK_SELECTIONS[m][0] });
          }}
        >
          {(['1x2', 'totals', 'spreads'] as const).map((m) => (
            <option key={m} value={m}>
              {MARKET_NAMES[m]}
            </option>
          ))}
        </select>,
      )}
      {value.market !== '1x2' &&
        field(
          'line',
          value.market === 'spreads' ? "Line (home team's handicap)" : 'Line (goals)',
          <input
            id={`${uid}-line`}
            className="input"
            inputMode="decimal"
            value={value.line}
            onChange={(e) => onChange({ line: e.target.value })}
            placeholder={value.market === 'spreads' ? '-0.75' : '2.5'}
          />,
        )}
      {field(
        'selection',
        'Selection',
        <select
          id={`${uid}-selection`}
          className="select"
          value={value.selection}
          onChange={(e) => onChange({ selection: e.target.value })}
        >
          {PICK_SELECTIONS[value.market].map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>,
      )}
    </>
  );
}

/** "Placed at price X with book Y": the analyst's real bet. Checked here with the contract's own
 * schema before the call, and by the contract again (the bookmaker, the match and the time against
 * the cache); every refusal is shown beside its field. */
export function BetForm({ pick, onDone }: { pick: PickRow | null; onDone(): void }) {
  const opts = usePickOptions((s) => s.options);
  const [own, setOwn] = useState<OwnBet>(NO_OWN_BET);
  const [bookmaker, setBookmaker] = useState(pick?.bookmaker ?? '');
  const [odds, setOdds] = useState(pick ? String(pick.odds) : '');
  const [stake, setStake] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const uid = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = pick
      ? { pickId: pick.pickId, bookmaker, odds: parseDecimal(odds), stake: parseDecimal(stake), ...(note ? { note } : {}) }
      : {
          matchId: own.matchId ? Number(own.matchId) : undefined,
          market: own.market,
          line: own.market === '1x2' ? null : parseDecimal(own.line),
          selection: own.selection,
          bookmaker,
          odds: parseDecimal(odds),
          stake: parseDecimal(stake),
          ...(note ? { note } : {}),
        };
    const checked = placeBetInput.safeParse(input);
    if (!checked.success) {
      setErrors(errorsByField(checked.error.issues));
      return;
    }
    setBusy(true);
    try {
      const bet = await call('picks.place', input as Parameters<typeof call<'picks.place'>>[1]);
      setErrors({});
      const h = useHistory.getState();
      await h.refresh();
      await h.select(bet.pickId);
      onDone();
    } catch (err) {
      setErrors(errorsOfCall(err));
    } finally {
      setBusy(false);
    }
  };

  const field = fieldOf(uid, errors);

  return (
    <form className="card bet-form" onSubmit={(e) => void submit(e)} aria-label="Record a placed bet" noValidate>
      <h2 className="card__title">{pick ? 'Placed this pick' : 'Record a bet of my own'}</h2>
      {pick ? (
        <p className="bet-form__pick" data-testid="form-pick">
          {pick.home} – {pick.away} · {MARKET_NAMES[pick.market]} {betLabel(pick.market, pick.line, pick.selection)} · picked at{' '}
          {pick.odds.toFixed(2)} with {pick.bookmaker}
        </p>
      ) : (
        <OwnBetFields uid={uid} errors={errors} value={own} onChange={(patch) => setOwn({ ...own, ...patch })} />
      )}
      {field(
        'bookmaker',
        'Book',
        <>
          <input
            id={`${uid}-bookmaker`}
            className="input"
            list={`${uid}-books`}
            value={bookmaker}
            onChange={(e) => setBookmaker(e.target.value)}
            autoComplete="off"
          />
          <datalist id={`${uid}-books`}>
            {opts?.bookmakers.map((b) => (
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
        <input id={`${uid}-odds`} className="input" inputMode="decimal" value={odds} onChange={(e) => setOdds(e.target.value)} />,
      )}
      {field(
        'stake',
        'Stake',
        <input id={`${uid}-stake`} className="input" inputMode="decimal" value={stake} onChange={(e) => setStake(e.target.value)} />,
      )}
      {field(
        'note',
        'Note',
        <input id={`${uid}-note`} className="input input--wide" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />,
      )}
      {errors.form && (
        <p className="form__error" role="alert" data-field="form">
          {errors.form}
        </p>
      )}
      <div className="bet-form__actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Recording…' : 'Record bet'}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
