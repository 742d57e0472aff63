import { useAppInfo } from '../store/app';
import { runningJobs, useJobs } from '../store/jobs';
import { ProgressBar } from './ProgressBar';

/** Bottom bar: which source we work on, over which transport, and the jobs running now. */
export function StatusBar() {
  const info = useAppInfo((s) => s.info);
  const infoError = useAppInfo((s) => s.error);
  const jobs = useJobs((s) => s.jobs);
  const running = runningJobs(jobs);
  return (
    <footer className="statusbar" role="status" aria-label="Status">
      <span className={`statusbar__dot ${info ? 'statusbar__dot--ok' : infoError ? 'statusbar__dot--bad' : ''}`} aria-hidden="true" />
      <span className="statusbar__source" data-testid="source-label" title={info?.cacheFile ? `cache: ${info.cacheFile}` : undefined}>
        {info ? `Source: ${info.source.label}` : infoError ? `Services unreachable: ${infoError}` : 'Connecting…'}
      </span>
      {info && <span className="statusbar__muted">{info.transport === 'ipc' ? 'desktop' : 'browser'} · v{info.version}</span>}
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
