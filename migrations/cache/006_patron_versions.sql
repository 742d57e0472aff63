-- PATRON DIAMOND's weights, one row per refit (the learning log): what it was fitted on (rows, settled
-- picks among them, the latest kick-off seen), the fit itself (names, coefficients, means, sds,
-- intercept, residual sd, λ), what changed from the previous version and its out-of-sample effect.
CREATE TABLE patron_versions (
  version          INTEGER PRIMARY KEY,
  model            TEXT NOT NULL,        -- 'patron-diamond 3'
  fitted_at        TEXT NOT NULL,
  trained_through  TEXT,                 -- latest kick-off among the rows fitted
  rows             INTEGER NOT NULL,
  picks            INTEGER NOT NULL,     -- rows that were settled picks of the app
  feedback         INTEGER NOT NULL,     -- settled picks fed to agent_feedback by this run
  fit              TEXT NOT NULL,        -- JSON RidgeFit
  changes          TEXT NOT NULL,        -- JSON [{input, before, after}]
  out_of_sample    TEXT,                 -- JSON {from, to, candidates, before, after} or NULL
  note             TEXT NOT NULL
);
