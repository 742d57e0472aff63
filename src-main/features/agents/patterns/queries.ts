// Reads of the mined patterns and correlations from the cache (the mirrors of market_patterns and
// patterns_correlations: this app's runs and those other analysts published to the source).
import { z } from 'zod';
import { ContractError } from '../../../../src-shared/contract/errors';
import {
  CORRELATIONS_NOTE,
  dataSnoopingWarning,
  patternFilters,
  patternsListInput,
  type CorrelationsList,
  type PatternRow,
  type PatternRun,
  type PatternsList,
} from '../../../../src-shared/contract/patterns';
import type { Cache } from '../../../platform/cache/open';
import { allRows, oneRow, requireTables } from '../../../platform/cache/tables';

export const PATTERN_COLUMNS = ['q_value', 'tests_tried', 'run_id', 'roi_lower', 'note'];
export const CORRELATION_COLUMNS = ['league', 'correlation_lower', 'model_correlation', 'run_id'];

/** The mirror must have the columns of migration 013, else the source was not migrated or not synced since. */
export function requireColumns(db: Cache, table: string, columns: readonly string[]): void {
  requireTables(db, [table]);
  const have = new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name));
  const missing = columns.filter((c) => !have.has(c));
  if (missing.length)
    throw new ContractError(
      'UNAVAILABLE',
      `the cache's ${table} has no ${missing.join(', ')} column yet: the source needs migration 013_patterns_statistics and a sync`,
    );
}

export function latestRun(db: Cache, runId?: string): PatternRun | null {
  const r = oneRow<Omit<PatternRun, 'significant'>>(
    db,
    `SELECT run_id AS runId, mined_at AS minedAt, tests_tried AS testsTried, fdr_level AS fdrLevel, fdr_method AS fdrMethod,
            data_from AS dataFrom, data_to AS dataTo
       FROM market_patterns WHERE run_id IS NOT NULL ${runId ? 'AND run_id = ?' : ''} ORDER BY mined_at DESC, run_id LIMIT 1`,
    ...(runId ? [runId] : []),
  );
  if (!r) return null;
  const sig = oneRow<{ n: number }>(db, 'SELECT count(*) AS n FROM market_patterns WHERE run_id = ? AND significant = 1', r.runId);
  return { ...r, significant: sig?.n ?? 0 };
}

const SORT_COLUMN: Record<z.infer<typeof patternsListInput>['sort'], string> = {
  qValue: 'q_value',
  pValue: 'p_value',
  roi: 'roi',
  sampleSize: 'sample_size',
  hitRate: 'hit_rate',
  meanClv: 'mean_clv',
  name: 'name',
};
const ASCENDING_BY_DEFAULT = new Set(['qValue', 'pValue', 'name']);

const ROW = `SELECT pattern_id AS patternId, name, description, filters, market, selection, sample_size AS sampleSize, hits,
    hit_rate AS hitRate, hit_rate_lower AS hitRateLower, hit_rate_upper AS hitRateUpper, market_hit_rate AS marketHitRate,
    mean_odds AS meanOdds, roi, roi_lower AS roiLower, roi_upper AS roiUpper, mean_clv AS meanClv, clv_sample AS clvSample,
    p_value AS pValue, q_value AS qValue, tests_tried AS testsTried, significant, fdr_level AS fdrLevel, fdr_method AS fdrMethod,
    price_reference AS priceReference, run_id AS runId, mined_at AS minedAt, data_from AS dataFrom, data_to AS dataTo, note
  FROM market_patterns`;

type RawPattern = Omit<PatternRow, 'filters' | 'significant'> & { filters: string; significant: number };

function toRow(r: RawPattern): PatternRow | null {
  let filters: unknown;
  try {
    filters = JSON.parse(r.filters);
  } catch {
    return null;
  }
  const f = patternFilters.safeParse(filters);
  return f.success ? { ...r, filters: f.data, significant: r.significant === 1 } : null;
}

export function listPatterns(db: Cache, input: z.infer<typeof patternsListInput>): PatternsList {
  requireColumns(db, 'market_patterns', PATTERN_COLUMNS);
  const run = latestRun(db, input.runId);
  const warning = dataSnoopingWarning(run?.testsTried ?? null, run?.fdrLevel ?? 0.05, run?.fdrMethod ?? 'bh');
  if (!run) {
    if (input.runId) throw new ContractError('NOT_FOUND', `no pattern run '${input.runId}' in the cache`, { runId: input.runId });
    return { run: null, warning, total: 0, rows: [] };
  }
  const where = ['run_id = ?'];
  const args: unknown[] = [run.runId];
  const add = (sql: string, v: unknown) => {
    where.push(sql);
    args.push(v);
  };
  if (input.market) add('market = ?', input.market);
  if (input.selection) add('selection = ?', input.selection);
  if (input.league) add("json_extract(filters, '$.league') = ?", input.league);
  if (input.dimension) where.push(`json_extract(filters, '$.${input.dimension}') IS NOT NULL`); // an enum value, never user text
  if (input.significantOnly) where.push('significant = 1');
  if (input.minSample !== undefined) add('sample_size >= ?', input.minSample);
  if (input.maxQ !== undefined) add('q_value <= ?', input.maxQ);
  if (input.search) add("lower(name) LIKE '%' || lower(?) || '%'", input.search);
  const whereSql = `WHERE ${where.join(' AND ')}`;
  const total = oneRow<{ n: number }>(db, `SELECT count(*) AS n FROM market_patterns ${whereSql}`, ...args)?.n ?? 0;
  const order = input.order ?? (ASCENDING_BY_DEFAULT.has(input.sort) ? 'asc' : 'desc');
  const rows = allRows<RawPattern>(
    db,
    `${ROW} ${whereSql} ORDER BY ${SORT_COLUMN[input.sort]} ${order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, p_value, pattern_id LIMIT ? OFFSET ?`,
    ...args,
    input.limit,
    input.offset,
  );
  return { run, warning, total, rows: rows.map(toRow).filter((r): r is PatternRow => r !== null) };
}

export function listCorrelations(db: Cache, input: { league?: string; runId?: string }): CorrelationsList {
  requireColumns(db, 'patterns_correlations', CORRELATION_COLUMNS);
  const run = oneRow<{ runId: string; minedAt: string }>(
    db,
    `SELECT run_id AS runId, mined_at AS minedAt FROM patterns_correlations WHERE run_id IS NOT NULL ${input.runId ? 'AND run_id = ?' : ''}
      ORDER BY mined_at DESC, run_id LIMIT 1`,
    ...(input.runId ? [input.runId] : []),
  );
  if (!run) {
    if (input.runId) throw new ContractError('NOT_FOUND', `no correlation run '${input.runId}' in the cache`, { runId: input.runId });
    return { run: null, note: CORRELATIONS_NOTE, rows: [] };
  }
  const rows = allRows<CorrelationsList['rows'][number]>(
    db,
    `SELECT correlation_id AS correlationId, league, market_a AS marketA, market_b AS marketB, description, sample_size AS sampleSize,
            correlation, correlation_lower AS lower, correlation_upper AS upper, rate_a AS rateA, rate_b AS rateB, rate_both AS rateBoth,
            lift, model_correlation AS modelCorrelation, model_within AS modelWithinCorrelation,
            model_sample_correlation AS modelSampleCorrelation, model_sample AS modelSample, run_id AS runId, mined_at AS minedAt
       FROM patterns_correlations WHERE run_id = ? ${input.league ? 'AND league = ?' : ''}
      ORDER BY CASE league WHEN 'ALL' THEN 0 ELSE 1 END, league, correlation_id`,
    run.runId,
    ...(input.league ? [input.league] : []),
  );
  // rows another build wrote may leave the optional columns blank
  return {
    run,
    note: CORRELATIONS_NOTE,
    rows: rows.map((r) => ({ ...r, description: r.description ?? '', modelSample: r.modelSample ?? 0 })),
  };
}
