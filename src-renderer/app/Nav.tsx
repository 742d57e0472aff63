import { panels } from './panels';
import { useNav } from './store/nav';
import { useReports } from './store/reports';

/** The left navigation: one button per panel, its shortcut shown, the open one marked. */
export function Nav() {
  const current = useNav((s) => s.current);
  const go = useNav((s) => s.go);
  return (
    <nav className="nav" aria-label="Panels">
      <div className="nav__brand">
        <span className="nav__logo" aria-hidden="true">
          ◆
        </span>
        <span>
          Mon_PS <strong>Desk</strong>
        </span>
      </div>
      <ul className="nav__list">
        {panels.map((p, i) => (
          <li key={p.id} className={i === 6 ? 'nav__item nav__item--separated' : 'nav__item'}>
            <button
              type="button"
              className="nav__button"
              data-panel-id={p.id}
              aria-current={p.id === current ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${i + 1} Control+${i + 1}`}
              onClick={() => go(p.id)}
            >
              <span className="nav__index" aria-hidden="true">
                {i + 1}
              </span>
              <span className="nav__label">{p.title}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="btn nav__reports" onClick={() => useReports.getState().show()}>
        Reports…
      </button>
      <p className="nav__hint">Alt+1…8 switches panels</p>
    </nav>
  );
}

/** Alt+1..8 or Ctrl+1..8 (digit row or keypad) opens the Nth panel. */
export function panelShortcut(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): number | null {
  if (!(e.altKey || e.ctrlKey) || e.metaKey || e.shiftKey) return null;
  const m = /^(?:Digit|Numpad)([1-8])$/.exec(e.code);
  return m ? Number(m[1]) : null;
}
