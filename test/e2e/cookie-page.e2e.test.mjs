// The cookie page (issue 12), on the demo's own page with the built bundle in Chromium: no layout
// shift as <consent-preferences> replaces its content for visitors without JavaScript, axe before
// and after a save, the message after a save with its link back, the page without JavaScript, and
// the cookie tables in the banner's dialog at 320 px with 200% text.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { axeViolations, startHarness, watchErrors, watchLayoutShift } from './harness.mjs';

const COOKIE_PAGE = '/demo/cookies.html';
const VIEWPORTS = [
  { width: 412, height: 823 },
  { width: 1280, height: 800 },
];
let harness;

before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.stop();
});

async function openCookiePage(viewport, { referer } = {}) {
  const context = await harness.browser.newContext({ viewport });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await watchLayoutShift(page);
  await page.goto(harness.base + COOKIE_PAGE, { referer });
  await page.getByRole('checkbox', { name: 'Analytische cookies' }).waitFor();
  return { context, page, errors };
}

describe('the cookie page with <consent-preferences> (issue 12)', () => {
  for (const viewport of VIEWPORTS) {
    const where = `${viewport.width}x${viewport.height}`;

    it(`renders its choices with CLS below 0.05 at ${where}`, async () => {
      const { context, page, errors } = await openCookiePage(viewport);
      // Shifts are counted until well after the choices rendered (nothing else loads later).
      await page.waitForTimeout(600);
      const shift = await page.evaluate(() => window.layoutShift);
      assert.ok(shift < 0.05, `CLS ${shift}`);
      assert.deepEqual(errors, []);
      await context.close();
    });

    it(`passes axe (WCAG tags) before and after a save at ${where}; the message is said in a live region, focus stays on the button`, async () => {
      const { context, page, errors } = await openCookiePage(viewport);
      assert.deepEqual(await axeViolations(page), [], 'before');
      await page.getByRole('checkbox', { name: 'Analytische cookies' }).check();
      await page.getByRole('button', { name: 'Keuze opslaan' }).click();
      const message = page.getByRole('status').filter({ hasText: 'Uw keuze is opgeslagen.' });
      await message.waitFor();
      assert.equal(await message.innerText(), 'Uw keuze is opgeslagen. U heeft analytische cookies geaccepteerd.');
      assert.equal(await page.getByRole('alert').count(), 0, 'no alert');
      // No page of this site to go back to (a direct visit): focus stays on the button that saved.
      assert.equal(await page.getByRole('button', { name: 'Keuze opslaan' }).evaluate((element) => element.matches(':focus')), true);
      assert.deepEqual(await axeViolations(page), [], 'after');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('after a save links back to the page of the site the visitor came from, and that link has focus', async () => {
    const from = `${harness.base}/demo/media.html`;
    const { context, page, errors } = await openCookiePage(VIEWPORTS[0], { referer: from });
    await page.getByRole('button', { name: 'Alle optionele cookies weigeren' }).click();
    await page.getByRole('status').filter({ hasText: 'Uw keuze is opgeslagen.' }).waitFor();
    const focused = await page.evaluate(() => {
      const active = document.querySelector('consent-preferences').shadowRoot.activeElement;
      return { text: active?.textContent.trim(), href: active?.href };
    });
    assert.deepEqual(focused, { text: 'Terug naar de pagina die u bekeek', href: from });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('without JavaScript shows the cookie tables and says that choosing needs JavaScript and that no optional script runs', async () => {
    for (const viewport of VIEWPORTS) {
      const context = await harness.browser.newContext({ viewport, javaScriptEnabled: false });
      const page = await context.newPage();
      const requests = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await page.goto(harness.base + COOKIE_PAGE);
      const where = `${viewport.width}x${viewport.height}`;
      assert.equal(await page.getByRole('heading', { name: 'Cookie-instellingen', level: 2 }).isVisible(), true, where);
      assert.match(await page.locator('.consent-preferences-notice').innerText(), /alleen met JavaScript\. Zonder JavaScript werkt ook geen script dat optionele cookies plaatst\./);
      for (const caption of ['Noodzakelijke cookies op deze website', 'Analytische cookies op deze website']) {
        assert.equal(await page.getByRole('table', { name: caption }).isVisible(), true, `${where}: ${caption}`);
      }
      assert.equal(await page.getByRole('rowheader', { name: '_pk_id.*' }).isVisible(), true, where);
      // Nothing that does not work: no checkbox, no button; and no gated script was even fetched.
      assert.equal(await page.getByRole('checkbox').count(), 0, where);
      assert.equal(await page.getByRole('button').count(), 0, where);
      assert.deepEqual(requests.filter((path) => /fake-analytics|matomo/.test(path)), [], where);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${where}: scrolls sideways`);
      await context.close();
    }
  });

  it('the banner\'s dialog shows the same tables and fits at 320 px with 200% text, nothing sideways', async () => {
    for (const setup of ['100%', '200%']) {
      const context = await harness.browser.newContext({ viewport: { width: 320, height: 568 } });
      context.setDefaultTimeout(10000);
      const page = await context.newPage();
      await page.goto(`${harness.base}/demo/`);
      await page.evaluate((size) => (document.documentElement.style.fontSize = size), setup);
      await page.getByRole('button', { name: 'Zelf kiezen' }).click();
      await page.getByRole('dialog', { name: 'Cookie-instellingen' }).waitFor();
      assert.equal(await page.getByRole('table', { name: 'Analytische cookies op deze website' }).isVisible(), true);
      const layout = await page.evaluate(() => {
        const dialog = document.querySelector('consent-banner').shadowRoot.querySelector('dialog');
        const inside = dialog.getBoundingClientRect();
        const tables = [...dialog.querySelectorAll('table')].map((table) => table.getBoundingClientRect());
        return {
          pageWidth: document.documentElement.scrollWidth,
          dialogOverflow: dialog.scrollWidth - dialog.clientWidth,
          outside: tables.filter((box) => box.left < inside.left || box.right > inside.right).length,
        };
      });
      assert.ok(layout.pageWidth <= 320, `${setup}: page is ${layout.pageWidth}px wide`);
      assert.deepEqual({ dialogOverflow: layout.dialogOverflow, outside: layout.outside }, { dialogOverflow: 0, outside: 0 }, setup);
      assert.deepEqual(await axeViolations(page), [], setup);
      await context.close();
    }
  });
});
