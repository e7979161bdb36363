// End-to-end checks of what testers and sites get without Node (issue 13; run `npm run build`
// first): the folder of npm run build:demo-site and the release archive of npm run
// release:archive, each written into a temporary folder and served by a plain static server
// (@web/dev-server without plugins) from a sub-folder of the host, as a test server or an intranet
// share would. Every scenario page of the demo folder shows what it should, without console
// errors, every request it makes succeeds and stays inside the sub-folder, and no page has a
// root-absolute URL. The archive's example page works under its strict policy with every file
// pinned, and refuses a part that was changed. From another origin (a CDN), the release's files
// work pinned when that origin sends the CORS header (the same server, as cdn.gemeente.test, adds
// it), and the browser refuses them when it does not.
import { startDevServer } from '@web/dev-server';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readZip } from '../node/read-zip.mjs';
import { E2E_DOMAIN, startHarness, watchErrors } from './harness.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
/** Where the demo folder and the unpacked archive are on the test host: sub-folders, as on a share. */
const DEMO_SITE = 'testers/consent-banner/';
const RELEASE = `downloads/consent-banner-${version}/`;
const TAMPERED = `tampered/consent-banner-${version}/`;

let root;
let server;
let harness;
let host;
before(async () => {
  root = mkdtempSync(join(tmpdir(), 'consent-banner-static-'));
  execFileSync(process.execPath, ['scripts/build-demo-site.mjs', join(root, DEMO_SITE)]);
  execFileSync(process.execPath, ['scripts/release-archive.mjs', root]);
  for (const [name, contents] of readZip(readFileSync(join(root, `consent-banner-${version}.zip`)))) {
    mkdirSync(dirname(join(root, 'downloads', name)), { recursive: true });
    writeFileSync(join(root, 'downloads', name), contents);
  }
  cpSync(join(root, RELEASE), join(root, TAMPERED), { recursive: true });
  appendFileSync(join(root, TAMPERED, 'dist/consent-banner-ui.js'), '\n// changed after the release\n');
  server = await startDevServer({
    config: {
      rootDir: root,
      port: 0,
      hostname: '127.0.0.1',
      // cdn.gemeente.test answers as jsDelivr and unpkg do: with the CORS header.
      middleware: [
        async (context, next) => {
          await next();
          if (context.hostname === `cdn.${E2E_DOMAIN}`) context.set('Access-Control-Allow-Origin', '*');
        },
      ],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  host = `http://127.0.0.1:${server.server.address().port}/`;
  harness = await startHarness();
});
after(async () => {
  await harness?.stop();
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** In the page before anything else: the CSP violations it reports. */
function recordViolations() {
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
}

/**
 * A fresh visitor on `path` (below the host). Returns the tab, its console errors, and `problems`:
 * requests that failed, answered 400 or more, or left `folder`.
 */
async function visit(path, folder) {
  const context = await harness.browser.newContext();
  context.setDefaultTimeout(10000);
  await context.addInitScript(recordViolations);
  const tab = await context.newPage();
  const errors = watchErrors(tab);
  const problems = [];
  tab.on('request', (request) => request.url().startsWith(host + folder) || request.url().startsWith(otherLoopbackName(host) + folder) || problems.push(`outside ${folder}: ${request.url()}`));
  tab.on('requestfailed', (request) => problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`));
  tab.on('response', (response) => response.status() >= 400 && problems.push(`${response.status()}: ${response.url()}`));
  await tab.goto(host + path);
  return { context, tab, errors, problems };
}

/**
 * The same server under its other loopback name: the "other site" of the audit demo's fake
 * tracker (demo/fake-leaky-tracker.js), another origin to the browser that leaves no machine.
 */
const otherLoopbackName = (base) => base.replace('//127.0.0.1:', '//localhost:');

/** The console errors a page makes on purpose: the audit demo's gated element of no category, which the banner reports. */
/** The component's message there, and the request of its texts' part (`MESSAGE_COMING`). */
const DELIBERATE_ERRORS = { 'audit.html': /^console\.error: <consent-banner>: data-consent-category="statistiek"|^request: consent-banner-messages\.js / };

/** The first layer's accept button (in the banner's shadow root). */
const acceptButton = (tab) => tab.locator('consent-banner [part~="accept"]');

/** What each scenario page shows a first-time visitor once the banner has started. */
const SHOWS = {
  'cookies.html': (tab) => tab.getByRole('checkbox', { name: 'Analytische cookies' }),
  'exempt.html': (tab) => tab.locator('#event-log li').first(),
  'media.html': (tab) => tab.getByRole('button', { name: /^Eenmalig laden/ }).first(),
};

describe('the demo folder (npm run build:demo-site), served from a sub-folder', () => {
  it('has no root-absolute URL in any page', () => {
    const pages = readdirSync(join(root, DEMO_SITE), { recursive: true }).filter((name) => name.endsWith('.html'));
    assert.ok(pages.length > 10, pages.join());
    for (const name of pages) {
      const absolute = [...readFileSync(join(root, DEMO_SITE, name), 'utf8').matchAll(/\s(?:src|href|data-src|privacy-url)="(\/[^"]*)"/g)].map(([, url]) => url);
      assert.deepEqual(absolute, [], name);
    }
  });

  it('sends its root to the demo', async () => {
    const { context, tab, errors, problems } = await visit(DEMO_SITE, DEMO_SITE);
    await tab.waitForURL(`${host}${DEMO_SITE}demo/`);
    await acceptButton(tab).waitFor();
    assert.deepEqual([...problems, ...errors], []);
    await context.close();
  });

  it('on the default page: accepting runs the gated analytics and stores the choice in the cookie', async () => {
    const { context, tab, errors, problems } = await visit(`${DEMO_SITE}demo/`, DEMO_SITE);
    await acceptButton(tab).click();
    await tab.waitForFunction(() => window.fakeAnalyticsRuns?.external === 1 && window._paq !== undefined);
    assert.match(await tab.evaluate(() => document.cookie), /(^|; )consent_banner=1\|/);
    assert.deepEqual([...problems, ...errors], []);
    await context.close();
  });

  it('every page of the scenario navigation shows what it should, with every request answered inside the folder', async () => {
    const start = await visit(`${DEMO_SITE}demo/`, DEMO_SITE);
    const links = await start.tab.locator('nav.scenario-nav a').evaluateAll((anchors) => anchors.map((anchor) => anchor.href));
    await start.context.close();
    assert.ok(['media.html', 'cookies.html', 'nl-design-system.html'].every((page) => links.includes(`${host}${DEMO_SITE}demo/${page}`)), links.join('\n'));
    for (const link of links) {
      const page = link.slice(`${host}${DEMO_SITE}demo/`.length);
      const { context, tab, errors, problems } = await visit(link.slice(host.length), DEMO_SITE);
      await tab.locator('#event-log li').first().waitFor();
      await (SHOWS[page] ?? acceptButton)(tab).waitFor();
      if (page === 'nl-design-system.html') {
        // The theme's copy in the folder applies: the body has the theme's tokens.
        const token = await tab.evaluate(() => getComputedStyle(document.body).getPropertyValue('--utrecht-button-primary-action-background-color'));
        assert.notEqual(token.trim(), '', 'the NL Design System theme did not load');
      }
      const unexpected = errors.filter((error) => !DELIBERATE_ERRORS[page]?.test(error));
      assert.deepEqual([...problems, ...unexpected], [], page || 'index');
      await context.close();
    }
  });
});

describe('the release archive (npm run release:archive), unpacked and served from a sub-folder', () => {
  it('the example page works under its policy, with every file pinned: the banner, the choices, the gated script', async () => {
    const { context, tab, errors, problems } = await visit(`${RELEASE}example.html`, RELEASE);
    await tab.getByRole('button', { name: 'Zelf kiezen' }).click();
    await tab.getByRole('dialog', { name: 'Cookie-instellingen' }).waitFor();
    await tab.getByRole('button', { name: 'Alle optionele cookies accepteren' }).click();
    await tab.waitForFunction(() => window.fakeAnalyticsRuns?.external === 1);
    assert.deepEqual([...problems, ...errors, ...(await tab.evaluate(() => window.cspViolations))], []);
    // The policy is in force: Trusted Types refuse a string as HTML.
    const refused = await tab.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return false;
      } catch (error) {
        return error instanceof TypeError;
      }
    });
    assert.ok(refused, 'Trusted Types are not enforced on the example page');
    await context.close();
  });

  it("the example page refuses a part whose bytes changed (the import map's integrity), and nothing shows", async () => {
    const { context, tab, errors } = await visit(`${TAMPERED}example.html`, TAMPERED);
    const refusal = () => errors.some((error) => /integrity/i.test(error) && /consent-banner-ui\.js/.test(error));
    for (const deadline = Date.now() + 10000; !refusal() && Date.now() < deadline; ) await tab.waitForTimeout(100);
    assert.ok(refusal(), `no integrity error for consent-banner-ui.js: ${errors.join('\n')}`);
    assert.equal(await acceptButton(tab).count(), 0);
    await context.close();
  });

  it("the archive's demo works too", async () => {
    const { context, tab, errors, problems } = await visit(`${RELEASE}demo/media.html`, RELEASE);
    await SHOWS['media.html'](tab).waitFor();
    await acceptButton(tab).waitFor();
    assert.deepEqual([...problems, ...errors], []);
    await context.close();
  });
});

describe("the release's files from another origin, as from a CDN (README \"Without npm\")", () => {
  /**
   * A page on www.gemeente.test that loads the release's dist/ from `assetsHost`, as the README's
   * CDN snippet does: the bundle with its integrity, every part's integrity in an import map.
   */
  function cdnPage(name, assetsHost) {
    const port = server.server.address().port;
    const dist = `http://${assetsHost}:${port}/${RELEASE}dist/`;
    const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(join(root, RELEASE, 'dist', file))).digest('base64')}`;
    const parts = readdirSync(join(root, RELEASE, 'dist')).filter((file) => file.startsWith('consent-banner-'));
    const integrity = Object.fromEntries(parts.map((file) => [dist + file, sri(file)]));
    writeFileSync(
      join(root, 'site', name),
      `<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>${name}</title>
    <script type="importmap">${JSON.stringify({ integrity })}</script>
    <script type="module" src="${dist}consent-banner.bundle.js" integrity="${sri('consent-banner.bundle.js')}" crossorigin="anonymous"></script>
  </head>
  <body>
    <consent-banner privacy-url="/privacy"></consent-banner>
    <main><h1>${name}</h1></main>
  </body>
</html>
`,
    );
    return { url: `http://www.${E2E_DOMAIN}:${port}/site/${name}`, dist };
  }

  /** Opens `url` for a fresh visitor; its console errors and the URL of every script it requested. */
  async function open(url) {
    const context = await harness.browser.newContext();
    context.setDefaultTimeout(10000);
    const tab = await context.newPage();
    const errors = watchErrors(tab);
    const scripts = [];
    tab.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
    await tab.goto(url);
    return { context, tab, errors, scripts };
  }

  before(() => {
    mkdirSync(join(root, 'site'), { recursive: true });
  });

  it('with the CORS header: the bundle and every part come from the other origin, pinned, and the choices open', async () => {
    const { url, dist } = cdnPage('cdn.html', `cdn.${E2E_DOMAIN}`);
    const { context, tab, errors, scripts } = await open(url);
    await tab.getByRole('button', { name: 'Zelf kiezen' }).click();
    await tab.getByRole('dialog', { name: 'Cookie-instellingen' }).waitFor();
    assert.ok(scripts.some((script) => script.endsWith('/consent-banner-choices.js')), scripts.join('\n'));
    assert.deepEqual(scripts.filter((script) => !script.startsWith(dist)), [], 'a script from elsewhere than the bundle\'s folder');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('without it: the browser refuses the bundle, and nothing shows', async () => {
    const { url } = cdnPage('no-cors.html', `assets.${E2E_DOMAIN}`);
    const { context, tab, errors } = await open(url);
    const refusal = () => errors.some((error) => /CORS/.test(error) && /consent-banner\.bundle\.js/.test(error));
    for (const deadline = Date.now() + 10000; !refusal() && Date.now() < deadline; ) await tab.waitForTimeout(100);
    assert.ok(refusal(), `no CORS error for the bundle: ${errors.join('\n')}`);
    assert.equal(await tab.evaluate(() => customElements.get('consent-banner')), undefined);
    await context.close();
  });
});
