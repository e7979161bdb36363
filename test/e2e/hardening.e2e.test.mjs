// End-to-end hardening checks on the built bundle: a strict CSP with Trusted Types, a bundle
// loaded late and twice, two banners, and gated scripts that throw or are missing (issue 5).
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

async function openPage(path) {
  const context = await harness.browser.newContext();
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(harness.base + path);
  return { context, page, errors };
}

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
      'console.error: <consent-banner>: this page has more than one <consent-banner>; the extra one does nothing.',
    ]);
    assert.ok(errors.some((error) => error.includes('fake: a gated script that throws')));
    await context.close();
  });
});
