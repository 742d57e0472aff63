// The passes of a table's sync: full (key order, streamed with COPY) or incremental (from the
// watermark, keyset pages), each batch committed with its cursor so a crash loses or doubles nothing.
import { copyOut, queryRows, type RawRow } from './copy-reader';
import { cursorSettings, fullPageSql, incrementalPageSql } from './queries';
import { q } from './sql';
import { saveState } from './state';
import { checkCancel, type TableRun } from './table-run';

async function* oneBatch(rows: Promise<RawRow[]>): AsyncGenerator<RawRow[]> {
  yield await rows;
}

const maxTs = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a > b ? a : b);

/** Runs (or resumes) the table's pass up to the snapshot's `bound`. A pass begun by an earlier
 * (interrupted) run read older snapshots: once it completes, one more pass in this run's snapshot
 * brings the table up to date (incremental from its bound). Returns what a reconcile needs to know. */
export async function runPasses(
  run: TableRun,
  bound: string,
  handle: (row: RawRow) => void,
): Promise<{ resumed: boolean; wasEmpty: boolean }> {
  const { db, plan, opts } = run;
  const resumed = run.state.passKind !== null;
  if (opts.full && run.state.passKind !== 'full') run.state = { ...run.state, passKind: null };
  const wasEmpty = !db.prepare(`SELECT 1 FROM ${q(plan.table)} LIMIT 1`).get();
  for (let round = 0; round < 2; round++) {
    const continuing = run.state.passKind !== null;
    if (!continuing) {
      const full = (opts.full && round === 0) || run.state.watermark === null || plan.watermarkIdx === null;
      run.state = {
        ...run.state,
        passKind: full ? 'full' : 'incremental',
        passFrom: full ? null : run.state.watermark,
        passBound: bound,
        passCursor: null,
        passRows: 0,
      };
      saveState(db, run.state);
    }
    if (round === 0) run.res.mode = run.state.passKind === 'full' ? 'full' : 'incremental';
    await runPass(run, handle);
    if (!continuing) break;
  }
  return { resumed, wasEmpty };
}

/** Pages in key order until a short one; then the watermark moves to the pass's bound. */
async function runPass(run: TableRun, handle: (row: RawRow) => void): Promise<void> {
  for (;;) {
    checkCancel(run);
    if ((await readPage(run, handle)) < run.opts.pageSize) break;
  }
  run.state = {
    ...run.state,
    watermark: maxTs(run.state.watermark, run.state.passBound),
    passKind: null,
    passFrom: null,
    passBound: null,
    passCursor: null,
    passRows: 0,
  };
  saveState(run.db, run.state);
}

/** Reads one page from the pass's cursor, committing every `batchSize` rows with the cursor of the
 * batch's last row. Returns the rows read. */
async function readPage(run: TableRun, handle: (row: RawRow) => void): Promise<number> {
  const { db, plan, opts, client, res } = run;
  const incremental = run.state.passKind === 'incremental';
  const cursorIdx = incremental ? [plan.watermarkIdx as number, ...plan.pkIdx] : plan.pkIdx;
  const cursor = run.state.passCursor;
  const sql = incremental ? incrementalPageSql(plan, cursor !== null, opts.pageSize) : fullPageSql(plan, cursor !== null, opts.pageSize);
  const settings = {
    ...run.baseSettings,
    ...(cursor ? cursorSettings(cursor) : {}),
    ...(incremental ? { 'monps.from': run.state.passFrom as string } : {}),
  };
  let inPage = 0;
  let batch: RawRow[] = [];
  const commit = (): void => {
    const last = batch[batch.length - 1];
    const nextCursor = cursorIdx.map((i) => last[i] ?? '');
    db.transaction(() => {
      for (const r of batch) handle(r);
      run.state = { ...run.state, passCursor: nextCursor, passRows: run.state.passRows + batch.length };
      saveState(db, run.state);
    })();
    res.rowsRead += batch.length;
    batch = [];
    opts.onRows(res.rowsRead);
    opts.afterCommit?.();
  };
  // Incremental pages are small: one ordinary query. Full passes stream with COPY.
  const pages = incremental ? oneBatch(queryRows(client, sql, settings)) : copyOut(client, sql, settings, opts.signal);
  for await (const rows of pages) {
    for (const r of rows) {
      batch.push(r);
      inPage++;
      if (batch.length >= opts.batchSize) {
        commit();
        checkCancel(run);
      }
    }
  }
  if (batch.length) commit();
  return inPage;
}
