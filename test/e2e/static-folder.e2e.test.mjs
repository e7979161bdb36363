// End-to-end checks of what testers get without Node (issue 13; run `npm run build` first): the
// folder of npm run build:demo-site, written into a temporary folder and served by a plain static
// server (@web/dev-server without plugins) from a sub-folder of the host, as a test server or an
// intranet share would. Every scenario page shows what it should, without console errors, every
// request it makes succeeds and stays inside the sub-folder, and no page has a root-absolute URL.
import { startDevServer } from '@web/dev-server';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startHarness, watchErrors } from './harness.mjs';

/** Where the demo folder is on the test host: a sub-folder, as on a share. */
const DEMO_SITE = 'testers/consent-banner/';

let root;
let server;
let harness;
let host;
before(async () => {
  root = mkdtempSync(join(tmpdir(), 'consent-banner-static-'));
  execFileSync(process.execPath, ['scripts/build-demo-site.mjs', join(root, DEMO_SITE)]);
  server = await startDevServer({
    config: { rootDir: root, port: 0, hostname: '127.0.0.1' },
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

/**
 * A fresh visitor on `path` (below the host). Returns the tab, its console errors, and `problems`:
 * requests that failed, answered 400 or more, or left `folder`.
 */
async function visit(path, folder) {
  const context = await harness.browser.newContext();
  context.setDefaultTimeout(10000);
  const tab = await context.newPage();
  const errors = watchErrors(tab);
  const problems = [];
  tab.on('request', (request) => request.url().startsWith(host + folder) || problems.push(`outside ${folder}: ${request.url()}`));
  tab.on('requestfailed', (request) => problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`));
  tab.on('response', (response) => response.status() >= 400 && problems.push(`${response.status()}: ${response.url()}`));
  await tab.goto(host + path);
  return { context, tab, errors, problems };
}

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
      assert.deepEqual([...problems, ...errors], [], page || 'index');
      await context.close();
    }
  });
});
