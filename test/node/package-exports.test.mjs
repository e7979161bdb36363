// The package as tools see it: every entry resolves with types under node16 and bundler
// resolution (arethetypeswrong on the packed package, the ESM-only profile: a CommonJS require of
// this ESM package is not supported), and npm can link to the source and the issue tracker.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

test('arethetypeswrong finds no problem in any entry of the packed package', () => {
  const require = createRequire(import.meta.url);
  const cli = require.resolve('@arethetypeswrong/cli/package.json');
  const bin = join(dirname(cli), JSON.parse(readFileSync(cli, 'utf8')).bin.attw);
  // Exits with 1 (and execFileSync throws with its table) on any problem.
  const table = execFileSync(process.execPath, [bin, '--pack', '.', '--profile', 'esm-only', '--format', 'table-flipped'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  for (const entry of Object.keys(pkg.exports)) assert.ok(table.includes(`"${join(pkg.name, entry).replaceAll('\\', '/')}"`), `${entry} not checked`);
});

test('every JavaScript entry of "exports" has its types', () => {
  const untyped = Object.entries(pkg.exports)
    .filter(([, target]) => (typeof target === 'string' ? target : target.default).endsWith('.js'))
    .filter(([, target]) => typeof target === 'string' || !target.types)
    .map(([entry]) => entry);
  assert.deepEqual(untyped, []);
});

test('repository, homepage and bugs point at one repository', () => {
  const repository = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
  assert.match(repository, /^https:\/\//);
  assert.equal(pkg.homepage, `${repository}#readme`);
  assert.equal(pkg.bugs.url, `${repository}/issues`);
});
