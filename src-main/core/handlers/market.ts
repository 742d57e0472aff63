import type { Alert, Board, MarketMoves, TopMove } from '../../../src-shared/contract/market';
import type { MarketJobParams } from '../../data/market/market-job';
import { unwrapRefusal, type JobRefusal } from '../../data/market/job-errors';
import type { EventBus } from '../events';
import type { PartialHandlers } from '../dispatch';
import type { Services } from '../services';

/** Sync job kinds whose completion changes the cache. */
const SYNC_KINDS = new Set(['sync']);
const watched = new WeakSet<EventBus>();

/** Until the sync emits `cache.changed` itself with the tables it wrote, a finished sync job is
 * announced here (tables unknown: '*'), once per bus whatever the number of transports. */
function announceSyncs(bus: EventBus): void {
  if (watched.has(bus)) return;
  watched.add(bus);
  bus.onAny((name, payload) => {
    const p = payload as { kind?: string; state?: string; endedAt?: string | null };
    if (name === 'job.progress' && p.state === 'done' && SYNC_KINDS.has(p.kind ?? '')) {
      bus.emit('cache.changed', { tables: ['*'], at: p.endedAt ?? new Date().toISOString() });
    }
  });
}

const warmed = new WeakSet<EventBus>();

/** After the cache changes, the worker rebuilds the board and the largest moves at once, so the panel
 * opening next (or refreshing now) reads them from memory. */
function warmBoard(s: Services): void {
  if (warmed.has(s.bus)) return;
  warmed.add(s.bus);
  s.bus.onAny((name) => {
    if (name !== 'cache.changed') return;
    s.jobs.run('market', { op: 'board' } satisfies MarketJobParams).done.catch(() => {});
    // the window the Command Center shows (12 h of quotes), shared by its side list and its feed
    s.jobs.run('market', { op: 'topMoves', hours: 12, limit: 1 } satisfies MarketJobParams).done.catch(() => {});
  });
}

export function marketHandlers(s: Services): PartialHandlers {
  announceSyncs(s.bus);
  warmBoard(s);
  const run = async <R>(params: MarketJobParams): Promise<R> => unwrapRefusal(await s.jobs.run<R | JobRefusal>('market', params).done);
  return {
    'market.board': ({ asOf }) => run<Board>({ op: 'board', asOf }),
    'market.moves': ({ matchId, market, line, selection }) => run<MarketMoves>({ op: 'moves', matchId, market, line, selection }),
    'market.topMoves': ({ hours, limit, asOf }) => run<TopMove[]>({ op: 'topMoves', hours, limit, asOf }),
    'market.alerts': ({ hours, asOf }) => run<Alert[]>({ op: 'alerts', hours, asOf }),
  };
}
