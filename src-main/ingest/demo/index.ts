// The demo world (SPEC 3.3, see README.md): generated, seeded, and fed live on the embedded default.
export { demoJobs, ensureDemoJob, demoFeedJob } from './jobs';
export { seedDemo, SourceNotEmptyError, DEMO_TABLES, type SeedReport } from './seed';
export { runDemoFeed, type DemoFeedReport } from './feed';
export type { EnsureDemoResult } from './ensure';
export { generateWorld } from './world';
export { demoQuotes } from './odds';
// ground truth for the detectors' tests: the trap definitions and the goalscorer truth
export { TRAP_RULES, trapStats, trapKindOf, worldTrapReport, type SelectionTrapStats, type TrapReport } from './trap-rules';
export { TRAP_KINDS, PLANT_COUNTS, type TrapKind, type TrapDetails } from './plants';
export { scorerTruth, matchScorerQuotes, pricedPlayers, type ScorerDetails } from './scorers';
