// `monps patterns mine`, run through main() as an analyst would, on real football-data files.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';
import { footballDataDir } from '../../support/shared-data';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

const files = ['E0_2023-24.csv', 'E0_2024-25.csv'].map((f) => path.join(footballDataDir(), f));

describe('monps patterns mine', () => {
  it('prints the top patterns under the data-snooping warning, with q beside p', async () => {
    const r = await run(['patterns', 'mine', '--csv', ...files, '--min-sample', '50', '--top', '5', '--resamples', '200']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Patterns mined from 2 football-data files: 760 finished matches, 760 priced \(2023-08-11 to 2025-05-25\)/);
    expect(r.out).toMatch(/closing price of the sharp book \(PS\), else the exchange \(BFE\), else the market average \(Avg\)/);
    expect(r.out).toMatch(/Situations tried: \d+ .*Benjamini–Hochberg at q ≤ 0.05: \d+ survive/);
    expect(r.out).toMatch(/WARNING: Searching many situations finds lucky ones \(data snooping\)/);
    expect(r.out).toMatch(/Top 5 by p-value/);
    expect(r.out).toMatch(/Correlations between legs of one match/);
    const table = r.out.split('\n').filter((l) => /^\s+\d\.\d{3}\s+\d/.test(l));
    expect(table).toHaveLength(5);
  });

  it('--json: every tested situation with n, p, q and the number tried; correlations with the model', async () => {
    const r = await run([
      'patterns',
      'mine',
      '--csv',
      ...files,
      '--min-sample',
      '50',
      '--resamples',
      '200',
      '--fdr',
      '0.1',
      '--method',
      'by',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      tests_tried: number;
      fdr: number;
      method: string;
      warning: string;
      patterns: { n: number; pValue: number; qValue: number; significant: boolean }[];
      correlations: { rows: { empirical: { phi: number }; modelCorrelation: number | null }[] };
    };
    expect(j.patterns).toHaveLength(j.tests_tried);
    expect([j.fdr, j.method]).toEqual([0.1, 'by']);
    expect(j.warning).toContain(`${j.tests_tried} situations were tried`);
    expect(j.warning).toContain('Benjamini–Yekutieli');
    for (const p of j.patterns) {
      expect(p.n).toBeGreaterThanOrEqual(50);
      expect(p.qValue).toBeGreaterThanOrEqual(p.pValue);
      expect(p.significant).toBe(p.qValue <= 0.1);
    }
    expect(j.correlations.rows.length).toBe(24); // ALL and E0
  });

  it('bad usage exits 2, an unreadable file or cache 1, each saying what and where', async () => {
    expect((await run(['patterns', 'mine'])).err).toMatch(/give --csv FILE\.\.\. or --cache FILE/);
    for (const argv of [
      ['patterns', 'mine'],
      ['patterns', 'mine', '--csv', files[0], '--cache', 'x.sqlite'],
      ['patterns', 'mine', '--csv', files[0], '--fdr', '2'],
      ['patterns', 'mine', '--csv', files[0], '--min-sample', '3'],
      ['patterns', 'mine', '--csv', files[0], '--method', 'holm'],
      ['patterns', 'mine', '--cache', 'x.sqlite', '--into', 'y.sqlite'],
    ])
      expect((await run(argv)).code, argv.join(' ')).toBe(2);
    const missing = await run(['patterns', 'mine', '--csv', '/nonexistent/E0.csv']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read \/nonexistent\/E0\.csv/);
    const noCache = await run(['patterns', 'mine', '--cache', '/nonexistent/cache.sqlite']);
    expect(noCache.code).toBe(1);
    expect(noCache.err).toMatch(/cache file \/nonexistent\/cache\.sqlite does not exist/);
    const help = await run(['patterns', 'mine', '--help']);
    expect(help.out).toMatch(/usage: monps patterns mine \(--cache FILE \| --csv FILE\.\.\. \[--into CACHE\]\) \[--dry-run\]/);
    expect(help.out).toMatch(/--dry-run: prints only, writes nothing/);
    expect(help.out).toMatch(/0 {2}mined \(whether or not any pattern survives the correction\)/);
  });
});
