import '../fail-on-errors.js';
import { expect, fixture, fixtureCleanup, waitUntil } from '@open-wc/testing';
import '../../src/consent-banner.js';
import type { ConsentBanner } from '../../src/ConsentBanner.js';
import type { ConsentPreferences } from '../../src/ui/ConsentPreferences.js';
import { renderPreferencesFallback } from '../../src/server.js';
import { captureConsole, clearCookies } from '../helpers.js';

/** A category beyond the defaults, with a cookie whose texts are configured, so the tables show configured and built-in rows. */
const CONFIG = {
  categories: [
    {
      id: 'media',
      label: { nl: "Video's", en: 'Videos' },
      description: { nl: "Video's van YouTube tonen.", en: 'Show videos from YouTube.' },
      cookies: [{ name: 'VISITOR_INFO1_LIVE', purpose: { nl: 'Onthoudt uw videovoorkeuren.', en: 'Remembers your video settings.' }, lifetime: { nl: '6 maanden', en: '6 months' } }],
    },
  ],
};

/**
 * The site's cookie page: the banner of every page (with `config`), and the choices inline
 * (A17) with the content for visitors without JavaScript, made from the same configuration.
 */
async function cookiePage({ lang = 'nl', config = CONFIG as unknown } = {}): Promise<{ banner: ConsentBanner; preferences: ConsentPreferences }> {
  const root = await fixture<HTMLElement>(`<div lang="${lang}">
    <consent-banner privacy-url="/cookies" organisation="de gemeente Voorbeeld"><script type="application/json">${JSON.stringify(config)}</script></consent-banner>
    <main><h1>Cookies</h1><consent-preferences>${renderPreferencesFallback({ lang, config })}</consent-preferences></main>
  </div>`);
  const banner = root.querySelector('consent-banner')!;
  const preferences = root.querySelector('consent-preferences')!;
  await banner.updateComplete;
  // The banner loads the element's code when the page has one.
  await customElements.whenDefined('consent-preferences');
  await waitUntil(() => preferences.shadowRoot?.querySelector('input'), 'the choices render');
  return { banner, preferences };
}
const box = (preferences: ConsentPreferences, id: string) =>
  preferences.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${id}"]`)!;
const buttonNamed = (preferences: ConsentPreferences, text: string) =>
  [...preferences.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;
const savedMessage = (preferences: ConsentPreferences) => preferences.shadowRoot!.querySelector<HTMLElement>('.saved');
const liveRegion = (preferences: ConsentPreferences) => preferences.shadowRoot!.querySelector<HTMLElement>('[role="status"]');
const words = (element: Element) => element.textContent!.replace(/\s+/g, ' ').trim();
/** Each table as its caption and rows of cell texts. */
const tables = (root: ParentNode) =>
  [...root.querySelectorAll('table')].map((table) => ({
    caption: words(table.caption!),
    rows: [...table.rows].map((row) => [...row.cells].map(words)),
  }));

/** Runs `run` as if the visitor had come from `referrer` (the browser's navigation, the outside world: a fake getter). */
async function withFakeReferrer(referrer: string, run: () => Promise<void>): Promise<void> {
  Object.defineProperty(document, 'referrer', { configurable: true, get: () => referrer });
  try {
    await run();
  } finally {
    delete (document as { referrer?: string }).referrer;
  }
}

describe('<consent-preferences> on the cookie page (A17)', () => {
  beforeEach(clearCookies);

  it('keeps the banner from asking and shows the choices inline', async () => {
    const { banner, preferences } = await cookiePage();
    expect(banner.shadowRoot!.querySelector('section')).to.equal(null);
    expect(preferences.shadowRoot!.querySelector('#title')!.textContent).to.equal('Cookie-instellingen');
    expect(preferences.shadowRoot!.textContent).to.contain('de gemeente Voorbeeld');
    expect(box(preferences, 'analytics').checked).to.equal(false);
    // The content for visitors without JavaScript is replaced: it has no box to show in.
    expect(preferences.querySelector('.consent-preferences-fallback')!.getClientRects().length).to.equal(0);
    await expect(preferences).to.be.accessible();
  });

  it('shows each category\'s cookies as a table with a caption, the same as the content without JavaScript (L8)', async () => {
    const { preferences } = await cookiePage();
    const shown = tables(preferences.shadowRoot!);
    expect(shown.map(({ caption }) => caption)).to.deep.equal([
      'Noodzakelijke cookies op deze website',
      'Analytische cookies op deze website',
      "Video's op deze website",
    ]);
    expect(shown[2].rows).to.deep.equal([
      ['Naam', 'Doel', 'Bewaartermijn'],
      ['VISITOR_INFO1_LIVE', 'Onthoudt uw videovoorkeuren.', '6 maanden'],
    ]);
    expect(shown[0].rows[1]).to.deep.equal(['consent_banner', 'Onthoudt uw cookiekeuze.', '182 dagen']);
    // Row headers are the cookie names; the column headers name what the columns hold.
    const table = preferences.shadowRoot!.querySelector('table')!;
    expect([...table.querySelectorAll('th[scope="col"]')].map(words)).to.deep.equal(['Naam', 'Doel', 'Bewaartermijn']);
    expect(words(table.querySelector('tbody th[scope="row"]')!)).to.equal('consent_banner');
    // The server's content has the very same tables, from the same configuration.
    expect(tables(preferences)).to.deep.equal(shown);
  });

  it('says what was saved once, in a live region that was there before it, and again on a second save (A5)', async () => {
    await withFakeReferrer('', async () => {
      const { banner, preferences } = await cookiePage();
      // The live region is there from the first render, empty, before the title.
      const region = liveRegion(preferences)!;
      expect(words(region)).to.equal('');
      expect(region.nextElementSibling!.querySelector('#title')).to.not.equal(null);
      box(preferences, 'analytics').click();
      const save = buttonNamed(preferences, 'Keuze opslaan');
      save.focus();
      save.click();
      expect(banner.consent?.categories).to.deep.equal({ necessary: true, analytics: true, media: false });
      await waitUntil(() => savedMessage(preferences), 'the message shows');
      const first = savedMessage(preferences)!;
      expect(liveRegion(preferences) === region, 'the same region').to.equal(true);
      expect(region.contains(first)).to.equal(true);
      expect(words(first)).to.equal('Uw keuze is opgeslagen. U heeft geaccepteerd: Analytische cookies. U heeft geweigerd: Video\'s.');
      // One mechanism: no alert, and the message itself never takes focus; without a page to go
      // back to, focus stays on the button that saved.
      expect(preferences.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      expect(first.hasAttribute('tabindex')).to.equal(false);
      expect(preferences.shadowRoot!.activeElement === save, 'focus stays on the button').to.equal(true);
      await expect(preferences).to.be.accessible();
      // A second save: the region empties, then says what this save decided.
      buttonNamed(preferences, 'Alle optionele cookies weigeren').click();
      await waitUntil(() => savedMessage(preferences) && savedMessage(preferences) !== first, 'a new message');
      expect(words(savedMessage(preferences)!)).to.equal('Uw keuze is opgeslagen. U heeft alle optionele cookies geweigerd.');
      expect(liveRegion(preferences) === region, 'still the same region').to.equal(true);
      expect(banner.shadowRoot!.querySelector('section')).to.equal(null);
    });
  });

  it('does not speak again when the choice changes elsewhere; the checkboxes follow', async () => {
    const { banner, preferences } = await cookiePage();
    banner.acceptAll();
    await preferences.updateComplete;
    expect(box(preferences, 'analytics').checked).to.equal(true);
    expect(savedMessage(preferences)).to.equal(null);
    buttonNamed(preferences, 'Alle optionele cookies weigeren').click();
    await preferences.updateComplete;
    expect(box(preferences, 'analytics').checked).to.equal(false);
    expect(banner.hasConsent('analytics')).to.equal(false);
  });

  it('links back to the page of this site the visitor came from, and to no other', async () => {
    const cases: [string, string | null][] = [
      [`${location.origin}/nieuws/artikel?id=3`, `${location.origin}/nieuws/artikel?id=3`],
      ['https://elders.example/pagina', null],
      [location.href, null],
      ['', null],
    ];
    for (const [referrer, expected] of cases) {
      await withFakeReferrer(referrer, async () => {
        // A new page view: the previous page's banner and cookie go.
        fixtureCleanup();
        clearCookies();
        const { preferences } = await cookiePage();
        buttonNamed(preferences, 'Alle optionele cookies accepteren').click();
        await waitUntil(() => savedMessage(preferences), 'the message shows');
        const link = savedMessage(preferences)!.querySelector('a');
        expect(link?.href ?? null, referrer || '(no referrer)').to.equal(expected);
        if (link) {
          expect(words(link)).to.equal('Terug naar de pagina die u bekeek');
          // A control in the message, not the message: focus goes there, the region says the words.
          await waitUntil(() => preferences.shadowRoot!.activeElement === link, 'the link back has focus');
        }
      });
    }
  });

  it('says it in the page\'s language, tables included', async () => {
    const { preferences } = await cookiePage({ lang: 'en' });
    expect(tables(preferences.shadowRoot!)[1].caption).to.equal('Analytics cookies on this website');
    buttonNamed(preferences, 'Reject all optional cookies').click();
    await waitUntil(() => savedMessage(preferences), 'the message shows');
    expect(words(savedMessage(preferences)!)).to.equal('Your choice has been saved. You have rejected all optional cookies.');
    expect(tables(preferences)).to.deep.equal(tables(preferences.shadowRoot!));
  });

  it('keeps showing the content for visitors without JavaScript when it finds no banner, with one console error', async () => {
    const errors = await captureConsole('error', async () => {
      const root = await fixture<HTMLElement>(`<div lang="nl">
        <consent-banner privacy-url="/cookies"></consent-banner>
        <consent-preferences for="no-such-banner">${renderPreferencesFallback({ lang: 'nl' })}</consent-preferences>
      </div>`);
      const preferences = root.querySelector('consent-preferences')!;
      await customElements.whenDefined('consent-preferences');
      await waitUntil(() => preferences.shadowRoot?.querySelector('slot'), 'the element renders its slot');
      await new Promise((resolve) => setTimeout(resolve));
      const notice = preferences.querySelector('.consent-preferences-notice')!;
      expect(notice.getClientRects().length).to.be.greaterThan(0);
      expect(words(notice)).to.contain('alleen met JavaScript');
      expect(preferences.shadowRoot!.querySelector('input')).to.equal(null);
    });
    expect(errors).to.deep.equal(['<consent-preferences>: no <consent-banner> on this page to take the choices from.']);
  });
});
