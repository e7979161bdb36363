// Every requirement ID (L = law, A = accessibility, I = integration) that the code, tests and docs
// cite resolves in docs/requirements.md, and that index lists each ID exactly once.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const INDEX = 'docs/requirements.md';

// An uppercase L, A or I and a number from 1 to 99, as a word of its own. Not preceded by `#`
// (hex colours), `%` (percent-encoding), `-` or `.` (CSS names, versions) or a letter, digit or
// `_`; not followed by a letter, digit or `_` (`A11y`, `I18n`) or by `.` and a digit (versions).
const ID = String.raw`([LAI])([1-9]\d?)`;
const BEFORE = String.raw`(?<![-#%.\w])`;
const AFTER = String.raw`(?![\w]|\.\d)`;
const idPattern = new RegExp(`${BEFORE}${ID}${AFTER}`, 'g');
// A range such as `L13–L15` (en dash or hyphen) cites every ID in it.
const rangePattern = new RegExp(`${BEFORE}${ID}\\s*[–-]\\s*\\1([1-9]\\d?)${AFTER}`, 'g');
// One list item per ID in the index: `- **L1** …`.
const indexItemPattern = /^\s*[-*]\s+\*\*([LAI][1-9]\d?)\*\*/;

const inScope = (path) =>
  /^(src|test|demo|docs)\//.test(path) ||
  ['README.md', 'SECURITY.md', 'CHANGELOG.md'].includes(path) ||
  /^\.changeset\/[^/]+\.md$/.test(path);

function git(...args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter(Boolean);
}

/** Tracked files plus untracked ones that are not ignored, so that new files count too. */
function sourceFiles() {
  const paths = new Set([...git('ls-files', '-z'), ...git('ls-files', '-z', '--others', '--exclude-standard')]);
  return [...paths]
    .filter(inScope)
    .filter((path) => existsSync(join(root, path)) && statSync(join(root, path)).isFile())
    .sort();
}

/** Every cited ID with where it is cited: `[{ id, file, line }]`. Binary files are skipped. */
function citations() {
  const found = [];
  for (const file of sourceFiles()) {
    const text = readFileSync(join(root, file), 'utf8');
    if (text.includes('\0')) continue;
    text.split(/\r?\n/).forEach((content, index) => {
      const line = index + 1;
      for (const [, letter, number] of content.matchAll(idPattern)) found.push({ id: letter + number, file, line });
      for (const [, letter, from, to] of content.matchAll(rangePattern)) {
        for (let n = Number(from) + 1; n < Number(to); n++) found.push({ id: letter + n, file, line });
      }
    });
  }
  return found;
}

/** The IDs the index lists, with their line numbers. */
function indexItems() {
  return readFileSync(join(root, INDEX), 'utf8')
    .split(/\r?\n/)
    .map((content, index) => ({ id: indexItemPattern.exec(content)?.[1], line: index + 1 }))
    .filter((item) => item.id);
}

test('the ID pattern skips what only looks like an ID', () => {
  const ids = (text) => [...text.matchAll(idPattern)].map((m) => m[0]);
  assert.deepEqual(ids('required by L1, A5 and I3 (L12); see L20.'), ['L1', 'A5', 'I3', 'L12', 'L20']);
  assert.deepEqual(
    ids('#A11 #1A1A1A %E0%A4%A A11y I18n h1 a1 --x-A1 v1.L2 L1.2 L100 L0 L01 A1_b'),
    [],
  );
  const range = [...'I8, L13–L15'.matchAll(rangePattern)].map((m) => m.slice(1));
  assert.deepEqual(range, [['L', '13', '15']]);
});

test(`every requirement ID cited in the repository is listed in ${INDEX}`, () => {
  const listed = new Set(indexItems().map((item) => item.id));
  const all = citations();
  assert.ok(all.length > 0, 'found no requirement IDs at all; is the pattern or the file list broken?');
  const unresolved = [...new Set(all.filter((c) => !listed.has(c.id)).map((c) => `  ${c.file}:${c.line}: ${c.id}`))];
  assert.equal(
    unresolved.length,
    0,
    `${INDEX} does not list these cited requirement IDs:\n${unresolved.join('\n')}`,
  );
});

test(`${INDEX} lists each requirement ID once`, () => {
  const lines = new Map();
  for (const { id, line } of indexItems()) lines.set(id, [...(lines.get(id) ?? []), line]);
  const twice = [...lines].filter(([, at]) => at.length > 1);
  assert.equal(
    twice.length,
    0,
    `${INDEX} lists these IDs more than once:\n` +
      twice.map(([id, at]) => `  ${id} at lines ${at.join(', ')}`).join('\n'),
  );
});

test(`${INDEX} numbers each group from 1 without gaps`, () => {
  // Catches an ID dropped from the index that nothing happens to cite yet.
  const items = indexItems();
  for (const letter of ['L', 'A', 'I']) {
    const numbers = items
      .filter((item) => item.id[0] === letter)
      .map((item) => Number(item.id.slice(1)))
      .sort((a, b) => a - b);
    assert.ok(numbers.length > 0, `${INDEX} lists no ${letter} IDs`);
    const missing = [];
    for (let n = 1; n <= numbers.at(-1); n++) if (!numbers.includes(n)) missing.push(letter + n);
    assert.deepEqual(missing, [], `${INDEX} skips ${missing.join(', ')}`);
  }
});
