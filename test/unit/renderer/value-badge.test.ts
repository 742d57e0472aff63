// Command Center's Agent B badge: the blend in force, the market alone said as such, and every league
// whose model is missing with the reason.
import { describe, expect, it } from 'vitest';
import { valueBadgeText } from '../../../src-renderer/panels/command-center/ValueBadge';
import type { BlendVersion } from '../../../src-shared/contract/agents';

const blend = (w: number) => ({ w }) as BlendVersion;
const fitted = { league: 'E0', fitted: true, reason: null };
const failed = { league: 'D1', fitted: false, reason: 'the D1 before 2026-01-10 fit did not converge (40 matches, 18 teams; …)' };

describe('Agent B badge', () => {
  it('shows the blend, and nothing missing when every league has its model', () => {
    expect(valueBadgeText(blend(0.3), [fitted])).toEqual({ label: 'Agent B · w 0.30 model / 0.70 market', missing: null });
  });
  it('says why the model is missing, and that those fixtures are on the market alone', () => {
    const t = valueBadgeText(blend(0.3), [fitted, failed]);
    expect(t.missing).toBe(`no model, market alone for D1: ${failed.reason}`);
  });
  it('says when the desk is on the market alone, and why', () => {
    expect(valueBadgeText(blend(0), [fitted]).label).toBe('Agent B · market only (the backtest found no model weight that helps)');
    expect(valueBadgeText(null, []).label).toBe('Agent B · market only (blend not calibrated yet)');
    expect(valueBadgeText(null, [failed]).missing).toBe(`no model for D1: ${failed.reason}`);
  });
});
