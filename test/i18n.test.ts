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
import { clearCookies, newPageView } from './helpers.js';

/** Every shipped language: in the bundle (nl, en) or as a part (fy, de, fr). */
const SHIPPED = {
  nl: [nl, nlFirstLayer, nlDetails],
  en: [en, enFirstLayer, enDetails],
  fy: [fy, fyFirstLayer, fyDetails],
  de: [de, deFirstLayer, deDetails],
  fr: [fr, frFirstLayer, frDetails],
} as const;
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('languages (L20, A14)', () => {
  for (const [code, [strings, firstLayer, details]] of Object.entries(SHIPPED)) {
    it(`${code} has every text, none empty, with the same placeholders as English`, () => {
      expect(strings.lang).to.equal(code);
      for (const [texts, reference] of [
        [strings, en],
        [firstLayer, enFirstLayer],
        [details, enDetails],
      ] as const) {
        expect(Object.keys(texts).sort()).to.deep.equal(Object.keys(reference).sort());
        for (const [key, text] of Object.entries(texts)) {
          expect(text, `${code}.${key}`).to.be.a('string').and.not.equal('');
          expect(placeholders(text), `${code}.${key}`).to.deep.equal(placeholders(reference[key as keyof typeof reference]));
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
