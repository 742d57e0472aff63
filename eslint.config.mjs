import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import prettier from 'eslint-config-prettier';
import layers from './scripts/lint/layers.mjs';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'test/reference/**/*.py'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Links must open through safeOpenExternal (src-main/electron/security.ts), never directly.
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='openExternal']",
          message: 'open links with safeOpenExternal (src-main/electron/security.ts)',
        },
      ],
    },
  },
  { files: ['src-main/electron/security.ts'], rules: { 'no-restricted-syntax': 'off' } },
  // The layering of ARCHITECTURE.md: renderer ↛ main, shared ↛ either side, platform ↛ features,
  // features reach each other through their index (scripts/lint/layers.mjs).
  {
    files: ['src-main/**/*.{ts,tsx}', 'src-renderer/**/*.{ts,tsx}', 'src-shared/**/*.{ts,tsx}'],
    plugins: { layers },
    rules: { 'layers/imports': 'error' },
  },
  // Functions split by what they do: none over 120 lines (blank lines and comments aside) in the app's
  // code, its scripts and the test helpers (test/support, benches, stand-ins). Test files are left out: their describe/it callbacks
  // are lists of cases, not functions of the app.
  {
    files: [
      'src-main/**/*.{ts,tsx}',
      'src-shared/**/*.{ts,tsx}',
      'src-renderer/**/*.{ts,tsx}',
      'scripts/**/*.{ts,mts,mjs,cjs}',
      'test/**/*.{ts,tsx,mts}',
    ],
    ignores: ['test/**/*.test.{ts,tsx}'],
    rules: { 'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }] },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // formatting is prettier's (npm run format:check), not the linter's
  prettier,
);
