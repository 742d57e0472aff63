// The quantitative core: pure functions shared by the worker and the UI (no Node or DOM APIs here).
export * from './errors';
export * from './odds';
export * from './margins';
export * from './consensus';
export * from './kelly';
export * from './clv';
export * from './settlement';
export * from './markets';
export * from './poisson/dixon-coles';
export * from './poisson/score-matrix';
export * from './dates';
export * from './elo';
export * from './scorers';
export * from './stats';
export * from './optimize';
export * from './random';
export * from './special';
export { brent } from './roots';
