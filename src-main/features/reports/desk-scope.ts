// Whose rows a report holds (issue 18, a team on one database), said in its header and first note.
import type { Cache } from '../../platform/cache/open';
import { tableExists } from '../../platform/cache/tables';
import { cacheDesk } from '../../platform/desk';
import type { ReportDesk } from './queries';

/** "Desk <name>: …" or "Team: every desk's …", for the report's subtitle and notes. */
export function deskScopeLine(db: Cache, desk: ReportDesk): string {
  if (desk === 'team') {
    const n = tableExists(db, 'tracking_clv_picks')
      ? (db.prepare('SELECT count(DISTINCT desk_id) FROM tracking_clv_picks WHERE desk_id IS NOT NULL').pluck().get() as number)
      : 0;
    return `Team: every desk's picks, bets and combos (${n} desk${n === 1 ? '' : 's'} with rows, and those from before desks had identities)`;
  }
  const own = tableExists(db, 'desk') ? cacheDesk(db) : null;
  return own
    ? `Desk ${own.name}: its own picks, bets and combos, and those from before desks had identities (not the team's)`
    : 'This cache has no desk identity yet: only the picks, bets and combos from before desks had identities';
}
