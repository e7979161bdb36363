// npm run build: ESM modules and .d.ts (lit external) for npm users, the self-contained bundle
// for a plain <script type="module">, custom-elements.json from the JSDoc and the VS Code data
// made from it. Each tool runs as `node <its bin script>`: no shell and no npx, so that the build
// works the same on Windows (where npx is a .cmd that execFile cannot start).
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Runs a package's command (its package.json `bin`) with this Node. */
function run(packageName, command, ...args) {
  const manifest = require.resolve(`${packageName}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  const script = join(dirname(manifest), typeof bin === 'string' ? bin : bin[command]);
  execFileSync(process.execPath, [script, ...args], { stdio: 'inherit' });
}

rmSync('dist', { recursive: true, force: true });
run('typescript', 'tsc', '-p', 'tsconfig.build.json');
run('rollup', 'rollup', '-c', 'rollup.config.mjs', '--silent');
run('@custom-elements-manifest/analyzer', 'cem', 'analyze', '--config', 'scripts/custom-elements-manifest.config.mjs', '--quiet');
