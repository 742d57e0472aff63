import type { MessagePort } from 'node:worker_threads';
import { validationError } from '../../../src-shared/contract/errors';
import { toContractError } from '../errors';
import { JobCancelled, type AnyJobDef, type JobContext } from './define';
import type { FromWorker, ToWorker, WorkerConfig } from './protocol';

/** The worker thread's side: runs the jobs the host starts, each with its own AbortController, and
 * answers progress, a result or a typed error. Parameters are checked against the job's schema first. */
export function serveJobs(port: MessagePort, config: WorkerConfig, jobs: readonly AnyJobDef[]): void {
  const byKind = new Map<string, AnyJobDef>();
  for (const j of jobs) {
    if (byKind.has(j.kind)) throw new Error(`two jobs of kind '${j.kind}'`);
    byKind.set(j.kind, j);
  }
  const running = new Map<string, AbortController>();
  const send = (m: FromWorker): void => port.postMessage(m);

  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'cancel') {
      running.get(msg.jobId)?.abort();
      return;
    }
    const job = byKind.get(msg.kind);
    if (!job) {
      send({ type: 'error', jobId: msg.jobId, error: { code: 'UNKNOWN_METHOD', message: `unknown job kind '${msg.kind}'` } });
      return;
    }
    const parsed = job.params.safeParse(msg.params ?? {});
    if (!parsed.success) {
      send({ type: 'error', jobId: msg.jobId, error: validationError(parsed.error.issues, `parameters of job ${job.kind}`).toJSON() });
      return;
    }
    const ac = new AbortController();
    running.set(msg.jobId, ac);
    const ctx: JobContext = {
      cacheFile: config.cacheFile,
      sourceUrl: config.sourceUrl,
      settingsFile: config.settingsFile,
      signal: ac.signal,
      progress: (progress) => send({ type: 'progress', jobId: msg.jobId, progress }),
    };
    Promise.resolve()
      .then(() => job.run(parsed.data, ctx))
      .then(
        (value) => send({ type: 'result', jobId: msg.jobId, value }),
        (err: unknown) =>
          send({ type: 'error', jobId: msg.jobId, error: toContractError(ac.signal.aborted ? new JobCancelled() : err).toJSON() }),
      )
      .finally(() => running.delete(msg.jobId));
  });
}
