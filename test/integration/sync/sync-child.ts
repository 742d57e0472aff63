// A sync in its own process, for the crash test and the bench: `--import tsx sync-child.ts <json params>`.
// Reports progress and the result over IPC (or stdout without IPC), including its peak RSS.
import { runSync, type SyncParams } from '../../../src-main/data/sync/run';

interface ChildParams extends SyncParams {
  cacheFile: string;
  url: string;
}

const p = JSON.parse(process.argv[2] ?? '{}') as ChildParams;
const send = (m: unknown): void => {
  if (process.send) process.send(m);
  else process.stdout.write(`${JSON.stringify(m)}\n`);
};

const t0 = performance.now();
runSync(p, { cacheFile: p.cacheFile, sourceUrl: p.url, signal: new AbortController().signal, progress: (pr) => send({ type: 'progress', message: pr.message, done: pr.done }) }).then(
  (result) => {
    send({ type: 'done', result, ms: performance.now() - t0, maxRssMb: process.resourceUsage().maxRSS / 1024 });
    process.disconnect?.();
  },
  (err: unknown) => {
    send({ type: 'error', message: (err as Error).message });
    process.exitCode = 1;
    process.disconnect?.();
  },
);
