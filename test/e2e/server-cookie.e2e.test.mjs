// The server-set consent cookie (issue 14, item 1) in Chromium: a small node:http site uses
// consentCookieHandler of the built consent-banner/server. With cookie-url, a decision is also
// sent to the site's server, whose Set-Cookie the browser stores (the page's own cookie is gone by
// then: the test removes it while the server holds its answer); a returning visitor does not fetch
// that part. Without JavaScript, the cookie page's form (renderPreferencesFallback with action)
// sets the cookie and comes back. A form on another site, or a sibling subdomain, sets nothing.
// The site is http://127.0.0.1 (a potentially trustworthy origin, to which Chromium sends
// Sec-Fetch-Site as to https) and, for the check without that header, http://www.gemeente.test.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { axeViolations, E2E_DOMAIN, startHarness, watchErrors } from './harness.mjs';

const { consentCookieHandler, consentCookieHeader, readConsent, renderPreferencesFallback } = await import(new URL('../../dist/server.js', import.meta.url).href);

/** The site's settings, as for the banner's attributes. */
const CONSENT = { categories: ['analytics'], policyVersion: '2026-11' };
const ORGANISATION = 'het ministerie van Voorbeelden';
const MAX_AGE_SECONDS = 182 * 86400;
/** The site's host: an address Chromium sends Fetch Metadata (Sec-Fetch-Site) to, as to an https site. */
const SITE_HOST = '127.0.0.1';
/** Another name of the same server: http, so Chromium sends it no Sec-Fetch-Site (only Origin). */
const NAMED_HOST = `www.${E2E_DOMAIN}`;

let harness;
let site;
/** Set by a test to hold the server's answers to POST /consent until it resolves the promise. */
let holdConsent = null;
/** What the server received at /consent, in order. */
const received = [];

const setConsent = consentCookieHandler(CONSENT);
/** A site whose categories list services (docs/services.md): its configuration and its handler. */
const WITH_SERVICES = {
  config: { categories: [{ id: 'media', label: "Video's", description: "Video's van andere websites.", cookies: [], services: ['youtube', 'vimeo'] }] },
  consent: { categories: ['analytics', 'media'], services: ['youtube', 'vimeo'], policyVersion: '2026-11' },
};
const setConsentWithServices = consentCookieHandler(WITH_SERVICES.consent);

const banner = '<consent-banner policy-version="2026-11" site-name="voorbeeld.nl" privacy-url="/cookies" cookie-url="/consent"></consent-banner>';
const page = (body, head = '<script type="module" src="/dist/consent-banner.bundle.js"></script>') =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Voorbeeld</title><link rel="icon" href="data:,">${head}</head><body>${body}</body></html>`;
/** The cookie page: the choices' form for visitors without JavaScript, ticked as the visitor's cookie says. */
const cookiePage = (cookieHeader) =>
  `<main><h1>Cookies</h1><consent-preferences>${renderPreferencesFallback({
    lang: 'nl',
    action: '/consent',
    organisation: ORGANISATION,
    decision: readConsent(cookieHeader, CONSENT),
    returnTo: '/cookies',
    ...CONSENT,
  })}</consent-preferences></main>`;

/** A form on another site that posts an acceptance to the site's handler (cross-site request forgery). */
const forgedForm = (target) =>
  `<main><h1>Win a prize</h1><form method="post" action="${target}"><input type="hidden" name="method" value="accept-all"><input type="hidden" name="policy-version" value="2026-11"><button>Claim</button></form></main>`;

async function serve(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const html = (text) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'private' });
    res.end(text);
  };
  if (url.pathname === '/consent') {
    received.push({ method: req.method, type: req.headers['content-type'], fetchSite: req.headers['sec-fetch-site'], cookie: req.headers.cookie });
    if (holdConsent) await holdConsent;
    return setConsent(req, res);
  }
  const file = /^\/dist\/(consent-banner[\w.-]*\.js)$/.exec(url.pathname);
  if (file) {
    try {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      return res.end(await readFile(new URL(`../../dist/${file[1]}`, import.meta.url)));
    } catch {
      return res.writeHead(404).end();
    }
  }
  if (url.pathname === '/') return html(page(`${banner}<main><h1>Voorbeeld</h1></main>`));
  if (url.pathname === '/cookies') return html(page(`${banner}${cookiePage(req.headers.cookie)}`));
  if (url.pathname === '/form-only') return html(page(cookiePage(req.headers.cookie), ''));
  if (url.pathname === '/forged') return html(page(forgedForm(url.searchParams.get('to')), ''));
  if (url.pathname === '/consent-services') return setConsentWithServices(req, res);
  if (url.pathname === '/cookies-services') {
    const { config, consent } = WITH_SERVICES;
    const fallback = renderPreferencesFallback({ lang: 'nl', config, action: '/consent-services', organisation: ORGANISATION, decision: readConsent(req.headers.cookie, consent), returnTo: '/cookies-services', ...consent });
    return html(page(`<main><h1>Cookies</h1><consent-preferences>${fallback}</consent-preferences></main>`, ''));
  }
  res.writeHead(404).end();
}

before(async () => {
  harness = await startHarness();
  const server = createServer((req, res) => void serve(req, res));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = { server, port: server.address().port };
  site.url = (path, host = SITE_HOST) => `http://${host}:${site.port}${path}`;
});
after(async () => {
  site?.server.closeAllConnections();
  await new Promise((resolve) => (site ? site.server.close(resolve) : resolve()));
  await harness?.stop();
});

async function newContext(options = {}) {
  const context = await harness.browser.newContext(options);
  context.setDefaultTimeout(10000);
  return context;
}

/** The consent cookie the browser holds for the site, or `undefined`. */
async function consentCookie(context) {
  return (await context.cookies(site.url('/'))).find(({ name }) => name === 'consent_banner');
}

/** Seconds from now until a cookie's expiry. */
const secondsLeft = (cookie) => cookie.expires - Date.now() / 1000;

describe('cookie-url: the site\'s server sets the cookie of each decision (issue 14)', () => {
  it('after accept, the answer\'s Set-Cookie is the cookie the page wrote, and the browser stores it for max-age-days', async () => {
    const context = await newContext();
    const tab = await context.newPage();
    const errors = watchErrors(tab);
    received.length = 0;
    let release;
    holdConsent = new Promise((resolve) => (release = resolve));
    try {
      await tab.goto(site.url('/'));
      const answer = tab.waitForResponse((response) => response.url() === site.url('/consent'));
      await tab.getByRole('button', { name: 'Analytische cookies accepteren' }).click();
      // The page wrote its own cookie; the decision it sent is on its way and held by the server.
      const written = (await consentCookie(context))?.value;
      assert.match(written ?? '', /^1\|2026-11\|[0-9a-z]+\|a\|analytics:1$/);
      for (const started = Date.now(); received.length === 0; ) {
        assert.ok(Date.now() - started < 10000, 'the decision never reached the server');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Gone from the browser: from here on only the server's Set-Cookie can bring it back.
      await context.clearCookies();
      assert.equal(await consentCookie(context), undefined);
      release();
      const response = await answer;

      assert.equal(response.status(), 204);
      const setCookie = await response.headerValue('set-cookie');
      assert.equal(setCookie, `consent_banner=${written}; Path=/; Max-Age=${MAX_AGE_SECONDS}; SameSite=Lax`);
      const sent = JSON.parse(response.request().postData());
      assert.equal(setCookie, consentCookieHeader(sent, CONSENT), 'the Set-Cookie of the decision the page sent');
      assert.deepEqual(received.map(({ method, type, fetchSite }) => ({ method, type, fetchSite })), [{ method: 'POST', type: 'application/json', fetchSite: 'same-origin' }]);
      assert.match(received[0].cookie ?? '', /consent_banner=/, 'sent with the site\'s cookies (credentials: same-origin)');

      await tab.waitForFunction(() => document.cookie.includes('consent_banner='));
      const stored = await consentCookie(context);
      assert.equal(stored.value, written);
      assert.ok(Math.abs(secondsLeft(stored) - MAX_AGE_SECONDS) < 120, `expires in ${secondsLeft(stored)} s`);
      assert.equal(stored.sameSite, 'Lax');
      assert.equal(stored.httpOnly, false);
      assert.deepEqual(errors, []);
    } finally {
      holdConsent = null;
      release?.();
      await context.close();
    }
  });

  it('a returning visitor\'s page view fetches no part for it and sends nothing', async () => {
    const context = await newContext();
    const tab = await context.newPage();
    await tab.goto(site.url('/'));
    await Promise.all([
      tab.waitForResponse((response) => response.url() === site.url('/consent')),
      tab.getByRole('button', { name: 'Analytische cookies weigeren' }).click(),
    ]);
    const requests = [];
    tab.on('request', (request) => requests.push(new URL(request.url()).pathname));
    received.length = 0;
    await tab.reload();
    await tab.waitForFunction(() => document.querySelector('consent-banner').consent?.method === 'reject-all');
    await tab.waitForLoadState('networkidle');
    assert.deepEqual(requests.filter((path) => path !== '/'), ['/dist/consent-banner.bundle.js']);
    assert.deepEqual(received, []);
    await context.close();
  });
});

describe('the cookie page without JavaScript (issue 14)', () => {
  it('the form sets the cookie with the ticked categories and comes back to the page, which shows them ticked', async () => {
    const context = await newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(site.url('/cookies'));
    const analytics = tab.getByRole('checkbox', { name: 'Analytische cookies' });
    assert.equal(await analytics.isChecked(), false, 'nothing ticked before a choice (L5)');
    await analytics.check();
    const [answer] = await Promise.all([
      tab.waitForResponse((response) => response.url() === site.url('/consent')),
      tab.getByRole('button', { name: 'Keuze opslaan' }).click(),
    ]);
    assert.equal(answer.status(), 303);
    assert.equal(await answer.headerValue('location'), '/cookies');
    await tab.waitForURL(site.url('/cookies'));

    const stored = await consentCookie(context);
    assert.match(stored?.value ?? '', /^1\|2026-11\|[0-9a-z]+\|c\|analytics:1$/);
    assert.equal(await answer.headerValue('set-cookie'), `consent_banner=${stored.value}; Path=/; Max-Age=${MAX_AGE_SECONDS}; SameSite=Lax`);
    assert.ok(Math.abs(secondsLeft(stored) - MAX_AGE_SECONDS) < 120, `expires in ${secondsLeft(stored)} s`);
    assert.equal(await tab.getByRole('checkbox', { name: 'Analytische cookies' }).isChecked(), true, 'the page shows the saved choice');

    // Withdrawal is as easy (L11): one button refuses every optional category.
    await Promise.all([tab.waitForURL(site.url('/cookies')), tab.getByRole('button', { name: 'Alle optionele cookies weigeren' }).click()]);
    assert.match((await consentCookie(context)).value, /\|r\|analytics:0$/);
    assert.equal(await tab.getByRole('checkbox', { name: 'Analytische cookies' }).isChecked(), false);
    await context.close();
  });

  it('the form passes axe (WCAG 2.x A and AA): labelled checkboxes in a fieldset with a legend, named buttons', async () => {
    const context = await newContext();
    const tab = await context.newPage();
    await tab.goto(site.url('/form-only'));
    assert.equal(await tab.getByRole('group', { name: 'Optionele cookies' }).getByRole('checkbox', { name: 'Analytische cookies' }).count(), 1);
    assert.deepEqual(await axeViolations(tab), []);
    await context.close();
  });
});

describe('the cookie page without JavaScript, with services (docs/services.md)', () => {
  it('a box per service in a group named by the category: YouTube alone is saved as that service, shown ticked, and the form passes axe', async () => {
    const context = await newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(site.url('/cookies-services'));
    const videos = tab.getByRole('group', { name: "Video's" });
    assert.deepEqual(await videos.getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => box.value)), ['s--youtube', 's--vimeo']);
    await videos.getByRole('checkbox', { name: 'YouTube' }).check();
    await Promise.all([tab.waitForURL(site.url('/cookies-services')), tab.getByRole('button', { name: 'Keuze opslaan' }).click()]);
    assert.match((await consentCookie(context))?.value ?? '', /\|c\|analytics:0\.media:0\.s--youtube:1$/);
    assert.equal(await tab.getByRole('checkbox', { name: 'YouTube' }).isChecked(), true);
    assert.equal(await tab.getByRole('checkbox', { name: 'Vimeo' }).isChecked(), false);

    await tab.getByRole('checkbox', { name: 'Vimeo' }).check();
    await Promise.all([tab.waitForURL(site.url('/cookies-services')), tab.getByRole('button', { name: 'Keuze opslaan' }).click()]);
    assert.match((await consentCookie(context)).value, /\|c\|analytics:0\.media:0\.s--youtube:1\.s--vimeo:1$/, 'each service on its own, not the category');
    await context.close();

    const withScript = await newContext();
    const form = await withScript.newPage();
    await form.goto(site.url('/cookies-services'));
    assert.deepEqual(await axeViolations(form), []);
    await withScript.close();
  });
});

describe('a form on another site sets no consent (CSRF)', () => {
  for (const [where, from, target, reason] of [
    ['another site (Sec-Fetch-Site)', NAMED_HOST, SITE_HOST, /^Not from this site: Sec-Fetch-Site is "cross-site", not "same-origin"\. No cookie set\.$/],
    ['a sibling subdomain, without Sec-Fetch-Site (Origin)', `forum.${E2E_DOMAIN}`, NAMED_HOST, /^Not from this site: Origin http:\/\/forum\.gemeente\.test:\d+ is not this host \(www\.gemeente\.test:\d+\)\. No cookie set\.$/],
    ['another site, without Sec-Fetch-Site (Origin)', SITE_HOST, NAMED_HOST, /^Not from this site: Origin http:\/\/127\.0\.0\.1:\d+ is not this host/],
  ]) {
    it(`from ${where}: 403, and the browser has no consent cookie`, async () => {
      const context = await newContext({ javaScriptEnabled: false });
      const tab = await context.newPage();
      const handler = site.url('/consent', target);
      await tab.goto(`${site.url('/forged', from)}?to=${encodeURIComponent(handler)}`);
      const [answer] = await Promise.all([
        tab.waitForResponse((response) => response.url() === handler),
        tab.getByRole('button', { name: 'Claim' }).click(),
      ]);
      assert.equal(answer.status(), 403);
      assert.equal(await answer.headerValue('set-cookie'), null);
      assert.match(await answer.text(), reason);
      assert.deepEqual((await context.cookies(site.url('/', target))).map(({ name }) => name), []);
      await context.close();
    });
  }
});
