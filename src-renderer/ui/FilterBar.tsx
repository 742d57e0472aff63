// One filter bar for Historique's bets and Performance (issue 18): the same fields, labels and book
// convention (the book's name shown, its code filtered on) in both, so the same choice gives the same rows.
import { COMBO_MARKET, type PickMarket, type PickOptions } from '../../src-shared/contract/picks';
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
const COMBOS = { value: COMBO_MARKET, label: 'Combos' } as const;
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

/** One end of the date range, its refusal beside it. */
function DateField(p: { field: 'from' | 'to'; label: string } & Pick<FilterBarProps, 'value' | 'onChange' | 'errors'>) {
  const ariaLabel = p.field === 'from' ? 'From' : 'To';
  return (
    <>
      <label className="field">
        <span className="field__label">{p.label}</span>
        <input
          className="input input--date"
          type="date"
          aria-label={ariaLabel}
          aria-invalid={p.errors?.[p.field] ? true : undefined}
          value={p.value[p.field] ?? ''}
          onChange={(e) => p.onChange({ [p.field]: orAny(e.target.value) })}
        />
      </label>
      <Refusal errors={p.errors} field={p.field} />
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

interface ChoiceItem {
  value: string;
  label: string;
  title?: string;
}

/** A select whose empty choice is "all": the chosen value, or undefined for all. */
function Choice(p: {
  label: string;
  all: string;
  value: string | undefined;
  items: readonly ChoiceItem[];
  onChange(v: string | undefined): void;
}) {
  return (
    <select className="select" aria-label={p.label} value={p.value ?? ''} onChange={(e) => p.onChange(orAny(e.target.value))}>
      <option value="">{p.all}</option>
      {p.items.map((i) => (
        <option key={i.value} value={i.value} title={i.title}>
          {i.label}
        </option>
      ))}
    </select>
  );
}

function Selects({ value, onChange, options, withCombos }: Pick<FilterBarProps, 'value' | 'onChange' | 'options' | 'withCombos'>) {
  return (
    <>
      <Choice
        label="League"
        all="All leagues"
        value={value.league}
        items={options?.leagues.map((l) => ({ value: l.code, label: l.name })) ?? []}
        onChange={(league) => onChange({ league })}
      />
      <Choice
        label="Market"
        all="All markets"
        value={value.market}
        items={[...MARKETS, ...(withCombos ? [COMBOS] : [])]}
        onChange={(market) => onChange({ market: market as ListFilters['market'] })}
      />
      <Choice
        label="Book"
        all="All books"
        value={value.bookmaker}
        items={options?.bookmakers.map((b) => ({ value: b.code, label: b.name, title: b.code })) ?? []}
        onChange={(bookmaker) => onChange({ bookmaker })}
      />
      <Choice
        label="Agent"
        all="All agents"
        value={value.source}
        items={options?.sources.map((x) => ({ value: x, label: x })) ?? []}
        onChange={(source) => onChange({ source })}
      />
    </>
  );
}

/** Date range, result, league, market, book, agent and desk: each change goes to `onChange` as a patch. */
export function FilterBar(p: FilterBarProps) {
  return (
    <div className="filter-bar" role="group" aria-label="Filters">
      {p.withState && <StateChoice value={p.value} onChange={p.onChange} />}
      <DateField field="from" label="From" value={p.value} onChange={p.onChange} errors={p.errors} />
      <DateField field="to" label="to" value={p.value} onChange={p.onChange} errors={p.errors} />
      <Selects value={p.value} onChange={p.onChange} options={p.options} withCombos={p.withCombos} />
      <DeskSelect value={p.value.desk} onChange={(desk) => p.onChange({ desk })} />
      <Refusal errors={p.errors} field="form" />
    </div>
  );
}
