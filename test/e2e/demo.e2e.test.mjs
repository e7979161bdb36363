// End-to-end checks of the BUILT demo (issue 3; run `npm run build` first): every scenario page
// passes axe (wcag2a, wcag2aa, wcag21aa, wcag22aa) in its initial state without console errors and
// links to every other scenario; the keyboard journey on the default page with real key presses;
// the two theme pages (dark, NL Design System tokens) style the banner as they say, with AA
// contrast; and screenshots of the default page at 320, 768 and 1280 px wide (and of the theme
// pages) in test-results/screenshots/, for people to look at: they are not compared to anything.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { axeViolations, MESSAGE_COMING, startHarness, watchErrors, watchLayoutShift } from './harness.mjs';

const SCREENSHOTS = 'test-results/screenshots';

/**
 * Every scenario page, as the scenario navigation links it; `asks`: the first layer shows on a first
 * visit; `errors`: the console errors the page makes on purpose.
 */
const SCENARIOS = [
  { href: './', page: 'index.html', asks: true },
  { href: 'en.html', page: 'en.html', asks: true },
  { href: 'media.html', page: 'media.html', asks: true },
  { href: 'embeds.html', page: 'embeds.html', asks: true },
  { href: 'services.html', page: 'services.html', asks: true },
  { href: 'policy.html', page: 'policy.html', asks: true },
  { href: 'gpc.html', page: 'gpc.html', asks: true },
  { href: 'google.html', page: 'google.html', asks: true },
  { href: 'tag-manager.html', page: 'tag-manager.html', asks: true },
  { href: 'piwik-pro.html', page: 'piwik-pro.html', asks: true },
  // The cookie page never asks: it has the choices on the page itself.
  { href: 'cookies.html', page: 'cookies.html', asks: false },
  // Exempt analytics run without asking (analytics-exempt).
  { href: 'exempt.html', page: 'exempt.html', asks: false },
  { href: 'reload.html', page: 'reload.html', asks: true },
  { href: 'dark.html', page: 'dark.html', asks: true },
  { href: 'nl-design-system.html', page: 'nl-design-system.html', asks: true },
  // It leaks on purpose, for the audit mode: one of its mistakes is a category the banner reports too.
  {
    href: 'audit.html',
    page: 'audit.html',
    asks: true,
    errors: [MESSAGE_COMING, 'console.error: <consent-banner>: data-consent-category="statistiek" is not a configured category (necessary, analytics); those elements stay blocked.'],
  },
];

let harness;
before(async () => {
  harness = await startHarness();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await harness?.stop();
});

/** A fresh visitor (no cookies) on a demo page, once the banner has read its state and rendered. */
async function openDemo(page, { width = 1280, height = 800 } = {}) {
  const context = await harness.browser.newContext({ viewport: { width, height } });
  context.setDefaultTimeout(10000);
  const tab = await context.newPage();
  const errors = watchErrors(tab);
  await tab.goto(`${harness.base}/demo/${page}`);
  // demo.js logs consent-ready, which the banner fires once it has read the stored state.
  await tab.locator('#event-log li').first().waitFor();
  await tab.evaluate(() => document.querySelector('consent-banner').updateComplete);
  return { context, page: tab, errors };
}

/** WCAG contrast ratio of two computed `rgb()`/`rgba()` colours (opaque ones). */
function contrast(a, b) {
  const luminance = (color) => {
    const [r, g, bl] = color.match(/[\d.]+/g).slice(0, 3).map((v) => Number(v) / 255);
    const linear = (v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(bl);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Computed styles of the banner's parts, read inside its shadow root. */
function bannerStyles(page) {
  return page.evaluate(() => {
    const shadow = document.querySelector('consent-banner').shadowRoot;
    const style = (selector) => {
      const s = getComputedStyle(shadow.querySelector(selector));
      return {
        color: s.color,
        background: s.backgroundColor,
        border: s.borderTopColor,
        radius: s.borderTopLeftRadius,
        font: s.fontFamily,
        outline: s.outlineColor,
        outlineStyle: s.outlineStyle,
      };
    };
    return {
      banner: style('[part~="banner"]'),
      accept: style('[part~="accept"]'),
      reject: style('[part~="reject"]'),
      secondary: style('button.secondary'),
      link: style('a'),
      page: getComputedStyle(document.body).backgroundColor,
    };
  });
}

describe('every scenario page of the built demo', () => {
  for (const { page: file, asks, errors: expected = [] } of SCENARIOS) {
    it(`${file}: axe passes in the initial state (${asks ? 'first layer' : 'no question'}), no console errors but those it makes on purpose, every scenario linked`, async () => {
      const { context, page, errors } = await openDemo(file);
      const region = page.locator('consent-banner section.banner');
      assert.equal(await region.isVisible(), asks, `first layer ${asks ? 'shown' : 'not shown'}`);
      assert.deepEqual(await axeViolations(page), []);
      const nav = await page.locator('.scenario-nav a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      assert.deepEqual(nav, SCENARIOS.map(({ href }) => href));
      assert.equal(await page.locator('.scenario-nav a[aria-current="page"]').count(), 1);
      assert.deepEqual(errors, expected);
      await context.close();
    });
  }
});

describe('the keyboard journey on /demo/index.html, with real key presses', () => {
  it('Tab reaches the banner first; accept runs the fake analytics; hide keeps focus off body; the footer link opens the choices; Escape returns to it', async () => {
    const { context, page, errors } = await openDemo('index.html');
    const isFocused = (locator) => locator.evaluate((element) => element.matches(':focus'));
    async function tabTo(locator, limit) {
      for (let i = 0; i < limit && !(await isFocused(locator)); i++) await page.keyboard.press('Tab');
      assert.equal(await isFocused(locator), true, `reached ${locator} within ${limit} Tab presses`);
    }

    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.localName), 'consent-banner', 'the first Tab stop is in the banner');

    const status = page.locator('#fake-analytics-status');
    assert.equal(await status.getAttribute('data-state'), 'waiting');
    await tabTo(page.getByRole('button', { name: 'Analytische cookies accepteren' }), 6);
    await page.keyboard.press('Enter');
    const confirmation = page.getByRole('status').filter({ hasText: 'Uw keuze is opgeslagen.' });
    await confirmation.waitFor();
    assert.equal(await isFocused(page.getByRole('button', { name: 'Cookiemelding verbergen' })), true, 'its hide button has focus');
    await page.waitForFunction(() => document.getElementById('fake-analytics-status').dataset.state === 'loaded');
    assert.match(await status.textContent(), /^Geladen om /);
    assert.equal(await page.evaluate(() => window.fakeAnalyticsRuns?.external), 1);

    await page.keyboard.press('Enter');
    await confirmation.waitFor({ state: 'detached' });
    assert.notEqual(await page.evaluate(() => document.activeElement.localName), 'body', 'focus is not lost to body');

    const footerLink = page.locator('.site-footer').getByRole('link', { name: 'Cookie-instellingen' });
    await tabTo(footerLink, 80);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Cookie-instellingen' });
    await dialog.waitFor();
    assert.equal(await page.url(), `${harness.base}/demo/index.html`, 'the link opened the choices instead of navigating');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await isFocused(footerLink), true, 'Escape returns focus to the footer link');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('the theme pages', () => {
  it('dark.html: a dark page and banner, from --consent-banner-* alone, with AA contrast (text 4.5:1, edges and focus 3:1)', async () => {
    const { context, page, errors } = await openDemo('dark.html');
    const s = await bannerStyles(page);
    const ratio = (a, b) => Math.round(contrast(a, b) * 100) / 100;
    assert.ok(contrast(s.page, 'rgb(0, 0, 0)') < 1.5, `the page is dark (${s.page})`);
    assert.ok(contrast(s.banner.background, 'rgb(0, 0, 0)') < 1.5, `the banner is dark (${s.banner.background})`);
    assert.ok(ratio(s.banner.color, s.banner.background) >= 4.5, 'banner text');
    assert.ok(ratio(s.link.color, s.banner.background) >= 4.5, 'link');
    assert.ok(ratio(s.accept.color, s.accept.background) >= 4.5, 'accept and reject text');
    assert.ok(ratio(s.accept.border, s.banner.background) >= 3, 'accept and reject edge');
    assert.ok(ratio(s.secondary.color, s.secondary.background) >= 4.5, 'secondary text');
    assert.ok(ratio(s.secondary.border, s.banner.background) >= 3, 'secondary edge');
    assert.deepEqual(s.accept, s.reject, 'accept and reject look the same');
    // The focus ring, on a control focused by keyboard.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const focused = document.querySelector('consent-banner').shadowRoot.activeElement;
      return { visible: focused.matches(':focus-visible'), color: getComputedStyle(focused).outlineColor, style: getComputedStyle(focused).outlineStyle };
    });
    assert.equal(focus.visible, true);
    assert.equal(focus.style, 'solid');
    assert.ok(ratio(focus.color, s.banner.background) >= 3, `focus ring ${focus.color}`);
    assert.match(await page.locator('#theme-rule').textContent(), /--consent-banner-background: #1b2027;/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('nl-design-system.html: the banner takes the NL Design System tokens of the installed theme, and the page says so truly', async () => {
    const { context, page, errors } = await openDemo('nl-design-system.html');
    // The theme's tokens, resolved by the browser, for the properties the banner reads them into.
    const tokens = await page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('span'));
      // An outline's width counts only with a style.
      probe.style.outlineStyle = 'solid';
      const theme = getComputedStyle(document.body);
      const resolve = (token, property) => {
        probe.style.setProperty(property, theme.getPropertyValue(token));
        return getComputedStyle(probe).getPropertyValue(property);
      };
      const result = {
        background: resolve('--utrecht-button-primary-action-background-color', 'background-color'),
        color: resolve('--utrecht-button-primary-action-color', 'color'),
        border: resolve('--utrecht-button-primary-action-border-color', 'border-top-color'),
        radius: resolve('--utrecht-button-border-radius', 'border-top-left-radius'),
        focusWidth: resolve('--basis-focus-outline-width', 'outline-width'),
        headingFont: resolve('--basis-heading-font-family', 'font-family'),
      };
      probe.remove();
      return result;
    });
    // The theme is loaded (the banner's own default is #154273, rgb(21, 66, 115)).
    assert.ok(!['rgba(0, 0, 0, 0)', 'rgb(21, 66, 115)'].includes(tokens.background), `the theme's primary button colour: ${tokens.background}`);
    const s = await bannerStyles(page);
    for (const button of [s.accept, s.reject]) {
      assert.equal(button.background, tokens.background);
      assert.equal(button.color, tokens.color);
      assert.equal(button.border, tokens.border);
      assert.equal(button.radius, tokens.radius);
    }
    // The top border (and the dialog's border and checkboxes: the same token) matches the buttons.
    assert.equal(s.banner.border, tokens.background, 'the banner top border');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('consent-banner').shadowRoot.querySelector('[part~="heading"]')).fontFamily), tokens.headingFont);
    // The theme's focus ring width, on a control focused from the keyboard.
    const accept = page.getByRole('button', { name: 'Analytische cookies accepteren' });
    for (let i = 0; i < 8 && !(await accept.evaluate((b) => b.matches(':focus-visible'))); i++) await page.keyboard.press('Tab');
    assert.equal(await accept.evaluate((b) => getComputedStyle(b).outlineWidth), tokens.focusWidth);
    assert.ok(contrast(s.accept.color, s.accept.background) >= 4.5, 'button text');
    assert.ok(contrast(s.accept.background, s.banner.background) >= 3, 'the button against the banner (its border is transparent)');
    // The page's own measurements agree.
    const states = await page.locator('#token-list li').evaluateAll((items) => Object.fromEntries(items.map((li) => [li.dataset.token, li.dataset.state])));
    for (const token of ['--utrecht-button-primary-action-background-color', '--utrecht-button-primary-action-color', '--utrecht-button-border-radius']) {
      assert.equal(states[token], 'taken', token);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('media.html: after "Altijd accepteren" on a video the first layer still asks, about analytics only, and axe passes', async () => {
    const { context, page, errors } = await openDemo('media.html');
    await page.getByRole('button', { name: "Altijd accepteren: Video's" }).first().click();
    await page.getByRole('button', { name: 'Analytische cookies accepteren' }).waitFor();
    assert.equal(await page.getByRole('status').filter({ hasText: 'Uw keuze is opgeslagen.' }).count(), 0, 'no confirmation of a refusal nobody made');
    const consent = await page.evaluate(() => document.querySelector('consent-banner').consent.categories);
    assert.deepEqual(consent, { necessary: true, media: true });
    assert.deepEqual(await axeViolations(page), [], 'the question after a partial decision');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('services.html: "Altijd accepteren" on a YouTube video loads that video only; the dialog shows a box per service, the category\'s mixed; a mixed save runs one analytics tool; axe passes', async () => {
    const { context, page, errors } = await openDemo('services.html');
    const frames = () => page.locator('iframe[data-consent-service]').evaluateAll((all) => all.map((frame) => [frame.dataset.consentService, frame.getAttribute('src')]));
    await page.getByRole('button', { name: /^Altijd accepteren: YouTube \(met extra privacy\)/ }).click();
    await page.waitForFunction(() => document.querySelector('iframe[data-consent-service="youtube-nocookie"]').getAttribute('src'));
    assert.deepEqual(await frames(), [['youtube-nocookie', 'fake-video.html?video=paspoort'], ['vimeo', null]]);
    // Still asked about the category (and analytics), with no confirmation of a refusal.
    await page.getByRole('button', { name: 'Alle optionele cookies accepteren' }).waitFor();
    await page.getByRole('button', { name: 'Zelf kiezen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const videos = dialog.getByRole('checkbox', { name: "Video's" });
    assert.equal(await videos.evaluate((box) => box.indeterminate && !box.checked), true, 'the category\'s box is mixed');
    const group = dialog.getByRole('group', { name: "Video's" });
    assert.equal(await group.getByRole('checkbox', { name: 'YouTube (met extra privacy)' }).isChecked(), true);
    assert.equal(await group.getByRole('checkbox', { name: 'Vimeo' }).isChecked(), false);
    assert.deepEqual(await axeViolations(page), [], 'the dialog with service boxes');
    await dialog.getByRole('group', { name: 'Analytische cookies' }).getByRole('checkbox', { name: 'Matomo' }).check();
    await dialog.getByRole('button', { name: 'Keuze opslaan' }).click();
    await page.waitForFunction(() => window.fakeAnalyticsRuns?.matomo === 1);
    assert.deepEqual(await page.evaluate(() => ({ ...window.fakeAnalyticsRuns })), { matomo: 1 }, 'Siteimprove stays blocked');
    const cookie = await page.evaluate(() => decodeURIComponent(document.cookie.split('; ').find((pair) => pair.startsWith('demo_services=')).split('=')[1]));
    assert.match(cookie, /\|c\|analytics:0\.media:0\.s--matomo:1\.s--youtube-nocookie:1$/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('embeds.html: a map and a post wait behind placeholders; "Eenmalig laden" draws the map in the same box with focus on it; "Altijd accepteren" loads the post; axe passes', async () => {
    const { context, page, errors } = await openDemo('embeds.html');
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const map = page.locator('#stadhuis-kaart');
    await map.locator('consent-placeholder').waitFor();
    await page.locator('#bericht consent-placeholder').waitFor();
    // Where the map's element is on the page (not in the viewport: the click may scroll).
    const box = () => map.evaluate((element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x: x + scrollX, y: y + scrollY, width, height };
    });
    const before = await box();
    assert.ok(before.height > 100, 'the map\'s element has the size the page gives it');
    assert.deepEqual(await axeViolations(page), [], 'two placeholders and the first layer');

    await page.getByRole('button', { name: 'Eenmalig laden: Kaart: het stadhuis (nepkaart)' }).click();
    await map.locator('.fake-map').waitFor();
    assert.deepEqual(await box(), before, 'the map takes the placeholder\'s box: nothing shifts');
    assert.equal(await map.evaluate((element) => element === document.activeElement), true, 'focus on the map');
    assert.deepEqual(requested.filter((path) => /fake-(maps-api|social-embed)\.js$/.test(path)), ['/demo/fake-maps-api.js'], 'the map only');
    assert.equal(await page.evaluate(() => document.querySelector('consent-banner').consent), null, 'loaded once, nothing stored');

    await page.getByRole('button', { name: 'Altijd accepteren: Sociale media: Bericht van Gemeente Voorbeeld op X (nepbericht)' }).click();
    await page.locator('#bericht .fake-post').waitFor();
    const consent = await page.evaluate(() => document.querySelector('consent-banner').consent.categories);
    assert.deepEqual(consent, { necessary: true, social: true });
    const question = await page.locator('consent-banner section.banner .message').textContent();
    assert.ok(question.includes('Kaarten') && !question.includes('Sociale media'), `the first layer still asks, about maps only: ${question}`);
    assert.deepEqual(await axeViolations(page), [], 'after loading once and allowing always');
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const file of ['dark.html', 'nl-design-system.html']) {
    it(`${file}: axe passes with the choices dialog open and in the confirmation`, async () => {
      const { context, page, errors } = await openDemo(file);
      await page.getByRole('button', { name: 'Zelf kiezen' }).click();
      await page.getByRole('dialog', { name: 'Cookie-instellingen' }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'choices dialog');
      await page.getByRole('button', { name: 'Alle optionele cookies accepteren' }).click();
      await page.getByRole('status').filter({ hasText: 'Uw keuze is opgeslagen.' }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'confirmation');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

describe('the audit demo, /demo/audit.html (issue 14, item 2)', () => {
  it('the panel lists each finding of the page\'s audit, before a choice and after "reject"', async () => {
    const { context, page } = await openDemo('audit.html');
    // The page's own audit module (the same file: the same instance), checked now rather than when its tools' wait is over.
    const check = () => page.evaluate(() => import('/dist/consent-banner.audit.js').then(({ check }) => check()).then(() => {}));
    const listed = () => page.locator('#audit-log li code').allTextContents();
    await check();
    const other = `http://localhost:${new URL(harness.base).port}`;
    const before = [
      'cookie-without-consent (before-choice): _pk_id.9.l34k',
      'undeclared-cookie: fake_visitor',
      'cookie-without-consent (before-choice): fake_visitor',
      `third-party-request (before-choice): ${other}`,
      'unknown-category: statistiek',
      'missing-integration: google-consent-mode',
    ];
    assert.deepEqual((await listed()).sort(), [...before].sort());
    assert.equal(await page.locator('#audit-status').textContent(), '6 meldingen, ook in de console:');
    await page.getByRole('button', { name: 'Analytische cookies weigeren' }).click();
    await page.waitForFunction(() => document.querySelectorAll('#audit-log li').length === 8);
    await check();
    assert.deepEqual((await listed()).slice(6).sort(), ['cookie-without-consent (after-refusal): _pk_id.9.l34k', `third-party-request (after-refusal): ${other}`]);
    assert.equal(await page.locator('#audit-status').textContent(), '8 meldingen, ook in de console:');
    assert.match(await page.locator('#audit-log li').nth(7).textContent(), /after a refusal|was refused/, 'with the message');
    await context.close();
  });
});

describe('the Piwik PRO demo, /demo/piwik-pro.html (issue 14, item 3)', () => {
  const cookieNames = (page) => page.evaluate(() => document.cookie.split('; ').filter(Boolean).map((pair) => pair.split('=')[0]).sort());
  const commands = (page) => page.evaluate(() => window.fakePiwikPro.commands.map(([name, settings]) => [name, settings?.consents?.analytics?.status ?? null]));

  it('accept: the gated container runs the queued grant and the tag fires; withdraw: status 0 and every Piwik PRO cookie gone; reload: only asked', async () => {
    const { context, page, errors } = await openDemo('piwik-pro.html');
    assert.equal(await page.evaluate(() => 'fakePiwikPro' in window || 'ppms' in window), false, 'nothing of Piwik PRO before a choice');
    await page.getByRole('button', { name: 'Analytische cookies accepteren' }).click();
    await page.waitForFunction(() => window.fakePiwikPro?.pageViews === 1 && document.cookie.includes('ppms_privacy_d3m0'));
    assert.deepEqual(await commands(page), [['setComplianceSettings', 1]]);
    assert.deepEqual(await cookieNames(page), ['_pk_id.d3m0.1fff', '_pk_ses.d3m0.1fff', 'demo_piwik', 'ppms_privacy_d3m0', 'stg_last_interaction', 'stg_returning_visitor']);
    assert.match(await page.locator('#integration-log').textContent(), /setComplianceSettings/, 'the panel lists the command');

    await page.getByRole('link', { name: 'Cookie-instellingen' }).click();
    await page.getByRole('button', { name: 'Alle optionele cookies weigeren' }).click();
    await page.waitForFunction(() => window.fakePiwikPro.commands.length === 2 && !document.cookie.includes('ppms_privacy_d3m0'));
    assert.deepEqual(await commands(page), [['setComplianceSettings', 1], ['setComplianceSettings', 0]]);
    assert.deepEqual(await cookieNames(page), ['demo_piwik']);

    await page.getByRole('button', { name: 'Mijn keuze vergeten' }).click();
    await page.getByRole('button', { name: 'Analytische cookies accepteren' }).click();
    await page.waitForFunction(() => document.cookie.includes('ppms_privacy_d3m0'));
    await page.reload();
    await page.waitForFunction(() => window.fakePiwikPro?.commands.length === 1 && window.fakePiwikPro.pageViews === 1);
    await page.evaluate(() => window.fakePiwikPro.idle);
    assert.deepEqual(await commands(page), [['getComplianceSettings', null]], 'a stored grant Piwik PRO still has is not set again');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('the demo frame (issue 12)', () => {
  // demo.js renders the header, navigation and footer links; it is render-blocking
  // (blocking="render"), so the frame is there in the first paint and nothing shifts under the
  // tester's Lighthouse run. The cookie page has its own test (cookie-page.e2e.test.mjs).
  it('renders without a layout shift at 412x823 and 1280x800', async () => {
    for (const [width, height] of [[412, 823], [1280, 800]]) {
      for (const file of ['index.html', 'en.html', 'media.html']) {
        const context = await harness.browser.newContext({ viewport: { width, height } });
        const page = await context.newPage();
        await watchLayoutShift(page);
        await page.goto(`${harness.base}/demo/${file}`);
        await page.locator('#event-log li').first().waitFor();
        await page.waitForTimeout(500);
        assert.equal(await page.evaluate(() => window.layoutShift), 0, `${file} at ${width}x${height}`);
        await context.close();
      }
    }
  });
});

describe('screenshots (test-results/screenshots/, not compared)', () => {
  it('/demo/index.html at 320, 768 and 1280 px wide, and the theme pages, with the first layer', async () => {
    const shots = [
      { file: 'index.html', width: 320, height: 568 },
      { file: 'index.html', width: 768, height: 1024 },
      { file: 'index.html', width: 1280, height: 800 },
      { file: 'dark.html', width: 1280, height: 800 },
      { file: 'dark.html', width: 320, height: 568 },
      { file: 'nl-design-system.html', width: 1280, height: 800 },
      { file: 'nl-design-system.html', width: 320, height: 568 },
    ];
    for (const { file, width, height } of shots) {
      const { context, page } = await openDemo(file, { width, height });
      await page.locator('consent-banner section.banner').waitFor();
      const path = `${SCREENSHOTS}/demo-${file.replace('.html', '')}-${width}.png`;
      await page.screenshot({ path });
      await context.close();
    }
  });
});
