import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerConfig } from '../platform/jobs/protocol';
import { serveJobs } from '../platform/jobs/runtime';
import { allJobs } from './jobs';

// The worker thread's entry (bundled as out/main/worker.js): the host starts one per lane.
if (!parentPort) throw new Error('worker.ts must run in a worker thread');
serveJobs(parentPort, workerData as WorkerConfig, allJobs);
