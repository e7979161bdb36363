// End-to-end checks on the built bundle in a real browser: tab sync between two pages, Global
// Privacy Control from the browser, and click-to-load iframes on the network (I6, I8, L18).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, watchErrors } from './harness.mjs';

const SITE = '/test/e2e/pages/site.html';
let harness;

before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.stop();
});

/** A fresh browser profile (own cookies), failing within 10 s instead of 30. */
async function newContext() {
  const context = await harness.browser.newContext();
  context.setDefaultTimeout(10000);
  return context;
}

const firstLayerShown = (page) =>
  page.evaluate(() => Boolean(document.querySelector('consent-banner').shadowRoot.querySelector('section')));
const fakeAnalyticsRuns = (page) => page.evaluate(() => window.fakeAnalyticsRuns?.external ?? 0);

describe('two tabs of one site (I8)', () => {
  it('a choice in one tab hides the other tab\'s banner and runs its gated scripts, without reload', async () => {
    const context = await newContext();
    const [first, second] = [await context.newPage(), await context.newPage()];
    const errors = [...watchErrors(first), ...watchErrors(second)];
    await first.goto(harness.base + SITE);
    await second.goto(harness.base + SITE);
    await first.waitForFunction(() => document.querySelector('consent-banner').shadowRoot?.querySelector('section'));
    await second.waitForFunction(() => document.querySelector('consent-banner').shadowRoot?.querySelector('section'));
    assert.equal(await fakeAnalyticsRuns(second), 0);

    await first.getByRole('button', { name: 'Alle optionele cookies accepteren' }).click();
    await second.waitForFunction(() => window.fakeAnalyticsRuns?.external === 1);
    assert.equal(await firstLayerShown(second), false);
    assert.equal(await second.evaluate(() => document.querySelector('consent-banner').hasConsent('analytics')), true);

    // Withdrawal in the second tab reaches the first.
    await second.evaluate(() => document.querySelector('consent-banner').rejectAll());
    await first.waitForFunction(() => !document.querySelector('consent-banner').hasConsent('analytics'));
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('Global Privacy Control from the browser (I6, L19)', () => {
  it('turns optional categories off without a banner or a cookie; an explicit choice wins', async () => {
    const context = await newContext();
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(harness.base + SITE);
    await page.waitForFunction(() => document.querySelector('consent-banner').consent !== undefined);
    await page.waitForFunction(() => document.querySelector('consent-banner').consent?.method === 'gpc');
    assert.equal(await firstLayerShown(page), false);
    assert.deepEqual(await context.cookies(), []);
    assert.equal(await fakeAnalyticsRuns(page), 0);

    await page.getByRole('link', { name: 'Cookie-instellingen' }).click();
    await page.getByRole('button', { name: 'Alle optionele cookies accepteren' }).click();
    await page.waitForFunction(() => window.fakeAnalyticsRuns?.external === 1);
    const [cookie] = await context.cookies();
    assert.equal(cookie.name, 'consent_banner');
    assert.match(cookie.value, /\|a\|analytics:1\.media:1$/);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('click-to-load iframes on the network (L18)', () => {
  it('requests nothing from the iframe before the click, and once after "load once"', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const requests = [];
    page.on('request', (request) => {
      if (request.url().includes('fake-video.html')) requests.push(request.url());
    });
    await page.goto(harness.base + SITE);
    const load = page.getByRole('button', { name: 'Eenmalig laden' });
    await load.waitFor();
    await page.waitForTimeout(100);
    assert.deepEqual(requests, []);
    await load.click();
    await page.waitForFunction(() => document.querySelector('iframe').contentDocument?.readyState === 'complete');
    assert.equal(requests.length, 1);
    assert.equal(await page.evaluate(() => document.activeElement?.localName), 'iframe');
    assert.deepEqual(await context.cookies(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
