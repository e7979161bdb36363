import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

/**
 * Bundles the JavaScript that `tsc -p tsconfig.build.json` emitted into one self-contained,
 * minified file that registers the element: dist/consent-banner.bundle.js.
 */
export default {
  input: 'dist/consent-banner.js',
  output: { file: 'dist/consent-banner.bundle.js', format: 'es' },
  plugins: [
    nodeResolve(),
    terser({ ecma: 2021, module: true, compress: { passes: 2 }, format: { comments: false } }),
  ],
  onwarn(warning, warn) {
    // tsc's __decorate helper refers to `this` at module level.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
