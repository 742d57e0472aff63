// The demo world (SPEC 3.3, see README.md): generated, seeded, and fed live on the embedded default.
export { demoJobs, ensureDemoJob, demoFeedJob } from './jobs';
export { seedDemo, SourceNotEmptyError, DEMO_TABLES, type SeedReport } from './seed';
export { runDemoFeed, type DemoFeedReport } from './feed';
export type { EnsureDemoResult } from './ensure';
export { generateWorld } from './world';
export { demoQuotes } from './odds';
