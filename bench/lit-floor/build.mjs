// Bundles the Lit floor (lit-floor.js) the way the project bundles consent-banner: the plugins of
// the project's rollup.config.mjs (node-resolve, terser with the same settings), one
// self-contained module, written to bench/pages/lit-floor.bundle.js. Needs dist/ (npm run build).
import { rollup } from 'rollup';
import { join } from 'node:path';
import configs from '../../rollup.config.mjs';

// The first configuration is the split build's: the one the bundle is made with. Its plugin that
// writes the package's .d.ts for the built entries has nothing to do here.
const [config] = configs;
const plugins = config.plugins.filter(({ name }) => name !== 'entry-types');

export async function buildLitFloor(root) {
  const bundle = await rollup({ input: join(root, 'bench/lit-floor/lit-floor.js'), plugins, onwarn: config.onwarn });
  try {
    await bundle.write({ file: join(root, 'bench/pages/lit-floor.bundle.js'), format: 'es' });
  } finally {
    await bundle.close();
  }
}
