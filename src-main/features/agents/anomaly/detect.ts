// Every Agent A detector over one market line of one match.
import type { RawFinding } from './finding';
import { detectOutliers } from './outlier';
import { replay, type Replay } from './replay';
import { detectReverse } from './reverse';
import type { MarketGroup } from './series';
import { detectSteam } from './steam';

/** `pending` collects the times at which a finding may appear with no new quote (an outlier that
 * must last its 20 minutes): an incremental run looks at the group again then. */
export function detectGroup(group: MarketGroup, asOf: number, r: Replay = replay(group, asOf), pending?: number[]): RawFinding[] {
  const steam = detectSteam(r);
  // a book that misses a steam the others followed is a stale quote: the outliers need the steams
  const windows = steam.map((f) => ({
    k: group.selections.indexOf(f.selection),
    start: f.at,
    end: f.endAt ?? f.at,
    movers: new Set(f.books),
  }));
  return [...steam, ...detectOutliers(r, asOf, windows, pending), ...detectReverse(r)];
}
