// The layering lint rule (scripts/lint/layers.mjs) on real files of the tree: each case imports an
// existing module from a place where the rule allows or forbids it.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return r.messages.filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

describe('lint: imports follow the layers', () => {
  it('the renderer never imports main-process code', async () => {
    expect(
      await layerErrors(
        'src-renderer/ui/x.ts',
        "import { resolveConfig } from '../../src-main/app/config';\nexport const f = resolveConfig;",
      ),
    ).toEqual(["'../../src-main/app/config': the renderer never imports main-process code: call the contract"]);
    expect(
      await layerErrors('src-renderer/ui/x.ts', "import { contract } from '../../src-shared/contract';\nexport const c = contract;"),
    ).toEqual([]);
  });

  it('shared code imports neither side', async () => {
    expect(
      await layerErrors(
        'src-shared/quant/x.ts',
        "import { toContractError } from '../../src-main/platform/errors';\nexport const f = toContractError;",
      ),
    ).toHaveLength(1);
    expect(
      await layerErrors('src-shared/quant/x.ts', "import { useNav } from '../../src-renderer/app/store/nav';\nexport const f = useNav;"),
    ).toHaveLength(1);
  });

  it('platform code imports no feature and no composition', async () => {
    expect(
      await layerErrors('src-main/platform/x.ts', "import { marketJobs } from '../features/market';\nexport const j = marketJobs;"),
    ).toEqual(["'../features/market': platform code imports no feature and no composition (it sits below them)"]);
    expect(await layerErrors('src-main/platform/x.ts', "import { allJobs } from '../app/jobs';\nexport const j = allJobs;")).toHaveLength(
      1,
    );
    expect(await layerErrors('src-main/platform/x.ts', "import { withClient } from './pg/client';\nexport const w = withClient;")).toEqual(
      [],
    );
  });

  it('features reach each other only through their index, and never the composition above them', async () => {
    expect(
      await layerErrors(
        'src-main/features/analysis/x.ts',
        "import { ODDS_TABLES } from '../market/queries';\nexport const t = ODDS_TABLES;",
      ),
    ).toEqual(["'../market/queries': reach src-main/features/market through its index"]);
    expect(
      await layerErrors('src-main/features/analysis/x.ts', "import { ODDS_TABLES } from '../market';\nexport const t = ODDS_TABLES;"),
    ).toEqual([]);
    expect(
      await layerErrors('src-main/features/market/x.ts', "import { ODDS_TABLES } from './queries';\nexport const t = ODDS_TABLES;"),
    ).toEqual([]);
    expect(
      await layerErrors('src-main/features/market/x.ts', "import { runSync } from '../../sync/run';\nexport const r = runSync;"),
    ).toHaveLength(1);
    expect(
      await layerErrors(
        'src-main/features/market/x.ts',
        "import { createServices } from '../../app/services';\nexport const c = createServices;",
      ),
    ).toEqual(["'../../app/services': a feature does not import the composition or the shells above it"]);
  });
});
