// The BUILT bundle on the demo's reload scenario (demo/reload.html; run `npm run build` first):
// `reload-on-withdrawal` reloads the page once after the visitor withdraws in the choices, and the
// gated tool that ran does not run on the reloaded page; accepting and refusing again reload nothing.
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

describe('demo/reload.html: reload-on-withdrawal with the built bundle', () => {
  it('reloads once after a withdrawal in the choices; the tool stays off after it', async () => {
    const context = await harness.browser.newContext();
    context.setDefaultTimeout(10000);
    const page = await context.newPage();
    const errors = watchErrors(page);
    let loads = 0;
    page.on('load', () => loads++);
    await page.goto(`${harness.base}/demo/reload.html`);
    await page.getByRole('button', { name: 'Analytische cookies accepteren' }).click();
    await page.waitForFunction(() => window.fakeAnalyticsRuns?.external === 1);

    await page.locator('.site-footer').getByRole('link', { name: 'Cookie-instellingen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cookie-instellingen' });
    await dialog.getByRole('checkbox', { name: /^Analytische cookies/ }).uncheck();
    const reloaded = page.waitForEvent('load');
    await dialog.getByRole('button', { name: 'Keuze opslaan' }).click();
    await reloaded;
    await page.evaluate(() => document.querySelector('consent-banner').updateComplete);
    assert.equal(loads, 2);
    assert.deepEqual(await page.evaluate(() => [document.querySelector('consent-banner').hasConsent('analytics'), window.fakeAnalyticsRuns]), [false, undefined]);

    // Refusing what is refused withdraws nothing: no reload (an absence has no event to await).
    await page.evaluate(() => document.querySelector('consent-banner').rejectAll());
    await page.waitForTimeout(500);
    assert.equal(loads, 2);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
