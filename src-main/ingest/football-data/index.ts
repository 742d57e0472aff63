// football-data.co.uk CSVs (see README.md): parser and idempotent importer into the source.
export { importFootballDataJob } from './jobs';
export { importFootballData, type ImportReport } from './import';
export { parseFootballDataFile, parseFootballDataText, FootballDataFormatError, type FootballDataMatch, type ParsedFile } from './parse';
export { quoteColumn, preClosingTime, bookmakerInfo, KNOWN_BOOKMAKERS, type QuoteColumn } from './columns';
