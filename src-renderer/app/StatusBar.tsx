import { useAppInfo } from './store/app-info';
import { useInventory } from './store/inventory';
import { runningJobs, useJobs } from './store/jobs';
import { ProgressBar } from '../ui/ProgressBar';
import './StatusBar.css';

/** Bottom bar: which source we work on, over which transport, and the jobs running now. */
export function StatusBar() {
  const info = useAppInfo((s) => s.info);
  const infoError = useAppInfo((s) => s.error);
  const jobs = useJobs((s) => s.jobs);
  const running = runningJobs(jobs);
  // the last inventory is the freshest word on whether the source answers
  const unreachable = useInventory((s) => (s.data && !s.data.source.reachable ? (s.data.source.error ?? 'unreachable') : null));
  const dot = !info ? (infoError ? 'bad' : '') : unreachable ? 'warn' : 'ok';
  return (
    <footer className="statusbar" role="status" aria-label="Status">
      <span className={`statusbar__dot${dot ? ` statusbar__dot--${dot}` : ''}`} aria-hidden="true" />
      <span className="statusbar__source" data-testid="source-label" title={info?.cacheFile ? `cache: ${info.cacheFile}` : undefined}>
        {info ? `Source: ${info.source.label}` : infoError ? `Services unreachable: ${infoError}` : 'Connecting…'}
      </span>
      {info && unreachable && (
        <span className="statusbar__warn" title={unreachable}>
          source unreachable: working on the cache
        </span>
      )}
      {info && (
        <span className="statusbar__muted">
          {info.transport === 'ipc' ? 'desktop' : 'browser'} · v{info.version}
        </span>
      )}
      <span className="statusbar__spacer" />
      {running.map((j) => (
        <span key={j.jobId} className="statusbar__job" data-job-kind={j.kind}>
          <span className="statusbar__job-name">{j.kind}</span>
          <ProgressBar fraction={j.fraction} label={`${j.kind}: ${j.message}`} />
          <span className="statusbar__muted">{j.message}</span>
        </span>
      ))}
      {running.length === 0 && <span className="statusbar__muted">no job running</span>}
    </footer>
  );
}
