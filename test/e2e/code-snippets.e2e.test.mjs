// Every TypeScript and JavaScript code block in README.md, SECURITY.md and docs/*.md works as
// written against the packed package: each is type-checked by tsc as a developer's project would
// (TypeScript strict with unused names as errors, as Vite's templates set it; JavaScript with
// checkJs), and the framework guide's React example is built with esbuild and used in Chromium.
//
// A block whose first line is a file name (`// src/main.tsx`) is that file of the guide's project
// (docs/frameworks.md); any other block is a module of its own. A relative import in a block of
// its own (`import('./analytics.js')`) stands for the site's own code: it gets an empty module. A
// block of interfaces only shows a type of the package: it must be the package's type of that
// name, both ways assignable.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build as esbuild } from 'esbuild';
import { readSnippets } from './doc-snippets.mjs';
import { startHarness, watchErrors } from './harness.mjs';
import { projectWithPackedPackage, serveFolder } from './packed-package.mjs';

const DOCUMENTS = ['README.md', 'SECURITY.md', ...readdirSync('docs').filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`)];
const LANGUAGES = ['ts', 'tsx', 'js'];
const FILE_LINE = /^\/\/ ([\w./-]+\.(?:tsx?|jsx?))\n/;

/** What the guide's project and the snippets need besides the package: React and the types. */
const LINKED = ['react', 'react-dom', 'scheduler', '@types/react', '@types/react-dom', 'csstype', '@types/node', 'undici-types'];

const COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'bundler',
  moduleDetection: 'force',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  types: ['node'],
  jsx: 'react-jsx',
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  allowImportingTsExtensions: false,
};

const snippets = readSnippets(DOCUMENTS, LANGUAGES);
let project;
let harness;
const servers = [];

/** For a block of interfaces only: the check that each is the package's type of that name. */
function sameAsShipped(source) {
  const names = [...source.matchAll(/^interface (\w+)/gm)].map(([, name]) => name);
  const onlyInterfaces = source.replace(/^interface \w+ \{[\s\S]*?^\}/gm, '').replace(/\/\/.*$/gm, '').trim() === '';
  if (!names.length || !onlyInterfaces) return '';
  return [
    `import type { ${names.map((name) => `${name} as Shipped${name}`).join(', ')} } from 'consent-banner';`,
    'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
    ...names.map((name) => `export const same${name}: Same<${name}, Shipped${name}> = true;`),
    '',
  ].join('\n');
}

/** Writes every snippet into the project; returns the files by kind. */
function writeSnippets() {
  const files = { ts: [], js: [] };
  for (const snippet of snippets) {
    const named = FILE_LINE.exec(snippet.source)?.[1];
    const path = named ?? `snippets/${snippet.file.replace(/[/.]/g, '-')}-${snippet.line}.${snippet.language}`;
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), snippet.source + '\n' + sameAsShipped(snippet.source));
    files[snippet.language === 'js' ? 'js' : 'ts'].push(path);
    if (named) continue;
    const stubExtension = snippet.language === 'js' ? '.js' : '.ts';
    for (const [, specifier] of snippet.source.matchAll(/(?:from\s+|import\()\s*['"](\.\.?\/[^'"]+)\.js['"]/g)) {
      writeFileSync(join(project, 'snippets', specifier + stubExtension), 'export {};\n');
    }
  }
  return files;
}

/** tsc over these files with these options (on top of COMPILER_OPTIONS); its output, or '' when clean. */
function typeCheck(name, files, options) {
  writeFileSync(join(project, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions: { ...COMPILER_OPTIONS, ...options }, files }, null, 2));
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', join(project, `tsconfig.${name}.json`)], { encoding: 'utf8' });
    return '';
  } catch (error) {
    return error.stdout || error.message;
  }
}

let files;

before(async () => {
  project = projectWithPackedPackage('code-snippets', LINKED);
  files = writeSnippets();
  harness = await startHarness();
});

after(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await harness?.stop();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the documentation\'s TypeScript and JavaScript', () => {
  it('finds the blocks: the README\'s, the server\'s and the framework guide\'s', () => {
    const from = (file) => snippets.filter((snippet) => snippet.file === file).length;
    assert.ok(from('README.md') >= 4, `README.md: ${from('README.md')} blocks`);
    assert.ok(from('docs/server.md') >= 4, `docs/server.md: ${from('docs/server.md')} blocks`);
    assert.ok(from('docs/frameworks.md') >= 4, `docs/frameworks.md: ${from('docs/frameworks.md')} blocks`);
  });

  it('every TypeScript block type-checks (strict, no unused names) against the packed package', () => {
    assert.equal(typeCheck('ts', files.ts, { noUnusedLocals: true, noUnusedParameters: true }), '');
  });

  it('every JavaScript block type-checks (checkJs) against the packed package', () => {
    assert.equal(typeCheck('js', files.js, { allowJs: true, checkJs: true, noImplicitAny: false }), '');
  });
});

describe('the React 19 guide (docs/frameworks.md)', () => {
  it('built with esbuild, it shows the banner, and a click on accept reaches the component\'s state; a returning visit reads it from consent-ready', async () => {
    const outdir = join(project, 'dist-react');
    await esbuild({
      entryPoints: [join(project, 'src/main.tsx')],
      absWorkingDir: project,
      bundle: true,
      splitting: true,
      format: 'esm',
      jsx: 'automatic',
      minify: true,
      outdir,
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    writeFileSync(
      join(outdir, 'index.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>React</title>' +
        '<script type="module" src="./main.js"></script></head><body><div id="root"></div></body></html>',
    );
    const { server, base } = await serveFolder(outdir);
    servers.push(server);
    const context = await harness.browser.newContext();
    context.setDefaultTimeout(10000);
    const tab = await context.newPage();
    const errors = watchErrors(tab);
    await tab.goto(`${base}/index.html`);
    await tab.getByText('Analytics: off').waitFor();
    await tab.getByRole('button', { name: 'Accept analytics cookies' }).click();
    await tab.getByText('Analytics: on').waitFor();
    await tab.reload();
    await tab.getByText('Analytics: on').waitFor();
    assert.equal(await tab.getByRole('button', { name: 'Accept analytics cookies' }).count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
