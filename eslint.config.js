// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Context boundaries (DESIGN.md "Where code runs"): what each folder may not import. */
const boundary = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
  },
});

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/dist-*/**', '**/node_modules/**', '**/*.zip', 'tests/fixtures/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node, chrome: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  boundary(
    ['src/core/**', 'src/protocol/**', 'src/numbers/**', 'src/policy/**'],
    [
      'sip.js',
      'preact',
      'preact/*',
      'webextension-polyfill',
      '**/engine/**',
      '**/ui/**',
      '**/hub/**',
    ],
    'core modules are context-free',
  ),
  boundary(
    ['src/ui/**', 'src/content/**', 'src/crm/**', 'src/hub/**'],
    ['sip.js', '**/engine/**'],
    'only the offscreen document talks to sip.js',
  ),
  boundary(
    ['src/engine/**'],
    ['preact', 'preact/*', '**/ui/**', '**/content/**'],
    'the engine has no UI',
  ),
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
