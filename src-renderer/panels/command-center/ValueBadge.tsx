import type { BlendVersion, LeagueModelStatus } from '../../../src-shared/contract/agents';

/** The badge's words: the blend the backtester chose, or that the desk is on the market alone and why;
 * with the leagues whose model is missing (and why) whenever the blend would use it. Pure, for the tests. */
export function valueBadgeText(
  blend: BlendVersion | null,
  models: readonly LeagueModelStatus[],
): { label: string; missing: string | null } {
  const missing = models.filter((m) => !m.fitted);
  const label = !blend
    ? 'Agent B · market only (blend not calibrated yet)'
    : blend.w === 0
      ? 'Agent B · market only (the backtest found no model weight that helps)'
      : `Agent B · w ${blend.w.toFixed(2)} model / ${(1 - blend.w).toFixed(2)} market`;
  if (!missing.length) return { label, missing: null };
  const uses = blend !== null && blend.w > 0;
  const lead = uses ? 'no model, market alone for' : 'no model for';
  return { label, missing: `${lead} ${missing.map((m) => `${m.league}: ${m.reason ?? 'not fitted'}`).join('; ')}` };
}

/** What Agent B's value columns rest on: the blend weight the backtester chose (and on what), or why
 * the columns are on the market alone or empty, and the leagues without a model with the reason. */
export function ValueBadge({
  blend,
  warnings,
  models,
  error,
}: {
  blend: BlendVersion | null;
  warnings: string[];
  models: readonly LeagueModelStatus[];
  error: string | null;
}) {
  if (error)
    return (
      <span className="cc__blend cc__blend--bad" data-testid="value-blend" title={error}>
        Agent B unavailable
      </span>
    );
  const detail = blend
    ? `${blend.method}; ${blend.fixtures} fixtures; log loss ${blend.loss?.chosen.toFixed(4) ?? '—'} (market alone ${blend.loss?.marketOnly.toFixed(4) ?? '—'}, model alone ${blend.loss?.modelOnly.toFixed(4) ?? '—'}); version ${blend.version}`
    : 'not calibrated yet';
  const text = valueBadgeText(blend, models);
  return (
    <span
      className={`cc__blend${warnings.length || text.missing ? ' cc__blend--warn' : ''}`}
      data-testid="value-blend"
      title={[detail, ...warnings].join('\n')}
    >
      {text.label}
      {text.missing && (
        <span className="cc__blend-missing" data-testid="value-model-missing">
          {' · '}
          {text.missing}
        </span>
      )}
    </span>
  );
}
