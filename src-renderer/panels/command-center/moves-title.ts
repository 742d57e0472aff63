import type { MarketMoves } from '../../../src-shared/contract/market';
import { lineLabel, marketLabel } from '../../ui/market-labels';

export const movesTitle = (m: Pick<MarketMoves, 'market' | 'line' | 'selection'> & { match: { home: string; away: string } }): string =>
  `${m.match.home} – ${m.match.away} · ${marketLabel(m.market)} ${lineLabel(m.market, m.line, m.selection)} ${m.selection}`.replace(
    /\s+/g,
    ' ',
  );
