import { useEffect } from 'react';
import { ImportArea } from './ImportArea';
import { Results } from './Results';
import { RunForm } from './RunForm';
import { useBacktest } from './store';
import './backtest.css';

/** Historique › Backtest: import football-data files, run a strategy over the cache or them, and read
 * its equity, CLV, calibration and per-league/season/market table. */
export function BacktestTab() {
  const result = useBacktest((s) => s.result);
  useEffect(() => {
    void useBacktest.getState().load();
  }, []);
  return (
    <div className="backtest" data-testid="backtest">
      <div className="backtest__side">
        <ImportArea />
        <RunForm />
      </div>
      <div className="backtest__main">
        {result ? (
          <Results r={result} />
        ) : (
          <p className="muted backtest__empty">
            Choose a strategy and a source, then run it: its equity, CLV, calibration and table appear here.
          </p>
        )}
      </div>
    </div>
  );
}
