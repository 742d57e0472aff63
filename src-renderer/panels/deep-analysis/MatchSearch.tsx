import { useId, useMemo, useRef, useState } from 'react';
import type { BoardMatch } from '../../../src-shared/contract/market';
import { filterMatches } from './store';

const when = (iso: string): string => {
  const d = new Date(iso);
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${d.toLocaleDateString('en-GB', { weekday: 'short', day: '2-digit', month: 'short' })} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** A combobox: type to filter, ↑/↓ to move, Enter to open, Escape to close (then to clear). */
export function MatchSearch({ matches, onPick }: { matches: readonly BoardMatch[]; onPick(m: BoardMatch): void }) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const found = useMemo(() => filterMatches(matches, query), [matches, query]);

  const pick = (m: BoardMatch | undefined) => {
    if (!m) return;
    onPick(m);
    setOpen(false);
    setQuery(`${m.home} – ${m.away}`);
    input.current?.select();
  };

  const onKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(found.length - 1, open ? a + 1 : 0));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (open) pick(found[active]);
      else setOpen(true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (open) setOpen(false);
      else setQuery('');
    }
  };

  return (
    <div className="da-search">
      <input
        ref={input}
        className="input da-search__input"
        type="search"
        role="combobox"
        aria-label="Search a match"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && found[active] ? `${listId}-${found[active].matchId}` : undefined}
        aria-autocomplete="list"
        placeholder="Search a match: team or league…  (↑↓ Enter Esc)"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKey}
      />
      {open && (
        <ul className="da-search__list" role="listbox" id={listId} aria-label="Matches">
          {found.length === 0 && <li className="da-search__empty muted">No upcoming match for “{query}”</li>}
          {found.map((m, i) => (
            <li
              key={m.matchId}
              id={`${listId}-${m.matchId}`}
              role="option"
              aria-selected={i === active}
              className="da-search__option"
              data-match-id={m.matchId}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(m);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="da-search__teams">
                {m.home} – {m.away}
              </span>
              <span className="da-search__meta muted">
                {m.leagueName} · {when(m.kickoff)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
