// WCAG 2.2 AA checks on the built bundle in Chromium (issue 3): axe with the wcag2a, wcag2aa,
// wcag21aa and wcag22aa tags in every state, reflow, text spacing, 200% text, forced colours,
// focus never hidden under the banner, no layout shift, and the keyboard from the top.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { axeViolations, startHarness, watchErrors, watchLayoutShift } from './harness.mjs';

const PAGE = '/test/e2e/pages/long-page.html';
let harness;

before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.stop();
});

async function openPage({ width = 1280, height = 800, media } = {}) {
  const context = await harness.browser.newContext({ viewport: { width, height } });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  if (media) await page.emulateMedia(media);
  const errors = watchErrors(page);
  await page.goto(harness.base + PAGE);
  await page.getByRole('region', { name: 'Cookiemelding' }).waitFor();
  return { context, page, errors };
}

const accept = (page) => page.getByRole('button', { name: 'Analytische cookies accepteren' });

describe('axe (wcag2a, wcag2aa, wcag21aa, wcag22aa) in every state (A18)', () => {
  const states = {
    'question at 1280x800': {},
    'question at 320x568': { width: 320, height: 568 },
    'question with forced colours': { media: { forcedColors: 'active' } },
    'question in a dark colour scheme': { media: { colorScheme: 'dark' } },
    'question with reduced motion': { media: { reducedMotion: 'reduce' } },
  };
  for (const [name, options] of Object.entries(states)) {
    it(name, async () => {
      const { context, page, errors } = await openPage(options);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('question placed at the top, in the page flow, at 1280x800 and 320x568', async () => {
    for (const viewport of [{}, { width: 320, height: 568 }]) {
      const { context, page, errors } = await openPage(viewport);
      await page.evaluate(async () => {
        const banner = document.querySelector('consent-banner');
        banner.placement = 'top';
        await banner.updateComplete;
      });
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('consent-banner').shadowRoot.querySelector('section')).position), 'static');
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  it('question with 200% text', async () => {
    const { context, page } = await openPage();
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  it('choices dialog, at 1280x800 and 320x568', async () => {
    for (const viewport of [{}, { width: 320, height: 568 }]) {
      const { context, page } = await openPage(viewport);
      await page.getByRole('button', { name: 'Zelf kiezen' }).click();
      await page.getByRole('dialog', { name: 'Cookie-instellingen' }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    }
  });

  it('confirmation', async () => {
    const { context, page } = await openPage();
    await accept(page).click();
    await page.getByRole('status').filter({ hasText: 'Uw keuze is opgeslagen.' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
});

describe('layout and reflow (A7, A10, A20, L2)', () => {
  it('at 320 CSS px nothing scrolls sideways and no control is clipped, also with 200% text and WCAG 1.4.12 text spacing', async () => {
    for (const setup of ['none', '200%', 'text-spacing']) {
      const { context, page } = await openPage({ width: 320, height: 568 });
      await page.evaluate((kind) => {
        const root = document.documentElement;
        if (kind === '200%') root.style.fontSize = '200%';
        if (kind === 'text-spacing') {
          // The WCAG 1.4.12 values, on the page and (as a user style sheet would) inside the banner.
          const rules = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(rules);
          document.adoptedStyleSheets = [sheet];
          const shadow = document.querySelector('consent-banner').shadowRoot;
          shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
        }
      }, setup);
      await page.waitForTimeout(100);
      const report = await page.evaluate(() => {
        const shadow = document.querySelector('consent-banner').shadowRoot;
        const clipped = [...shadow.querySelectorAll('button, h2')]
          .filter((element) => element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)
          .map((element) => element.textContent.trim());
        return { pageWidth: document.documentElement.scrollWidth, clipped };
      });
      assert.ok(report.pageWidth <= 320, `${setup}: page is ${report.pageWidth}px wide`);
      assert.deepEqual(report.clipped, [], setup);
      await context.close();
    }
  });

  it('causes no layout shift (CLS 0) when it appears, answers and goes (A20)', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await watchLayoutShift(page);
    await page.goto(harness.base + PAGE);
    await page.getByRole('region', { name: 'Cookiemelding' }).waitFor();
    // Real clicks: a change right after the visitor's input is theirs, not a layout shift (CLS).
    await page.waitForTimeout(600);
    await page.getByRole('button', { name: 'Analytische cookies weigeren' }).click();
    await page.getByRole('button', { name: 'Cookiemelding verbergen' }).click();
    await page.waitForTimeout(600);
    assert.equal(await page.evaluate(() => window.layoutShift), 0);
    await context.close();
  });

  it('never hides a focused element behind the banner, down to the end of the page (A7, WCAG 2.4.11)', async () => {
    const { context, page } = await openPage({ width: 320, height: 568 });
    const footerLink = page.getByRole('link', { name: 'Cookie-instellingen' });
    await footerLink.focus();
    await page.waitForTimeout(100);
    const linkBox = await footerLink.boundingBox();
    const bannerTop = await page.evaluate(() => document.querySelector('consent-banner').shadowRoot.querySelector('section').getBoundingClientRect().top);
    assert.ok(linkBox.y + linkBox.height <= bannerTop, `link ends at ${linkBox.y + linkBox.height}, banner starts at ${bannerTop}`);
    await context.close();
  });
});

/**
 * The ways visitors enlarge text, each as Chromium shows it: the site's root font size at 200%
 * (the rem-based text grows, the viewport stays); browser zoom at 200% (Chromium's page zoom
 * halves the viewport in CSS px and doubles the pixel ratio, which a half-size viewport at device
 * scale factor 2 reproduces); WCAG 1.4.12 text spacing (as a user style sheet, on the page and in
 * the banner). Android's and iOS's own text scaling are not modelled here.
 */
const TEXT_SETUPS = ['100%', 'root font 200%', 'zoom 200%', 'text spacing'];
const PHONES_AND_DESKTOP = [
  { width: 320, height: 568 },
  { width: 360, height: 640 },
  { width: 375, height: 667 },
  { width: 1280, height: 800 },
];

async function openWithText({ width, height }, setup) {
  const zoom = setup === 'zoom 200%';
  const viewport = zoom ? { width: Math.floor(width / 2), height: Math.floor(height / 2) } : { width, height };
  const context = await harness.browser.newContext({ viewport, deviceScaleFactor: zoom ? 2 : 1 });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(harness.base + PAGE);
  await page.getByRole('region', { name: 'Cookiemelding' }).waitFor();
  await page.evaluate((setup) => {
    if (setup === 'root font 200%') document.documentElement.style.fontSize = '200%';
    if (setup === 'text spacing') {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }');
      document.adoptedStyleSheets = [sheet];
      const shadow = document.querySelector('consent-banner').shadowRoot;
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    }
  }, setup);
  // Two frames: the new text sizes are laid out, and the page's room for the banner follows.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return { context, page, errors, viewport };
}

/**
 * The focused element inside the banner (through its shadow root): its name, and whether it is
 * on screen and on top, i.e. its box inside the viewport (1 px of rounding allowed) and the
 * element in the middle of its first line the element itself or inside it (nothing covers it, no
 * scroller clips it).
 */
function focusedInBanner(page) {
  return page.evaluate(() => {
    const root = document.querySelector('consent-banner').shadowRoot;
    const focused = root.activeElement;
    if (!focused) return { name: `(outside the banner: ${document.activeElement?.localName})`, onScreen: false };
    const box = focused.getBoundingClientRect();
    const inViewport = box.top >= -1 && box.left >= -1 && box.bottom <= innerHeight + 1 && box.right <= innerWidth + 1;
    // A link that wraps: the middle of its first line (the middle of its box can be other text).
    const first = focused.getClientRects()[0] ?? box;
    const atCentre = root.elementFromPoint(first.left + first.width / 2, first.top + first.height / 2);
    const name = focused.localName === 'input' ? `checkbox ${focused.name}` : focused.textContent.trim().replace(/\s+/g, ' ');
    return { name, onScreen: inViewport && Boolean(atCentre && focused.contains(atCentre)), box: [box.top, box.bottom].map(Math.round) };
  });
}

describe('on phones and with large text: every control reachable, focus never off-screen (issue 12)', () => {
  for (const viewport of PHONES_AND_DESKTOP) {
    it(`at ${viewport.width}x${viewport.height}, with each text setup, in the first layer and the dialog`, async () => {
      for (const setup of TEXT_SETUPS) {
        const { context, page, errors, viewport: shown } = await openWithText(viewport, setup);
        const where = `${viewport.width}x${viewport.height}, ${setup}`;
        // Tab from the top of the page through the first layer: the statement link and the three buttons.
        const question = [];
        for (let i = 0; i < 4; i++) {
          await page.keyboard.press('Tab');
          const focused = await focusedInBanner(page);
          question.push(focused.name);
          assert.ok(focused.onScreen, `${where}: "${focused.name}" is focused off-screen or covered (${focused.box})`);
        }
        // Large text on a phone (and any zoomed layout under 30em high): the whole banner scrolls, its text does not scroll on its own.
        if ((setup === 'root font 200%' && viewport.width < 1280) || setup === 'zoom 200%') {
          const overflow = await page.evaluate(() => getComputedStyle(document.querySelector('consent-banner').shadowRoot.querySelector('.message')).overflowY);
          assert.equal(overflow, 'visible', `${where}: the text scrolls on its own inside the scrolling banner`);
        }
        assert.deepEqual(question, [
          'Lees de cookieverklaring van het ministerie van Voorbeelden',
          'Analytische cookies accepteren',
          'Analytische cookies weigeren',
          'Zelf kiezen',
        ], where);
        // Open the choices from the keyboard: the title has focus, then every control in turn.
        await page.keyboard.press('Enter');
        await page.getByRole('dialog', { name: 'Cookie-instellingen' }).waitFor();
        const inDialog = [(await focusedInBanner(page)).name];
        for (let i = 0; i < 5; i++) {
          await page.keyboard.press('Tab');
          const focused = await focusedInBanner(page);
          inDialog.push(focused.name);
          assert.ok(focused.onScreen, `${where}: "${focused.name}" is focused off-screen or covered in the dialog (${focused.box}, viewport ${shown.height})`);
        }
        assert.deepEqual(inDialog, [
          'Cookie-instellingen',
          'checkbox analytics',
          'Keuze opslaan',
          'Alle optionele cookies accepteren',
          'Alle optionele cookies weigeren',
          'Sluiten zonder te wijzigen',
        ], where);
        assert.deepEqual(errors, [], where);
        await context.close();
      }
    });
  }

  it('at the default text size covers at most half the screen, shows accept, reject and choose without scrolling, and all its text can be scrolled to (L2)', async () => {
    for (const viewport of [{ width: 320, height: 568 }, { width: 375, height: 667 }, { width: 1280, height: 800 }]) {
      const { context, page } = await openWithText(viewport, '100%');
      const layout = await page.evaluate(() => {
        const root = document.querySelector('consent-banner').shadowRoot;
        const banner = root.querySelector('.banner').getBoundingClientRect();
        const buttons = [...root.querySelectorAll('.banner button')].map((button) => {
          const box = button.getBoundingClientRect();
          return { name: button.textContent.trim(), top: box.top, bottom: box.bottom };
        });
        const message = root.querySelector('.message');
        message.scrollTop = message.scrollHeight;
        const last = message.lastElementChild.getBoundingClientRect();
        return { bannerHeight: banner.height, buttons, lastTextEnd: last.bottom, messageEnd: message.getBoundingClientRect().bottom };
      });
      const where = `${viewport.width}x${viewport.height}`;
      assert.ok(layout.bannerHeight <= viewport.height / 2 + 1, `${where}: the banner is ${layout.bannerHeight}px high`);
      assert.deepEqual(layout.buttons.map(({ name }) => name), ['Analytische cookies accepteren', 'Analytische cookies weigeren', 'Zelf kiezen']);
      for (const { name, top, bottom } of layout.buttons) assert.ok(top >= viewport.height / 2 && bottom <= viewport.height, `${where}: ${name} at ${top}-${bottom}`);
      assert.ok(layout.lastTextEnd <= layout.messageEnd + 1, `${where}: the end of the text (${layout.lastTextEnd}) cannot be scrolled into the text's box (${layout.messageEnd})`);
      await context.close();
    }
  });
});

describe('keyboard from the top of the page (A2, A3, A5, A8)', () => {
  it('reaches the banner first, chooses in the dialog, and lands focus where it should', async () => {
    const { context, page, errors } = await openPage();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.localName), 'consent-banner');
    // Tab to "Zelf kiezen", open, Escape: focus back on it, nothing decided.
    const choose = page.getByRole('button', { name: 'Zelf kiezen' });
    for (let i = 0; i < 6 && !(await choose.evaluate((b) => b.matches(':focus'))); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Cookie-instellingen' }).waitFor();
    await page.keyboard.press('Escape');
    assert.equal(await choose.evaluate((b) => b.matches(':focus')), true);
    assert.equal(await page.evaluate(() => document.querySelector('consent-banner').consent), null);
    // Reopen, tick analytics with Space, save with Enter: the confirmation's hide button has focus.
    await page.keyboard.press('Enter');
    const box = page.getByRole('checkbox', { name: 'Analytische cookies' });
    for (let i = 0; i < 10 && !(await box.evaluate((b) => b.matches(':focus'))); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    const save = page.getByRole('button', { name: 'Keuze opslaan' });
    for (let i = 0; i < 10 && !(await save.evaluate((b) => b.matches(':focus'))); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Uw keuze is opgeslagen.' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Cookiemelding verbergen' }).evaluate((b) => b.matches(':focus')), true);
    // Hide: focus goes to the main content, never to body.
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
