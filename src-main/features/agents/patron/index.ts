// PATRON DIAMOND v3: every candidate bet scored 0–100 with a tier and the contribution of each input
// (agents A–D, FERRARI traps, patterns), from weights learned on settled history (ridge on CLV).
export {
  PATRON_INPUTS,
  INPUT_LABELS,
  contributionLabel,
  candidateInputs,
  inputArray,
  type PatronInput,
  type InputVector,
  type LiveSignals,
} from './inputs';
export {
  PATRON_VERSION,
  PATRON_DEFAULTS,
  COLLINEAR_R,
  TIERS,
  TIER_FLOORS,
  tierOf,
  tierRank,
  fitPatron,
  scorePatron,
  weightRecord,
  type Tier,
  type TrainingRow,
  type PatronWeights,
  type PatronOptions,
  type PatronScore,
  type Contribution,
} from './model';
export { fixtureInputs, scoreCandidates, type Candidate, type CandidateSignals, type FixtureRef, type Unscored } from './candidates';
export { CALIBRATION, splitByDay, fitCalibration, scoreOf, type Calibration } from './calibration';
