import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'custom-elements.json', 'test-results/', 'bench/pages/lit-floor.bundle.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['scripts/**/*.mjs', '*.mjs', 'test/node/**/*.mjs'], languageOptions: { globals: globals.node } },
  { files: ['demo/**/*.js', 'test/e2e/pages/**/*.js', 'bench/lit-floor/lit-floor.js'], languageOptions: { globals: globals.browser } },
  // End-to-end tests run in Node and hand functions to the page.
  { files: ['test/e2e/**/*.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
    // chai's property assertions (`expect(x).to.exist`) are expressions by design.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
