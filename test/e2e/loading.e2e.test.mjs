// End-to-end checks of loading the choices dialog's code on real connections: a slow part
// (busy feedback on the opener, repeated clicks that never stack, a decision meanwhile that cancels
// the pending open) and a part that cannot load (the opener link goes where its href says,
// showPreferences() rejects, the first layer still decides, one console error with the URL).
// The delay and the 404 are playwright routes on the test server's responses: the network is the
// outside world here. The console messages' part (their texts, fetched at a page's first mistake)
// is requested only then, and a message shows its key when that part is missing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { componentErrors, startHarness, watchErrors } from './harness.mjs';

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.stop();
});

const CHOICES = '**/dist/consent-banner-choices.js';

/**
 * A test page (the site with a blocked video, unless another is named) with the choices part held
 * back until `release()`, or answered with a 404.
 */
async function siteWith(choices, path = 'site.html') {
  const context = await harness.browser.newContext();
  context.setDefaultTimeout(10000);
  let release;
  const released = new Promise((resolve) => (release = resolve));
  const requests = [];
  let requested;
  /** Resolves on the next request for the part (the route has counted it). */
  const nextRequest = () => new Promise((resolve) => (requested = resolve));
  await context.route(CHOICES, async (route) => {
    requests.push(route.request().url());
    requested?.();
    if (choices === 'missing') return route.fulfill({ status: 404, body: 'not found' });
    await released;
    return route.continue();
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${harness.base}/test/e2e/pages/${path}`);
  await page.getByRole('button', { name: 'Zelf kiezen' }).waitFor();
  return { context, page, errors, requests, release, nextRequest };
}

const dialogOpen = (page) => page.evaluate(() => document.querySelector('consent-banner').shadowRoot.querySelector('dialog')?.open === true);

describe('a slow choices part', () => {
  it('the opener is busy and says so at once; repeated clicks open one dialog, with one request', async () => {
    const { context, page, errors, requests, release } = await siteWith('slow');
    const link = page.getByRole('link', { name: /Cookie-instellingen/ });
    await link.click();
    // Set in the click itself: no wait.
    assert.equal(await link.getAttribute('aria-busy'), 'true');
    assert.match(await link.textContent(), /Cookie-instellingen Laden…/);
    // In the language it is said in (WCAG 3.1.2): the page's, or English until a language part is there.
    assert.equal(await link.locator('span').getAttribute('lang'), 'nl');
    await link.click();
    await link.click();
    release();
    await page.getByRole('dialog').waitFor();
    assert.equal(await page.evaluate(() => document.querySelector('consent-banner').shadowRoot.querySelectorAll('dialog[open]').length), 1);
    assert.equal(await link.getAttribute('aria-busy'), null);
    assert.equal(await link.textContent(), 'Cookie-instellingen');
    assert.equal(requests.length, 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a decision on the first layer while it loads cancels the pending open', async () => {
    const { context, page, errors, release } = await siteWith('slow');
    const choose = page.getByRole('button', { name: 'Zelf kiezen' });
    await choose.click();
    assert.equal(await choose.getAttribute('aria-busy'), 'true');
    await page.getByRole('button', { name: 'Alle optionele cookies weigeren' }).click();
    const loaded = page.waitForResponse(CHOICES);
    release();
    await loaded;
    // The part has run once its response is in: whatever it would open has had its chance.
    await page.evaluate(() => document.querySelector('consent-banner').updateComplete);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    assert.equal(await dialogOpen(page), false);
    assert.equal(await page.evaluate(() => document.querySelector('consent-banner').consent.method), 'reject-all');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the choices\' code is fetched ahead once the first layer shows, before any click', async () => {
    const { context, page, requests, release, nextRequest } = await siteWith('slow');
    // Routed already, or on its way.
    const requested = nextRequest();
    if (!requests.length) await requested;
    assert.equal(requests.length, 1);
    assert.equal(await dialogOpen(page), false);
    release();
    await context.close();
  });

  it('for a visitor who decided (no first layer), it starts loading when a pointer reaches an opener, before the click', async () => {
    // A page without placeholders: a placeholder loads the part by itself (it shares its texts).
    const { context, page, requests, release, nextRequest } = await siteWith('slow', 'long-page.html');
    release();
    await page.getByRole('button', { name: 'Analytische cookies weigeren' }).click();
    await page.reload();
    await page.waitForFunction(() => document.querySelector('consent-banner')?.consent?.method === 'reject-all');
    requests.length = 0;
    const requested = nextRequest();
    await page.getByRole('link', { name: /Cookie-instellingen/ }).hover();
    await requested;
    assert.equal(requests.length, 1);
    assert.equal(await dialogOpen(page), false);
    await context.close();
  });
});

describe('a choices part that cannot load', () => {
  it('one console error with its URL; the opener link goes to its href; showPreferences() rejects; the first layer still decides', async () => {
    const { context, page, errors } = await siteWith('missing');
    const rejected = await page.evaluate(() =>
      document.querySelector('consent-banner').showPreferences().then(() => 'resolved', (reason) => `rejected: ${reason}`),
    );
    assert.match(rejected, /^rejected: /);
    const fromComponent = errors.filter((error) => error.includes('<consent-banner>'));
    assert.equal(fromComponent.length, 1, errors.join('\n'));
    assert.match(fromComponent[0], /a part did not load \(.*\/dist\/consent-banner-choices\.js\)/);

    await page.getByRole('button', { name: 'Alle optionele cookies weigeren' }).click();
    assert.equal(await page.evaluate(() => document.querySelector('consent-banner').consent.method), 'reject-all');

    await Promise.all([page.waitForURL('**/privacy'), page.getByRole('link', { name: /Cookie-instellingen/ }).click()]);
    await context.close();
  });
});

const MESSAGES = '**/dist/consent-banner-messages.js';

describe("the console messages' part", () => {
  it('is fetched only at a mistake, once: the message then prints its whole text, and a second prints too', async () => {
    const context = await harness.browser.newContext();
    const requests = [];
    await context.route(MESSAGES, (route) => {
      requests.push(route.request().url());
      return route.continue();
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${harness.base}/test/e2e/pages/site.html`);
    await page.getByRole('button', { name: 'Alle optionele cookies weigeren' }).click();
    await page.reload();
    await page.waitForFunction(() => document.querySelector('consent-banner').consent?.method === 'reject-all');
    assert.deepEqual(requests, [], 'no mistake, no messages part');

    await page.evaluate(() => document.querySelector('consent-banner').grant('statistiek'));
    await page.evaluate(() => {
      void document.querySelector('consent-banner').whenGranted('statistiek');
    });
    const reported = await componentErrors(errors, 2);
    assert.deepEqual(reported, [
      'console.error: <consent-banner>: grant: "statistiek" is no optional configured category (and service of it); nothing changed.',
      'console.error: <consent-banner>: whenGranted: "statistiek" is no configured category; never resolves.',
    ]);
    assert.equal(requests.length, 1, requests.join('\n'));
    await context.close();
  });

  it('that cannot load: each message shows its key and values after the error that names the file, the file is asked for once, and the banner goes on', async () => {
    const context = await harness.browser.newContext();
    const requests = [];
    await context.route(MESSAGES, (route) => {
      requests.push(route.request().url());
      return route.fulfill({ status: 404, body: 'not found' });
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${harness.base}/test/e2e/pages/site.html`);
    await page.evaluate(() => document.querySelector('consent-banner').grant('statistiek'));
    await componentErrors(errors, 2);
    // Two mistakes of one kind (reported once each): both show, told apart by their values.
    await page.evaluate(() => {
      for (const category of ['nope', 'nope', 'nope2']) {
        const iframe = document.createElement('iframe');
        iframe.dataset.consentCategory = category;
        iframe.dataset.src = 'https://example.org/';
        document.body.append(iframe);
      }
    });
    const reported = await componentErrors(errors, 4);
    assert.equal(reported.length, 4, errors.join('\n'));
    assert.match(reported[0], /a part did not load \(.*\/dist\/consent-banner-messages\.js\)/);
    assert.deepEqual(reported.slice(1), [
      'console.error: <consent-banner>: grant ["statistiek",null] (docs/troubleshooting.md)',
      'console.error: <consent-banner>: unknown-category ["nope",["necessary","analytics","media"]] (docs/troubleshooting.md)',
      'console.error: <consent-banner>: unknown-category ["nope2",["necessary","analytics","media"]] (docs/troubleshooting.md)',
    ]);
    assert.equal(requests.length, 1, requests.join('\n'));
    await page.getByRole('button', { name: 'Alle optionele cookies weigeren' }).click();
    assert.equal(await page.evaluate(() => document.querySelector('consent-banner').consent.method), 'reject-all');
    await context.close();
  });
});
