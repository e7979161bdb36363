// End-to-end checks of the Matomo integration on the built bundle, with the fake matomo.js model
// (demo/fake-matomo.js: requests built at once, sent only with consent, consent queue flushed by
// setConsentGiven, remembered consent `mtm_consent` honoured by requireConsent). Pages are served
// with the strict CSP of the harness (?csp=strict), as every documented snippet must run under it
// (I3, L1, L12).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { E2E_DOMAIN, startHarness, watchErrors } from './harness.mjs';

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

async function open(context, page) {
  const tab = await context.newPage();
  const errors = watchErrors(tab);
  await tab.goto(harness.urlFor(HOST, `/test/e2e/pages/${page}?csp=strict`));
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
    const { tab, errors } = await open(context, 'matomo-ungated.html');
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
    const { tab, errors } = await open(context, 'matomo-gated.html');
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
    const first = await open(context, 'matomo-gated.html');
    await first.tab.getByRole('button', { name: 'Analytische cookies accepteren' }).click();
    await received(first.tab, 'setConsentGiven');
    await first.tab.close();

    const { tab, errors } = await open(context, 'matomo-gated.html');
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
