// The JavaScript linter's rules (`make lint`, part of `make test`): eslint's recommended set plus
// a few that catch what review found in this code before (unused values, shadowed names, `==`).
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['web/dist/', 'web/docs/', 'web/examples/', 'web/schema/', 'build/', 'node_modules/', 'examples/vite/dist/'] },
  js.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.browser } },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-shadow': 'error',
      'no-unused-vars': ['error', { args: 'after-used', caughtErrors: 'none' }],
      'prefer-const': 'error',
      'no-var': 'error',
    },
  },
  // Node: the CLI, the tests, benchmarks and tools.
  {
    files: ['web/bin/**', 'web/cli/**', 'web/tools/**', 'web/index.js', 'tests/**', 'bench/**', 'tools/**', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  // The browser tests also hold functions that run in the page (where tests/browser/in-page.js
  // defines __aw); their many small helpers name
  // values after what they are (page, id, before…) at every level, so shadowing is allowed there.
  { files: ['tests/browser/**'], languageOptions: { globals: { ...globals.node, ...globals.browser, __aw: 'readonly' } }, rules: { 'no-shadow': 'off' } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } } },
];
