// The Backtest view's store over the in-memory transport: each file is uploaded on its own, a refused one
// is said and left out of the import, the importer runs on the others, the folder is listed again and the
// new files become the run's source; a run sends only the parameters changed from their defaults.
import { beforeEach, describe, expect, it } from 'vitest';
import { setTransport } from '../../../src-renderer/api/client';
import { memoryTransport } from '../../../src-renderer/api/memory';
import { useBacktest } from '../../../src-renderer/panels/history/backtest/store';
import { ContractError } from '../../../src-shared/contract/errors';
import type { BacktestResult } from '../../../src-shared/contract/agents';

const imported: string[] = [];
const runs: unknown[] = [];
const file = (name: string) => ({ name, path: `/data/imports/${name}`, bytes: 10, modifiedAt: '2026-12-07T08:00:00.000Z' });

beforeEach(() => {
  imported.length = 0;
  runs.length = 0;
  setTransport(
    memoryTransport(
      {
        'backtest.strategies': async () => [
          {
            name: 'sharp-reference',
            summary: 's',
            params: [
              { name: 'minEdge', type: 'number in [0, 1]', default: 0, description: '' },
              { name: 'markets', type: 'list', default: ['1x2'], description: '' },
            ],
          },
        ],
        'imports.list': async () => ({ files: imported.map(file), ignored: [{ name: 'pipe.csv', reason: 'not a regular file' }] }),
        'imports.football-data': async ({ files }) => ({
          files: files.map((f) => ({
            file: f,
            matches: 380,
            matchesChanged: 380,
            quotes: 10,
            quotesChanged: 10,
            problems: [],
            seconds: 1,
          })),
          matches: 380 * files.length,
          quotes: 10 * files.length,
          problems: 0,
          refused: 0,
          seconds: 1,
        }),
        'backtest.run': async (input) => {
          runs.push(input);
          throw new ContractError('CANCELLED', 'cancelled');
        },
      },
      async (name) => {
        if (name === 'big.csv') throw new ContractError('VALIDATION', 'big.csv: over the 20971520-byte upload limit');
        imported.push(name);
        return { name, path: `/data/imports/${name}`, bytes: 10, replaced: false, unchanged: false };
      },
    ),
  );
  useBacktest.setState({ strategies: null, strategy: '', chosenFiles: [], uploads: [], report: null, source: 'cache' });
});

describe('the Backtest store', () => {
  it('imports the files one by one; a refused one is said and not imported', async () => {
    await useBacktest.getState().load();
    await useBacktest.getState().importFiles([new File(['a'], 'E0.csv'), new File(['b'], 'big.csv'), new File(['c'], 'D1.csv')]);
    const s = useBacktest.getState();
    expect(s.uploads).toEqual([
      { name: 'E0.csv', ok: true, message: 'copied' },
      { name: 'big.csv', ok: false, message: 'big.csv: over the 20971520-byte upload limit' },
      { name: 'D1.csv', ok: true, message: 'copied' },
    ]);
    expect(s.report?.files.map((f) => f.file)).toEqual(['E0.csv', 'D1.csv']);
    expect(s.files.map((f) => f.name)).toEqual(['E0.csv', 'D1.csv']);
    expect(s.ignored).toEqual([{ name: 'pipe.csv', reason: 'not a regular file' }]);
    expect(s.chosenFiles).toEqual(['E0.csv', 'D1.csv']);
    expect(s.uploading).toBe(false);
  });

  it('a file over 20 MiB is refused before any byte leaves the window', async () => {
    await useBacktest.getState().importFiles([new File([new Uint8Array(20 * 1024 * 1024 + 1)], 'huge.csv')]);
    expect(useBacktest.getState().uploads).toEqual([
      { name: 'huge.csv', ok: false, message: 'huge.csv: 20971521 bytes, over the 20971520-byte upload limit (20 MiB)' },
    ]);
    expect(imported).toEqual([]);
    expect(useBacktest.getState().report).toBeNull();
  });

  it('runs over the chosen files with only the changed parameters; a cancel is said, not an error', async () => {
    await useBacktest.getState().load();
    await useBacktest.getState().importFiles([new File(['a'], 'E0.csv')]);
    useBacktest.getState().set({ source: 'files', values: { minEdge: '0.02', markets: '1x2' }, from: '2024-08-01' });
    await useBacktest.getState().run();
    expect(runs).toEqual([
      {
        strategy: 'sharp-reference',
        params: { minEdge: '0.02' },
        source: { kind: 'csv', files: ['/data/imports/E0.csv'] },
        from: '2024-08-01',
        withBets: true,
      },
    ]);
    expect(useBacktest.getState()).toMatchObject({ running: false, cancelled: true, errors: {}, result: null as BacktestResult | null });
  });

  it('the files source with no file chosen is refused beside the source, before any call', async () => {
    await useBacktest.getState().load();
    useBacktest.getState().set({ source: 'files', chosenFiles: [] });
    await useBacktest.getState().run();
    expect(runs).toEqual([]);
    expect(useBacktest.getState().errors).toEqual({ source: 'choose at least one imported file' });
  });
});
