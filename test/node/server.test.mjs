// consent-banner/server in plain Node (I7): no DOM, no Lit. Runs the shared cookie fixtures that
// test/decision/cookie-fixtures.test.ts runs through the browser store, so the two cannot drift.
// Needs `npm run build` first: it tests the published module, dist/server.js.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request as httpRequest, createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { URL } from 'node:url';
import { postForm, submittedFields } from './cookie-page-form.mjs';

// Globals of Node that eslint.config.mjs does not declare for test/node/.
const { fetch, AbortSignal } = globalThis;
const distUrl = new URL('../../dist/', import.meta.url);
const fixtures = JSON.parse(readFileSync(new URL('../fixtures/consent-cookies.json', import.meta.url), 'utf8'));

assert.equal(typeof globalThis.document, 'undefined', 'these tests must run without a DOM');
const { readConsent, hasConsent, renderPreferencesFallback, consentCookieHandler } = await import(new URL('server.js', distUrl).href);

const NOW = Date.parse('2026-05-01T12:00:00Z');
const VALID = 'consent_banner=1|1|tdsd20|a|analytics:1';
const GRANTED = {
  policyVersion: '1',
  decidedAt: '2026-04-20T09:30:00.000Z',
  method: 'accept-all',
  categories: { necessary: true, analytics: true },
};
const options = { categories: ['analytics'], now: NOW };

describe('readConsent: the shared fixtures', () => {
  it('has fixtures with unique names, both decisions and refusals', () => {
    assert.ok(fixtures.length > 20);
    assert.equal(new Set(fixtures.map(({ name }) => name)).size, fixtures.length);
    assert.ok(fixtures.some(({ expected }) => expected === null));
    assert.ok(fixtures.some(({ expected }) => expected !== null));
  });

  for (const fixture of fixtures) {
    it(fixture.name, () => {
      const decision = readConsent(fixture.header, { ...fixture.options, now: Date.parse(fixture.now) });
      assert.deepEqual(decision, fixture.expected);
    });
  }
});

describe('readConsent: bad input is no decision, never an exception', () => {
  it('reads a valid header (the control for the cases below)', () => {
    assert.deepEqual(readConsent(VALID, options), GRANTED);
  });

  it('no header', () => {
    assert.equal(readConsent(undefined, options), null);
    assert.equal(readConsent(null, options), null);
    assert.equal(readConsent('', options), null);
    assert.equal(readConsent('   ', options), null);
  });

  it('garbage headers', () => {
    const garbage = [
      ';;;',
      '=',
      '==;==',
      'consent_banner',
      'consent_banner=',
      'consent_banner==1|1|tdsd20|a|analytics:1',
      'consent_banner=|||||',
      'consent_banner=1|1|tdsd20|a|analytics',
      'consent_banner=1|1|tdsd20|a|:1',
      'consent_banner=1|1|tdsd20|a|Analytics:1',
      'consent_banner=1|1|zzzzzzzzz|a|analytics:1',
      'consent_banner=1||tdsd20|a|analytics:1',
      'consent_banner=1|%|tdsd20|a|analytics:1',
      'consent_banner=\u0000\uffff\ud800',
      'consent_banner=1|1|tdsd20|a|analytics:1:1',
      '\u00e9\u00e8=\u00ea; consent_banner=1|1|tdsd20|a|analytics:1.__proto__:1',
    ];
    for (const header of garbage) assert.equal(readConsent(header, options), null, header);
  });

  it('values that are not headers', () => {
    for (const header of [42, {}, { cookie: VALID }, true, Symbol('x'), () => VALID]) {
      assert.equal(readConsent(header, options), null, String(header));
    }
  });

  it('bad options', () => {
    for (const bad of [undefined, null, {}, { categories: 'analytics' }, { categories: null }]) {
      assert.equal(readConsent(VALID, bad), null, JSON.stringify(bad));
    }
    assert.equal(readConsent(VALID, { ...options, now: Number.NaN }), null);
    assert.equal(readConsent(VALID, { ...options, now: '2026-05-01' }), null);
    const throwing = {
      get categories() {
        throw new Error('boom');
      },
    };
    assert.equal(readConsent(VALID, throwing), null);
  });

  it('a very long header: finds the cookie at its end, quickly', () => {
    const others = Array.from({ length: 2000 }, (_, i) => `tracker_${i}=${'x'.repeat(40)}`).join('; ');
    const header = `${others}; ${'y'.repeat(1_000_000)}; ${VALID}`;
    const started = performance.now();
    assert.deepEqual(readConsent(header, options), GRANTED);
    assert.equal(readConsent(`${others}; consent_banner=1|1|tdsd20|a|analytics:1${'1'.repeat(1_000_000)}`, options), null);
    assert.ok(performance.now() - started < 1000, 'took longer than a second');
  });
});

describe('readConsent: defaults and inputs', () => {
  it('takes the current time when now is not given', () => {
    const seconds = Math.floor(Date.now() / 1000).toString(36);
    assert.equal(readConsent(`consent_banner=1|1|${seconds}|a|analytics:1`, { categories: ['analytics'] })?.method, 'accept-all');
    // Decided in November 1971 (60466176 s, "100000" in base 36): long expired by any real clock.
    assert.equal(readConsent('consent_banner=1|1|100000|a|analytics:1', { categories: ['analytics'] }), null);
  });

  it('accepts the header as a list of lines (req.headersDistinct.cookie)', () => {
    assert.deepEqual(readConsent(['theme=dark', VALID], options), GRANTED);
    assert.equal(readConsent(['theme=dark', 'a=1'], options), null);
    assert.equal(readConsent([], options), null);
  });

  it('returns a fresh object each time', () => {
    const first = readConsent(VALID, options);
    first.categories.analytics = false;
    assert.deepEqual(readConsent(VALID, options), GRANTED);
  });
});

describe('hasConsent', () => {
  it('grants what the decision grants, necessary always, nothing else', () => {
    const decision = readConsent('consent_banner=1|1|tdsd20|c|analytics:1.media:0', { categories: ['analytics', 'media'], now: NOW });
    assert.equal(hasConsent(decision, 'analytics'), true);
    assert.equal(hasConsent(decision, 'media'), false);
    assert.equal(hasConsent(decision, 'marketing'), false);
    assert.equal(hasConsent(decision, 'necessary'), true);
    assert.equal(hasConsent(decision, 'toString'), false);
    assert.equal(hasConsent(decision, '__proto__'), false);
  });

  it('without a decision grants only necessary', () => {
    for (const none of [null, undefined]) {
      assert.equal(hasConsent(none, 'necessary'), true);
      assert.equal(hasConsent(none, 'analytics'), false);
    }
  });
});

describe('a real node:http request', () => {
  /** Starts a server on 127.0.0.1 that answers with what readConsent finds; stops it afterwards. */
  async function withServer(run) {
    const server = createServer((req, res) => {
      const decision = readConsent(req.headers.cookie, options);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ decision, analytics: hasConsent(decision, 'analytics') }));
    });
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    try {
      const { port } = server.address();
      return await run(`http://127.0.0.1:${port}/`);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('reads the Cookie header of a fetch request', async () => {
    const body = await withServer(async (url) => {
      const response = await fetch(url, { headers: { cookie: `theme=dark; ${VALID}` }, signal: AbortSignal.timeout(5000) });
      return response.json();
    });
    assert.deepEqual(body, { decision: GRANTED, analytics: true });
  });

  it('reads no decision from a request without cookies', async () => {
    const body = await withServer(async (url) => (await fetch(url, { signal: AbortSignal.timeout(5000) })).json());
    assert.deepEqual(body, { decision: null, analytics: false });
  });

  it('reads the consent cookie from a second Cookie header line (Node joins them)', async () => {
    const body = await withServer(
      (url) =>
        new Promise((resolve, reject) => {
          const req = httpRequest(url, { headers: { cookie: ['theme=dark', VALID] }, timeout: 5000 }, (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve(JSON.parse(text)));
          });
          req.on('timeout', () => req.destroy(new Error('timed out')));
          req.on('error', reject);
          req.end();
        }),
    );
    assert.deepEqual(body, { decision: GRANTED, analytics: true });
  });
});

describe('the published module', () => {
  /** Every module dist/server.js loads, by following its import and export specifiers. */
  function importGraph(entry) {
    const seen = new Set();
    const bare = new Set();
    const visit = (url) => {
      if (seen.has(url.href)) return;
      seen.add(url.href);
      const source = readFileSync(url, 'utf8');
      for (const [, specifier] of source.matchAll(/(?:^|[;\s])(?:import|export)\s*(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/g)) {
        if (specifier.startsWith('.')) visit(new URL(specifier, url));
        else bare.add(specifier);
      }
      for (const [, specifier] of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        if (specifier.startsWith('.')) visit(new URL(specifier, url));
        else bare.add(specifier);
      }
    };
    visit(entry);
    return { modules: [...seen].map((href) => href.slice(distUrl.href.length)), bare: [...bare] };
  }

  it('imports nothing but its own DOM-free store modules and texts (no Lit, no UI), also on demand', () => {
    const { modules, bare } = importGraph(new URL('server.js', distUrl));
    assert.deepEqual(bare, []);
    assert.ok(modules.includes('decision/stored-decision.js') && modules.includes('decision/cookie-codec.js'), modules.join());
    for (const module of modules) assert.match(module, /^(server(\/[\w-]+)?\.js|report\.js|messages\.js|decision\/[\w-]+\.js|i18n\/(index|details|strings|cookie-texts|first-layer|shown-texts|(nl|en|fy|de|fr)(-details|-first-layer|-part)?)\.js)$/);
  });

  it('exports readConsent, hasConsent, consentCookieHeader, consentCookieHandler, renderPreferencesFallback, receiptTexts and SERVICE_CATALOGUE only', async () => {
    assert.deepEqual(Object.keys(await import(new URL('server.js', distUrl).href)).sort(), ['SERVICE_CATALOGUE', 'consentCookieHandler', 'consentCookieHeader', 'hasConsent', 'readConsent', 'receiptTexts', 'renderPreferencesFallback']);
  });
});

/** Console errors while `run` runs (the component reports mistakes there, also on a server). */
function consoleErrors(run) {
  const original = console.error;
  const messages = [];
  console.error = (...args) => messages.push(args.join(' '));
  try {
    return { result: run(), messages };
  } finally {
    console.error = original;
  }
}

describe('renderPreferencesFallback: the cookie page without JavaScript', () => {
  const config = {
    categories: [
      {
        id: 'media',
        label: { nl: 'Video <b>&</b> kaarten', en: 'Videos' },
        description: { nl: 'Toont "video\'s".', en: 'Shows videos.' },
        cookies: [{ name: 'VISITOR_INFO1_LIVE', purpose: 'YouTube', lifetime: { nl: '6 maanden', en: '6 months' } }],
      },
    ],
  };

  it('gives the title, the note that choosing needs JavaScript and that no optional script runs without it, and one captioned table per category', () => {
    const html = renderPreferencesFallback({ lang: 'nl', config });
    assert.match(html, /^<div class="consent-preferences-fallback" lang="nl" dir="ltr">\n<h2>Cookie-instellingen<\/h2>\n<p class="consent-preferences-notice">Uw cookiekeuze maken of wijzigen kan alleen met JavaScript\. Zonder JavaScript werkt ook geen script dat optionele cookies plaatst\./);
    assert.deepEqual([...html.matchAll(/<caption>(.*?)<\/caption>/g)].map(([, caption]) => caption), [
      'Noodzakelijke cookies op deze website',
      'Analytische cookies op deze website',
      'Video &#60;b&#62;&#38;&#60;/b&#62; kaarten op deze website',
    ]);
    assert.ok(html.includes('<h3>Noodzakelijke cookies: altijd actief</h3>'));
    assert.ok(html.includes('<tr><th scope="row"><code>consent_banner</code></th><td>Onthoudt uw cookiekeuze.</td><td>182 dagen</td></tr>'));
    assert.ok(html.includes('<tr><th scope="row"><code>VISITOR_INFO1_LIVE</code></th><td>YouTube</td><td>6 maanden</td></tr>'));
    assert.ok(html.includes('<p>Toont &#34;video&#39;s&#34;.</p>'), 'every text is escaped');
    assert.ok(!/<b>|<script/i.test(html));
  });

  it('follows the banner\'s cookie-name and max-age-days, and the language as the browser picks it', () => {
    const html = renderPreferencesFallback({ lang: 'en-GB', cookieName: 'keuze', maxAgeDays: 90 });
    assert.ok(html.includes('lang="en"'));
    assert.ok(html.includes('<tr><th scope="row"><code>keuze</code></th><td>Remembers your cookie choice.</td><td>90 days</td></tr>'));
    assert.ok(renderPreferencesFallback({ lang: 'fr' }).includes('Durée de conservation'));
    assert.ok(renderPreferencesFallback({ lang: 'xx' }).includes('lang="en"'));
  });

  it('uses the site\'s own texts (config.texts) as the browser does, and reports one it cannot use', () => {
    const texts = { nl: { preferencesTitle: 'Uw cookies', cookieNameHeader: 'Cookie', noScriptNotice: '' }, xx: {} };
    const { result, messages } = consoleErrors(() => renderPreferencesFallback({ lang: 'nl', config: { ...config, texts } }));
    assert.ok(result.includes('<h2>Uw cookies</h2>'));
    assert.ok(result.includes('<th scope="col">Cookie</th>'));
    assert.ok(result.includes('Uw cookiekeuze maken of wijzigen kan alleen met JavaScript'), 'an empty text keeps the built-in one');
    assert.deepEqual(messages.map((message) => message.replace(/;.*/, '')), ['<consent-banner>: texts.nl.noScriptNotice must be a non-empty text without placeholders', '<consent-banner>: texts: "xx" is no language this banner has (nl, en, fy, de, fr)']);
    assert.ok(renderPreferencesFallback({ lang: 'nl', config }).includes('<h2>Cookie-instellingen</h2>'), 'the next call without texts has the built-in ones');
  });

  it('reports a mistake once and uses the default, never throws', () => {
    const bad = consoleErrors(() => renderPreferencesFallback({ lang: 'nl', config: { categories: [{ id: 'Bad id' }] }, maxAgeDays: 900 }));
    assert.ok(bad.result.includes('<code>consent_banner</code></th><td>Onthoudt uw cookiekeuze.</td><td>182 dagen'));
    assert.equal(bad.messages.length, 2, bad.messages.join('\n'));
    assert.ok(bad.messages.every((message) => message.startsWith('<consent-banner>: ')));
    for (const options of [undefined, null, 42, { lang: 7 }]) {
      const { result, messages } = consoleErrors(() => renderPreferencesFallback(options));
      assert.ok(result.includes('lang="en"'), String(options));
      assert.equal(messages.length, 1, messages.join('\n'));
    }
  });

  const FORM = { lang: 'nl', config, action: '/consent', organisation: 'het ministerie van Voorbeelden', policyVersion: '2026-11' };

  it('with action: the choices as a form that posts there (the element\'s choices, without script)', () => {
    const html = renderPreferencesFallback(FORM);
    assert.ok(html.includes('<form class="consent-preferences-form" method="post" action="/consent">'));
    assert.ok(html.includes('<p>Kies welke cookies het ministerie van Voorbeelden mag plaatsen. U kunt uw keuze altijd weer wijzigen.</p>'));
    assert.ok(!html.includes('consent-preferences-notice'), 'no note that choosing needs JavaScript');
    assert.ok(html.includes('<h3>Noodzakelijke cookies: altijd actief</h3>'), 'necessary is always on, without a checkbox (L5)');
    assert.match(html, /<fieldset>\n<legend>Optionele cookies<\/legend>\n<p><label><input type="checkbox" name="granted" value="analytics" aria-describedby="consent-description-analytics"> Analytische cookies<\/label><\/p>\n<p id="consent-description-analytics">Hiermee zien we/);
    assert.ok(html.includes('<p><label><input type="checkbox" name="granted" value="media" aria-describedby="consent-description-media"> Video &#60;b&#62;&#38;&#60;/b&#62; kaarten</label></p>'));
    assert.equal([...html.matchAll(/type="checkbox"/g)].length, 2, 'one checkbox per optional category, none for necessary');
    assert.ok(!html.includes(' checked'), 'nothing ticked without a decision (L5)');
    assert.equal([...html.matchAll(/<caption>/g)].length, 3, 'every category keeps its cookie table');
    assert.ok(html.includes('<p class="consent-preferences-actions"><button type="submit" name="method" value="custom">Keuze opslaan</button> <button type="submit" name="method" value="accept-all">Alle optionele cookies accepteren</button> <button type="submit" name="method" value="reject-all">Alle optionele cookies weigeren</button></p>'));
    assert.ok(html.includes('<input type="hidden" name="policy-version" value="2026-11">'));
    assert.ok(!html.includes('name="return"'));
  });

  it('with action: ticks what the decision grants, and carries returnTo; every value escaped', () => {
    const decision = { policyVersion: '2026-11', decidedAt: '2026-04-20T09:30:00.000Z', method: 'custom', categories: { necessary: true, analytics: false, media: true } };
    const html = renderPreferencesFallback({ ...FORM, decision, returnTo: '/cookies?a=1&b="2"', action: '/consent?x="y"' });
    assert.ok(html.includes('value="media" aria-describedby="consent-description-media" checked>'));
    assert.ok(html.includes('value="analytics" aria-describedby="consent-description-analytics">'));
    assert.ok(html.includes('<input type="hidden" name="return" value="/cookies?a=1&#38;b=&#34;2&#34;">'));
    assert.ok(html.includes('action="/consent?x=&#34;y&#34;"'));
  });

  it('with action: the form\'s texts in each of the five languages', async () => {
    for (const lang of ['nl', 'en', 'fy', 'de', 'fr']) {
      const { [`${lang}Details`]: d } = await import(new URL(`i18n/${lang}-details.js`, distUrl).href);
      const { [lang]: strings } = await import(new URL(`i18n/${lang}.js`, distUrl).href);
      const html = renderPreferencesFallback({ ...FORM, lang, config: undefined });
      const escaped = (text) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
      for (const text of [d.preferencesTitle, d.preferencesLegend, d.save, strings.acceptAll, strings.rejectAll, d.preferencesIntro.replace('{organisation}', FORM.organisation)]) {
        assert.ok(html.includes(escaped(text)), `${lang}: ${text}`);
      }
    }
  });

  it('with an action it cannot use, or without organisation: one console error, and the content without a form, or without the introduction', () => {
    for (const action of ['', '  ', 42, null]) {
      const { result, messages } = consoleErrors(() => renderPreferencesFallback({ ...FORM, action }));
      assert.ok(result.includes('consent-preferences-notice') && !result.includes('<form'), String(action));
      assert.equal(messages.length, 1, messages.join('\n'));
      assert.match(messages[0], /^<consent-banner>: renderPreferencesFallback: action must be the address of consentCookieHandler/);
    }
    const { result, messages } = consoleErrors(() => renderPreferencesFallback({ ...FORM, organisation: undefined }));
    assert.ok(result.includes('<form') && !result.includes('Kies welke cookies'));
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0], /^<consent-banner>: renderPreferencesFallback: organisation must name who sets the cookies/);
  });

  it('with action: what the form posts, consentCookieHandler takes (a saved choice, then back to the page)', async () => {
    const html = renderPreferencesFallback({ ...FORM, returnTo: '/cookies' });
    // The fields a browser submits when the visitor ticks "media" and presses "Keuze opslaan".
    const { statusCode, headers } = await postForm(consentCookieHandler({ categories: ['analytics', 'media'], policyVersion: '2026-11', now: NOW }), submittedFields(html, ['media']));
    assert.equal(statusCode, 303);
    assert.equal(headers.location, '/cookies');
    assert.match(headers['set-cookie'], /^consent_banner=1\|2026-11\|tecxc0\|c\|analytics:0\.media:1; Path=\/; Max-Age=15724800; SameSite=Lax$/);
  });

  it('is what the demo\'s cookie page holds for its banner (the same configuration, no copy drifting)', () => {
    const page = readFileSync(new URL('../../demo/cookies.html', import.meta.url), 'utf8');
    const inside = page.match(/<consent-preferences>([\s\S]*?)<\/consent-preferences>/)[1];
    const lines = inside.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('<!--'));
    assert.deepEqual(lines, renderPreferencesFallback({ lang: 'nl' }).split('\n'));
  });
});
