// End-to-end checks of the adapters that are parts (every integration but Matomo's), on the built
// bundle: a page that names none fetches none; a returning visitor's Google tag hears the stored
// grant once its part is there, also when that part is slow; a part that cannot load gets one
// console error with its URL, and the tool stays at its denied defaults. The page is the Google
// demo (demo/google.html: the head snippet, a gated fake gtag.js). Holding or refusing the part
// is a playwright route: the network is the outside world here.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, watchErrors } from './harness.mjs';

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.stop();
});

const ADAPTER_PARTS = /\/dist\/consent-banner-(google-consent-mode|matomo-tag-manager)\.js/;
const GOOGLE_PART = '**/dist/consent-banner-google-consent-mode.js';

/** A returning visitor who accepted (the Google demo's cookie), with the adapter part `slow` until `release()`, or `missing`. */
async function googleDemoWith(part) {
  const context = await harness.browser.newContext();
  context.setDefaultTimeout(10000);
  const decidedAt = Math.floor(Date.now() / 1000 - 60).toString(36);
  await context.addCookies([{ name: 'demo_google', value: `1|2026-11|${decidedAt}|a|analytics:1`, url: harness.base }]);
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await context.route(GOOGLE_PART, async (route) => {
    if (part === 'missing') return route.fulfill({ status: 404, body: 'not found' });
    await released;
    return route.continue();
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${harness.base}/demo/google.html`);
  // The gated fake Google tag runs at once: the stored grant is read by the core.
  await page.waitForFunction(() => window.fakeGtag?.received.length >= 3);
  return { context, page, errors, release };
}

/** What the fake Google tag has read: each consent command's action and its analytics_storage. */
const consentCommands = (page) =>
  page.evaluate(() =>
    window.fakeGtag.received
      .map((entry) => Array.from(entry))
      .filter(([command]) => command === 'consent')
      .map(([, action, value]) => `${action} ${value.analytics_storage}`),
  );

describe('integrations whose adapters are parts', () => {
  it('a page that names none fetches none of their parts', async () => {
    const context = await harness.browser.newContext();
    const requests = [];
    context.on('request', (request) => ADAPTER_PARTS.test(request.url()) && requests.push(request.url()));
    const page = await context.newPage();
    await page.goto(`${harness.base}/test/e2e/pages/site.html`);
    await page.getByRole('button', { name: 'Alle optionele cookies accepteren' }).click();
    await page.reload();
    await page.waitForFunction(() => document.querySelector('consent-banner')?.consent?.method === 'accept-all');
    assert.deepEqual(requests, []);
    await context.close();
  });

  it('a slow part: the Google tag holds the denied default until the part is there, then hears the stored grant once', async () => {
    const { context, page, errors, release } = await googleDemoWith('slow');
    assert.deepEqual(await consentCommands(page), ['default denied']);
    const loaded = page.waitForResponse(GOOGLE_PART);
    release();
    await loaded;
    await page.waitForFunction(() => window.fakeGtag.signals.analytics_storage === 'granted');
    assert.deepEqual(await consentCommands(page), ['default denied', 'update granted']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a part that cannot load: one console error with its URL; the tool stays denied; the banner goes on', async () => {
    const { context, page, errors } = await googleDemoWith('missing');
    await page.waitForFunction(() => document.querySelector('consent-banner')?.consent?.method === 'accept-all');
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    const fromComponent = errors.filter((error) => error.includes('<consent-banner>'));
    assert.equal(fromComponent.length, 1, errors.join('\n'));
    assert.match(fromComponent[0], /a part did not load \(.*\/dist\/consent-banner-google-consent-mode\.js\)/);
    assert.deepEqual(await consentCommands(page), ['default denied']);
    await context.close();
  });
});
