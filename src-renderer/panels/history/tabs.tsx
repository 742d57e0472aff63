import type { ComponentType } from 'react';
import { BacktestTab } from './backtest/BacktestTab';
import { BetsTab } from './BetsTab';
import { CombosTab } from './CombosTab';
import { LearningTab } from './LearningTab';
import { PatternsTab } from './PatternsTab';

export interface HistoryTab {
  id: string;
  label: string;
  component: ComponentType;
}

/** The Historique's tabs, in order. */
export const historyTabs: HistoryTab[] = [
  { id: 'bets', label: 'Bets', component: BetsTab },
  { id: 'combos', label: 'Combos', component: CombosTab },
  { id: 'patterns', label: 'Patterns', component: PatternsTab },
  { id: 'learning', label: 'Learning log', component: LearningTab },
  { id: 'backtest', label: 'Backtest', component: BacktestTab },
];
