-- Versions of the agents' fitted settings, written by the backtester (never hand-set): for Agent B,
-- the blend weight w of the Dixon-Coles model against the market's fair price, with the model settings
-- it was chosen for and the evidence (period, fixtures, log loss against the closing line).
CREATE TABLE agent_model_versions (
  agent      TEXT NOT NULL,             -- 'value'
  version    TEXT NOT NULL,             -- e.g. 'value-20261125T080000Z'
  params     TEXT NOT NULL,             -- JSON: the fitted values and model settings ({w, xi, windowDays})
  evidence   TEXT NOT NULL,             -- JSON: how they were chosen ({method, fixtures, from, to, loss})
  chosen_at  TEXT NOT NULL,
  PRIMARY KEY (agent, version)
);
CREATE INDEX agent_model_versions_latest_idx ON agent_model_versions (agent, chosen_at);
