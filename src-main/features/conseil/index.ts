// CONSEIL ULTIM (SPEC 5, 6): the day's picks from PATRON-scored candidates, recorded for CLV tracking;
// the learning loop (agent_feedback, PATRON refits, the learning log). Jobs a scheduler can call:
// conseil.run (intelligence slot), conseil.learn (learning slot), both on the writer lane.
export { conseilJobs, conseilRunJob, conseilLearnJob, conseilTodayJob, learningLogJob } from './jobs';
export { conseilHandlers } from './handlers';
export { runConseil, conseilPickId } from './run';
export { feedBack, learn } from './learn';
export { pickAlerts } from './alerts';
export { picksToday, dayPicks } from './today';
export { historyRows, pickRows } from './training';
export { latestWeights, learningLog } from './versions';
