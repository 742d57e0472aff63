import type { ComponentType } from 'react';
import { BetsTab } from './BetsTab';
import { CombosTab } from './CombosTab';
import { LearningTab } from './LearningTab';

export interface HistoryTab {
  id: string;
  label: string;
  component: ComponentType;
}

/** A tab whose content arrives with another part of the product: it says so, and shows nothing made up. */
function tabNotBuilt(label: string, arrivesWith: string): ComponentType {
  function NotBuiltTab() {
    return (
      <div className="not-built" data-tab-state="not-built">
        <p className="not-built__lead">
          {label}: not built yet, arrives with {arrivesWith}.
        </p>
      </div>
    );
  }
  NotBuiltTab.displayName = `NotBuiltTab(${label})`;
  return NotBuiltTab;
}

/** The Historique's tabs, in order. Patterns replaces its entry here when built. */
export const historyTabs: HistoryTab[] = [
  { id: 'bets', label: 'Bets', component: BetsTab },
  { id: 'combos', label: 'Combos', component: CombosTab },
  { id: 'patterns', label: 'Patterns', component: tabNotBuilt('Patterns', "Agent C's market patterns and correlations") },
  { id: 'learning', label: 'Learning log', component: LearningTab },
];
