import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isDay, isInstant, MAX_YEAR, MIN_YEAR } from '../../src-shared/contract/dates';

/** Exit codes every `monps` command shares (a command lists the ones it uses in `exits`). */
export const EXIT = {
  /** the command did what it was asked */
  OK: 0,
  /** it failed: the error is printed on stderr */
  FAILED: 1,
  /** bad usage: unknown option, missing or malformed value */
  USAGE: 2,
  /** the source database could not be reached (a scheduler may retry later) */
  UNAVAILABLE: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** One `monps` sub-command. Each lives in its own file under cli/commands and is listed in
 * cli/commands/index.ts. `run` returns the process exit code. */
export interface Command {
  /** First word(s) after `monps`, e.g. 'inventory' or 'odds devig'. */
  name: string;
  summary: string;
  usage: string;
  /** What each exit code means for this command, printed by `--help`. */
  exits: Partial<Record<ExitCode, string>>;
  run(argv: string[], io: CommandIO): Promise<number>;
}

export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
}

/** A usage error: printed with the command's usage line, exit code 2. */
export class UsageError extends Error {}

/** `--name` as a calendar day (the contract's rule): 2026-02-30 is bad usage, not March 2nd. */
export function dayOption(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isDay(value))
    throw new UsageError(`--${name} must be a calendar date YYYY-MM-DD between ${MIN_YEAR} and ${MAX_YEAR} (got '${value}')`);
  return value;
}

/** `--name` as an ISO instant with its zone, on a calendar day. */
export function instantOption(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !isInstant(value))
    throw new UsageError(`--${name} must be an ISO time such as 2026-11-25T18:00:00Z on a calendar date (got '${value}')`);
  return value;
}

/** --from/--to: the end not before the start. */
export function rangeOptions(from: string | undefined, to: string | undefined): void {
  dayOption('from', from);
  dayOption('to', to);
  if (from !== undefined && to !== undefined && to < from) throw new UsageError(`--to ${to} is before --from ${from}`);
}

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

/** `monps <command> --help`: usage, summary and the exit codes. */
export function commandHelp(c: Command): string {
  const exits = { [EXIT.USAGE]: 'bad usage (unknown option, missing or malformed value)', ...c.exits };
  const codes = Object.entries(exits)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([code, what]) => `  ${code}  ${what}`);
  return [`usage: ${c.usage}`, '', c.summary, '', 'exit codes:', ...codes].join('\n');
}
