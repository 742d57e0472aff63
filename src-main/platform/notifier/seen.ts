import fs from 'node:fs';
import path from 'node:path';

/** Alert ids already notified: one notification per id, so an update of a trap does not notify again,
 * even after a restart. Kept for `keepMs`, at most `max` ids. */
export interface SeenStore {
  has(id: string): boolean;
  add(id: string, at: number): void;
}

export function memorySeen(): SeenStore {
  const ids = new Set<string>();
  return { has: (id) => ids.has(id), add: (id) => void ids.add(id) };
}

export function fileSeen(file: string, opts: { keepMs?: number; max?: number; log?: (line: string) => void } = {}): SeenStore {
  const keepMs = opts.keepMs ?? 30 * 86_400_000;
  const max = opts.max ?? 20_000;
  const ids = new Map<string, number>();
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>;
    const cutoff = Date.now() - keepMs;
    for (const [id, at] of Object.entries(raw)) if (typeof at === 'number' && at > cutoff) ids.set(id, at);
  } catch {
    // no file yet, or unreadable: start empty (at worst one alert notifies twice)
  }
  const save = (): void => {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(Object.fromEntries(ids)));
      fs.renameSync(tmp, file);
    } catch (err) {
      opts.log?.(`could not save notified alert ids: ${(err as Error).message}`);
    }
  };
  return {
    has: (id) => ids.has(id),
    add(id, at) {
      ids.set(id, at);
      while (ids.size > max) ids.delete(ids.keys().next().value as string);
      save();
    },
  };
}
