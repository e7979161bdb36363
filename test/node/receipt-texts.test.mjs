// receiptTexts of consent-banner/server (issue 14): the hash a receipt's textsHash must have for a
// banner's settings, in plain Node. Runs the pages of test/fixtures/receipt-texts.json, whose
// receipts the browser tests (test/effects/integrations/consent-receipt.test.ts) send, so that the
// two sides agree. Needs `npm run build` first: it tests the published module, dist/server.js.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { consoleErrors } from './console-errors.mjs';

const { receiptTexts } = await import(new URL('../../dist/server.js', import.meta.url).href);
const { cases } = JSON.parse(readFileSync(new URL('../fixtures/receipt-texts.json', import.meta.url), 'utf8'));

describe('receiptTexts: the texts hash of a receipt, on the server', () => {
  for (const { name, lang, options, textsHash } of cases) {
    it(`gives the browser's lang and textsHash: ${name}`, async () => {
      const { result, messages } = await consoleErrors(() => receiptTexts(options));
      assert.deepEqual(messages, []);
      assert.equal(result.lang, lang.split('-')[0]);
      assert.equal(result.textsHash, textsHash);
    });
  }

  it('hashes its canonical JSON as documented: sha256- and the base64 SHA-256 of its UTF-8 bytes, fields in order', async () => {
    const { canonical, textsHash } = await receiptTexts(cases[0].options);
    assert.equal(textsHash, `sha256-${createHash('sha256').update(canonical, 'utf8').digest('base64')}`);
    const parsed = JSON.parse(canonical);
    assert.deepEqual(Object.keys(parsed), ['format', 'lang', 'policyVersion', 'site', 'organisation', 'privacyUrl', 'texts', 'categories']);
    assert.equal(JSON.stringify(parsed), canonical, 'no spaces');
    const keys = Object.keys(parsed.texts);
    assert.deepEqual(keys, [...keys].sort());
    assert.ok(!keys.includes('lang') && !keys.includes('dir'));
    assert.equal(parsed.texts.heading, 'Cookies op {site}', 'placeholders as they are');
    assert.deepEqual(parsed.categories[0].cookies, [{ name: 'consent_banner', purpose: 'Onthoudt uw cookiekeuze.', lifetime: '182 dagen' }]);
  });

  it('is the same for the same settings, and changes with any text, category or setting shown', async () => {
    const base = cases[0].options;
    const hash = async (change) => (await receiptTexts({ ...base, ...change })).textsHash;
    assert.equal(await hash({}), await hash({ lang: 'nl-BE' }));
    const hashes = await Promise.all([
      hash({}),
      hash({ lang: 'en' }),
      hash({ config: { texts: { nl: { intro: '{Organisation} gebruikt cookies.' } } } }),
      hash({ config: { categories: [{ id: 'analytics', cookies: [{ name: '_pk_id.*', purpose: 'Telt bezoeken.', lifetime: '13 maanden' }] }] } }),
      hash({ organisation: 'het waterschap Voorbeeld' }),
      hash({ site: 'www.voorbeeld.nl' }),
      hash({ policyVersion: '2026-12' }),
      hash({ privacyUrl: '/cookies' }),
      hash({ regionLabel: 'Over cookies' }),
      hash({ maxAgeDays: 90 }),
    ]);
    assert.equal(new Set(hashes).size, hashes.length);
  });

  it('bad input: one console error for each mistake and the default, never a rejection', async () => {
    for (const [options, ...expected] of [
      [undefined, /lang must be a language code/, /site must be the banner's site-name/],
      [{ lang: 'nl' }, /site must be the banner's site-name/],
      [{ lang: 42, site: 'x' }, /lang must be a language code/],
      [{ lang: 'nl', site: 'x', config: 'nope' }, /config must be an object/],
    ]) {
      const { result, messages } = await consoleErrors(() => receiptTexts(options));
      assert.match(result.textsHash, /^sha256-[A-Za-z0-9+/]{43}=$/);
      assert.equal(messages.length, expected.length, messages.join('\n'));
      expected.forEach((pattern, index) => assert.match(messages[index], pattern));
    }
  });
});
