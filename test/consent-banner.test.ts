import './fail-on-errors.js';
import { aTimeout, expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/consent-banner.js';
import { button, checkbox, dialog, dialogOpens, region, shadow } from './banner-harness.js';
import type { ConsentBanner } from '../src/ConsentBanner.js';
import type { ConsentChangeEvent, ConsentReadyEvent } from '../src/events.js';
import { captureConsole, clearCookies, cookieNames, fakeAnalyticsInline, fakeAnalyticsRuns, newPageView } from './helpers.js';

const FAKE_ANALYTICS_URL = '/demo/fake-analytics.js';

/** A page with a banner and an inline and an external gated fake analytics script. */
async function page(attributes = '', extra = ''): Promise<ConsentBanner> {
  newPageView();
  const root = await fixture<HTMLElement>(`<div>
    <consent-banner lang="nl" site-name="Voorbeeld" organisation="het ministerie van Voorbeelden"
      ${attributes.includes('privacy-url') ? '' : 'privacy-url="/privacy"'} ${attributes}>${extra}</consent-banner>
    <main><h1>Pagina</h1><a href="#x" data-consent-open>Cookie-instellingen</a></main>
    <script type="text/plain" data-consent-category="analytics">${fakeAnalyticsInline('inline')}</script>
    <script type="text/plain" data-consent-category="analytics" src="${FAKE_ANALYTICS_URL}"></script>
  </div>`);
  const banner = root.querySelector('consent-banner')!;
  await banner.updateComplete;
  return banner;
}

/** Opens the choices with the first layer's third button. */
async function chooseSettings(banner: ConsentBanner): Promise<HTMLDialogElement> {
  button(banner, 'Zelf kiezen').click();
  return dialogOpens(banner);
}
/** The focused element, inside shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Asserts two elements are the same node. (chai's own `equal` on two different Lit elements
 * can hang the page while it formats the failure, so it compares a boolean and names both.)
 */
function expectSame(actual: Element | null, expected: Element | null): void {
  const name = (element: Element | null) => element?.outerHTML.slice(0, 80) ?? 'null';
  expect(actual === expected, `expected ${name(actual)} to be ${name(expected)}`).to.equal(true);
}

/** Presses Tab until `target` has focus (at most 20 times). */
async function tabTo(target: Element): Promise<void> {
  for (let i = 0; i < 20 && deepActiveElement() !== target; i++) await sendKeys({ press: 'Tab' });
  expectSame(deepActiveElement(), target);
}

describe('<consent-banner>', () => {
  beforeEach(() => {
    clearCookies();
    window.fakeAnalyticsRuns = {};
  });

  describe('first visit', () => {
    it('updateComplete, awaited right after inserting the element, resolves with the question rendered', async () => {
      newPageView();
      const banner = document.createElement('consent-banner');
      banner.setAttribute('privacy-url', '/privacy');
      banner.lang = 'nl';
      document.body.append(banner);
      try {
        await banner.updateComplete;
        expect(region(banner)).to.exist;
        expect(button(banner, 'Analytische cookies accepteren')).to.exist;
      } finally {
        banner.remove();
      }
    });

    it('shows a named region with an h2 and data-nosnippet, in the element\'s language (A1, A14)', async () => {
      const banner = await page();
      const section = region(banner)!;
      expect(section.getAttribute('aria-label')).to.equal('Cookiemelding');
      expect(section.hasAttribute('data-nosnippet')).to.equal(true);
      expect(section.getAttribute('lang')).to.equal('nl');
      expect(section.querySelector('h2')!.textContent).to.equal('Cookies op Voorbeeld');
      expect(section.getAttribute('role')).to.equal(null);
      expect(section.querySelector('[role="alert"]')).to.equal(null);
    });

    it('runs no gated script and writes no cookie before a choice (L1)', async () => {
      await page();
      await aTimeout(50);
      expect(fakeAnalyticsRuns('inline')).to.equal(0);
      expect(fakeAnalyticsRuns('external')).to.equal(0);
      expect(document.cookie).to.equal('');
    });

    it('names the organisation, asks permission, says each purpose, links the statement and says how to change later (L9)', async () => {
      const banner = await page();
      const text = region(banner)!.textContent!.replace(/\s+/g, ' ');
      // The organisation as written in a sentence ("het ministerie …"), with a capital to start one.
      expect(text).to.contain('Het ministerie van Voorbeelden gebruikt noodzakelijke cookies');
      expect(text).to.contain('We willen ook graag deze cookies gebruiken. Vindt u dat goed? Analytische cookies.');
      expect(text).to.contain('U kunt uw keuze later altijd wijzigen.');
      const link = region(banner)!.querySelector('a')!;
      expect(link.getAttribute('href')).to.equal(new URL('/privacy', location.href).href);
      expect(link.textContent).to.equal('Lees de cookieverklaring van het ministerie van Voorbeelden');
    });

    it('offers accept and reject as native buttons with neutral labels, and a third to choose (L2, L4)', async () => {
      const banner = await page();
      const labels = [...region(banner)!.querySelectorAll('button')].map((b) => b.textContent!.trim());
      expect(labels).to.deep.equal(['Analytische cookies accepteren', 'Analytische cookies weigeren', 'Zelf kiezen']);
    });

    it('gives accept and reject identical computed styles, and focuses neither (L3, A19)', async () => {
      const banner = await page();
      const accept = button(banner, 'Analytische cookies accepteren');
      const reject = button(banner, 'Analytische cookies weigeren');
      const properties = ['font', 'padding', 'color', 'background-color', 'border', 'border-radius', 'width', 'height', 'min-height'];
      const style = (element: Element) => properties.map((p) => getComputedStyle(element).getPropertyValue(p));
      expect(style(accept)).to.deep.equal(style(reject));
      expect(deepActiveElement() === accept || deepActiveElement() === reject).to.equal(false);
    });

    it('is not modal and leaves the page usable (L16, A4)', async () => {
      const banner = await page();
      expect(region(banner)!.getAttribute('aria-modal')).to.equal(null);
      expect(document.querySelector('[inert]')).to.equal(null);
      expect(dialog(banner)?.open ?? false).to.equal(false);
    });

    it('fires consent-ready once, saying no decision exists (I1)', async () => {
      const ready = oneEvent(document, 'consent-ready') as Promise<ConsentReadyEvent>;
      const banner = await page();
      const { detail } = await ready;
      expect(detail).to.deep.equal({
        decided: false,
        categories: { necessary: true, analytics: false },
        services: {},
        method: null,
        policyVersion: '1',
        decidedAt: null,
      });
      let again = 0;
      document.addEventListener('consent-ready', () => again++, { once: true });
      const container = banner.parentElement!;
      banner.remove();
      container.append(banner);
      await banner.updateComplete;
      expect(again).to.equal(0);
    });

    it('is accessible (axe) while asking', async () => {
      const banner = await page();
      await expect(banner).to.be.accessible();
    });

    it('uses the nearest ancestor\'s language when the element has none (A14)', async () => {
      const root = await fixture<HTMLElement>(`<div lang="en-GB"><consent-banner site-name="Example" privacy-url="/p"></consent-banner></div>`);
      const banner = root.querySelector('consent-banner')!;
      await banner.updateComplete;
      expect(region(banner)!.getAttribute('aria-label')).to.equal('Cookie banner');
      expect(region(banner)!.getAttribute('lang')).to.equal('en');
      expect(button(banner, 'Accept analytics cookies')).to.exist;
      expect(button(banner, 'Reject analytics cookies')).to.exist;
    });
  });

  describe('accepting', () => {
    it('runs each gated script exactly once and stores the choice (I2, L15)', async () => {
      const banner = await page();
      const change = oneEvent(banner, 'consent-change') as Promise<ConsentChangeEvent>;
      button(banner, 'Analytische cookies accepteren').click();
      const { detail } = await change;
      expect(detail.decided).to.equal(true);
      expect(detail.method).to.equal('accept-all');
      expect(detail.categories).to.deep.equal({ necessary: true, analytics: true });
      await waitUntil(() => fakeAnalyticsRuns('external') === 1);
      expect(fakeAnalyticsRuns('inline')).to.equal(1);
      banner.acceptAll();
      await aTimeout(50);
      expect(fakeAnalyticsRuns('inline')).to.equal(1);
      expect(fakeAnalyticsRuns('external')).to.equal(1);
      expect(cookieNames()).to.deep.equal(['consent_banner']);
      expect(banner.consent?.categories.analytics).to.equal(true);
      expect(banner.hasConsent('analytics')).to.equal(true);
    });

    it('says the confirmation once, in a live region that was there before it, and focuses its hide button (A5, A13)', async () => {
      const banner = await page();
      // The live region is in the first layer from the start, empty while the question shows.
      const status = region(banner)!.querySelector<HTMLElement>('[role="status"]')!;
      expect(status.textContent!.trim()).to.equal('');
      expect(status.getBoundingClientRect().height).to.equal(0);
      button(banner, 'Analytische cookies accepteren').click();
      await banner.updateComplete;
      const confirmation = shadow(banner).querySelector<HTMLElement>('.confirmation')!;
      expectSame(confirmation, status);
      // One mechanism: no alert, and the focused element is a control, not the message again.
      expect(shadow(banner).querySelector('[role="alert"]')).to.equal(null);
      expect(confirmation.hasAttribute('tabindex')).to.equal(false);
      expectSame(deepActiveElement(), button(banner, 'Cookiemelding verbergen'));
      expect(confirmation.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        'Uw keuze is opgeslagen. U heeft analytische cookies geaccepteerd. U kunt dit altijd wijzigen via Cookie-instellingen.',
      );
      expect(region(banner)!.querySelector('button')).to.exist;
      await expect(banner).to.be.accessible();
    });

    it('hides the confirmation and moves focus to the main content, not to body (A5)', async () => {
      const banner = await page();
      button(banner, 'Analytische cookies accepteren').click();
      await banner.updateComplete;
      button(banner, 'Cookiemelding verbergen').click();
      await banner.updateComplete;
      expect(region(banner)).to.equal(null);
      expect(document.activeElement?.tagName).to.equal('MAIN');
    });

    it('after hide, does not send focus to an opener whose dialog closed without a choice (A5)', async () => {
      const banner = await page();
      const opener = banner.parentElement!.querySelector<HTMLElement>('[data-consent-open]')!;
      opener.click();
      await dialogOpens(banner);
      await sendKeys({ press: 'Escape' });
      button(banner, 'Analytische cookies weigeren').click();
      await banner.updateComplete;
      button(banner, 'Cookiemelding verbergen').click();
      expect(document.activeElement?.tagName).to.equal('MAIN');
    });

    it('after hide, returns focus to the opener of the dialog the choice came from (A5)', async () => {
      const banner = await page();
      const opener = banner.parentElement!.querySelector<HTMLElement>('[data-consent-open]')!;
      opener.click();
      await dialogOpens(banner);
      button(banner, 'Alle optionele cookies weigeren').click();
      await banner.updateComplete;
      button(banner, 'Cookiemelding verbergen').click();
      expectSame(document.activeElement, opener);
    });

    it('a returning visitor\'s choice from an opener: the new confirmation region comes empty, its words a moment later (A5)', async () => {
      (await page()).rejectAll();
      const banner = await page();
      expect(region(banner)).to.equal(null);
      const opener = banner.parentElement!.querySelector<HTMLElement>('[data-consent-open]')!;
      opener.click();
      await dialogOpens(banner);
      let focusedOpener = false;
      const onFocus = () => (focusedOpener = document.activeElement === opener);
      opener.addEventListener('focus', () => requestAnimationFrame(onFocus), { once: true });
      button(banner, 'Alle optionele cookies accepteren').click();
      await banner.updateComplete;
      const status = region(banner)!.querySelector<HTMLElement>('[role="status"]')!;
      // A region that arrives with its words is often not announced: they follow it.
      expect(status.textContent!.trim()).to.equal('');
      expectSame(deepActiveElement(), button(banner, 'Cookiemelding verbergen'));
      await waitUntil(() => status.textContent!.includes('U heeft analytische cookies geaccepteerd.'), 'the words arrive');
      expectSame(region(banner)!.querySelector('[role="status"]'), status);
      expect(focusedOpener, 'focus never rests on the opener after the choice').to.equal(false);
    });

    it('says which categories a custom choice allowed and refused', async () => {
      const config = `<script type="application/json">{"categories":[{"id":"media","label":"Video's","description":"Video's van YouTube.","cookies":[]}]}</script>`;
      const banner = await page('', config);
      await chooseSettings(banner);
      checkbox(banner, 'media').click();
      button(banner, 'Keuze opslaan').click();
      await banner.updateComplete;
      expect(shadow(banner).querySelector('.confirmation')!.textContent).to.contain(
        "U heeft geaccepteerd: Video's. U heeft geweigerd: Analytische cookies.",
      );
    });

    it('resolves whenGranted on the decision, and at once afterwards (I1)', async () => {
      const banner = await page();
      let resolved = false;
      const granted = banner.whenGranted('analytics').then(() => (resolved = true));
      await aTimeout(10);
      expect(resolved).to.equal(false);
      banner.acceptAll();
      await granted;
      expect(resolved).to.equal(true);
      await banner.whenGranted('analytics');
    });
  });

  describe('rejecting', () => {
    it('runs nothing and remembers the refusal (L6, L14)', async () => {
      const banner = await page();
      button(banner, 'Analytische cookies weigeren').click();
      await banner.updateComplete;
      await aTimeout(50);
      expect(fakeAnalyticsRuns('inline')).to.equal(0);
      expect(fakeAnalyticsRuns('external')).to.equal(0);
      expect(banner.consent?.method).to.equal('reject-all');
      expect(banner.consent?.categories.analytics).to.equal(false);
      expect(document.cookie).to.match(/^consent_banner=1\|1\|[0-9a-z]+\|r\|analytics:0$/);
      expect(shadow(banner).querySelector('.confirmation')!.textContent).to.contain('U heeft analytische cookies geweigerd.');
    });

    it('never grants by Escape or waiting (L6)', async () => {
      const banner = await page();
      button(banner, 'Zelf kiezen').focus();
      await sendKeys({ press: 'Escape' });
      await aTimeout(50);
      expect(banner.consent).to.equal(null);
      expect(region(banner)).to.exist;
    });
  });

  describe('a later page view', () => {
    it('restores an acceptance without showing the banner and runs the gated scripts (I1, I2)', async () => {
      (await page()).acceptAll();
      await waitUntil(() => fakeAnalyticsRuns('external') === 1);
      window.fakeAnalyticsRuns = {};
      const ready = oneEvent(document, 'consent-ready') as Promise<ConsentReadyEvent>;
      const banner = await page();
      expect((await ready).detail.decided).to.equal(true);
      expect(region(banner)).to.equal(null);
      await waitUntil(() => fakeAnalyticsRuns('external') === 1);
      expect(fakeAnalyticsRuns('inline')).to.equal(1);
    });

    it('starts the gated scripts without rendering anything: its shadow root stays empty, with no styles', async () => {
      (await page()).acceptAll();
      const probe = `<script type="text/plain" data-consent-category="analytics">
        document.body.dataset.shadowAtActivation = String(document.querySelector('consent-banner')?.shadowRoot?.childNodes.length);
      </script>`;
      const banner = await page('', probe);
      expect(document.body.dataset.shadowAtActivation).to.equal('0');
      await banner.updateComplete;
      expect(shadow(banner).childNodes.length).to.equal(0);
      expect(shadow(banner).adoptedStyleSheets.length).to.equal(0);
      delete document.body.dataset.shadowAtActivation;
    });

    it('restores a refusal without showing the banner', async () => {
      (await page()).rejectAll();
      const banner = await page();
      expect(region(banner)).to.equal(null);
      await aTimeout(50);
      expect(fakeAnalyticsRuns('inline')).to.equal(0);
    });

    it('asks again when policy-version changes (L14)', async () => {
      (await page('policy-version="2026-01"')).acceptAll();
      const banner = await page('policy-version="2026-02"');
      expect(region(banner)).to.exist;
      expect(banner.consent).to.equal(null);
      await aTimeout(50);
      expect(fakeAnalyticsRuns('inline')).to.equal(1);
    });

    const mediaConfig = `<script type="application/json">{"categories":[{"id":"media","label":"Video","description":"Video's van YouTube.","cookies":[{"name":"VISITOR_INFO1_LIVE","purpose":"YouTube","lifetime":"6 maanden"}]}]}</script>`;

    it('asks again about a category that appears, and only about that one: the earlier choice holds (L14)', async () => {
      (await page()).acceptAll();
      const banner = await page('', mediaConfig);
      expect(region(banner)).to.exist;
      expect(banner.consent?.categories).to.deep.equal({ necessary: true, analytics: true });
      expect(banner.hasConsent('analytics')).to.equal(true);
      expect(banner.hasConsent('media')).to.equal(false);
      const text = shadow(banner).querySelector('.message')!.textContent!;
      expect(text).to.contain('Video.');
      expect(text).to.not.contain('Analytische cookies.');
    });

    it('its first layer answers the new category only: a refusal keeps the earlier grant (L14)', async () => {
      (await page()).acceptAll();
      const banner = await page('', mediaConfig);
      const changed = oneEvent(banner, 'consent-change');
      button(banner, 'Alle optionele cookies weigeren').click();
      const { detail } = await changed;
      expect(detail.categories).to.deep.equal({ necessary: true, analytics: true, media: false });
      expect(detail.decided).to.equal(true);
      expect(detail.method).to.equal('custom');
      await banner.updateComplete;
      expect(shadow(banner).querySelector('.confirmation')!.textContent).to.contain('U heeft geweigerd: Video.');
      expect(shadow(banner).querySelector('.confirmation')!.textContent).to.not.contain('toegestaan');
    });
  });

  describe('gated elements (I2)', () => {
    it('activates templates, iframes and module scripts in document order, keeping attributes', async () => {
      const root = await fixture<HTMLElement>(`<div>
        <consent-banner lang="nl" privacy-url="/p"></consent-banner>
        <template data-consent-category="analytics"><p class="from-template">geladen</p></template>
        <iframe data-consent-category="analytics" data-src="/demo/fake-video.html#video" title="Video"></iframe>
        <script type="text/plain" data-consent-category="analytics" data-type="module">${fakeAnalyticsInline('module')}</script>
        <script type="text/plain" data-consent-category="analytics" src="${FAKE_ANALYTICS_URL}" async
          crossorigin="anonymous" referrerpolicy="no-referrer" data-label="attributes"></script>
      </div>`);
      const banner = root.querySelector('consent-banner')!;
      const iframe = root.querySelector('iframe')!;
      expect(root.querySelector('.from-template')).to.equal(null);
      expect(iframe.getAttribute('src')).to.equal(null);
      banner.acceptAll();
      expect(root.querySelector('.from-template')).to.exist;
      expect(iframe.getAttribute('src')).to.equal("/demo/fake-video.html#video");
      const scripts = [...root.querySelectorAll('script')];
      expect(scripts.map((s) => s.type)).to.deep.equal(['module', '']);
      expect(scripts[1].async).to.equal(true);
      expect(scripts[1].crossOrigin).to.equal('anonymous');
      expect(scripts[1].referrerPolicy).to.equal('no-referrer');
      await waitUntil(() => fakeAnalyticsRuns('module') === 1 && fakeAnalyticsRuns('attributes') === 1);
    });

    it('keeps document order for external scripts that are not async', async () => {
      const root = await fixture<HTMLElement>(`<div>
        <consent-banner lang="nl" privacy-url="/p"></consent-banner>
        <script type="text/plain" data-consent-category="analytics" src="${FAKE_ANALYTICS_URL}"></script>
      </div>`);
      root.querySelector('consent-banner')!.acceptAll();
      expect(root.querySelector('script')!.async).to.equal(false);
    });

    it('activates elements added after the decision, once', async () => {
      const banner = await page();
      banner.acceptAll();
      const late = document.createElement('div');
      late.innerHTML = `<script type="text/plain" data-consent-category="analytics" src="${FAKE_ANALYTICS_URL}" data-label="late"></script>`;
      banner.parentElement!.append(late);
      await waitUntil(() => fakeAnalyticsRuns('late') === 1);
      late.remove();
      banner.parentElement!.append(late);
      await aTimeout(50);
      expect(fakeAnalyticsRuns('late')).to.equal(1);
    });

    it('never runs an element twice: re-attached banner, second banner', async () => {
      const banner = await page();
      banner.acceptAll();
      const container = banner.parentElement!;
      banner.remove();
      container.prepend(banner);
      const second = document.createElement('consent-banner');
      container.append(second);
      await second.updateComplete;
      second.acceptAll();
      await waitUntil(() => fakeAnalyticsRuns('external') === 1);
      await aTimeout(50);
      expect(fakeAnalyticsRuns('inline')).to.equal(1);
      expect(fakeAnalyticsRuns('external')).to.equal(1);
    });

    it('leaves elements of other categories alone', async () => {
      const root = await fixture<HTMLElement>(`<div>
        <consent-banner lang="nl" privacy-url="/p"></consent-banner>
        <script type="text/plain" data-consent-category="marketing">${fakeAnalyticsInline('marketing')}</script>
      </div>`);
      root.querySelector('consent-banner')!.acceptAll();
      await aTimeout(20);
      expect(fakeAnalyticsRuns('marketing')).to.equal(0);
    });
  });

  describe('choices dialog (L5, L10, A8)', () => {
    it('is a native modal dialog named by its heading, with unticked boxes and necessary always on', async () => {
      const banner = await page();
      const box = await chooseSettings(banner);
      expect(box.open).to.equal(true);
      expect(box.matches(':modal')).to.equal(true);
      expect(box.getAttribute('aria-labelledby')).to.equal('title');
      expect(shadow(banner).getElementById('title')!.textContent).to.equal('Cookie-instellingen');
      expect(checkbox(banner, 'analytics').checked).to.equal(false);
      expect(box.querySelector('fieldset legend')!.textContent).to.equal('Optionele cookies');
      expect(checkbox(banner, 'analytics').closest('label')!.textContent!.trim()).to.equal('Analytische cookies');
      expect(box.querySelector('.always-on')!.textContent).to.equal('Noodzakelijke cookies: altijd actief');
      expect(box.querySelector('input[name="necessary"]')).to.equal(null);
      await expect(banner).to.be.accessible();
    });

    it('lists every category\'s cookies in a table with a caption, necessary included (L8)', async () => {
      const banner = await page('max-age-days="100"');
      await banner.showPreferences();
      const rows = (caption: string) => {
        const table = [...dialog(banner)!.querySelectorAll('table')].find((t) => t.caption?.textContent === caption)!;
        return [...table.rows].map((row) => [...row.cells].map((cell) => cell.textContent!.trim()));
      };
      expect(rows('Noodzakelijke cookies op deze website')).to.deep.equal([
        ['Naam', 'Doel', 'Bewaartermijn'],
        ['consent_banner', 'Onthoudt uw cookiekeuze.', '100 dagen'],
      ]);
      expect(rows('Analytische cookies op deze website').map(([name]) => name)).to.deep.equal(['Naam', '_pk_id.*', '_pk_ses.*', '_pk_ref.*']);
    });

    it('saves a custom choice', async () => {
      const banner = await page();
      await chooseSettings(banner);
      checkbox(banner, 'analytics').click();
      button(banner, 'Keuze opslaan').click();
      await banner.updateComplete;
      expect(dialog(banner)!.open).to.equal(false);
      expect(banner.consent?.method).to.equal('custom');
      expect(banner.consent?.categories.analytics).to.equal(true);
      expectSame(deepActiveElement(), button(banner, 'Cookiemelding verbergen'));
    });

    it('offers accept all and reject all with equal styles', async () => {
      const banner = await page();
      await chooseSettings(banner);
      const accept = button(banner, 'Alle optionele cookies accepteren');
      const reject = button(banner, 'Alle optionele cookies weigeren');
      expect(getComputedStyle(accept).backgroundColor).to.equal(getComputedStyle(reject).backgroundColor);
      expect(accept.getBoundingClientRect().height).to.equal(reject.getBoundingClientRect().height);
      reject.click();
      expect(banner.consent?.method).to.equal('reject-all');
    });

    it('closes on Escape without changing consent and returns focus to the opener (A8)', async () => {
      const banner = await page();
      const opener = banner.parentElement!.querySelector<HTMLElement>('[data-consent-open]')!;
      opener.focus();
      await sendKeys({ press: 'Enter' });
      await dialogOpens(banner);
      await sendKeys({ press: 'Escape' });
      expect(dialog(banner)!.open).to.equal(false);
      expect(banner.consent).to.equal(null);
      expectSame(document.activeElement, opener);
    });

    it('closes with its close button without changing consent, for those without Esc (A8)', async () => {
      const banner = await page();
      const opener = banner.parentElement!.querySelector<HTMLElement>('[data-consent-open]')!;
      opener.focus();
      opener.click();
      await dialogOpens(banner);
      checkbox(banner, 'analytics').click();
      button(banner, 'Sluiten zonder te wijzigen').click();
      expect(dialog(banner)!.open).to.equal(false);
      expect(banner.consent).to.equal(null);
      expectSame(document.activeElement, opener);
    });

    it('opens from any data-consent-open element with the current state (L11)', async () => {
      const banner = await page();
      banner.acceptAll();
      const opener = banner.parentElement!.querySelector<HTMLElement>('[data-consent-open]')!;
      const click = new MouseEvent('click', { bubbles: true, cancelable: true });
      opener.dispatchEvent(click);
      expect(click.defaultPrevented).to.equal(true);
      await dialogOpens(banner);
      expect(checkbox(banner, 'analytics').checked).to.equal(true);
    });
  });

  describe('withdrawal (L11, L12)', () => {
    it('deletes the category\'s cookies by name and prefix and fires consent-change', async () => {
      const banner = await page();
      banner.acceptAll();
      document.cookie = '_pk_id.1.abc=visitor; Path=/';
      document.cookie = '_pk_ses.1.abc=1; Path=/';
      document.cookie = '_ga=GA1.1.123; Path=/';
      document.cookie = 'site_preference=keep; Path=/';
      banner.parentElement!.querySelector<HTMLElement>('[data-consent-open]')!.click();
      await dialogOpens(banner);
      checkbox(banner, 'analytics').click();
      const change = oneEvent(banner, 'consent-change') as Promise<ConsentChangeEvent>;
      button(banner, 'Keuze opslaan').click();
      const { detail } = await change;
      expect(detail.categories.analytics).to.equal(false);
      expect(cookieNames().sort()).to.deep.equal(['consent_banner', 'site_preference']);
      expect(banner.hasConsent('analytics')).to.equal(false);
    });

    it('reset() forgets the decision, deletes optional cookies and asks again', async () => {
      const banner = await page();
      banner.acceptAll();
      document.cookie = '_pk_id.1.abc=visitor; Path=/';
      const change = oneEvent(banner, 'consent-change') as Promise<ConsentChangeEvent>;
      banner.reset();
      expect((await change).detail.decided).to.equal(false);
      await banner.updateComplete;
      expect(cookieNames()).to.deep.equal([]);
      expect(region(banner)!.querySelector('h2')).to.exist;
      expect(banner.consent).to.equal(null);
    });
  });

  describe('keyboard only (A3)', () => {
    it('accepts with Tab and Enter', async () => {
      const banner = await page();
      await tabTo(button(banner, 'Analytische cookies accepteren'));
      await sendKeys({ press: 'Enter' });
      expect(banner.consent?.method).to.equal('accept-all');
    });

    it('rejects with Tab and Space', async () => {
      const banner = await page();
      await tabTo(button(banner, 'Analytische cookies weigeren'));
      await sendKeys({ press: 'Space' });
      expect(banner.consent?.method).to.equal('reject-all');
    });

    it('chooses and saves in the dialog', async () => {
      const banner = await page();
      await tabTo(button(banner, 'Zelf kiezen'));
      await sendKeys({ press: 'Enter' });
      await dialogOpens(banner);
      await tabTo(checkbox(banner, 'analytics'));
      await sendKeys({ press: 'Space' });
      await tabTo(button(banner, 'Keuze opslaan'));
      await sendKeys({ press: 'Enter' });
      await banner.updateComplete;
      expect(banner.consent?.categories.analytics).to.equal(true);
      expectSame(deepActiveElement(), button(banner, 'Cookiemelding verbergen'));
      await sendKeys({ press: 'Enter' });
      await banner.updateComplete;
      expect(document.activeElement?.tagName).to.equal('MAIN');
    });
  });

  describe('layout (A7, A20)', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('never hides a focused link behind its own buttons at 320x568 (WCAG 2.4.11)', async () => {
      await setViewport({ width: 320, height: 568 });
      const banner = await page();
      const link = region(banner)!.querySelector('a')!;
      await tabTo(link);
      // The centre of every line box of the (wrapping) link is the link itself: nothing covers it.
      for (const box of link.getClientRects()) {
        expectSame(shadow(banner).elementFromPoint(box.left + box.width / 2, box.top + box.height / 2), link);
      }
      for (const label of ['Analytische cookies accepteren', 'Analytische cookies weigeren', 'Zelf kiezen']) {
        const rect = button(banner, label).getBoundingClientRect();
        expect(rect.bottom, label).to.be.at.most(568);
        expect(rect.top, label).to.be.at.least(0);
      }
    });

    it('reserves the space again when moved while showing', async () => {
      const banner = await page();
      await waitUntil(() => document.body.style.paddingBottom !== '');
      const container = banner.parentElement!;
      banner.remove();
      expect(document.body.style.paddingBottom).to.equal('');
      container.prepend(banner);
      await waitUntil(() => document.body.style.paddingBottom !== '');
    });

    it('keeps focus out from under the fixed banner with scroll-padding while it shows', async () => {
      const banner = await page();
      await waitUntil(() => document.documentElement.style.scrollPaddingBottom !== '');
      const height = region(banner)!.offsetHeight;
      expect(document.documentElement.style.scrollPaddingBottom).to.equal(`${height}px`);
      expect(parseFloat(document.body.style.paddingBottom)).to.be.at.least(height);
      banner.rejectAll();
      await banner.updateComplete;
      button(banner, 'Cookiemelding verbergen').click();
      await banner.updateComplete;
      expect(document.documentElement.style.scrollPaddingBottom).to.equal('');
      expect(document.body.style.paddingBottom).to.equal('');
    });

    it('does not move page content when it appears (fixed, not in flow)', async () => {
      const root = await fixture<HTMLElement>(`<div><p id="before">Tekst</p><consent-banner lang="nl" privacy-url="/p"></consent-banner><p id="after">Tekst</p></div>`);
      const banner = root.querySelector('consent-banner')!;
      await banner.updateComplete;
      expect(getComputedStyle(region(banner)!).position).to.equal('fixed');
      expect(banner.getBoundingClientRect().height).to.equal(0);
    });

    it('with placement="top" sits in the page flow, all its text shown, and keeps no room at the end of the page', async () => {
      const root = await fixture<HTMLElement>(`<div><consent-banner lang="nl" privacy-url="/p" placement="top"></consent-banner><p id="after">Tekst</p></div>`);
      const banner = root.querySelector('consent-banner')!;
      await banner.updateComplete;
      const section = region(banner)!;
      expect(getComputedStyle(section).position).to.equal('static');
      const message = section.querySelector('.message')!;
      expect(message.scrollHeight).to.be.at.most(message.clientHeight + 1);
      expect(root.querySelector('#after')!.getBoundingClientRect().top).to.be.at.least(section.getBoundingClientRect().bottom);
      await aTimeout(50);
      expect(document.body.style.paddingBottom).to.equal('');
      expect(document.documentElement.style.scrollPaddingBottom).to.equal('');
      // Back to the bottom: fixed again, and the room comes back.
      banner.placement = 'bottom';
      await banner.updateComplete;
      expect(getComputedStyle(region(banner)!).position).to.equal('fixed');
      await waitUntil(() => document.body.style.paddingBottom !== '', 'room at the end of the page');
    });

    it('reports a placement it does not know once and sits at the bottom', async () => {
      const errors = await captureConsole('error', async () => {
        const banner = await page('placement="left"');
        expect(getComputedStyle(region(banner)!).position).to.equal('fixed');
        banner.requestUpdate();
        await banner.updateComplete;
        // Removing the attribute is no mistake: the default, quietly.
        banner.removeAttribute('placement');
        await banner.updateComplete;
        expect(getComputedStyle(region(banner)!).position).to.equal('fixed');
      });
      expect(errors).to.deep.equal(['<consent-banner>: placement must be "bottom" or "top"; got "left". Using "bottom".']);
    });
  });

  describe('configuration', () => {
    it('renders heading-level 3 as a level-3 heading, and an out-of-range level as h2 (A1)', async () => {
      const three = await page('heading-level="3"');
      const heading = region(three)!.querySelector('[role="heading"]')!;
      expect(heading.getAttribute('aria-level')).to.equal('3');
      const nine = await page('heading-level="9"');
      expect(region(nine)!.querySelector('h2')).to.exist;
    });

    it('adds categories from a JSON child, with texts per language (L8)', async () => {
      const config = `<script type="application/json">{"categories":[{"id":"media","label":{"nl":"Video's","en":"Videos"},"description":{"nl":"Video's van YouTube.","en":"Videos from YouTube."},"cookies":[{"name":"VISITOR_INFO1_LIVE","purpose":"YouTube","lifetime":{"nl":"6 maanden","en":"6 months"}}]}]}</script>`;
      const banner = await page('', config);
      expect(button(banner, 'Alle optionele cookies accepteren')).to.exist;
      await banner.showPreferences();
      expect(checkbox(banner, 'media').checked).to.equal(false);
      expect(dialog(banner)!.textContent).to.contain("Video's van YouTube.");
      banner.save({ media: true });
      expect(banner.consent?.categories).to.deep.equal({ necessary: true, analytics: false, media: true });
    });

    it('grant() of a name that is no optional configured category: one console error, no consent, the question stays', async () => {
      const banner = await page();
      for (const name of ['necessary', 'media', 'toString']) {
        const errors = await captureConsole('error', () => banner.grant(name));
        expect(errors, name).to.have.length(1);
        expect(errors[0]).to.contain('grant');
      }
      expect(banner.consent).to.equal(null);
      expect(document.cookie).to.equal('');
      await banner.updateComplete;
      expect(button(banner, 'Analytische cookies accepteren')).to.exist;
    });

    it('reports unparseable JSON once and keeps working with the defaults', async () => {
      let banner: ConsentBanner | undefined;
      const errors = await captureConsole('error', async () => {
        banner = await page('', '<script type="application/json">{ nope</script>');
      });
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain('JSON');
      expect(button(banner!, 'Analytische cookies accepteren')).to.exist;
    });

    it('refuses max-age-days above 395 with one console error (L14)', async () => {
      let banner: ConsentBanner | undefined;
      const errors = await captureConsole('error', async () => {
        banner = await page('max-age-days="400"');
      });
      expect(errors).to.have.length(1);
      banner!.acceptAll();
      const written = banner!.consent!;
      expect(written.method).to.equal('accept-all');
    });

    it('refuses a privacy-url that is not http(s) with one console error, leaving the link out', async () => {
      let banner: ConsentBanner | undefined;
      const errors = await captureConsole('error', async () => {
        banner = await page('privacy-url="javascript:alert(1)"');
      });
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain('privacy-url');
      expect(region(banner!)!.querySelector('a')).to.equal(null);
    });

    it('takes a config property set after it is on the page', async () => {
      const banner = await page();
      banner.config = {
        categories: [{ id: 'media', label: 'Video', description: 'Video.', cookies: [] }],
      };
      await banner.showPreferences();
      expect(checkbox(banner, 'media')).to.exist;
    });

    it('keeps properties set before the element was defined, over its attributes (as Lit did)', async () => {
      newPageView();
      // An element made where <consent-banner> is not defined (a framework's or a CMS's markup before
      // the bundle ran) upgrades when it joins this page.
      const inert = document.implementation.createHTMLDocument('').createElement('consent-banner') as ConsentBanner;
      inert.setAttribute('privacy-url', '/privacy');
      inert.setAttribute('policy-version', '1');
      inert.setAttribute('heading-level', '4');
      Object.assign(inert, { policyVersion: '2026-12', headingLevel: 3 });
      const root = await fixture<HTMLElement>('<div></div>');
      root.append(document.adoptNode(inert));
      const banner = root.querySelector('consent-banner')!;
      expect(banner).to.be.instanceOf(customElements.get('consent-banner')!);
      await banner.updateComplete;
      expect(banner.policyVersion).to.equal('2026-12');
      expect(banner.headingLevel).to.equal(3);
      expect(region(banner)!.querySelector('[aria-level="3"]')).to.exist;
      banner.acceptAll();
      expect(document.cookie).to.contain('|2026-12|');
      // An attribute set after the upgrade counts again.
      banner.setAttribute('policy-version', '3');
      expect(banner.policyVersion).to.equal('3');
    });

    it('counts an attribute set after an upgrade that happened before the element joined the page', async () => {
      newPageView();
      const inert = document.implementation.createHTMLDocument('').createElement('consent-banner') as ConsentBanner;
      inert.setAttribute('policy-version', '1');
      Object.assign(inert, { policyVersion: '2026-12' });
      const adopted = document.adoptNode(inert);
      customElements.upgrade(adopted);
      expect(adopted.policyVersion).to.equal('2026-12');
      await Promise.resolve();
      adopted.setAttribute('policy-version', '3');
      const root = await fixture<HTMLElement>('<div></div>');
      root.append(adopted);
      await adopted.updateComplete;
      expect(adopted.policyVersion).to.equal('3');
    });
  });
});
