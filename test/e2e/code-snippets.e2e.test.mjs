// Every TypeScript and JavaScript code block in README.md, SECURITY.md and docs/*.md works as
// written against the packed package: each is type-checked by tsc as a developer's project would
// (TypeScript strict with unused names as errors, as Vite's templates set it; JavaScript with
// checkJs), and the framework guide's React, Next.js, Vue and Angular examples are built (esbuild;
// `next build`; Vite with the guide's vite.config.ts; ngc, then esbuild) and used in Chromium.
//
// A block whose first line is a file name (`// src/main.tsx`, `<!-- src/App.vue -->`) is that file
// of its section's project (docs/frameworks.md: one project per framework, checked by vue-tsc for
// Vue and compiled by Angular's ngc for Angular); any other block is a module of its own. A relative import in a block of
// its own (`import('./analytics.js')`) stands for the site's own code: it gets an empty module. A
// block of interfaces only shows a type of the package: it must be the package's type of that
// name, both ways assignable.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { transformAsync } from '@babel/core';
import angularLinkerPlugin from '@angular/compiler-cli/linker/babel';
import { build as vite } from 'vite';
import { readSnippets } from './doc-snippets.mjs';
import { startHarness, watchErrors } from './harness.mjs';
import { bundleWithEsbuild, projectWithPackedPackage, serveFolder } from './packed-package.mjs';

const DOCUMENTS = ['README.md', 'SECURITY.md', ...readdirSync('docs').filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`)];
const LANGUAGES = ['ts', 'tsx', 'js', 'vue'];
const FILE_LINE = /^(?:\/\/ ([\w./-]+\.(?:tsx?|jsx?))|<!-- ([\w./-]+\.vue) -->)\n/;

/** What the guides' projects and the snippets need besides the package: React, Vue, Vite, the types. */
const LINKED = ['react', 'react-dom', 'scheduler', '@types/react', '@types/react-dom', 'csstype', '@types/node', 'undici-types', 'vue', '@vue', 'vite', '@vitejs/plugin-vue', '@angular', 'rxjs', 'tslib', 'next', 'typescript'];

/** The guides checked by another compiler than tsc, by folder. */
const GUIDE_PROGRAMS = { 'guides/next-js-and-other-server-rendering': 'next', 'guides/vue-3': 'vue', 'guides/angular': 'angular' };

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

/** The folder of a section's project: its h2 heading, as a name (`React 19` → guides/react-19). */
const guideFolder = (section) => `guides/${section.split(' › ')[1].toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;

/** Writes every snippet into the project; returns the files by program: ts, js, and those of GUIDE_PROGRAMS. */
function writeSnippets() {
  const files = { ts: [], js: [], next: [], vue: [], angular: [] };
  for (const snippet of snippets) {
    const [, script, vue] = FILE_LINE.exec(snippet.source) ?? [];
    const named = script ?? vue;
    const folder = named && guideFolder(snippet.section);
    const path = named ? `${folder}/${named}` : `snippets/${snippet.file.replace(/[/.]/g, '-')}-${snippet.line}.${snippet.language}`;
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), snippet.source + '\n' + sameAsShipped(snippet.source));
    files[GUIDE_PROGRAMS[folder] ?? (snippet.language === 'js' ? 'js' : 'ts')].push(path);
    if (named) continue;
    const stubExtension = snippet.language === 'js' ? '.js' : '.ts';
    for (const [, specifier] of snippet.source.matchAll(/(?:from\s+|import\()\s*['"](\.\.?\/[^'"]+)\.js['"]/g)) {
      writeFileSync(join(project, 'snippets', specifier + stubExtension), 'export {};\n');
    }
  }
  return files;
}

/**
 * tsc (or vue-tsc, ngc) over these files with these options (on top of COMPILER_OPTIONS) and
 * these other settings of tsconfig.json; its output, or '' when clean.
 */
function typeCheck(name, files, options, checker = 'node_modules/typescript/bin/tsc', settings = {}) {
  writeFileSync(join(project, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions: { ...COMPILER_OPTIONS, ...options }, files, ...settings }, null, 2));
  try {
    execFileSync(process.execPath, [checker, '-p', join(project, `tsconfig.${name}.json`)], { encoding: 'utf8' });
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

  it('the Next.js guide type-checks (strict, no unused names; Next\'s own types unchecked, as its tsconfig has it) against the packed package', () => {
    assert.ok(files.next.length >= 3, 'no Next.js block found');
    assert.equal(typeCheck('next', files.next, { lib: ['ESNext', 'DOM', 'DOM.Iterable'], noUnusedLocals: true, noUnusedParameters: true, skipLibCheck: true }), '');
  });

  it('every Vue guide file type-checks with vue-tsc (strict, no unused names) against the packed package', () => {
    assert.ok(files.vue.some((path) => path.endsWith('.vue')), 'no .vue block found');
    assert.equal(typeCheck('vue', files.vue, { noUnusedLocals: true, noUnusedParameters: true, skipLibCheck: true }, 'node_modules/vue-tsc/bin/vue-tsc.js'), '');
  });

  it('the Angular guide compiles with ngc (strictTemplates, no unused names) against the packed package', () => {
    assert.ok(files.angular.length >= 2, 'no Angular block found');
    const options = { noEmit: false, rootDir: '.', outDir: 'angular-out', noUnusedLocals: true, noUnusedParameters: true, skipLibCheck: true };
    const angular = { strictTemplates: true, strictInjectionParameters: true };
    assert.equal(typeCheck('angular', files.angular, options, 'node_modules/@angular/compiler-cli/bundles/src/bin/ngc.js', { angularCompilerOptions: angular }), '');
  });

  it('every JavaScript block type-checks (checkJs) against the packed package', () => {
    assert.equal(typeCheck('js', files.js, { allowJs: true, checkJs: true, noImplicitAny: false }), '');
  });
});

/**
 * Angular's own packages come partially compiled: a build links them (as the Angular CLI does,
 * with the Babel plugin of @angular/compiler-cli).
 */
const angularLinker = {
  name: 'angular-linker',
  setup(build) {
    build.onLoad({ filter: /[\\/]@angular[\\/].*\.m?js$/ }, async ({ path }) => {
      const source = readFileSync(path, 'utf8');
      if (!source.includes('ɵɵngDeclare')) return { contents: source, loader: 'js' };
      const linked = await transformAsync(source, { filename: path, babelrc: false, configFile: false, compact: false, plugins: [angularLinkerPlugin] });
      return { contents: linked.code, loader: 'js' };
    });
  },
};

/**
 * Builds the Next.js guide with `next build` and starts it with `next start` on a free port;
 * returns its base URL and a stop(). The project's packages are links into this repository's
 * node_modules, outside the project, so Turbopack's root is the common folder of both (the
 * file system's root here): test scaffolding, not part of the guide.
 */
async function startNextGuide(folder) {
  const next = join('node_modules', 'next', 'dist', 'bin', 'next');
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  writeFileSync(join(folder, 'next.config.mjs'), `export default { turbopack: { root: ${JSON.stringify(parse(folder).root)} } };\n`);
  execFileSync(process.execPath, [next, 'build', folder], { env, encoding: 'utf8', stdio: 'pipe' });
  const server = spawn(process.execPath, [next, 'start', folder, '--port', '0', '--hostname', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const base = await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`next start did not start: ${output}`)), 30000);
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0];
      if (url && /Ready/i.test(output)) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    server.on('exit', (code) => reject(new Error(`next start exited with ${code}: ${output}`)));
  });
  return { base, stop: () => server.kill() };
}

/** The page of a guide's build: its language, and the element its app mounts on. */
const appPage = (mount, script) =>
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Guide</title>' +
  `<script type="module" src="${script}"></script></head><body><div id="${mount}"></div></body></html>`;

/**
 * Opens a guide's build: the app shows "Analytics: off", a click on accept must make it "on",
 * and a returning visit reads it from consent-ready; no console error, nor a framework's warning
 * that it could not resolve the element.
 */
async function useGuide(folder) {
  const { server, base } = await serveFolder(folder);
  servers.push(server);
  const context = await harness.browser.newContext();
  context.setDefaultTimeout(10000);
  const tab = await context.newPage();
  const errors = watchErrors(tab);
  tab.on('console', (message) => {
    if (message.type() === 'warning' && /resolve component/i.test(message.text())) errors.push(`console.warn: ${message.text()}`);
  });
  await tab.goto(`${base}/index.html`);
  await tab.getByText('Analytics: off').waitFor();
  await tab.getByRole('button', { name: 'Accept analytics cookies' }).click();
  await tab.getByText('Analytics: on').waitFor();
  await tab.reload();
  await tab.getByText('Analytics: on').waitFor();
  assert.equal(await tab.getByRole('button', { name: 'Accept analytics cookies' }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
}

describe('the framework guides (docs/frameworks.md) in Chromium', () => {
  it('React 19, built with esbuild: a click on accept reaches the component\'s state (onconsent-change), a returning visit too (onconsent-ready)', async () => {
    const outdir = join(project, 'dist-react');
    await bundleWithEsbuild(project, 'guides/react-19/src/main.tsx', outdir, { jsx: 'automatic', define: { 'process.env.NODE_ENV': '"production"' } });
    writeFileSync(join(outdir, 'index.html'), appPage('root', './main.js'));
    await useGuide(outdir);
  });

  it('Next.js, built by next build: the server renders the tag, the browser loads its module, and after accept the server reads the decision', async () => {
    const { base, stop } = await startNextGuide(join(project, 'guides/next-js-and-other-server-rendering'));
    servers.push({ stop });
    const html = await (await fetch(base)).text();
    assert.match(html, /<consent-banner privacy-url="\/privacy" policy-version="2026-11" lang="en">/);
    const context = await harness.browser.newContext();
    context.setDefaultTimeout(15000);
    const tab = await context.newPage();
    const errors = watchErrors(tab).filter(Boolean);
    const failed = [];
    tab.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) failed.push(`${response.status()} ${response.url()}`);
    });
    await tab.goto(base);
    await tab.getByText('Analytics on the server: not allowed').waitFor();
    await tab.getByRole('button', { name: 'Accept analytics cookies' }).click();
    await tab.reload();
    await tab.getByText('Analytics on the server: allowed').waitFor();
    assert.deepEqual(failed, []);
    assert.deepEqual(errors.filter((error) => !/favicon\.ico|status of 404/.test(error)), []);
    await context.close();
  });

  it('Vue 3, built by Vite with the guide\'s vite.config.ts: no unresolved-component warning, and @consent-change / @consent-ready reach the state', async () => {
    const root = join(project, 'guides/vue-3');
    writeFileSync(join(root, 'index.html'), appPage('app', '/src/main.ts'));
    const outDir = join(root, 'dist');
    // A development build: Vue warns about an element it cannot resolve only there.
    await vite({ root, configFile: join(root, 'vite.config.ts'), mode: 'development', define: { 'process.env.NODE_ENV': '"development"' }, logLevel: 'silent', base: './', build: { outDir, minify: false } });
    await useGuide(outDir);
  });

  it('Angular, compiled by ngc and bundled by esbuild with Angular\'s linker: (consent-change) / (consent-ready) reach the state', async () => {
    const outdir = join(project, 'dist-angular');
    await bundleWithEsbuild(project, 'angular-out/guides/angular/src/main.js', outdir, { plugins: [angularLinker] });
    writeFileSync(join(outdir, 'index.html'), appPage('app', './main.js').replace('<div id="app"></div>', '<app-root></app-root>'));
    await useGuide(outdir);
  });
});
