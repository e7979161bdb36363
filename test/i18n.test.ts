import './fail-on-errors.js';
import { expect } from '@open-wc/testing';
import { detailLanguages, detailsFor } from '../src/i18n/details.js';
import { languages, stringsFor } from '../src/i18n/index.js';

describe('languages (L20, A14)', () => {
  const reference = Object.keys(languages.en).sort();

  for (const [code, strings] of Object.entries(languages)) {
    it(`${code} has every key, none empty`, () => {
      expect(Object.keys(strings).sort()).to.deep.equal(reference);
      for (const [key, text] of Object.entries(strings)) expect(text, `${code}.${key}`).to.be.a('string').and.not.equal('');
      expect(strings.lang).to.equal(code);
    });
  }

  const detailReference = Object.keys(detailLanguages.en).sort();
  for (const [code, details] of Object.entries(detailLanguages)) {
    it(`${code} has every detail text (dialog, cookie page, placeholders), none empty`, () => {
      expect(Object.keys(details).sort()).to.deep.equal(detailReference);
      for (const [key, text] of Object.entries(details)) expect(text, `${code}.${key}`).to.be.a('string').and.not.equal('');
    });
  }

  it('ships Dutch and English, both with their detail texts', () => {
    expect(Object.keys(languages).sort()).to.deep.equal(['en', 'nl']);
    expect(Object.keys(detailLanguages).sort()).to.deep.equal(['en', 'nl']);
    expect(detailsFor(stringsFor('nl')).save).to.equal('Keuze opslaan');
  });

  it('picks by primary subtag and falls back to English', () => {
    expect(stringsFor('nl-BE').lang).to.equal('nl');
    expect(stringsFor('EN').lang).to.equal('en');
    expect(stringsFor('de').lang).to.equal('en');
    expect(stringsFor(null).lang).to.equal('en');
  });
});
