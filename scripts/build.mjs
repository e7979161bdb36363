// npm run build: ESM modules and .d.ts (lit external) for npm users, the self-contained bundle
// for a plain <script type="module">, and custom-elements.json from the JSDoc.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (command, ...args) => execFileSync(command, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run('npx', 'tsc', '-p', 'tsconfig.build.json');
run('npx', 'rollup', '-c', 'rollup.config.mjs', '--silent');
run('npx', 'cem', 'analyze', '--litelement', '--globs', 'src/**/*.ts', '--quiet');
