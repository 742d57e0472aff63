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

  it('src-shared and src-renderer import no Node built-in, pg, electron or better-sqlite3', async () => {
    for (const spec of ['node:fs', 'fs', 'path/posix', 'pg', 'electron', 'better-sqlite3']) {
      expect(await layerErrors('src-renderer/ui/x.ts', `import * as m from '${spec}';\nexport const v = m;`)).toHaveLength(1);
      expect(await layerErrors('src-shared/quant/x.ts', `import * as m from '${spec}';\nexport const v = m;`)).toHaveLength(1);
    }
    expect(await layerErrors('src-renderer/ui/x.ts', "import { create } from 'zustand';\nexport const c = create;")).toEqual([]);
    expect(await layerErrors('src-main/platform/x.ts', "import fs from 'node:fs';\nexport const f = fs;")).toEqual([]);
  });

  it('a relative import must name a file (a ?query stripped, .js found as .ts)', async () => {
    expect(await layerErrors('src-renderer/ui/x.ts', "import { nope } from './no-such-file';\nexport const n = nope;")).toEqual([
      "'./no-such-file': no such file",
    ]);
    expect(await layerErrors('src-renderer/ui/x.ts', "import { formatInt } from './format.js';\nexport const m = formatInt;")).toEqual([]);
    expect(await layerErrors('src-renderer/ui/x.ts', "import css from './Grid.css?inline';\nexport const c = css;")).toEqual([]);
    expect(
      await layerErrors(
        'src-renderer/ui/x.ts',
        "import { resolveConfig } from '../../src-main/app/config.js';\nexport const f = resolveConfig;",
      ),
    ).toHaveLength(1);
  });

  it('require() and import x = require() are checked like imports', async () => {
    expect(await layerErrors('src-renderer/ui/x.ts', "const pg = require('pg');\nexport const p = pg;")).toHaveLength(1);
    expect(await layerErrors('src-renderer/ui/x.ts', "import cfg = require('../../src-main/app/config');\nexport const c = cfg;")).toEqual([
      "'../../src-main/app/config': the renderer never imports main-process code: call the contract",
    ]);
    expect(await layerErrors('src-shared/quant/x.ts', "import fs = require('node:fs');\nexport const f = fs;")).toHaveLength(1);
  });

  it('every file of src-main sits in a layer', async () => {
    expect(await layerErrors('src-main/x.ts', 'export const x = 1;')).toEqual([
      'this file sits in no layer of ARCHITECTURE.md: move it into one',
    ]);
    expect(await layerErrors('src-main/features/x.ts', 'export const x = 1;')).toHaveLength(1);
  });

  it('panels share code only through src-renderer/ui, and ui imports no panel', async () => {
    expect(
      await layerErrors('src-renderer/panels/picks/x.ts', "import { useHistory } from '../history/store';\nexport const h = useHistory;"),
    ).toEqual(["'../history/store': panels share code through src-renderer/ui, not panels/history"]);
    expect(
      await layerErrors('src-renderer/panels/picks/x.ts', "import { betLabel } from '../../ui/bet-labels';\nexport const b = betLabel;"),
    ).toEqual([]);
    expect(
      await layerErrors('src-renderer/ui/x.ts', "import { useHistory } from '../panels/history/store';\nexport const h = useHistory;"),
    ).toEqual(["'../panels/history/store': ui/ sits below the panels and imports none of them"]);
  });
});
