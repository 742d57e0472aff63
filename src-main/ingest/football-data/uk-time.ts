// UK civil time (GMT in winter, BST = UTC+1 from the last Sunday of March 01:00 UTC to the last
// Sunday of October 01:00 UTC, the EU rule in force since 1996). football-data writes kick-offs in it.

function lastSundayUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1, 0, 0);
}

/** Is the instant inside British Summer Time? */
export function isBst(utcMs: number): boolean {
  const year = new Date(utcMs).getUTCFullYear();
  return utcMs >= lastSundayUtc(year, 2) && utcMs < lastSundayUtc(year, 9);
}

/** 'YYYY-MM-DD' + 'HH:MM' on the UK clock → UTC instant. A local time skipped by the spring change is
 * read as GMT; one repeated in autumn is read as its first (BST) occurrence. */
export function ukLocalToUtc(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  const summer = asUtc - 3_600_000;
  return new Date(isBst(summer) ? summer : asUtc);
}
