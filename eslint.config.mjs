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
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // formatting is prettier's (npm run format:check), not the linter's
  prettier,
);
