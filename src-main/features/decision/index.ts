// The decision layer, one base for live CONSEIL ULTIM and the backtester's CONSEIL strategy: the rules
// candidates are read with, CONSEIL's choice and stakes among PATRON-scored candidates, and the
// settlement of candidates against the closing line.
export { candidateRules, settleCandidates, type SettledFixture } from './candidates';
export {
  chooseCandidates,
  emptyExposure,
  CONSEIL_DEFAULTS,
  type Chosen,
  type Refused,
  type Staking,
  type ConseilParams,
  type Exposure,
} from './choose';
export { closingOf, betClv, CLOSING_ROLES, type ClosingRole, type FixtureClose } from './closing';
