import { Cron } from 'croner';

// Cron expressions of the scheduler: the classic five fields (minute hour day-of-month month
// day-of-week) or a nickname (@hourly, @daily…), read in the machine's local time. Shared so the
// Settings panel checks a field with the same rules as the main process.

function parse(expr: string): Cron {
  return new Cron(expr.trim(), { mode: '5-part', paused: true });
}

/** Why `expr` is not a usable schedule, or null when it is. */
export function cronProblem(expr: string): string | null {
  const text = expr.trim();
  if (!text) return 'a cron expression is required (five fields: minute hour day-of-month month day-of-week)';
  let cron: Cron;
  try {
    cron = parse(text);
  } catch (err) {
    const why = (err as Error).message.replace(/^CronPattern:\s*/, '');
    return `not a valid cron expression: ${why}`;
  }
  // e.g. "0 0 30 2 *" (30 February) parses but never fires
  if (!cron.nextRun(new Date())) return 'this cron expression never fires';
  return null;
}

/** The first time `expr` fires strictly after `after`, or null (an invalid or never-firing expression). */
export function nextCronRun(expr: string, after: Date): Date | null {
  try {
    return parse(expr).nextRun(after);
  } catch {
    return null;
  }
}

/** The last time `expr` fired at or before `at`, or null. */
export function previousCronRun(expr: string, at: Date): Date | null {
  try {
    return parse(expr).previousRuns(1, at)[0] ?? null;
  } catch {
    return null;
  }
}
