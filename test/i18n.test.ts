import './fail-on-errors.js';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/consent-banner.js';
import type { ConsentBanner } from '../src/ConsentBanner.js';
import { deDetails } from '../src/i18n/de-details.js';
import { deFirstLayer } from '../src/i18n/de-first-layer.js';
import { de } from '../src/i18n/de.js';
import { detailLanguages, detailsFor } from '../src/i18n/details.js';
import { firstLayerFor, firstLayerLanguages } from '../src/i18n/first-layer.js';
import { enDetails } from '../src/i18n/en-details.js';
import { enFirstLayer } from '../src/i18n/en-first-layer.js';
import { en } from '../src/i18n/en.js';
import { placeholdersOf } from '../src/i18n/strings.js';
import { frDetails } from '../src/i18n/fr-details.js';
import { frFirstLayer } from '../src/i18n/fr-first-layer.js';
import { fr } from '../src/i18n/fr.js';
import { fyDetails } from '../src/i18n/fy-details.js';
import { fyFirstLayer } from '../src/i18n/fy-first-layer.js';
import { fy } from '../src/i18n/fy.js';
import { languages, stringsFor } from '../src/i18n/index.js';
import { nlDetails } from '../src/i18n/nl-details.js';
import { nlFirstLayer } from '../src/i18n/nl-first-layer.js';
import { nl } from '../src/i18n/nl.js';
import { captureConsole, clearCookies, newPageView } from './helpers.js';

/** Every shipped language: in the bundle (nl, en) or as a part (fy, de, fr). */
const SHIPPED = {
  nl: [nl, nlFirstLayer, nlDetails],
  en: [en, enFirstLayer, enDetails],
  fy: [fy, fyFirstLayer, fyDetails],
  de: [de, deFirstLayer, deDetails],
  fr: [fr, frFirstLayer, frDetails],
} as const;

describe('languages (L20, A14)', () => {
  for (const [code, [strings, firstLayer, details]] of Object.entries(SHIPPED)) {
    // A translation may leave a placeholder out where its grammar needs it (German and French say
    // "the cookie statement" without the organisation, whose article would change after "von"/"de"),
    // never add one: the same rule as a site's own texts.
    it(`${code} has every text, none empty, using only placeholders its English text has`, () => {
      expect(strings.lang).to.equal(code);
      for (const [texts, reference] of [
        [strings, en],
        [firstLayer, enFirstLayer],
        [details, enDetails],
      ] as const) {
        expect(Object.keys(texts).sort()).to.deep.equal(Object.keys(reference).sort());
        for (const [key, text] of Object.entries(texts)) {
          expect(text, `${code}.${key}`).to.be.a('string').and.not.equal('');
          const allowed = placeholdersOf(reference[key as keyof typeof reference]);
          expect(placeholdersOf(text).filter((name) => !allowed.includes(name)), `${code}.${key}`).to.deep.equal([]);
        }
      }
    });
  }

  it('has Dutch and English in the bundle', () => {
    expect(languages.nl).to.equal(nl);
    expect(languages.en).to.equal(en);
    expect(Object.keys(detailLanguages).sort()).to.deep.equal(['en', 'nl']);
    expect(detailsFor(stringsFor('nl')).save).to.equal('Keuze opslaan');
    expect(Object.keys(firstLayerLanguages).sort()).to.deep.equal(['en', 'nl']);
    expect(firstLayerFor(stringsFor('nl')).choose).to.equal('Zelf kiezen');
  });

  it('picks by primary subtag and falls back to English for a language it does not ship', () => {
    expect(stringsFor('nl-BE').lang).to.equal('nl');
    expect(stringsFor('EN').lang).to.equal('en');
    expect(stringsFor('sv').lang).to.equal('en');
    expect(stringsFor(null).lang).to.equal('en');
  });
});

describe('a language that loads as a part (A14)', () => {
  beforeEach(clearCookies);

  for (const [code, expected] of [
    ['de', { ...de, ...deFirstLayer }],
    ['fr-BE', { ...fr, ...frFirstLayer }],
    ['fy', { ...fy, ...fyFirstLayer }],
  ] as const) {
    it(`shows the banner and its choices in ${code}, with lang set on the content`, async () => {
      newPageView();
      const root = await fixture<HTMLElement>(`<div lang="${code}"><consent-banner privacy-url="/privacy"></consent-banner></div>`);
      const banner = root.querySelector<ConsentBanner>('consent-banner')!;
      await waitUntil(() => banner.shadowRoot!.querySelector('section'), 'the first layer shows once its texts loaded');
      const section = banner.shadowRoot!.querySelector('section')!;
      expect(section.getAttribute('lang')).to.equal(expected.lang);
      expect(section.getAttribute('aria-label')).to.equal(expected.region);
      const labels = [...section.querySelectorAll('button')].map((b) => b.textContent!.trim());
      expect(labels).to.deep.equal([expected.acceptAnalytics, expected.rejectAnalytics, expected.choose]);
      await banner.showPreferences();
      const details = detailsFor(expected);
      const dialog = banner.shadowRoot!.querySelector('dialog')!;
      expect(dialog.querySelector('#title')!.textContent).to.equal(details.preferencesTitle);
      expect(dialog.querySelector('.always-on')!.textContent).to.equal(`${expected.necessaryLabel}${details.colon}${details.alwaysActive}`);
      // French typography: a no-break space before every colon, also the ones the templates join with.
      if (expected.lang === 'fr') {
        expect(dialog.querySelector('.always-on')!.textContent).to.equal('Cookies nécessaires\u00a0: toujours actifs');
        expect(dialog.textContent).not.to.match(/[^\u00a0]:/);
      }
      await expect(banner).to.be.accessible();
    });
  }
});

describe("the site's own texts (config.texts)", () => {
  beforeEach(clearCookies);

  /** A page with a banner whose configuration has `texts`, in `lang`, and a video of the media category. */
  async function pageWithTexts(texts: unknown, lang = 'nl'): Promise<ConsentBanner> {
    newPageView();
    const config = { categories: [{ id: 'media', label: { nl: "Video's", en: 'Videos' }, description: { nl: 'Van YouTube.', en: 'From YouTube.' }, cookies: [] }], texts };
    const root = await fixture<HTMLElement>(`<div lang="${lang}">
      <consent-banner privacy-url="/privacy" organisation="de gemeente Voorbeeld"><script type="application/json">${JSON.stringify(config)}</script></consent-banner>
      <iframe data-consent-category="media" data-src="/demo/fake-video.html" title="Video"></iframe>
    </div>`);
    const banner = root.querySelector<ConsentBanner>('consent-banner')!;
    await banner.updateComplete;
    return banner;
  }

  it('replace the built-in texts of their language in the first layer, the dialog and the placeholders; other languages keep theirs', async () => {
    const texts = {
      nl: {
        intro: 'Op deze website van {organisation} werken sommige dingen alleen met cookies.',
        acceptAll: 'Ja, alles goed',
        preferencesTitle: 'Uw cookiekeuzes',
        loadOnce: 'Deze video laden',
      },
    };
    const banner = await pageWithTexts(texts);
    const root = banner.shadowRoot!;
    expect(root.querySelector('.message')!.textContent).to.contain('Op deze website van de gemeente Voorbeeld werken sommige dingen alleen met cookies.');
    expect([...root.querySelectorAll('section button')].map((b) => b.textContent!.trim())).to.include('Ja, alles goed');
    await banner.showPreferences();
    expect(root.querySelector('#title')!.textContent).to.equal('Uw cookiekeuzes');
    const placeholderButton = () => document.querySelector('consent-placeholder')?.shadowRoot?.querySelector('button');
    await waitUntil(placeholderButton, 'the placeholder renders');
    expect(placeholderButton()!.textContent!.trim()).to.equal('Deze video laden');

    const english = await pageWithTexts(texts, 'en');
    expect([...english.shadowRoot!.querySelectorAll('section button')].map((b) => b.textContent!.trim())).to.include('Accept all optional cookies');
  });

  it('a text with a placeholder its built-in text does not have, an empty one, or one that is no string: one console error each, and the built-in text', async () => {
    let banner: ConsentBanner | undefined;
    const errors = await captureConsole('error', async () => {
      banner = await pageWithTexts({ nl: { intro: 'Welkom op {site}.', heading: '', choose: 42, changeLater: 'Later wijzigen kan altijd.' } });
      // Checked once the dialog's part is there (fetched ahead as soon as the first layer shows).
      await banner.showPreferences();
    });
    expect(errors.filter((e) => e.includes('texts.nl.intro') && e.includes('{organisation}'))).to.have.length(1);
    expect(errors.filter((e) => e.includes('texts.nl.heading'))).to.have.length(1);
    expect(errors.filter((e) => e.includes('texts.nl.choose'))).to.have.length(1);
    expect(errors).to.have.length(3);
    const text = banner!.shadowRoot!.querySelector('section')!.textContent!;
    expect(text).to.contain('De gemeente Voorbeeld gebruikt noodzakelijke cookies');
    expect(text).to.contain('Cookies op');
    expect(text).to.contain('Zelf kiezen');
    expect(text, 'a text may leave a placeholder out').to.contain('Later wijzigen kan altijd.');
  });

  it('texts that are no object, a language it does not ship, and a key that is no text: one console error each', async () => {
    const notObject = await captureConsole('error', async () => (await pageWithTexts('nl')).showPreferences());
    expect(notObject).to.have.length(1);
    expect(notObject[0]).to.contain('texts must be an object');
    let banner: ConsentBanner | undefined;
    const errors = await captureConsole('error', async () => {
      banner = await pageWithTexts({ sv: { intro: 'Hej' }, nl: { intorduction: 'Typfout' } });
      // Unknown keys are found where every set of texts is known: the dialog's part, fetched ahead.
      await banner.showPreferences();
    });
    expect(errors.filter((e) => e.includes('"sv"'))).to.have.length(1);
    expect(errors.filter((e) => e.includes('texts.nl.intorduction'))).to.have.length(1);
    expect(errors).to.have.length(2);
    expect(banner!.consent).to.equal(null);
  });
});
