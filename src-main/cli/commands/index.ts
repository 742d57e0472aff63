import type { Command } from '../command';
import { inventoryCommand } from './inventory';
import { serveCommand } from './serve';
import { importCommand } from './import';
import { oddsDevigCommand } from './odds-devig';
import { modelFitCommand } from './model-fit';

// Every `monps` command, one file each. Add yours here.
export const commands: Command[] = [
  inventoryCommand,
  serveCommand,
  importCommand,
  oddsDevigCommand,
  modelFitCommand,
];
