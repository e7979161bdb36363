// Services on the server and in the docs (issue 14, item 4): consent-banner/server keeps, reads
// and writes a service granted on its own (`s--<id>`), the receipt's texts hash covers services,
// and docs/services.md's catalogue table is the catalogue. The shared cookie fixtures (with
// service entries) are run by test/node/server.test.mjs and server-cookie.test.mjs.
// Needs `npm run build` first: it tests the published module, dist/server.js.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { URL } from 'node:url';
import { consoleErrors } from './console-errors.mjs';

const { SERVICE_CATALOGUE, consentCookieHeader, hasConsent, readConsent, receiptTexts, renderPreferencesFallback } = await import(
  new URL('../../dist/server.js', import.meta.url).href
);

const NOW = Date.parse('2026-05-01T12:00:00Z');
const OPTIONS = { categories: ['analytics', 'media'], services: ['youtube', 'vimeo'], now: NOW };
const MIXED = 'consent_banner=1|1|tdsd20|c|analytics:1.media:0.s--youtube:1';
const DECISION = { policyVersion: '1', decidedAt: '2026-04-20T09:30:00.000Z', method: 'custom', categories: { necessary: true, analytics: true, media: false, 's--youtube': true } };

describe('consent-banner/server with services', () => {
  it('hasConsent says whether a service is granted: on its own, with its category, or not', () => {
    const decision = readConsent(MIXED, OPTIONS);
    assert.deepEqual(
      [hasConsent(decision, 'media', 'youtube'), hasConsent(decision, 'media', 'vimeo'), hasConsent(decision, 'media'), hasConsent(decision, 'analytics', 'matomo')],
      [true, false, false, true],
    );
    assert.equal(hasConsent(null, 'media', 'youtube'), false);
  });

  it('readConsent leaves out the entries of services it is not given', () => {
    assert.deepEqual(readConsent(MIXED, { ...OPTIONS, services: ['vimeo'] }).categories, { necessary: true, analytics: true, media: false });
  });

  it('consentCookieHeader writes a listed service granted on its own, and refuses another service or a refused entry', () => {
    assert.equal(consentCookieHeader(DECISION, OPTIONS), `${MIXED}; Path=/; Max-Age=15724800; SameSite=Lax`);
    assert.equal(consentCookieHeader(DECISION, { ...OPTIONS, services: ['vimeo'] }), null);
    assert.equal(consentCookieHeader({ ...DECISION, categories: { ...DECISION.categories, 's--youtube': false } }, OPTIONS), null);
    assert.equal(consentCookieHeader({ ...DECISION, method: 'reject-all', categories: { necessary: true, analytics: false, media: false, 's--youtube': true } }, OPTIONS), null);
  });

  it('an invalid services option gets one console error; its valid ids still count', async () => {
    const { result, messages } = await consoleErrors(() => consentCookieHeader(DECISION, { ...OPTIONS, services: ['youtube', 'Not Valid'] }));
    assert.equal(result, `${MIXED}; Path=/; Max-Age=15724800; SameSite=Lax`);
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0], /services must be the ids of the banner's services/);
  });

  it('the receipt\'s texts hash covers each service\'s texts and cookies, and stays as it was for a configuration without services', async () => {
    const media = { id: 'media', label: 'Video', description: 'Video van andere websites.', cookies: [] };
    const hash = async (config) => (await receiptTexts({ lang: 'nl', config, site: 'www.gemeente.nl' })).textsHash;
    const without = await hash({ categories: [media] });
    const withServices = await hash({ categories: [{ ...media, services: ['youtube', 'vimeo'] }] });
    const otherLabel = await hash({ categories: [{ ...media, services: [{ id: 'youtube', label: 'YouTube-video' }, 'vimeo'] }] });
    assert.equal(new Set([without, withServices, otherLabel]).size, 3);
    const { canonical } = await receiptTexts({ lang: 'nl', config: { categories: [media] }, site: 'www.gemeente.nl' });
    assert.equal(canonical.includes('"services"'), false, 'no services field without services');
  });

  it('renderPreferencesFallback reads a configuration with services without a console error', async () => {
    const { messages } = await consoleErrors(() => renderPreferencesFallback({ lang: 'nl', config: { categories: [{ id: 'analytics', services: ['matomo', 'siteimprove'] }] } }));
    assert.deepEqual(messages, []);
  });
});

describe('docs/services.md lists the catalogue', () => {
  const docs = readFileSync(new URL('../../docs/services.md', import.meta.url), 'utf8');
  const rows = Object.fromEntries(
    docs
      .split('\n')
      .filter((line) => /^\| `[a-z-]+` \|/.test(line))
      .map((line) => {
        const [name, category, , cookies] = line.split('|').slice(1, -1).map((cell) => cell.trim());
        return [name.replaceAll('`', ''), { category, cookies: [...cookies.matchAll(/`([^`]+)`/g)].map(([, cookie]) => cookie) }];
      }),
  );

  it('has a row for every service of the catalogue, and none more', () => {
    assert.deepEqual(Object.keys(rows).sort(), Object.keys(SERVICE_CATALOGUE).sort());
  });

  for (const [name, entry] of Object.entries(SERVICE_CATALOGUE)) {
    it(`${name}: its category and every cookie`, () => {
      assert.equal(rows[name].category, entry.category);
      assert.deepEqual([...rows[name].cookies].sort(), entry.cookies.map(({ name: cookie }) => cookie).sort());
    });
  }
});
