// One filter bar for Historique's bets and Performance (issue 18): the same fields, labels and book
// convention (the book's name shown, its code filtered on) in both, so the same choice gives the same rows.
import type { PickMarket, PickOptions } from '../../src-shared/contract/picks';
import { DeskSelect } from './DeskSelect';
import './filter-bar.css';
import type { FieldErrors } from './form';
import type { ListFilters } from './filters';

export interface FilterBarProps {
  value: ListFilters;
  options: PickOptions | null;
  onChange(patch: Partial<ListFilters>): void;
  /** Refusals of the last change, shown beside their field. */
  errors?: FieldErrors | null;
  /** The open/settled choice: Performance counts both states by construction and leaves it out. */
  withState?: boolean;
  /** A "Combos" market: Performance counts combos as their own market; Historique lists them in their tab. */
  withCombos?: boolean;
}

const MARKETS: { value: PickMarket; label: string }[] = [
  { value: '1x2', label: '1X2' },
  { value: 'totals', label: 'Totals' },
  { value: 'spreads', label: 'Asian handicap' },
];
const COMBOS = { value: 'combo', label: 'Combos' } as const;
const STATES = [
  { value: 'all', label: 'Any state' },
  { value: 'open', label: 'Open' },
  { value: 'settled', label: 'Settled' },
] as const;

const orAny = (v: string): string | undefined => v || undefined;

function Refusal({ errors, field }: { errors?: FieldErrors | null; field: string }) {
  const e = errors?.[field];
  return e ? (
    <span className="filter-bar__error" role="alert" data-field={field}>
      {e}
    </span>
  ) : null;
}

function DateRange({ value, onChange, errors }: Pick<FilterBarProps, 'value' | 'onChange' | 'errors'>) {
  return (
    <>
      <label className="field">
        <span className="field__label">From</span>
        <input
          className="input input--date"
          type="date"
          aria-label="From"
          aria-invalid={errors?.from ? true : undefined}
          value={value.from ?? ''}
          onChange={(e) => onChange({ from: orAny(e.target.value) })}
        />
      </label>
      <Refusal errors={errors} field="from" />
      <label className="field">
        <span className="field__label">to</span>
        <input
          className="input input--date"
          type="date"
          aria-label="To"
          aria-invalid={errors?.to ? true : undefined}
          value={value.to ?? ''}
          onChange={(e) => onChange({ to: orAny(e.target.value) })}
        />
      </label>
      <Refusal errors={errors} field="to" />
    </>
  );
}

function StateChoice({ value, onChange }: Pick<FilterBarProps, 'value' | 'onChange'>) {
  return (
    <div className="segmented" role="group" aria-label="State">
      {STATES.map((s) => (
        <button
          key={s.value}
          type="button"
          className="segmented__item"
          aria-pressed={(value.state ?? 'all') === s.value}
          onClick={() => onChange({ state: s.value })}
        >
          {s.label}
        </button>
      ))}
    </div>
  );
}

function Selects({ value, onChange, options, withCombos }: Pick<FilterBarProps, 'value' | 'onChange' | 'options' | 'withCombos'>) {
  return (
    <>
      <select
        className="select"
        aria-label="League"
        value={value.league ?? ''}
        onChange={(e) => onChange({ league: orAny(e.target.value) })}
      >
        <option value="">All leagues</option>
        {options?.leagues.map((l) => (
          <option key={l.code} value={l.code}>
            {l.name}
          </option>
        ))}
      </select>
      <select
        className="select"
        aria-label="Market"
        value={value.market ?? ''}
        onChange={(e) => onChange({ market: orAny(e.target.value) as ListFilters['market'] })}
      >
        <option value="">All markets</option>
        {[...MARKETS, ...(withCombos ? [COMBOS] : [])].map((m) => (
          <option key={m.value} value={m.value}>
            {m.label}
          </option>
        ))}
      </select>
      <select
        className="select"
        aria-label="Book"
        value={value.bookmaker ?? ''}
        onChange={(e) => onChange({ bookmaker: orAny(e.target.value) })}
      >
        <option value="">All books</option>
        {options?.bookmakers.map((b) => (
          <option key={b.code} value={b.code} title={b.code}>
            {b.name}
          </option>
        ))}
      </select>
      <select
        className="select"
        aria-label="Agent"
        value={value.source ?? ''}
        onChange={(e) => onChange({ source: orAny(e.target.value) })}
      >
        <option value="">All agents</option>
        {options?.sources.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </>
  );
}

/** Date range, result, league, market, book, agent and desk: each change goes to `onChange` as a patch. */
export function FilterBar(p: FilterBarProps) {
  return (
    <div className="filter-bar" role="group" aria-label="Filters">
      {p.withState && <StateChoice value={p.value} onChange={p.onChange} />}
      <DateRange value={p.value} onChange={p.onChange} errors={p.errors} />
      <Selects value={p.value} onChange={p.onChange} options={p.options} withCombos={p.withCombos} />
      <DeskSelect value={p.value.desk} onChange={(desk) => p.onChange({ desk })} />
      <Refusal errors={p.errors} field="form" />
    </div>
  );
}
