// npm run test:node / test:e2e: runs the *.test.mjs files of a folder with Node's test runner.
// The file list is made here, not by a shell glob, so that the scripts work the same in Windows'
// cmd.exe (which does not expand `*`) and on Node 20 (whose --test takes no glob patterns).
// Usage: node scripts/node-tests.mjs <folder> [options for node --test]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const [folder, ...options] = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.test.mjs'))
  .sort()
  .map((name) => join(folder, name));
if (!files.length) {
  console.error(`No *.test.mjs files in ${folder}.`);
  process.exit(1);
}
const { status } = spawnSync(process.execPath, ['--test', ...options, ...files], { stdio: 'inherit' });
process.exit(status ?? 1);
