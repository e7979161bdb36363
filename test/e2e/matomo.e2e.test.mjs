// End-to-end checks of the Matomo integration on the built bundle, with the fake matomo.js model
// (demo/fake-matomo.js: requests built at once, sent only with consent, consent queue flushed by
// setConsentGiven, remembered consent `mtm_consent` honoured by requireConsent). The pages are
// built from the Matomo snippet of docs/integrations.md, as documented (gated) and with its gate
// taken off, and served with the strict CSP of the harness (I3, L1, L12).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readSnippets, withoutPlaceholders } from './doc-snippets.mjs';
import { E2E_DOMAIN, STRICT_CSP, startHarness, watchErrors } from './harness.mjs';

let harness;
before(async () => {
  harness = await startHarness();
});
after(async () => {
  await harness?.stop();
});

const HOST = `www.${E2E_DOMAIN}`;

/** A fresh profile on www.gemeente.test, optionally with cookies left over from earlier visits. */
async function openContext(cookies = []) {
  const context = await harness.browser.newContext();
  context.setDefaultTimeout(10000);
  if (cookies.length) await context.addCookies(cookies);
  return context;
}

/** The documented Matomo page snippet (docs/integrations.md, "Matomo" › "Page snippet"). */
const [documented] = readSnippets(['docs/integrations.md']).filter(({ section }) => section.endsWith('Matomo (`matomo`, I3) › Page snippet'));
const MATOMO_JS = 'https://statistiek.example.nl/matomo.js';

/**
 * A page with the documented snippet: `gated` as documented, else with the gate taken off (the
 * scripts plain and matomo.js blocking, so that it runs BEFORE the banner's deferred module: what a
 * cached async matomo.js can do).
 */
function pageWith(gated) {
  let snippet = withoutPlaceholders(documented.source);
  if (!gated) snippet = snippet.replaceAll(' type="text/plain" data-consent-category="analytics"', '').replace(/\s+async\s+src=/, ' src=');
  return `<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>E2E Matomo ${gated ? 'behind the gate' : 'without the gate'}</title>
    <script nonce="e2e-nonce" src="/test/e2e/pages/record-violations.js"></script>
    <script type="module" nonce="e2e-nonce" src="/dist/consent-banner.bundle.js"></script>
  </head>
  <body>
    <consent-banner site-name="test.nl" privacy-url="/privacy" integrations="matomo"></consent-banner>
    <main><h1>Matomo</h1><p><a href="/privacy" data-consent-open>Cookie-instellingen</a></p></main>
    ${snippet}
  </body>
</html>`;
}

/**
 * Opens the gated or ungated page; matomo.js is the fake tracker. The page and the files it loads
 * are all answered here (a routed page counts as public address space for Chromium, which then
 * refuses loopback requests), from the repository as the test server would.
 */
async function open(context, page) {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.href === MATOMO_JS) return route.fulfill({ path: 'demo/fake-matomo.js', contentType: 'text/javascript' });
    if (url.hostname !== HOST) return route.abort();
    if (url.pathname === '/matomo.html') {
      const body = pageWith(url.searchParams.get('gate') !== 'off');
      return route.fulfill({ contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': STRICT_CSP }, body });
    }
    return route.fulfill({ path: `.${url.pathname}` });
  });
  const tab = await context.newPage();
  const errors = watchErrors(tab);
  await tab.goto(harness.urlFor(HOST, `/matomo.html?gate=${page === 'gated' ? 'on' : 'off'}`));
  return { tab, errors };
}

/** What the fake tracker recorded as sent, by request type. */
const sentOf = (tab, type) => tab.evaluate((wanted) => window.fakeMatomo.sent.filter((request) => request.type === wanted), type);

/** Resolves once the fake tracker has received a command named `name` (the integration's push). */
const received = (tab, name, count = 1) =>
  tab.waitForFunction(
    ([wanted, times]) => (window.fakeMatomo?.received ?? []).filter((command) => command[0] === wanted).length >= times,
    [name, count],
  );

/** Matomo's "remembered consent" cookies from its own consent feature, host and parent domain. */
const leftovers = [
  { name: 'mtm_consent', value: '1700000000000', domain: HOST, path: '/' },
  { name: 'mtm_consent', value: '1700000000000', domain: `.${E2E_DOMAIN}`, path: '/' },
  { name: 'mtm_cookie_consent', value: '1700000000000', domain: HOST, path: '/' },
];

describe('Matomo with the fake tracker (I3, L1, L12)', () => {
  it('ungated snippet, leftover mtm_consent, matomo.js before the banner: nothing is sent before a choice', async () => {
    const context = await openContext(leftovers);
    const { tab, errors } = await open(context, 'ungated');
    const accept = tab.getByRole('button', { name: 'Analytische cookies accepteren' });
    await accept.waitFor();
    // fake-matomo.js ran before the banner's module and has applied the whole snippet by now.
    assert.equal(await tab.evaluate(() => window.fakeMatomo.state.consentRequired), true);
    assert.deepEqual(await tab.evaluate(() => window.fakeMatomo.sent), []);
    assert.equal(await tab.evaluate(() => window.fakeMatomo.queue().length), 1);
    await tab.waitForFunction(() => document.readyState === 'complete');
    assert.deepEqual(await tab.evaluate(() => window.fakeMatomo.sent), []);
    const names = (await context.cookies()).map(({ name }) => name);
    assert.ok(!names.some((name) => name.startsWith('mtm_') || name.startsWith('_pk_')), names.join());

    await accept.click();
    await received(tab, 'setConsentGiven');
    assert.equal((await sentOf(tab, 'pageview')).length, 1);
    assert.deepEqual(await tab.evaluate(() => window.cspViolations), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('withdraw, then an event, then a re-grant on the same page: that event is never sent', async () => {
    const context = await openContext(leftovers);
    const { tab, errors } = await open(context, 'gated');
    await tab.getByRole('button', { name: 'Analytische cookies accepteren' }).click();
    await received(tab, 'setConsentGiven');
    assert.equal((await sentOf(tab, 'pageview')).length, 1);

    await tab.evaluate(() => document.querySelector('consent-banner').rejectAll());
    await received(tab, 'deleteCookies');
    await tab.evaluate(() => window._paq.push(['trackEvent', 'Formulier', 'Verzonden', 'tijdens intrekking']));
    assert.equal(await tab.evaluate(() => window.fakeMatomo.queue().length), 1);
    const granted = tab.evaluate(
      () => new Promise((resolve) => document.addEventListener('consent-change', (event) => resolve(event.detail.categories.analytics), { once: true })),
    );
    await tab.evaluate(() => document.querySelector('consent-banner').acceptAll());
    assert.equal(await granted, true);
    assert.deepEqual(await sentOf(tab, 'event'), []);
    assert.equal(await tab.evaluate(() => window.fakeMatomo.received.filter(([name]) => name === 'setConsentGiven').length), 1);
    assert.deepEqual(await tab.evaluate(() => window.cspViolations), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a stored grant on the next page view: the page view is sent once', async () => {
    const context = await openContext(leftovers);
    const first = await open(context, 'gated');
    await first.tab.getByRole('button', { name: 'Analytische cookies accepteren' }).click();
    await received(first.tab, 'setConsentGiven');
    await first.tab.close();

    const { tab, errors } = await open(context, 'gated');
    await received(tab, 'setConsentGiven');
    await tab.waitForFunction(() => document.readyState === 'complete');
    assert.equal((await sentOf(tab, 'pageview')).length, 1);
    assert.deepEqual(await tab.evaluate(() => window.fakeMatomo.queue()), []);
    assert.equal(await tab.evaluate(() => window.fakeMatomo.received.filter(([name]) => name === 'setConsentGiven').length), 1);
    assert.deepEqual(await tab.evaluate(() => window.cspViolations), []);
    assert.deepEqual([...first.errors, ...errors], []);
    await context.close();
  });
});
