import { parentPort, workerData } from 'node:worker_threads';
import { jobs } from './registry';
import type { FromWorker, ToWorker, WorkerConfig } from './protocol';
import { JobCancelled } from './types';
import { jobError } from './job-error';

// A worker thread: runs jobs off the main thread, each with its own AbortController. The host starts
// two (jobs/lanes.ts): the writer lane is the one writer of the SQLite cache.
const config = workerData as WorkerConfig;
const running = new Map<string, AbortController>();
const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

const send = (m: FromWorker): void => port.postMessage(m);

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'cancel') {
    running.get(msg.jobId)?.abort();
    return;
  }
  const fn = jobs[msg.kind];
  if (!fn) {
    send({ type: 'error', jobId: msg.jobId, error: { code: 'UNKNOWN_METHOD', message: `unknown job kind '${msg.kind}'` } });
    return;
  }
  const ac = new AbortController();
  running.set(msg.jobId, ac);
  fn(msg.params, {
    cacheFile: config.cacheFile,
    sourceUrl: config.sourceUrl,
    signal: ac.signal,
    progress: (progress) => send({ type: 'progress', jobId: msg.jobId, progress }),
  }).then(
    (value) => send({ type: 'result', jobId: msg.jobId, value }),
    (err: unknown) => {
      const cancelled = err instanceof JobCancelled || ac.signal.aborted;
      send({ type: 'error', jobId: msg.jobId, error: cancelled ? { code: 'CANCELLED', message: 'cancelled' } : jobError(err) });
    },
  ).finally(() => running.delete(msg.jobId));
});
