import './fail-on-errors.js';
import { aTimeout, expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/consent-banner.js';
import { region as firstLayer } from './banner-harness.js';
import type { ConsentBanner } from '../src/ConsentBanner.js';
import type { ConsentChangeEvent } from '../src/events.js';
import { ConsentStore } from '../src/decision/consent-store.js';
import { captureConsole, clearCookies, cookieNames, fakeAnalyticsInline, fakeAnalyticsRuns, newPageView, recorded } from './helpers.js';

async function banner(attributes = ''): Promise<{ banner: ConsentBanner; root: HTMLElement }> {
  newPageView();
  const root = await fixture<HTMLElement>(`<div>
    <consent-banner lang="nl" privacy-url="/privacy" ${attributes}></consent-banner>
    <script type="text/plain" data-consent-category="analytics">${fakeAnalyticsInline('inline')}</script>
  </div>`);
  const element = root.querySelector('consent-banner')!;
  await element.updateComplete;
  return { banner: element, root };
}

/** Sets the browser's Global Privacy Control signal (a fake of the browser setting). */
function fakeGlobalPrivacyControl(on: boolean | undefined): void {
  if (on === undefined) delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
  else Object.defineProperty(navigator, 'globalPrivacyControl', { value: on, configurable: true });
}

describe('Global Privacy Control (I6, L19)', () => {
  beforeEach(() => {
    clearCookies();
    window.fakeAnalyticsRuns = {};
  });
  afterEach(() => fakeGlobalPrivacyControl(undefined));

  it('turns every optional category off, shows no banner and writes nothing', async () => {
    fakeGlobalPrivacyControl(true);
    const { banner: element } = await banner();
    expect(firstLayer(element)).to.equal(null);
    expect(element.consent?.method).to.equal('gpc');
    expect(element.hasConsent('analytics')).to.equal(false);
    expect(document.cookie).to.equal('');
    await aTimeout(20);
    expect(fakeAnalyticsRuns('inline')).to.equal(0);
  });

  it('explains itself in the choices, and an explicit choice wins and is stored', async () => {
    fakeGlobalPrivacyControl(true);
    const { banner: element } = await banner();
    await element.showPreferences();
    expect(element.shadowRoot!.querySelector('dialog .notice')!.textContent).to.contain('Global Privacy Control');
    element.acceptAll();
    expect(element.consent?.method).to.equal('accept-all');
    expect(document.cookie).to.match(/\|a\|analytics:1$/);
    await waitUntil(() => fakeAnalyticsRuns('inline') === 1);
  });

  it('fires no change when a page with the signal becomes visible again', async () => {
    fakeGlobalPrivacyControl(true);
    const { banner: element } = await banner();
    let changes = 0;
    element.addEventListener('consent-change', () => changes++);
    // The signal's decision is made anew on each read, with a new time: as if seconds had passed.
    const toISOString = Date.prototype.toISOString;
    Date.prototype.toISOString = () => '2099-01-01T00:00:00.000Z';
    try {
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      Date.prototype.toISOString = toISOString;
    }
    expect(changes).to.equal(0);
  });

  it('does nothing when the signal is false', async () => {
    fakeGlobalPrivacyControl(false);
    const { banner: element } = await banner();
    expect(firstLayer(element)).to.exist;
    expect(element.consent).to.equal(null);
  });

  it('is ignored with ignore-gpc', async () => {
    fakeGlobalPrivacyControl(true);
    const { banner: element } = await banner('ignore-gpc');
    expect(firstLayer(element)).to.exist;
    expect(element.consent).to.equal(null);
  });
});

describe('consent receipts (L13)', () => {
  interface Received {
    body: string;
    contentType: string;
    cookie: string | null;
    referer: string | null;
  }
  /** What the test server's receipt endpoint received since the last call, once `count` arrived. */
  const received = (count: number) => recorded<Received>('/test-receipts', count);

  beforeEach(async () => {
    clearCookies();
    await fetch('/test-receipts');
  });

  it('sends each decision to receipt-url: exactly the documented fields, no cookies, no page address', async () => {
    // The site's own session cookie, and a page address with personal data in it.
    document.cookie = 'session=secret-login-id; Path=/';
    history.replaceState(null, '', `${location.pathname}${location.search}&email=someone%40example.nl`);
    const { banner: element } = await banner('receipt-url="/test-receipts"');
    element.acceptAll();
    element.rejectAll();
    // Two requests in flight may arrive in either order.
    const [first, second] = await received(2);
    const [one, two] = [JSON.parse(first.body), JSON.parse(second.body)];
    expect(Object.keys(one).sort()).to.deep.equal(['categories', 'consentId', 'decidedAt', 'lang', 'method', 'policyVersion', 'textsHash']);
    expect([one.method, two.method].sort()).to.deep.equal(['accept-all', 'reject-all']);
    expect(one.consentId).to.match(/^[0-9a-z]{16}$/);
    expect(two.consentId).to.equal(one.consentId);
    expect(document.cookie).to.contain(`|${one.consentId}`);
    expect(first.contentType).to.equal('application/json');
    expect([first.cookie, first.referer, second.cookie, second.referer]).to.deep.equal([null, null, null, null]);
    history.replaceState(null, '', location.href.replace('&email=someone%40example.nl', ''));
  });

  it('sends nothing and keeps no id without receipt-url', async () => {
    const { banner: element } = await banner();
    element.acceptAll();
    await fetch('/test-receipts', { method: 'POST', body: 'marker' });
    expect((await received(1)).map(({ body }) => body)).to.deep.equal(['marker']);
    expect(document.cookie.split('|')).to.have.length(5);
  });

  it('an invalid receipt-url gets one console error and sends nothing', async () => {
    const errors = await captureConsole('error', async () => {
      const { banner: element } = await banner('receipt-url="javascript:alert(1)"');
      element.acceptAll();
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/receipt-url must be an http\(s\) address/);
    expect(document.cookie.split('|')).to.have.length(5);
  });

  it('never lets a failing receipt reach the page', async () => {
    const { banner: element } = await banner('receipt-url="http://127.0.0.1:9/unreachable"');
    element.acceptAll();
    expect(element.consent?.method).to.equal('accept-all');
  });
});

describe('cookie-url: the site\'s server sets the cookie of each decision (issue 14)', () => {
  /** The decisions the test server's stand-in for the handler received since the last call, once `count` arrived. */
  async function sent(count: number): Promise<{ method: string; categories: Record<string, boolean> }[]> {
    return (await recorded<{ body: string }>('/test-cookie-url', count)).map(({ body }) => JSON.parse(body));
  }

  beforeEach(async () => {
    clearCookies();
    await fetch('/test-cookie-url');
  });

  it('sends each decision made on the page, as the cookie holds it; a reset and a stored decision send nothing', async () => {
    const { banner: element } = await banner('cookie-url="/test-cookie-url"');
    element.acceptAll();
    expect((await sent(1)).map(({ method }) => method)).to.deep.equal(['accept-all']);
    element.grant('analytics');
    const [granted] = await sent(1);
    expect(granted).to.deep.equal(element.consent);
    element.reset();
    element.rejectAll();
    expect((await sent(1)).map(({ method }) => method)).to.deep.equal(['reject-all']);
    // The next page view, with the decision stored: nothing to send.
    await banner('cookie-url="/test-cookie-url"');
    await fetch('/test-cookie-url', { method: 'POST', body: JSON.stringify({ method: 'marker' }) });
    expect((await sent(1)).map(({ method }) => method)).to.deep.equal(['marker']);
  });

  it('sends nothing without cookie-url', async () => {
    const { banner: element } = await banner();
    element.acceptAll();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await fetch('/test-cookie-url', { method: 'POST', body: JSON.stringify({ method: 'marker' }) });
    expect((await sent(1)).map(({ method }) => method)).to.deep.equal(['marker']);
  });

  it('follows cookie-url changed after load', async () => {
    const { banner: element } = await banner();
    element.setAttribute('cookie-url', '/test-cookie-url?later');
    await element.updateComplete;
    element.rejectAll();
    expect((await sent(1)).map(({ method }) => method)).to.deep.equal(['reject-all']);
  });
});

describe('tabs of the same site stay in sync (I8)', () => {
  beforeEach(() => {
    clearCookies();
    window.fakeAnalyticsRuns = {};
  });

  /** Another tab of the site, as far as this page can tell: a second store on the same cookie. */
  function otherTab(): ConsentStore {
    const store = new ConsentStore({ categoryIds: ['analytics'] });
    store.startSync();
    return store;
  }

  it('a decision in another tab hides the question, runs gated scripts and fires consent-change', async () => {
    const { banner: element } = await banner();
    const tab = otherTab();
    const change = oneEvent(element, 'consent-change') as Promise<ConsentChangeEvent>;
    tab.decide({ analytics: true }, 'accept-all');
    expect((await change).detail.categories.analytics).to.equal(true);
    await element.updateComplete;
    expect(firstLayer(element)).to.equal(null);
    await waitUntil(() => fakeAnalyticsRuns('inline') === 1);
    tab.stopSync();
  });

  it('moves focus out of the question when another tab answers it, never to body', async () => {
    const { banner: element, root } = await banner();
    root.append(Object.assign(document.createElement('main'), { textContent: 'Inhoud' }));
    element.shadowRoot!.querySelector('button')!.focus();
    const tab = otherTab();
    const change = oneEvent(element, 'consent-change');
    tab.decide({ analytics: false }, 'reject-all');
    await change;
    await element.updateComplete;
    expect(document.activeElement?.localName).to.equal('main');
    tab.stopSync();
  });

  it('a withdrawal in another tab reaches this one', async () => {
    const { banner: element } = await banner();
    element.acceptAll();
    const tab = otherTab();
    const change = oneEvent(element, 'consent-change') as Promise<ConsentChangeEvent>;
    tab.decide({ analytics: false }, 'custom');
    expect((await change).detail.categories.analytics).to.equal(false);
    expect(element.hasConsent('analytics')).to.equal(false);
    tab.stopSync();
  });

  it('reads the cookie again when the page becomes visible', async () => {
    const { banner: element } = await banner();
    const writer = new ConsentStore({ categoryIds: ['analytics'] });
    writer.decide({ analytics: true }, 'accept-all'); // not syncing: only the cookie changes
    expect(element.hasConsent('analytics')).to.equal(false);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(element.hasConsent('analytics')).to.equal(true);
  });
});

describe('Dutch exempt-analytics mode (L17)', () => {
  beforeEach(() => {
    clearCookies();
    window.fakeAnalyticsRuns = {};
  });
  afterEach(() => fakeGlobalPrivacyControl(undefined));

  it('is off by default: analytics waits for consent', async () => {
    const { banner: element } = await banner();
    expect(element.hasConsent('analytics')).to.equal(false);
    expect(firstLayer(element)).to.exist;
  });

  it('runs analytics without asking and without writing anything', async () => {
    const { banner: element } = await banner('analytics-exempt');
    expect(firstLayer(element)).to.equal(null);
    expect(element.hasConsent('analytics')).to.equal(true);
    expect(element.consent).to.equal(null);
    expect(document.cookie).to.equal('');
    await waitUntil(() => fakeAnalyticsRuns('inline') === 1);
  });

  it('still offers an opt-out, which is stored and removes the cookies', async () => {
    const { banner: element } = await banner('analytics-exempt');
    await element.showPreferences();
    const box = element.shadowRoot!.querySelector<HTMLInputElement>('input[name="analytics"]')!;
    expect(box.checked).to.equal(true);
    expect(element.shadowRoot!.querySelector('#description-analytics')!.textContent).to.contain('geen toestemming nodig');
    document.cookie = '_pk_id.1.abc=visitor; Path=/';
    box.click();
    [...element.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Keuze opslaan')!.click();
    expect(element.hasConsent('analytics')).to.equal(false);
    expect(cookieNames()).to.deep.equal(['consent_banner']);
    expect(document.cookie).to.match(/^consent_banner=1\|1\|[0-9a-z]+\|c\|analytics:0$/);
  });

  it('asks only about the other optional categories', async () => {
    const page = await fixture<HTMLElement>(`<div><consent-banner lang="nl" privacy-url="/p" analytics-exempt>
      <script type="application/json">{"categories":[{"id":"media","label":"Video's","description":"Video's van YouTube.","cookies":[]}]}</script>
    </consent-banner></div>`);
    const element = page.querySelector('consent-banner')!;
    await element.updateComplete;
    const text = firstLayer(element)!.textContent!;
    expect(text).to.contain("Video's van YouTube.");
    expect(text).to.not.contain('Analytische cookies.');
  });

  it('gives way to Global Privacy Control', async () => {
    fakeGlobalPrivacyControl(true);
    const { banner: element } = await banner('analytics-exempt');
    expect(element.hasConsent('analytics')).to.equal(false);
  });
});
