import type { Command } from '../command';

// Every `monps` command, one file each. Add yours here.
export const commands: Command[] = [];
