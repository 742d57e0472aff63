// `npm run bench -- <name> [options]`: runs test/bench/<name>.bench.ts, whose default export prints
// one JSON line per measurement: {"bench", "metric", "value", "unit", "baseline"?, "ratio"?}.
import path from 'node:path';
import fs from 'node:fs';

async function run(): Promise<void> {
  const [name, ...rest] = process.argv.slice(2);
  const dir = __dirname;
  const available = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.replace('.bench.ts', ''));
  if (!name || !available.includes(name)) {
    console.error(`usage: npm run bench -- <${available.join('|')}> [options]`);
    process.exitCode = 2;
    return;
  }
  const mod = (await import(path.join(dir, `${name}.bench.ts`))) as { default: (argv: string[]) => Promise<void> };
  await mod.default(rest);
}

run().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
