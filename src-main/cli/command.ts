import { parseArgs, type ParseArgsConfig } from 'node:util';

/** One `monps` sub-command. Each lives in its own file under cli/commands and is listed in
 * cli/commands/index.ts. `run` returns the process exit code. */
export interface Command {
  /** First word(s) after `monps`, e.g. 'inventory' or 'odds devig'. */
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CommandIO): Promise<number>;
}

export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
}

/** A usage error: printed with the command's usage line, exit code 2. */
export class UsageError extends Error {}

export function parse<T extends ParseArgsConfig['options']>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function printJson(io: CommandIO, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
