import type { FerrariHealth } from '../../../src-shared/contract/intel';
import { ago } from '../../ui/format';

/** Last agent run, cache age, active traps: is what the panel shows current? */
export function HealthLine({ health, error, now }: { health: FerrariHealth | null; error: string | null; now: number }) {
  if (error)
    return (
      <span className="fe-health fe-health--bad" data-testid="ferrari-health" title={error}>
        health unavailable
      </span>
    );
  if (!health) return <span className="fe-health muted">reading health…</span>;
  const run = health.lastAgentRun;
  const age = health.cache.ageSeconds;
  return (
    <span className={`fe-health fe-health--${health.status}`} data-testid="ferrari-health" data-active-traps={health.activeTraps}>
      <span
        title={
          run
            ? `${run.mode} run at ${run.at}: ${run.matches} matches, ${run.findings} findings, ${run.traps} traps, ${Math.round(run.ms)} ms`
            : ''
        }
      >
        Agents {run ? `${ago(now - Date.parse(run.at))} (${run.mode}, ${Math.round(run.ms)} ms)` : 'never run'}
      </span>
      <span>· cache {age === null ? 'never synced' : ago(age * 1000)}</span>
      <span>
        · <strong>{health.activeTraps}</strong> active traps
      </span>
      <span title={`${health.source.kind}: ${health.source.label}`}>· source {health.source.reachable ? 'reachable' : 'unreachable'}</span>
    </span>
  );
}
