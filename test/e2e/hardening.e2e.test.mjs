// End-to-end hardening checks on the built bundle: a strict CSP with Trusted Types (an embed's
// "load once" too), markup injected without the nonce, a bundle loaded late and twice, two
// banners, gated scripts that throw or are missing, several copies of the consent cookie across
// hosts and paths, and cookie writes the browser refuses.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { componentErrors, E2E_DOMAIN, E2E_SUFFIX_HOST, MESSAGE_COMING, startHarness, watchErrors } from './harness.mjs';

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.stop();
});

async function openPage(path, url = harness.base + path) {
  const context = await harness.browser.newContext();
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url);
  return { context, page, errors };
}

/** A format-1 consent cookie value: analytics granted or refused, decided `secondsAgo` before now. */
function consentValue(granted, secondsAgo) {
  const seconds = Math.floor(Date.now() / 1000) - secondsAgo;
  return `1|1|${seconds.toString(36)}|${granted ? 'a' : 'r'}|analytics:${granted ? 1 : 0}`;
}

const consentCookies = async (context) =>
  (await context.cookies()).filter(({ name }) => name === 'consent_banner').map(({ domain, path, value }) => ({ domain, path, value }));

describe('strict Content-Security-Policy with Trusted Types', () => {
  it('works without a single violation; gated scripts run with the page\'s nonce', async () => {
    const { context, page, errors } = await openPage('/test/e2e/pages/strict-csp.html');
    await page.getByRole('button', { name: 'Eenmalig laden' }).waitFor();
    await page.getByRole('link', { name: 'Cookie-instellingen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Alle optionele cookies accepteren' }).click();
    await page.waitForFunction(() => window.fakeAnalyticsRuns?.external === 1 && window.fakeAnalyticsRuns?.inline === 1);
    await page.waitForFunction(() => document.querySelector('iframe').getAttribute('src'));
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('bundle loaded late and twice, two banners, faulty gated scripts', () => {
  it('one banner works, gated scripts run once, and only the gated script\'s own error surfaces', async () => {
    const { context, page, errors } = await openPage('/test/e2e/pages/late-and-twice.html');
    await page.waitForFunction(() => window.bundleLoaded === true);
    const changes = await page.evaluate(() => {
      window.changes = 0;
      document.addEventListener('consent-change', () => window.changes++);
    });
    assert.equal(changes, undefined);
    const accept = page.getByRole('button', { name: 'Analytische cookies accepteren' });
    assert.equal(await accept.count(), 1);
    await accept.dblclick();
    await page.waitForFunction(() => window.fakeAnalyticsRuns?.external === 1);
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.fakeAnalyticsRuns.external), 1);
    assert.equal(await page.evaluate(() => window.changes), 1);
    const fromComponent = errors.filter((error) => !error.includes('fake: a gated script that throws') && !error.includes('404'));
    assert.deepEqual(fromComponent, [
      MESSAGE_COMING,
      'console.error: <consent-banner>: this page has more than one <consent-banner>; the extra one does nothing.',
    ]);
    assert.ok(errors.some((error) => error.includes('fake: a gated script that throws')));
    await context.close();
  });
});

describe('no script gadget under \'strict-dynamic\' and Trusted Types', () => {
  it('markup injected without the nonce stays inert after consent; the site\'s own gated scripts run', async () => {
    const { context, page, errors } = await openPage('/test/e2e/pages/injected-markup.html?csp=strict');
    await page.getByRole('button', { name: 'Analytische cookies accepteren' }).click();
    await page.waitForFunction(() => window.fakeAnalyticsRuns?.external === 1 && window.fakeAnalyticsRuns?.template === 1);
    // The gadget.js request would be made at once; give the (never expected) inline runs a task.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    assert.equal(await page.evaluate(() => window.gadgetRan), undefined);
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    assert.deepEqual(errors, [
      MESSAGE_COMING,
      "console.error: <consent-banner>: a gated <script> lacks the page's nonce (SECURITY.md); it stays inert.",
      "console.error: <consent-banner>: a gated <template> lacks the page's nonce (SECURITY.md); it stays inert.",
    ]);
    await context.close();
  });

  it('an embed\'s "Eenmalig laden" runs it with the page\'s nonce and no violation; one without the nonce stays inert and keeps its placeholder', async () => {
    const { context, page, errors } = await openPage('/test/e2e/pages/embeds-csp.html?csp=strict');
    await page.getByRole('button', { name: 'Eenmalig laden: Kaart zonder nonce' }).click();
    await page.getByRole('button', { name: 'Eenmalig laden: Kaart met de nonce' }).click();
    await page.waitForFunction(() => window.fakeMapsApiLoads === 1);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    assert.equal(await page.evaluate(() => window.fakeMapsApiLoads), 1, 'the script with the nonce, once');
    assert.equal(await page.locator('#kaart consent-placeholder').count(), 0);
    assert.equal(await page.locator('#kaart-zonder-nonce consent-placeholder').count(), 1, 'the inert one keeps its placeholder');
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    assert.deepEqual(errors, [MESSAGE_COMING, "console.error: <consent-banner>: a gated <script> lacks the page's nonce (SECURITY.md); it stays inert."]);
    await context.close();
  });

  it('two copies of the bundle under SECURITY.md\'s policy: no error, no violation, gated scripts run once', async () => {
    const { context, page, errors } = await openPage('/test/e2e/pages/strict-csp-twice.html?csp=strict');
    await page.getByRole('button', { name: 'Analytische cookies accepteren' }).click();
    await page.waitForFunction(() => window.fakeAnalyticsRuns?.external === 1);
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('several cookies of the name on several hosts and paths: the latest decision wins', () => {
  const host = `www.${E2E_DOMAIN}`;
  const path = '/test/e2e/pages/sub/page.html';

  it('a refusal in the dialog is not undone by older grants (Domain=parent, host-only, a longer path, a sibling subdomain)', async () => {
    const context = await harness.browser.newContext();
    context.setDefaultTimeout(10000);
    // Older grants: the site before it set cookie-domain, a cookie on the sub-folder's path, and
    // one the forum (a sibling subdomain) wrote for the whole domain.
    await context.addCookies([
      { name: 'consent_banner', value: consentValue(true, 3000), domain: host, path: '/' },
      { name: 'consent_banner', value: consentValue(true, 2000), domain: host, path: '/test/e2e/pages/sub' },
      { name: 'consent_banner', value: consentValue(true, 1000), domain: `.${E2E_DOMAIN}`, path: '/' },
    ]);
    const page = await context.newPage();
    const errors = watchErrors(page);
    const warnings = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await page.goto(harness.urlFor(host, path));
    await page.waitForFunction(() => window.fakeAnalyticsRuns?.external === 1);
    assert.equal(warnings.filter((text) => text.includes('3 cookies named "consent_banner"')).length, 1);

    await page.getByRole('link', { name: 'Cookie-instellingen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Alle optionele cookies weigeren' }).click();
    const left = await consentCookies(context);
    assert.equal(left.length, 1, JSON.stringify(left));
    assert.match(left[0].value, /\|r\|analytics:0$/);

    // The tab becomes visible again, then the next page view: still refused.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    assert.equal(await page.evaluate(() => document.querySelector('consent-banner').hasConsent('analytics')), false);
    // The forum writes an older grant again (its clock or its cache), on a longer path, which the
    // browser lists first: the refusal made here still wins.
    await context.addCookies([{ name: 'consent_banner', value: consentValue(true, 500), domain: `.${E2E_DOMAIN}`, path: '/test/e2e/pages' }]);
    await page.reload();
    await page.waitForFunction(() => customElements.get('consent-banner') && document.querySelector('consent-banner').consent);
    assert.equal(await page.evaluate(() => document.querySelector('consent-banner').consent.method), 'reject-all');
    assert.equal(await page.evaluate(() => window.fakeAnalyticsRuns?.external ?? 0), 0);

    // reset() forgets every copy this page can reach.
    await page.evaluate(() => document.querySelector('consent-banner').reset());
    assert.deepEqual(await consentCookies(context), []);
    // The warning that there are copies (console.warn) is expected; no error.
    assert.deepEqual(errors.filter((error) => error !== MESSAGE_COMING), []);
    await context.close();
  });
});

describe('cookie writes the browser refuses: one error that says why, the choice kept for the page', () => {
  for (const [name, url, expected] of [
    ['cookie-domain on a public suffix', () => harness.urlFor(E2E_SUFFIX_HOST, '/test/e2e/pages/sub/page.html?cookie-domain=co.uk'), /cookie-domain "co\.uk" was refused \(a public suffix\?\)/],
    ['a __Host- name on http', () => harness.urlFor(`www.${E2E_DOMAIN}`, '/test/e2e/pages/sub/page.html?cookie-name=__Host-consent'), /"__Host-" cookie-name needs https/],
  ]) {
    it(name, async () => {
      const { context, page, errors } = await openPage(null, url());
      await page.getByRole('button', { name: 'Analytische cookies accepteren' }).click();
      await page.waitForFunction(() => window.fakeAnalyticsRuns?.external === 1);
      const reported = await componentErrors(errors, 1);
      assert.deepEqual(errors.filter((error) => !reported.includes(error)), [MESSAGE_COMING]);
      assert.equal(reported.length, 1, errors.join('\n'));
      assert.match(reported[0], expected);
      assert.match(reported[0], /The choice holds for this page only/);
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      assert.equal(await page.evaluate(() => document.querySelector('consent-banner').hasConsent('analytics')), true);
      assert.deepEqual(await consentCookies(context), []);
      await context.close();
    });
  }
});
