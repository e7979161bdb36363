// The npm scripts work in Windows' cmd.exe too (testers run `npm start` there): each is a chain
// of `&&`-joined commands that start with npm, node or a dependency's command, with no shell-only
// syntax (globs, variables, quotes, pipes, redirects, `VAR=value` prefixes, rm/cp/mv); and the
// scripts they run start other programs only as `node` itself (process.execPath), not npx (a
// .cmd file on Windows) or a shell.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const COMMANDS = ['npm', 'node', 'tsc', 'eslint', 'web-test-runner', 'changeset'];
const SHELL_ONLY = /[*?$'"`;|<>%]|(^|\s)\w+=|\b(rm|cp|mv|cat|mkdir|export)\b/;

test('every npm script is &&-joined commands of npm, node or a dependency, without shell-only syntax', () => {
  const problems = [];
  for (const [name, script] of Object.entries(pkg.scripts)) {
    for (const command of script.split('&&').map((part) => part.trim())) {
      if (!COMMANDS.includes(command.split(/\s+/)[0])) problems.push(`${name}: "${command}" starts with no known command`);
      if (SHELL_ONLY.test(command)) problems.push(`${name}: "${command}" uses shell-only syntax`);
    }
  }
  assert.deepEqual(problems, []);
});

test('the scripts start other programs only as node itself', () => {
  const problems = [];
  const folder = new URL('scripts/', root);
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.mjs'))) {
    const source = readFileSync(new URL(file, folder), 'utf8');
    for (const [call, first] of source.matchAll(/\b(?:execFileSync|execFile|spawnSync|spawn|fork)\(\s*([^,)]+)/g)) {
      if (first.trim() !== 'process.execPath') problems.push(`${file}: ${call}`);
    }
    // The one shell command: ensure-browser.mjs installs Debian's chromium with apt-get, on Debian as root only.
    for (const [call] of source.matchAll(/\bexecSync\([^)]*/g)) if (file !== 'ensure-browser.mjs' || !call.includes('apt-get')) problems.push(`${file}: ${call}`);
  }
  assert.deepEqual(problems, []);
});
