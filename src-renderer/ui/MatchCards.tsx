import './match-cards.css';
import type { CoachCard as Coach, Preview, Scorer, TeamForm } from '../../src-shared/contract/analysis';

const date = (iso: string): string => new Date(iso).toLocaleDateString('en-GB', { day: '2-digit', month: 'short', year: '2-digit' });
const pct = (p: number | null): string => (p == null ? '—' : `${(p * 100).toFixed(1)}%`);

export function H2H({ h2h, home, away }: { h2h: Preview['h2h']; home: string; away: string }) {
  return (
    <div className="card da-card" data-testid="h2h">
      <h2 className="card__title">Head to head · last {h2h.matches.length}</h2>
      {h2h.matches.length === 0 ? (
        <p className="muted">No previous meeting in the cache.</p>
      ) : (
        <>
          <p className="da-h2h__summary">
            <span>
              {home} {h2h.homeWins}
            </span>
            <span className="muted">draws {h2h.draws}</span>
            <span>
              {away} {h2h.awayWins}
            </span>
          </p>
          <table className="da-table">
            <tbody>
              {h2h.matches.map((m) => (
                <tr key={m.matchId}>
                  <td className="muted">{date(m.kickoff)}</td>
                  <td className="da-table__right">{m.home}</td>
                  <td className="da-table__score cell--mono">
                    {m.homeGoals}–{m.awayGoals}
                  </td>
                  <td>{m.away}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

const split = (s: TeamForm['home']): string => (s.played ? `${s.wins}-${s.draws}-${s.losses} · ${s.goalsFor}:${s.goalsAgainst}` : '—');

export function FormBlock({ form, side }: { form: TeamForm; side: 'home' | 'away' }) {
  return (
    <div className="da-form" data-testid={`form-${side}`}>
      <div className="da-form__head">
        <strong>{form.team}</strong>
        <span
          className="da-form__chips"
          aria-label={`Last results of ${form.team}, newest first: ${form.last.map((r) => r.result).join(' ')}`}
        >
          {form.last.map((r) => (
            <span
              key={r.matchId}
              className={`da-chip da-chip--${r.result}`}
              title={`${date(r.kickoff)} ${r.venue === 'H' ? 'vs' : 'at'} ${r.opponent} ${r.goalsFor}-${r.goalsAgainst}`}
            >
              {r.result}
            </span>
          ))}
        </span>
      </div>
      <dl className="da-form__splits">
        <dt>Home (last 10)</dt>
        <dd className="cell--mono">{split(form.home)}</dd>
        <dt>Away (last 10)</dt>
        <dd className="cell--mono">{split(form.away)}</dd>
        {form.intelligence && (
          <>
            <dt>xG for / against</dt>
            <dd className="cell--mono">
              {form.intelligence.xgForAvg?.toFixed(2) ?? '—'} / {form.intelligence.xgAgainstAvg?.toFixed(2) ?? '—'}
            </dd>
            <dt>Elo · BTTS · O2.5</dt>
            <dd className="cell--mono">
              {form.intelligence.elo?.toFixed(0) ?? '—'} · {pct(form.intelligence.bttsRate)} · {pct(form.intelligence.over25Rate)}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

export function Form({ form }: { form: Preview['form'] }) {
  return (
    <div className="card da-card">
      <h2 className="card__title">Recent form · home/away splits</h2>
      <FormBlock form={form.home} side="home" />
      <FormBlock form={form.away} side="away" />
    </div>
  );
}

function CoachBlock({ coach, team }: { coach: Coach | null; team: string }) {
  if (!coach) return <p className="muted">{team}: no coach in the cache.</p>;
  return (
    <div className="da-coach">
      <div className="da-form__head">
        <strong>{coach.name}</strong>
        <span className="muted">
          {team} · {coach.style ?? 'style unknown'} · {coach.formation ?? '—'}
        </span>
      </div>
      <div className="cell--mono small-line">
        W-D-L {coach.wins}-{coach.draws}-{coach.losses} · xG {coach.xgForAvg?.toFixed(2) ?? '—'}/{coach.xgAgainstAvg?.toFixed(2) ?? '—'}
        {coach.vsOpponentStyle && (
          <>
            {' '}
            · vs {coach.vsOpponentStyle.style}: {coach.vsOpponentStyle.w}-{coach.vsOpponentStyle.d}-{coach.vsOpponentStyle.l}
          </>
        )}
      </div>
      {(coach.strengths.length > 0 || coach.weaknesses.length > 0) && (
        <div className="small-line">
          {coach.strengths.length > 0 && <span className="text--active">+ {coach.strengths.join(', ')}</span>}{' '}
          {coach.weaknesses.length > 0 && <span className="text--empty">− {coach.weaknesses.join(', ')}</span>}
        </div>
      )}
    </div>
  );
}

export function Coaches({ coaches, home, away }: { coaches: Preview['coaches']; home: string; away: string }) {
  return (
    <div className="card da-card" data-testid="coaches">
      <h2 className="card__title">Coach matchup</h2>
      <CoachBlock coach={coaches.home} team={home} />
      <CoachBlock coach={coaches.away} team={away} />
    </div>
  );
}

function ScorerList({ scorers, team }: { scorers: Scorer[]; team: string }) {
  return (
    <table className="da-table da-scorers" aria-label={`Likely scorers of ${team}`}>
      <thead>
        <tr>
          <th>{team}</th>
          <th title="Anytime scorer, from the model's expected goals">Any</th>
          <th title="First scorer">1st</th>
          <th title="Anytime as the source's scorer_intelligence has it">Src</th>
        </tr>
      </thead>
      <tbody>
        {scorers.map((s) => (
          <tr key={s.playerId}>
            <td>
              {s.name}{' '}
              <span className="muted">
                {s.position}
                {s.penaltyTaker ? ' · pens' : ''}
              </span>
            </td>
            <td className="cell--mono">{pct(s.anytime)}</td>
            <td className="cell--mono muted">{pct(s.first)}</td>
            <td className="cell--mono muted">{pct(s.sourceAnytime)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Scorers({ scorers, home, away }: { scorers: Preview['scorers']; home: string; away: string }) {
  return (
    <div className="card da-card" data-testid="scorers">
      <h2 className="card__title">Likely scorers</h2>
      <ScorerList scorers={scorers.home.slice(0, 5)} team={home} />
      <ScorerList scorers={scorers.away.slice(0, 5)} team={away} />
    </div>
  );
}
