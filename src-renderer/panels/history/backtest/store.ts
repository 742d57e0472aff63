import { create } from 'zustand';
import type { BacktestResult, StrategyInfo } from '../../../../src-shared/contract/agents';
import type { ImportedFile, ImportReport } from '../../../../src-shared/contract/imports';
import { call, ContractCallError, uploadImport } from '../../../api/client';
import { errorsOfCall, type FieldErrors } from '../../../ui/form';
import { defaultText, paramsToSend } from './params';

/** One file handed to the import area and what became of it. */
export interface UploadOutcome {
  name: string;
  ok: boolean;
  message: string;
}

interface BacktestState {
  strategies: StrategyInfo[] | null;
  strategy: string;
  /** The form's text per parameter of the chosen strategy. */
  values: Record<string, string>;
  source: 'cache' | 'files';
  chosenFiles: string[];
  from: string;
  to: string;
  files: ImportedFile[];
  ignored: { name: string; reason: string }[];
  running: boolean;
  result: BacktestResult | null;
  errors: FieldErrors;
  cancelled: boolean;
  uploading: boolean;
  uploads: UploadOutcome[];
  report: ImportReport | null;
  importError: string | null;
  replace: boolean;
  load(): Promise<void>;
  set(p: Partial<BacktestState>): void;
  choose(strategy: string): void;
  run(): Promise<void>;
  importFiles(files: File[]): Promise<void>;
}

/** Copies one file into the import folder; a refusal (name, size, conflict) is said, not thrown. */
async function uploadOne(file: File, replace: boolean): Promise<UploadOutcome> {
  try {
    const v = await uploadImport(file, replace);
    return {
      name: file.name,
      ok: true,
      message: v.unchanged ? 'already imported (same bytes)' : v.replaced ? 'replaced the file of that name' : 'copied',
    };
  } catch (err) {
    return { name: file.name, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/** The Backtest view: strategies and their parameters, the source (cache or imported files), the run
 * (backtest.run, a job followed in the jobs store) and the import of football-data files. */
export const useBacktest = create<BacktestState>()((set, get) => ({
  strategies: null,
  strategy: '',
  values: {},
  source: 'cache',
  chosenFiles: [],
  from: '',
  to: '',
  files: [],
  ignored: [],
  running: false,
  result: null,
  errors: {},
  cancelled: false,
  uploading: false,
  uploads: [],
  report: null,
  importError: null,
  replace: false,
  async load() {
    try {
      const [strategies, listing] = await Promise.all([call('backtest.strategies', {}), call('imports.list', {})]);
      set({ strategies, files: listing.files, ignored: listing.ignored });
      if (!get().strategy && strategies[0]) get().choose(strategies[0].name);
    } catch (err) {
      set({ errors: errorsOfCall(err) });
    }
  },
  set: (p) => set(p),
  choose(strategy) {
    const info = get().strategies?.find((s) => s.name === strategy);
    set({ strategy, values: Object.fromEntries((info?.params ?? []).map((p) => [p.name, defaultText(p.default)])), errors: {} });
  },
  async run() {
    const s = get();
    const info = s.strategies?.find((x) => x.name === s.strategy);
    if (!info) return;
    const paths = s.files.filter((f) => s.chosenFiles.includes(f.name)).map((f) => f.path);
    if (s.source === 'files' && paths.length === 0) return set({ errors: { source: 'choose at least one imported file' } });
    set({ running: true, errors: {}, cancelled: false });
    try {
      const result = await call('backtest.run', {
        strategy: s.strategy,
        params: paramsToSend(info.params, s.values),
        source: s.source === 'files' ? { kind: 'csv', files: paths } : { kind: 'cache' },
        ...(s.from ? { from: s.from } : {}),
        ...(s.to ? { to: s.to } : {}),
      });
      set({ result, running: false });
    } catch (err) {
      const cancelled = err instanceof ContractCallError && err.code === 'CANCELLED';
      set({ running: false, cancelled, errors: cancelled ? {} : errorsOfCall(err) });
    }
  },
  async importFiles(files) {
    if (files.length === 0) return;
    set({ uploading: true, uploads: [], report: null, importError: null });
    const outcomes: UploadOutcome[] = [];
    // one at a time: each file streams on its own under the upload limit
    for (const f of files) outcomes.push(await uploadOne(f, get().replace));
    set({ uploads: outcomes });
    const names = outcomes.filter((o) => o.ok).map((o) => o.name);
    try {
      const report = names.length ? await call('imports.football-data', { files: names }) : null;
      const listing = await call('imports.list', {});
      set({ report, files: listing.files, ignored: listing.ignored, chosenFiles: [...new Set([...get().chosenFiles, ...names])] });
    } catch (err) {
      set({ importError: err instanceof Error ? err.message : String(err) });
    } finally {
      set({ uploading: false });
    }
  },
}));
