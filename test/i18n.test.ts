import { expect } from '@open-wc/testing';
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

  it('ships Dutch and English', () => {
    expect(Object.keys(languages).sort()).to.deep.equal(['en', 'nl']);
  });

  it('picks by primary subtag and falls back to English', () => {
    expect(stringsFor('nl-BE').lang).to.equal('nl');
    expect(stringsFor('EN').lang).to.equal('en');
    expect(stringsFor('de').lang).to.equal('en');
    expect(stringsFor(null).lang).to.equal('en');
  });
});
