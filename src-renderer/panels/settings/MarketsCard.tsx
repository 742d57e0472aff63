import { useMemo, useState } from 'react';
import type { MarketSettings } from '../../../src-shared/contract/settings';
import { within, type FieldErrors } from './errors';
import { SectionForm, useDraft } from './Field';
import { useSettings } from './store';

type Choice = 'any' | 'prefer' | 'exclude';

/** Preferred and excluded bookmakers, leagues followed (none ticked = every league). Codes saved
 * before the cache knew them are kept and shown. */
export function MarketsCard({ saved }: { saved: MarketSettings }) {
  const save = useSettings((s) => s.save);
  const options = useSettings((s) => s.options);
  const [form, setForm, dirty, reset] = useDraft(saved);
  const [errors, setErrors] = useState<FieldErrors>({});
  const e = within(errors, 'markets');
  const books = useMemo(() => {
    const known = options?.bookmakers ?? [];
    const extra = [...form.preferredBookmakers, ...form.excludedBookmakers].filter((c) => !known.some((b) => b.code === c));
    const extraBooks = [...new Set(extra)].map((code) => ({ code, name: code, sharp: false, exchange: false, commission: 0 }));
    return [...known, ...extraBooks];
  }, [options, form]);
  const leagues = useMemo(() => {
    const known = options?.leagues ?? [];
    const extra = form.leagues.filter((c) => !known.some((l) => l.code === c));
    return [...known, ...extra.map((code) => ({ code, name: code, country: null }))];
  }, [options, form]);

  const choiceOf = (code: string): Choice =>
    form.preferredBookmakers.includes(code) ? 'prefer' : form.excludedBookmakers.includes(code) ? 'exclude' : 'any';
  const choose = (code: string, c: Choice) => {
    const without = (xs: string[]) => xs.filter((x) => x !== code);
    setForm({
      ...form,
      preferredBookmakers: c === 'prefer' ? [...without(form.preferredBookmakers), code] : without(form.preferredBookmakers),
      excludedBookmakers: c === 'exclude' ? [...without(form.excludedBookmakers), code] : without(form.excludedBookmakers),
    });
  };
  // commission on net winnings per book, in %: empty = the book's default (an exchange 5%, a bookmaker 0)
  const [rates, setRates] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(saved.commission ?? {}).map(([k, v]) => [k, String(+(v * 100).toFixed(4))])),
  );
  const setRate = (code: string, text: string) => {
    setRates({ ...rates, [code]: text });
    const { [code]: _old, ...rest } = form.commission ?? {};
    const v = Number(text.replace(',', '.'));
    setForm({ ...form, commission: text.trim() === '' ? rest : { ...rest, [code]: Number.isFinite(v) ? v / 100 : NaN } });
  };
  const commissionError = Object.entries(e)
    .filter(([k]) => k.startsWith('commission'))
    .map(([k, v]) => `${k.replace(/^commission\.?/, '') || 'commission'}: ${v}`)[0];
  const toggleLeague = (code: string, on: boolean) =>
    setForm({ ...form, leagues: on ? [...form.leagues, code] : form.leagues.filter((x) => x !== code) });

  return (
    <SectionForm
      id="markets"
      title="Bookmakers and leagues"
      dirty={dirty}
      errors={e}
      onReset={() => (setErrors({}), setRates({}), reset())}
      onSave={async () => {
        const errs = await save({ markets: form });
        setErrors(errs);
        return Object.keys(errs).length === 0;
      }}
    >
      <h3 className="settings-sub">Bookmakers</h3>
      {books.length === 0 ? (
        <p className="muted">No bookmaker in the cache yet (after the first sync).</p>
      ) : (
        <ul className="choices" aria-label="Bookmakers">
          {books.map((b) => (
            <li key={b.code} className="choices__row">
              <span className="choices__name">
                {b.name} <span className="muted">{b.code}</span>
                {b.sharp && <span className="tag tag--source">sharp</span>}
                {b.exchange && <span className="tag tag--source">exchange</span>}
              </span>
              <label className="choices__commission" title="Commission on net winnings: every price of this book is read net of it">
                <span className="muted">commission %</span>
                <input
                  type="text"
                  inputMode="decimal"
                  size={4}
                  aria-label={`Commission of ${b.name} (% of net winnings)`}
                  placeholder={String(+(b.commission * 100).toFixed(2))}
                  value={rates[b.code] ?? ''}
                  onChange={(ev) => setRate(b.code, ev.target.value)}
                />
              </label>
              <span className="segmented" role="group" aria-label={`${b.name}`}>
                {(['any', 'prefer', 'exclude'] as const).map((c) => (
                  <button
                    key={c}
                    type="button"
                    className="segmented__item"
                    aria-pressed={choiceOf(b.code) === c}
                    onClick={() => choose(b.code, c)}
                  >
                    {c === 'any' ? 'Any' : c === 'prefer' ? 'Prefer' : 'Exclude'}
                  </button>
                ))}
              </span>
            </li>
          ))}
        </ul>
      )}
      {(e.excludedBookmakers || e.preferredBookmakers || commissionError) && (
        <p className="sfield__error" role="alert">
          {e.excludedBookmakers ?? e.preferredBookmakers ?? commissionError}
        </p>
      )}
      <h3 className="settings-sub">
        Leagues followed <span className="card__hint">· none ticked: every league</span>
      </h3>
      <div className="league-list" role="group" aria-label="Leagues followed">
        {leagues.map((l) => (
          <label key={l.code} className="check">
            <input type="checkbox" checked={form.leagues.includes(l.code)} onChange={(ev) => toggleLeague(l.code, ev.target.checked)} />
            {l.name} <span className="muted">{l.code}</span>
          </label>
        ))}
        {leagues.length === 0 && <p className="muted">No league in the cache yet.</p>}
      </div>
      {e.leagues && (
        <p className="sfield__error" role="alert">
          {e.leagues}
        </p>
      )}
    </SectionForm>
  );
}
