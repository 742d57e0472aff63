// One embedded PostgreSQL per data folder, shared by every process of the app that uses the folder
// (the desk, `npm run serve`, a CLI command beside them). The cluster's postmaster.pid says whether a
// server runs and on which port; the users file beside it (monps-users.json, the pids of the app's
// processes using the server) says whether someone still owns it. A live server with a live user is
// joined; a live server whose users are all gone (the desk was killed with -9) is stale: it is stopped
// cleanly and started again; the last user to leave stops it.
import fs from 'node:fs';
import path from 'node:path';

const USERS_FILE = 'monps-users.json';

export interface Postmaster {
  pid: number;
  port: number;
}

export type ClusterState =
  /** No server runs on the folder (no postmaster.pid, or one left by a dead process). */
  | { kind: 'free'; leftover: Postmaster | null }
  /** A server runs and a process of the app uses it: join it. */
  | { kind: 'live'; postmaster: Postmaster; users: number[] }
  /** A server runs but none of the processes that used it is alive. */
  | { kind: 'stale'; postmaster: Postmaster; users: number[] };

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive, owned by another user (the postgres user when we run as root we can signal anyway)
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** postmaster.pid: line 1 the postmaster's pid, line 4 its port. */
export function readPostmasterPid(dataDir: string): Postmaster | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { pid, port: Number.isInteger(port) && port > 0 ? port : 0 };
}

/** True when `pid` is a running postgres (not a new process that got a dead postmaster's pid). */
function isPostgres(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true; // no /proc (macOS): trust the pid
  }
}

export function readUsers(dataDir: string): number[] {
  try {
    const v = JSON.parse(fs.readFileSync(path.join(dataDir, USERS_FILE), 'utf8')) as unknown;
    return Array.isArray(v) ? v.filter((p): p is number => Number.isInteger(p) && p > 0) : [];
  } catch {
    return [];
  }
}

function writeUsers(dataDir: string, pids: number[]): void {
  const file = path.join(dataDir, USERS_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify([...new Set(pids)]), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** Records this process as a user of the folder's server (dead users are dropped on the way). */
export function addUser(dataDir: string, pid = process.pid): void {
  writeUsers(dataDir, [...readUsers(dataDir).filter(isAlive), pid]);
}

/** Removes this process from the users; answers the live users left. */
export function removeUser(dataDir: string, pid = process.pid): number[] {
  const left = readUsers(dataDir).filter((p) => p !== pid && isAlive(p));
  writeUsers(dataDir, left);
  return left;
}

export function inspectCluster(dataDir: string, self = process.pid): ClusterState {
  const pm = readPostmasterPid(dataDir);
  if (!pm || !isPostgres(pm.pid)) return { kind: 'free', leftover: pm };
  const users = readUsers(dataDir).filter((p) => p !== self && isAlive(p));
  return users.length ? { kind: 'live', postmaster: pm, users } : { kind: 'stale', postmaster: pm, users };
}

/** Stops a postmaster no process of the app owns any more: SIGINT (PostgreSQL's fast shutdown: the
 * clients are disconnected, everything committed is kept), then SIGQUIT if it has not gone in
 * `graceMs`. Throws, naming the pid, when it survives both. */
export async function stopPostmaster(pm: Postmaster, dataDir: string, graceMs = 30_000): Promise<void> {
  for (const [signal, wait] of [
    ['SIGINT', graceMs],
    ['SIGQUIT', 10_000],
  ] as const) {
    try {
      process.kill(pm.pid, signal);
    } catch {
      return; // already gone
    }
    if (await gone(pm.pid, wait)) return;
  }
  throw new Error(
    `the PostgreSQL left running in ${dataDir} (pid ${pm.pid}, port ${pm.port}) did not stop on SIGINT nor SIGQUIT; stop it by hand (kill ${pm.pid})`,
  );
}

async function gone(pid: number, ms: number): Promise<boolean> {
  // polling a foreign process: there is no event for the end of a process that is not our child
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    if (!isAlive(pid)) return true;
  }
  return !isAlive(pid);
}

/** Keeps the last lines the server wrote, so a failed start can say why. */
export function logTail(max = 20): { push(line: string): void; cause(): string } {
  const lines: string[] = [];
  return {
    push(line) {
      for (const l of line.split('\n')) if (l.trim()) lines.push(l.trim());
      while (lines.length > max) lines.shift();
    },
    cause() {
      const named = lines.filter((l) => /FATAL|ERROR|PANIC|could not|already/i.test(l));
      return (named.length ? named : lines.slice(-3)).join(' | ') || 'the server ended without a message';
    },
  };
}
