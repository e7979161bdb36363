import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'demo-site/', 'node_modules/', 'custom-elements.json', 'test-results/', 'bench/pages/lit-floor.bundle.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['scripts/**/*.mjs', '*.mjs', 'test/node/**/*.mjs'], languageOptions: { globals: globals.node } },
  { files: ['demo/**/*.js', 'test/e2e/pages/**/*.js', 'bench/lit-floor/lit-floor.js'], languageOptions: { globals: globals.browser } },
  // End-to-end tests and the audit's CLI run in Node and hand functions to the page.
  { files: ['test/e2e/**/*.mjs', 'bin/**/*.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
    // chai's property assertions (`expect(x).to.exist`) are expressions by design.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  // The layers import one way: showing (the elements, i18n, styles) -> the controller -> acting
  // (gating, withdrawal, integrations) -> deciding (store). Lit only where something shows.
  ...layer('src/decision/**/*.ts', 'deciding (src/decision/) knows nothing of acting, the controller or the elements', [
    '../effects/*',
    '../effects/**',
    '../controller/*',
    '../i18n/*',
  ]),
  ...layer('src/effects/**/*.ts', 'acting (src/effects/) knows the decision, not the controller or the elements', ['../controller/*', '../../controller/*']),
  // The audit watches from outside: the element's public API, the DOM and the decision's cookie patterns.
  ...layer('src/audit/**/*.ts', 'the audit (src/audit/) observes: it neither decides nor acts, and knows the element by its public API only', [
    '../effects/*',
    '../effects/**',
    '../controller/*',
    '../i18n/*',
    '../decision/consent-store.js',
  ]),
  ...layer('src/controller/**/*.ts', 'the controller knows no element and no text', ['../i18n/*']),
  // The core every page view runs: the element's host and the texts. It loads the views (src/ui/)
  // with import() only when something shows, so a static import of them, or of Lit, is an error.
  {
    files: ['src/*.ts', 'src/i18n/**/*.ts'],
    ignores: ['src/consent-preferences.ts', 'src/consent-placeholder.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['lit', 'lit/*', '@lit/*'], message: 'the core holds no Lit: it belongs to the views in src/ui/.' },
            { group: ['./ui/*', '../ui/*'], message: 'the core loads the views with import(), when something shows.', allowTypeImports: true },
          ],
        },
      ],
    },
  },
);

/**
 * No Lit, no element module and none of `forbidden` (relative paths) in `files`; type-only
 * imports are allowed (they are erased).
 */
function layer(files, message, forbidden) {
  const elements = ['ConsentBanner.js', 'ui/*', 'consent-banner.js', 'consent-preferences.js', 'consent-placeholder.js'].flatMap((path) => [`../${path}`, `../../${path}`]);
  return [
    {
      files: [files],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            patterns: [
              { group: ['lit', 'lit/*', '@lit/*'], message: `${message}: Lit belongs to the elements.` },
              { group: [...elements, ...forbidden], message, allowTypeImports: true },
            ],
          },
        ],
      },
    },
  ];
}
