import type { Command } from '../command';
import { inventoryCommand } from './inventory';
import { syncCommand } from './sync';
import { serveCommand } from './serve';
import { importCommand } from './import';
import { seedCommand } from './seed';
import { oddsDevigCommand } from './odds-devig';
import { modelFitCommand } from './model-fit';
import { backtestCommand } from './backtest';
import { agentsRunCommand } from './agents';
import { reportCommand } from './report';
import { patternsMineCommand } from './patterns-mine';
import { settleCommand } from './settle';
import { conseilCommand } from './conseil';

// Every `monps` command, one file each. Add yours here.
export const commands: Command[] = [
  inventoryCommand,
  syncCommand,
  serveCommand,
  importCommand,
  seedCommand,
  oddsDevigCommand,
  modelFitCommand,
  backtestCommand,
  agentsRunCommand,
  reportCommand,
  patternsMineCommand,
  settleCommand,
  conseilCommand,
];
