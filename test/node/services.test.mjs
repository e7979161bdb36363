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
import { postForm, submittedFields } from './cookie-page-form.mjs';

const { SERVICE_CATALOGUE, consentCookieHandler, consentCookieHeader, hasConsent, readConsent, receiptTexts, renderPreferencesFallback } = await import(
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

describe('the cookie page without JavaScript, with services (renderPreferencesFallback, consentCookieHandler)', () => {
  const config = { categories: [{ id: 'analytics', services: ['matomo', 'siteimprove'] }, { id: 'media', label: "Video's", description: 'Video’s van andere websites.', cookies: [], services: ['youtube', 'vimeo'] }] };
  const FORM = { lang: 'nl', config, action: '/consent', organisation: 'de gemeente Voorbeeld' };
  const handler = consentCookieHandler({ categories: ['analytics', 'media'], services: ['matomo', 'siteimprove', 'youtube', 'vimeo'], now: NOW });
  /** The consent cookie's value after posting these fields. */
  const saved = async (fields, server = handler) => {
    const { statusCode, headers } = await postForm(server, fields);
    assert.equal(statusCode, 303, JSON.stringify(headers));
    return headers['set-cookie'].split(';')[0].split('|').slice(-2).join('|');
  };

  it('lists each service under its category; with a form, a group named by the category with a box per service and none for the category', () => {
    const info = renderPreferencesFallback({ lang: 'nl', config });
    assert.ok(info.includes('<h4>YouTube</h4>') && info.includes('<h4>Matomo</h4>'), 'each service under its category');
    assert.ok(info.includes('<caption>YouTube op deze website</caption>'), 'with its cookie table');
    const html = renderPreferencesFallback(FORM);
    assert.match(html, /<fieldset class="consent-preferences-services" aria-describedby="consent-description-media">\n<legend>Video&#39;s<\/legend>/);
    assert.ok(!html.includes('value="media"') && !html.includes('value="analytics"'), 'no box for a category with services');
    const boxes = [...html.matchAll(/type="checkbox" name="granted" value="([^"]+)" aria-describedby="([^"]+)"/g)].map(([, value, describedBy]) => [value, describedBy]);
    assert.deepEqual(boxes, [
      ['s--matomo', 'consent-description-analytics.matomo'],
      ['s--siteimprove', 'consent-description-analytics.siteimprove'],
      ['s--youtube', 'consent-description-media.youtube'],
      ['s--vimeo', 'consent-description-media.vimeo'],
    ]);
    for (const [, describedBy] of boxes) assert.ok(html.includes(`<p id="${describedBy}">`), describedBy);
    assert.ok(!html.includes(' checked'), 'nothing ticked without a decision (L5)');
  });

  it('ticks a service granted with its category or on its own', () => {
    const decision = { policyVersion: '1', decidedAt: '2026-04-20T09:30:00.000Z', method: 'custom', categories: { necessary: true, analytics: true, media: false, 's--youtube': true } };
    const html = renderPreferencesFallback({ ...FORM, decision });
    const ticked = [...html.matchAll(/value="([^"]+)" aria-describedby="[^"]+" checked>/g)].map(([, value]) => value);
    assert.deepEqual(ticked, ['s--matomo', 's--siteimprove', 's--youtube']);
  });

  it('a ticked service is granted on its own, never its category, also with every service of it ticked; accept and reject all decide everything', async () => {
    const html = renderPreferencesFallback(FORM);
    assert.equal(await saved(submittedFields(html, ['s--youtube'])), 'c|analytics:0.media:0.s--youtube:1');
    assert.equal(await saved(submittedFields(html, ['s--youtube', 's--vimeo'])), 'c|analytics:0.media:0.s--youtube:1.s--vimeo:1');
    assert.equal(await saved(submittedFields(html, [])), 'c|analytics:0.media:0');
    assert.equal(await saved(submittedFields(html, ['s--youtube'], 'accept-all')), 'a|analytics:1.media:1');
    assert.equal(await saved(submittedFields(html, ['s--youtube'], 'reject-all')), 'r|analytics:0.media:0');
  });

  it('a form from an older page, with other services, grants only what was ticked', async () => {
    // The page listed media with YouTube only; the site has added Vimeo since (same policy version).
    const older = renderPreferencesFallback({ ...FORM, config: { categories: [{ ...config.categories[1], services: ['youtube'] }] } });
    assert.equal(await saved(submittedFields(older, ['s--youtube'])), 'c|analytics:0.media:0.s--youtube:1');
  });

  it('a service the handler does not know is refused (400, no cookie) when ticked; accept and reject all still work without services', async () => {
    const withoutServices = consentCookieHandler({ categories: ['analytics', 'media'], now: NOW });
    const html = renderPreferencesFallback(FORM);
    const { statusCode, headers } = await postForm(withoutServices, submittedFields(html, ['s--youtube']));
    assert.equal(statusCode, 400);
    assert.equal(headers['set-cookie'], undefined);
    assert.equal(await saved(submittedFields(html, ['s--youtube'], 'reject-all'), withoutServices), 'r|analytics:0.media:0');
    assert.equal(await saved(submittedFields(html, [], 'accept-all'), withoutServices), 'a|analytics:1.media:1');
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
