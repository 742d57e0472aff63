import { useEffect, useState } from 'react';
import type { PickRow } from '../../../src-shared/contract/picks';
import { call, subscribe } from '../../api/client';
import { useAppInfo } from '../../app/store/app-info';
import { betLabel, MARKET_NAMES } from '../../ui/bet-labels';
import type { DeskScope } from '../../ui/DeskSelect';
import { deskLabel, isMine } from '../../ui/desk-labels';

/** The picks and bets on the open match, each with its desk (this desk's marked "mine"), the team's or
 * only this desk's (issue 18: a team on one database). */
export function MatchPicks({ matchId }: { matchId: number }) {
  const own = useAppInfo((s) => s.info?.desk.deskId);
  const [desk, setDesk] = useState<DeskScope>('team');
  const [rows, setRows] = useState<PickRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const load = () =>
      call('picks.list', { matchId, desk }).then(
        (r) => current && (setRows(r.rows), setError(null)),
        (err: unknown) => current && setError(err instanceof Error ? err.message : String(err)),
      );
    void load();
    const off = subscribe('cache.changed', (e) => {
      if (e.tables.includes('tracking_clv_picks')) void load();
    });
    return () => {
      current = false;
      off();
    };
  }, [matchId, desk]);

  return (
    <div className="card da-card da-picks" data-testid="match-picks" data-rows={rows?.length ?? ''}>
      <h2 className="card__title">
        Picks and bets on this match {/* buttons, not a select: the match search's listbox stays the page's only options */}
        <span className="segmented" role="group" aria-label="Desk">
          {(['team', 'mine'] as const).map((d) => (
            <button key={d} type="button" className="segmented__item" aria-pressed={desk === d} onClick={() => setDesk(d)}>
              {d === 'team' ? 'Team' : 'Mine'}
            </button>
          ))}
        </span>
      </h2>
      {error && <p className="banner banner--bad">{error}</p>}
      {rows?.length === 0 && <p className="muted">{desk === 'mine' ? 'No pick or bet of this desk.' : 'No pick or bet of any desk.'}</p>}
      <ul className="da-picks__list">
        {rows?.map((r) => (
          <li key={r.pickId} className="da-picks__row" data-pick-id={r.pickId} data-mine={isMine(r, own) ? 'true' : 'false'}>
            <span className={`tag tag--${r.kind}`}>{r.kind === 'bet' ? 'bet' : 'pick'}</span> {MARKET_NAMES[r.market] ?? r.market}{' '}
            {betLabel(r.market, r.line, r.selection)} · {r.odds.toFixed(2)} at {r.bookmaker} · stake {r.stake.toFixed(2)} ·{' '}
            <span className="da-picks__desk" title={r.deskId ?? 'written before desks had identities'}>
              {deskLabel(r)}
              {isMine(r, own) && <span className="tag tag--mine">mine</span>}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
