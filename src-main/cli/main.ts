import { commands } from './commands/index';
import { UsageError, type Command, type CommandIO } from './command';

const io: CommandIO = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  return ['usage: monps <command> [options]', '', ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`)].join('\n');
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

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    io.out(help());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`monps: unknown command '${argv.join(' ')}'\n\n${help()}`);
    return 2;
  }
  try {
    return await found.command.run(found.rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`monps ${found.command.name}: ${err.message}\nusage: ${found.command.usage}`);
      return 2;
    }
    io.err(`monps ${found.command.name}: ${(err as Error).message}`);
    if (process.env.MONPS_DEBUG) io.err(String((err as Error).stack));
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      io.err(String(err));
      process.exitCode = 1;
    },
  );
}
