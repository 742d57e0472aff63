// Deep Analysis: match preview (Dixon-Coles against the market), H2H, form, coach matchup, scorers.
export { analysisJobs, previewJob } from './jobs';
export { analysisHandlers } from './handlers';
export { buildPreview, matchScorerRows, scorers, byTeams, upcomingFrom, ANALYSIS_TABLES } from './preview';
export { leagueModel, fitDate, DEFAULT_XI } from './model-cache';
export { scorerRows, previewMarkets } from './markets';
export {
  resolveTeam,
  leagueResults,
  namedResults,
  leagueSignature,
  teamPlayers,
  previewMatchById,
  nextMatchBetween,
  nextMatchOf,
} from './queries';
