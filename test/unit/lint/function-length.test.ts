// The function-length rule (eslint.config.mjs): on for the app's code, its scripts and the test
// helpers, off for test files, and the renderer's temporary exceptions still needed (an entry whose
// functions were split must leave the list, so the exception cannot outlive its reason).
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });
const RULE = 'max-lines-per-function';

/** A function of `n` lines of code (blank lines and comments between them). */
function longFunction(n: number): string {
  const body = Array.from({ length: n - 4 }, (_, i) => `  x += ${i};\n\n  // step ${i}`).join('\n');
  return `export function f(): number {\n  let x = 0;\n${body}\n  return x;\n}\n`;
}

async function lengthErrors(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return r.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('lint: functions up to 120 lines', () => {
  it.each(['src-main/sync/x.ts', 'src-shared/quant/x.ts', 'src-renderer/ui/x.tsx', 'scripts/x.ts', 'test/support/x.ts'])(
    '%s: 121 lines of code are refused, 120 with blank lines and comments pass',
    async (file) => {
      expect(await lengthErrors(file, longFunction(121))).toEqual(["Function 'f' has too many lines (121). Maximum allowed is 120."]);
      expect(await lengthErrors(file, longFunction(120))).toEqual([]);
    },
  );

  it('test files are left out (describe and it callbacks are lists of cases)', async () => {
    expect(await lengthErrors('test/unit/sync/x.test.ts', longFunction(300))).toEqual([]);
  });

  it('no file is excepted: the configuration never turns the rule off', () => {
    const config = fs.readFileSync(path.join(ROOT, 'eslint.config.mjs'), 'utf8');
    expect(config).not.toMatch(/'max-lines-per-function':\s*'off'/);
  });
});
