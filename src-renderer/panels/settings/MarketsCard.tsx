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
    return [...known, ...[...new Set(extra)].map((code) => ({ code, name: code, sharp: false }))];
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
  const toggleLeague = (code: string, on: boolean) =>
    setForm({ ...form, leagues: on ? [...form.leagues, code] : form.leagues.filter((x) => x !== code) });

  return (
    <SectionForm
      id="markets"
      title="Bookmakers and leagues"
      dirty={dirty}
      errors={e}
      onReset={() => (setErrors({}), reset())}
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
              </span>
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
      {(e.excludedBookmakers || e.preferredBookmakers) && (
        <p className="sfield__error" role="alert">
          {e.excludedBookmakers ?? e.preferredBookmakers}
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
