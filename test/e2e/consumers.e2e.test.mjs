// A consumer's build of the packed package: `npm pack`, installed into a throw-away project (its
// dependencies linked from this repository's node_modules, so no network), bundled by Vite and by
// esbuild as a developer would, and opened in Chromium: the page's own language must show
// (German, Frisian: parts that a bundler trusting `sideEffects` could drop), and the choices open.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build as vite } from 'vite';
import { startHarness, watchErrors } from './harness.mjs';
import { bundleWithEsbuild, projectWithPackedPackage, serveFolder } from './packed-package.mjs';

const LANGUAGES = {
  de: { accept: 'Analyse-Cookies akzeptieren', choose: 'Selbst auswählen' },
  fy: { accept: 'Analytyske cookies akseptearje', choose: 'Sels kieze' },
};

const page = (lang, script) => `<!doctype html>
<html lang="${lang}">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>${lang}</title>
    <script type="module" src="${script}"></script></head>
  <body><consent-banner privacy-url="/privacy"></consent-banner><main><h1>${lang}</h1></main></body>
</html>
`;

let harness;
let project;
const servers = [];

before(async () => {
  harness = await startHarness();
  project = projectWithPackedPackage('consumer');
  writeFileSync(join(project, 'main.js'), "import 'consent-banner/consent-banner.js';\n");
  for (const lang of Object.keys(LANGUAGES)) writeFileSync(join(project, `${lang}.html`), page(lang, './main.js'));
});

after(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await harness?.stop();
  if (project) rmSync(project, { recursive: true, force: true });
});

/** Serves a build's output folder; returns its base URL. */
async function serve(folder) {
  const { server, base } = await serveFolder(folder);
  servers.push(server);
  return base;
}

const builds = {
  async vite() {
    const outDir = join(project, 'dist-vite');
    await vite({
      root: project,
      logLevel: 'silent',
      configFile: false,
      build: { outDir, rollupOptions: { input: Object.keys(LANGUAGES).map((lang) => join(project, `${lang}.html`)) } },
    });
    return outDir;
  },
  async esbuild() {
    const outDir = join(project, 'dist-esbuild');
    await bundleWithEsbuild(project, 'main.js', outDir);
    for (const lang of Object.keys(LANGUAGES)) writeFileSync(join(outDir, `${lang}.html`), page(lang, './main.js'));
    return outDir;
  },
};

describe('the packed package in a consumer\'s build', () => {
  for (const [bundler, build] of Object.entries(builds)) {
    it(`${bundler}: German and Frisian pages show their own texts, and the choices open`, async () => {
      const base = await serve(await build());
      for (const [lang, texts] of Object.entries(LANGUAGES)) {
        const context = await harness.browser.newContext();
        context.setDefaultTimeout(10000);
        const tab = await context.newPage();
        const errors = watchErrors(tab);
        await tab.goto(`${base}/${lang}.html`);
        await tab.getByRole('button', { name: texts.accept }).waitFor();
        await tab.getByRole('button', { name: texts.choose }).click();
        await tab.getByRole('dialog').waitFor();
        assert.deepEqual(errors, [], `${bundler} ${lang}`);
        await context.close();
      }
    });
  }
});
