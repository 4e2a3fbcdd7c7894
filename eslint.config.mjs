// ESLint for npm test (scripts/check-style.sh): the core rules only, no plugins.
// The page (web/) sees browser globals; scripts and tests see node's; the wasm
// API and the browser flows see both (gomap.mjs loads under node too, and
// Playwright's page.evaluate callbacks run in the page).
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['build/**', 'dist/**', 'node_modules/**', 'tests/e2e/screenshots/**'] },
  js.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-unused-vars': ['error', { args: 'after-used', ignoreRestSiblings: true, caughtErrors: 'none' }],
      // The scenario language and the exports escape control characters on purpose,
      // so their regular expressions name them.
      'no-control-regex': 'off',
      'no-var': 'error',
      'prefer-const': ['error', { destructuring: 'all' }],
      'no-shadow-restricted-names': 'error',
      'no-implicit-globals': 'error',
    },
  },
  { files: ['web/**'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['wasm/**', 'npm/**', 'tests/e2e/**'], languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  { files: ['scripts/**', 'tests/**', 'eslint.config.mjs'], languageOptions: { globals: { ...globals.node } } },
];
