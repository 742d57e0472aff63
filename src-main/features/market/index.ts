// Market board (Command Center): board rows from every bookmaker's latest and opening quote, moves,
// alerts. Other features use the board's rows and the odds queries from here.
export { marketJobs } from './jobs';
export { marketHandlers, warmMarket } from './handlers';
export { boardRows, rowId, type Commissions, type SeriesQuote } from './board';
export {
  ODDS_TABLES,
  LIVE_WINDOW_MS,
  seriesQuotes,
  iterateSeriesQuotes,
  iterateQuoteChanges,
  bookRoles,
  sharpBooks,
  upcomingMatches,
  matchById,
} from './queries';
export { collectSeries, pricesAt, closingPrices, type QuoteChange, type SeriesRuns, type SnapshotOptions } from './snapshot';
export { buildBoard, STALE_AFTER_MS, moves } from './market';
