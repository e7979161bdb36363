import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

/**
 * Bundles the JavaScript that `tsc -p tsconfig.build.json` emitted, twice:
 *
 * - the split build (the default, for speed): dist/consent-banner.bundle.js, which registers the
 *   element, and the parts it loads from next to itself only on pages that need them
 *   (dist/consent-banner-*.js: the choices dialog, the cookie page, placeholders, languages…);
 * - the single file: dist/consent-banner.single.js, everything in one file, for a CMS that takes
 *   one file (no part to copy, nothing else to fetch; every page pays for all of it).
 */
/**
 * Which chunk a module goes to in the split build. The bundle is the core every page view runs
 * (deciding, acting, the element's host; no Lit). The two parts a visitor who sees something waits
 * for come without a chain of requests: the views with Lit's templates and style sheets (`ui`,
 * loaded as soon as the banner asks), and the choices dialog (`choices`) with the detail texts it
 * shares with placeholders and the cookie page (`details`), both fetched at once, ahead. The rest
 * (the cookie page, placeholders, languages, the receipt, Lit's element class for those) splits
 * where it is used. Every other module of ours is core: named here so that rollup does not move a
 * module the core shares with a part into that part.
 */
function manualChunks(id) {
  const path = id.replaceAll('\\', '/');
  if (/\/node_modules\/(lit-html\/(lit-html|is-server)|@lit\/reactive-element\/css-tag)\.js$/.test(path)) return 'ui';
  if (/\/dist\/ui\/(banner-ui|banner-view|styles|page-space)\.js$/.test(path)) return 'ui';
  if (/\/node_modules\/lit-html\/directives?[/-]/.test(path) || /\/dist\/ui\/choices\.js$/.test(path)) return 'choices';
  if (/\/dist\/i18n\/(details|nl-details|en-details)\.js$/.test(path)) return 'details';
  const part = /\/dist\/(ui\/|consent-(preferences|placeholder)\.js|i18n\/(fy|de|fr)[.-]|integrations\/consent-receipt\.js)/;
  if (/\/dist\//.test(path) && !part.test(path)) return 'consent-banner';
}

const split = {
  input: 'dist/consent-banner.js',
  // The parts import Lit and the shared code from the bundle itself, not from a third file.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: 'consent-banner.bundle.js',
    chunkFileNames: 'consent-banner-[name].js',
    manualChunks,
  },
  plugins: [
    nodeResolve(),
    terser({
      ecma: 2022,
      module: true,
      compress: { passes: 2 },
      // V8's explicit compile hint (Chrome 136+; other engines ignore the comment): nearly every
      // function of the bundle runs on a first visit, and every function of a part once it loads,
      // so V8 compiles them all up front, off the main thread while the file streams in, instead
      // of one by one on the main thread when first called. Measured in npm run bench: about 40%
      // less main-thread script time until the banner shows.
      format: { comments: false, preamble: '//# allFunctionsCalledOnLoad' },
    }),
  ],
  onwarn(warning, warn) {
    // tsc's __decorate helper refers to `this` at module level.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};

const single = {
  ...split,
  preserveEntrySignatures: 'strict',
  output: { file: 'dist/consent-banner.single.js', format: 'es', inlineDynamicImports: true },
};

export default [split, single];
