// Market board (Command Center): board rows from every bookmaker's latest and opening quote, moves,
// alerts. Other features use the board's rows and the odds queries from here.
export { marketJobs } from './jobs';
export { marketHandlers, warmMarket } from './handlers';
export { boardRows, rowId, type SeriesQuote } from './board';
export { ODDS_TABLES, LIVE_WINDOW_MS, seriesQuotes, iterateSeriesQuotes, sharpBooks, upcomingMatches, matchById } from './queries';
export { buildBoard, STALE_AFTER_MS, moves } from './market';
