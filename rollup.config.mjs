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
const split = {
  input: 'dist/consent-banner.js',
  // The parts import Lit and the shared code from the bundle itself, not from a third file.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: 'consent-banner.bundle.js',
    chunkFileNames: 'consent-banner-[name].js',
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
