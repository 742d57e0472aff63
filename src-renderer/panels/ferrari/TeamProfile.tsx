import type { MarketAlert } from '../../../src-shared/contract/analysis';
import { formatWhen } from '../../ui/format';
import { FormBlock } from '../../ui/MatchCards';
import type { TeamOption, TeamProfile as Profile } from './store';
import { kickoffShort } from './columns';

/** A native select (keyboard and screen readers get it for free): teams of the upcoming matches, by league. */
export function TeamPicker({ teams, value, onPick }: { teams: readonly TeamOption[]; value: string | null; onPick(name: string): void }) {
  const leagues = [...new Set(teams.map((t) => t.league))];
  return (
    <select
      className="select fe-team-picker"
      aria-label="Team"
      value={value ?? ''}
      onChange={(e) => e.target.value && onPick(e.target.value)}
    >
      <option value="">Pick a team…</option>
      {leagues.map((l) => (
        <optgroup key={l} label={l}>
          {teams
            .filter((t) => t.league === l)
            .map((t) => (
              <option key={t.name} value={t.name}>
                {t.name}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}

function Alerts({ alerts }: { alerts: MarketAlert[] }) {
  if (!alerts.length) return <p className="muted">No market alert for this team.</p>;
  return (
    <ul className="fe-alerts" aria-label="Market alerts, newest first" data-testid="market-alerts">
      {alerts.map((a, i) => (
        <li key={`${a.at ?? ''}|${i}`} className={`fe-alert fe-alert--${a.severity}`}>
          <span className="fe-alert__meta muted">
            {a.at ? formatWhen(a.at) : 'undated'} · {a.kind} · {a.severity}
          </span>
          <span>{a.message}</span>
        </li>
      ))}
    </ul>
  );
}

/** Form (last 10, home/away splits, xG), coach, next match and the market's alerts about the team. */
export function TeamProfileCard({ profile, error, loading }: { profile: Profile | null; error: string | null; loading: boolean }) {
  return (
    <div className="card fe-card" data-testid="team-profile" aria-busy={loading}>
      <h2 className="card__title">Team profile{profile ? ` · ${profile.team}` : ''}</h2>
      {error && <p className="banner banner--bad">{error}</p>}
      {!profile && !error && <p className="muted">{loading ? 'reading the profile…' : 'Pick a team, or open a trap.'}</p>}
      {profile && (
        <>
          <FormBlock form={profile.form} side="home" />
          <dl className="fe-kv fe-kv--wide">
            <dt>League</dt>
            <dd>{profile.league ?? '—'}</dd>
            <dt>Coach</dt>
            <dd data-testid="team-coach">
              {profile.coach
                ? `${profile.coach.name} · ${profile.coach.style ?? 'style unknown'} · ${profile.coach.formation ?? '—'} · W-D-L ${profile.coach.wins}-${profile.coach.draws}-${profile.coach.losses}`
                : 'no coach in the cache'}
            </dd>
            <dt>Next match</dt>
            <dd data-testid="team-next">
              {profile.nextMatch
                ? `${profile.nextMatch.home} – ${profile.nextMatch.away}${profile.nextMatch.kickoff ? ` · ${kickoffShort(profile.nextMatch.kickoff)}` : ''}`
                : 'none scheduled'}
            </dd>
          </dl>
          <h3 className="fe-subtitle">Market alerts · {profile.marketAlerts.length}</h3>
          <Alerts alerts={profile.marketAlerts} />
        </>
      )}
    </div>
  );
}
