import { commands } from './commands/index';
import { commandHelp, EXIT, UsageError, type Command, type CommandIO } from './command';
import { classifySourceError, SourceError } from '../platform/pg/errors';

const io: CommandIO = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  return [
    'usage: monps <command> [options]     (monps <command> --help for its options and exit codes)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `exit codes: ${EXIT.OK} done, ${EXIT.FAILED} failed, ${EXIT.USAGE} bad usage, ${EXIT.UNAVAILABLE} source unreachable`,
  ].join('\n');
}

/** Longest command name matching the first words of argv ('odds devig' before 'odds'). */
export function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  const sorted = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const c of sorted) {
    const words = c.name.split(' ');
    if (words.every((w, i) => argv[i] === w)) return { command: c, rest: argv.slice(words.length) };
  }
  return undefined;
}

/** A source that cannot be reached, however the layer below said it. */
function isUnavailable(err: unknown): boolean {
  const e = err as { name?: string; code?: string };
  if (e?.name === 'ContractError') return e.code === 'UNAVAILABLE';
  const classified = classifySourceError(err, '');
  return classified instanceof SourceError && classified.offline;
}

export async function main(argv: string[], out: CommandIO = io): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    out.out(help());
    return argv.length === 0 ? EXIT.USAGE : EXIT.OK;
  }
  const found = findCommand(argv);
  if (!found) {
    out.err(`monps: unknown command '${argv.join(' ')}'\n\n${help()}`);
    return EXIT.USAGE;
  }
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    out.out(commandHelp(found.command));
    return EXIT.OK;
  }
  try {
    return await found.command.run(found.rest, out);
  } catch (err) {
    // A malformed source URL (--source, MONPS_SOURCE_URL) is bad usage, as --help says.
    if (err instanceof UsageError || (err instanceof SourceError && err.code === 'BAD_URL')) {
      out.err(`monps ${found.command.name}: ${err.message}\nusage: ${found.command.usage}`);
      return EXIT.USAGE;
    }
    out.err(`monps ${found.command.name}: ${(err as Error).message}`);
    if (process.env.MONPS_DEBUG) out.err(String((err as Error).stack));
    return isUnavailable(err) ? EXIT.UNAVAILABLE : EXIT.FAILED;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      io.err(String(err));
      process.exitCode = EXIT.FAILED;
    },
  );
}
