// FERRARI (SPEC 5): the market trap detector (inflated favourites, moves against the sharp book,
// prices too good to be true, compound traps) with the history of similar situations, and the
// scorer markets against the quant core's scorer probabilities.
// - detect.ts: the signals and trap episodes on Agent A's market replay (pure);
// - history.ts: past situations (trap_history) and their ROI; persist.ts: market_traps via the outbox;
// - scorers.ts: odds_scorers against the model, scorer_market_picks; queries/jobs/handlers: the reads.
export { detectTraps, signalsAt, trapView, severityOf, TRAPS, type RawTrap, type SignalReading } from './detect';
export { updateHistory, similarStats, bandOf, profitOf } from './history';
export { writeTraps, expireKickedOff, trapId, trapRow } from './persist';
export { runScorerPicks, ferrariScorers, latestScorerQuotes, priceOf, bookBiases } from './scorers';
export { activeTraps, matchTraps, trapsByTeams, trapDetail } from './queries';
export { trapsJobs } from './jobs';
export { trapsHandlers, FRESH_CACHE_SECONDS } from './handlers';
