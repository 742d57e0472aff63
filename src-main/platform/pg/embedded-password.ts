// The embedded PostgreSQL's password: one per cluster, generated, kept in a 0600 file beside the cluster
// (`<cluster>.password`), never a constant of the source. Clusters made before it had the fixed password
// LEGACY_PASSWORD: they are migrated (ALTER USER) at their first start and then use their own.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';

export const LEGACY_PASSWORD = 'monps-embedded';

export const passwordFileOf = (clusterDir: string): string => `${clusterDir}.password`;

export function readPassword(clusterDir: string): string | undefined {
  try {
    const text = fs.readFileSync(passwordFileOf(clusterDir), 'utf8').trim();
    return text || undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export const newPassword = (): string => randomBytes(24).toString('hex');

/** Written to a temporary file first: `commit` renames it in place once the server uses it. */
export function stagePassword(clusterDir: string, password: string): { commit(): void; discard(): void } {
  const file = passwordFileOf(clusterDir);
  const staged = `${file}.new`;
  fs.writeFileSync(staged, `${password}\n`, { mode: 0o600 });
  fs.chmodSync(staged, 0o600);
  return {
    commit: () => fs.renameSync(staged, file),
    discard: () => fs.rmSync(staged, { force: true }),
  };
}
