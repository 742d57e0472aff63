import type { BlendVersion } from '../../../src-shared/contract/agents';

/** What Agent B's value columns rest on: the blend weight the backtester chose (and on what), or why
 * the columns are on the market alone or empty. */
export function ValueBadge({ blend, warnings, error }: { blend: BlendVersion | null; warnings: string[]; error: string | null }) {
  if (error)
    return (
      <span className="cc__blend cc__blend--bad" data-testid="value-blend" title={error}>
        Agent B unavailable
      </span>
    );
  const detail = blend
    ? `${blend.method}; ${blend.fixtures} fixtures; log loss ${blend.loss?.chosen.toFixed(4) ?? '—'} (market alone ${blend.loss?.marketOnly.toFixed(4) ?? '—'}, model alone ${blend.loss?.modelOnly.toFixed(4) ?? '—'}); version ${blend.version}`
    : 'not calibrated yet';
  return (
    <span
      className={`cc__blend${warnings.length ? ' cc__blend--warn' : ''}`}
      data-testid="value-blend"
      title={[detail, ...warnings].join('\n')}
    >
      {blend ? `Agent B · w ${blend.w.toFixed(2)} model / ${(1 - blend.w).toFixed(2)} market` : 'Agent B · market only'}
    </span>
  );
}
