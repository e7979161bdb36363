import './fail-on-errors.js';
import { aTimeout, expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/consent-banner.js';
import { buttonTexts as buttons } from './banner-harness.js';
import type { ConsentBanner } from '../src/ConsentBanner.js';
import type { ConsentChangeEvent } from '../src/events.js';
import { captureConsole, clearCookies, fakeAnalyticsInline, fakeAnalyticsRuns, newPageView, withThrowingGpc } from './helpers.js';

declare global {
  interface Window {
    /** Set by the XSS payloads if any of them ever runs. */
    xssRan?: boolean;
  }
}

async function banner(attributes: string, config?: unknown): Promise<ConsentBanner> {
  newPageView();
  // In HTML, JSON must not contain "</script": "<" is written as \u003c.
  const json = config === undefined ? "" : `<script type="application/json">${JSON.stringify(config).replace(/</g, "\\u003c")}</script>`;
  const root = await fixture<HTMLElement>(`<div>
    <consent-banner lang="nl" ${attributes}>${json}</consent-banner>
    <script type="text/plain" data-consent-category="analytics">${fakeAnalyticsInline('inline')}</script>
  </div>`);
  const element = root.querySelector('consent-banner')!;
  await element.updateComplete;
  if (attributes.includes('integrations')) {
    // The integrations load as a part; wait until it has run.
    await import('../src/effects/integrations/index.js');
    await aTimeout(0);
  }
  return element;
}

describe('bad configuration: one clear error each, safe defaults, nothing granted', () => {
  beforeEach(() => {
    clearCookies();
    window.fakeAnalyticsRuns = {};
  });

  const cases: [string, string, unknown, RegExp][] = [
    ['unknown top-level key', '', { categorys: [] }, /config\.categorys is not a setting/],
    ['categories not an array', '', { categories: { id: 'media' } }, /config\.categories must be an array/],
    ['config not an object', '', ['media'], /config must be an object/],
    ['invalid id', '', { categories: [{ id: 'Media!', label: 'x', description: 'y', cookies: [] }] }, /config\.categories\[0\]\.id .*"Media!"/],
    ['duplicate id', '', { categories: [{ id: 'media', label: 'a', description: 'b', cookies: [] }, { id: 'media', label: 'a', description: 'b', cookies: [] }] }, /config\.categories\[1\]\.id .*"media"/],
    ['wrong type', '', { categories: [{ id: 'media', label: 42, description: 'b', cookies: [] }] }, /config\.categories\[0\] \("media"\) needs label/],
    ['unknown category field', '', { categories: [{ id: 'media', label: 'a', description: 'b', cookies: [], enabled: true }] }, /config\.categories\[0\]\.enabled is not a field/],
    ['a cookie pattern that would match every cookie', '', { categories: [{ id: 'media', label: 'a', description: 'b', cookies: [{ name: '*', purpose: 'p', lifetime: 'l' }] }] }, /needs label, description and cookies/],
    ['a new category without cookies: the error says they are required and may be []', '', { categories: [{ id: 'media', label: 'a', description: 'b' }] }, /needs label, description and cookies \[\{ name, purpose, lifetime \}\] \(\[\] for none\)/],
    ['max-age-days out of range', 'max-age-days="0"', undefined, /max-age-days must be a whole number from 1 to 395/],
    ['policy-version too long', `policy-version="${'x'.repeat(40)}"`, undefined, /policy-version must be 1 to 32 characters/],
    ['cookie-name with a separator', 'cookie-name="a;b"', undefined, /cookie-name must be/],
    ['javascript: privacy-url', 'privacy-url="javascript:alert(1)"', undefined, /privacy-url must be an http\(s\) address/],
    ['data: privacy-url', 'privacy-url="data:text/html,hi"', undefined, /privacy-url must be an http\(s\) address/],
    ['cookie-domain of another site', 'cookie-domain="example.org"', undefined, /cookie-domain must be localhost or a parent of it.*"example.org"/],
    ['unknown integration', 'integrations="piwik"', undefined, /integrations: unknown name "piwik"/],
    ['heading-level out of range', 'heading-level="7"', undefined, /heading-level must be a whole number from 1 to 6; got 7/],
    ['heading-level not a number', 'heading-level="h2"', undefined, /heading-level must be a whole number from 1 to 6; got null/],
    ['receipt-url not http(s)', 'receipt-url="ftp://example.nl/r"', undefined, /receipt-url must be an http\(s\) address/],
    ['non-numeric max-age-days', 'max-age-days="half a year"', undefined, /max-age-days must be a whole number/],
    ['cookie-name that a refusal would delete', 'cookie-name="_ga_consent"', undefined, /cookie-name must not match _ga_\*/],
    ['cookie pattern that matches the consent cookie', '', { categories: [{ id: 'media', label: 'a', description: 'b', cookies: [{ name: 'co*', purpose: 'p', lifetime: 'l' }] }] }, /cookie "co\*" matches the consent cookie "consent_banner"/],
  ];
  for (const [name, attributes, config, expected] of cases) {
    it(name, async () => {
      let element: ConsentBanner | undefined;
      const withPrivacy = attributes.includes('privacy-url') ? attributes : `${attributes} privacy-url="/privacy"`;
      const errors = await captureConsole('error', async () => {
        element = await banner(withPrivacy, config);
      });
      expect(errors, errors.join('\n')).to.have.length(1);
      expect(errors[0]).to.match(expected);
      expect(element!.hasConsent('analytics')).to.equal(false);
      expect(buttons(element!)).to.include('Zelf kiezen');
      await aTimeout(10);
      expect(fakeAnalyticsRuns('inline')).to.equal(0);
      expect(document.cookie).to.equal('');
    });
  }

  it('reports unparseable JSON once and asks with the defaults', async () => {
    const errors = await captureConsole('error', async () => {
      const root = await fixture<HTMLElement>(
        `<consent-banner lang="nl" privacy-url="/p"><script type="application/json">{"categories": [</script></consent-banner>`,
      );
      await (root as ConsentBanner).updateComplete;
      expect(buttons(root as ConsentBanner)).to.include('Analytische cookies accepteren');
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('JSON configuration cannot be parsed');
  });
});

describe('configuration text is always text, never markup', () => {
  beforeEach(clearCookies);
  afterEach(() => delete window.xssRan);

  it('shows payloads in every text field as text, and runs none of them', async () => {
    const payload = '<img src=x onerror="window.xssRan=true"><script>window.xssRan=true</script>"\'><svg onload="window.xssRan=true">';
    const escaped = payload.replace(/"/g, '&quot;');
    const element = await banner(`site-name="${escaped}" organisation="${escaped}" privacy-url="/privacy"`, {
      categories: [
        { id: 'media', label: payload, description: payload, cookies: [{ name: '_media', purpose: payload, lifetime: payload }] },
        { id: 'analytics', label: { nl: payload }, description: { nl: payload }, cookies: [] },
      ],
    });
    await element.showPreferences();
    element.acceptAll();
    await element.updateComplete;
    const root = element.shadowRoot!;
    expect(root.querySelectorAll('img, svg, script')).to.have.length(0);
    expect(root.textContent).to.contain('<img src=x onerror=');
    await aTimeout(50);
    expect(window.xssRan).to.equal(undefined);
  });
});

describe('storage faults: cookies that throw', () => {
  const original = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
  afterEach(() => Object.defineProperty(Document.prototype, 'cookie', original));

  it('works for this page with the choice in memory, one warning, no throw', async () => {
    window.fakeAnalyticsRuns = {};
    // A fake of a browser with cookies blocked: document.cookie throws both ways.
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      get() {
        throw new DOMException('fake: cookies are blocked', 'SecurityError');
      },
      set() {
        throw new DOMException('fake: cookies are blocked', 'SecurityError');
      },
    });
    let element: ConsentBanner | undefined;
    const warnings = await captureConsole('warn', async () => {
      element = await banner('privacy-url="/privacy"');
      element.acceptAll();
      element.rejectAll();
      element.acceptAll();
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('kept for this page only');
    expect(element!.hasConsent('analytics')).to.equal(true);
    await waitUntil(() => fakeAnalyticsRuns('inline') === 1);
  });
});

describe('owner mistakes and odd values: one error, never a throw, never consent', () => {
  beforeEach(clearCookies);

  it('hasConsent and whenGranted answer only for configured categories', async () => {
    const element = await banner('privacy-url="/privacy"');
    element.rejectAll();
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      expect(element.hasConsent(name), name).to.equal(false);
    }
    let settled = false;
    const errors = await captureConsole('error', async () => {
      void element.whenGranted('__proto__').then(() => (settled = true));
      element.acceptAll();
      await aTimeout(0);
    });
    expect(settled).to.equal(false);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('whenGranted: "__proto__" is no configured category');
  });

  it('integrations, config and options of the wrong type are reported, not thrown', async () => {
    const cyclic: Record<string, unknown> = { categories: [] };
    cyclic.self = cyclic;
    const errors = await captureConsole('error', async () => {
      newPageView();
      const element = document.createElement('consent-banner');
      element.setAttribute('privacy-url', '/privacy');
      Object.assign(element, { integrations: ['matomo'], maxAgeDays: 10n, config: cyclic });
      document.body.append(element);
      await element.updateComplete;
      element.integrations = 42 as unknown as string;
      await element.updateComplete;
      expect(element.hasConsent('analytics')).to.equal(false);
      element.remove();
    });
    expect(errors.filter((e) => e.includes('integrations must be a string'))).to.have.length(2);
    expect(errors.some((e) => e.includes('got 10n'))).to.equal(true);
    expect(errors.some((e) => e.includes('config.self is not a setting'))).to.equal(true);
  });

  it('a non-numeric max-age-days is reported once, and a choice still shows its confirmation', async () => {
    let element: ConsentBanner | undefined;
    const errors = await captureConsole('error', async () => {
      element = await banner('privacy-url="/privacy" max-age-days="abc"');
      element.acceptAll();
      await element.updateComplete;
      element.requestUpdate();
      await element.updateComplete;
    });
    expect(errors).to.have.length(1);
    expect(element!.shadowRoot!.querySelector('.confirmation')).to.exist;
  });

  it('the dialog lists the cookie name and lifetime really written, not a refused value', async () => {
    let element: ConsentBanner | undefined;
    await captureConsole('error', async () => {
      element = await banner('privacy-url="/privacy" cookie-name="a;b" max-age-days="abc"');
    });
    await element!.showPreferences();
    const text = element!.shadowRoot!.querySelector('dialog')!.textContent!;
    expect(text).to.contain('consent_banner');
    expect(text).to.contain('182 dagen');
    expect(text).to.not.contain('NaN');
    expect(text).to.not.contain('a;b');
  });

  for (const [name, markup] of [
    ['with MIME parameters', '<script type="application/json; charset=utf-8">{CONFIG}</script>'],
    ['wrapped in an element by a CMS', '<p><script type="application/json">{CONFIG}</script></p>'],
    ['its text wrapped in an HTML comment', '<script type="application/json"><!--{CONFIG}--></script>'],
  ]) {
    it(`reads the JSON configuration ${name}`, async () => {
      newPageView();
      const config = JSON.stringify({ categories: [{ id: 'media', label: "Video's", description: 'Video.', cookies: [] }] });
      const errors = await captureConsole('error', async () => {
        const root = await fixture<HTMLElement>(`<consent-banner lang="nl" privacy-url="/p">${markup.replace('{CONFIG}', config)}</consent-banner>`);
        await (root as ConsentBanner).updateComplete;
        expect((root as ConsentBanner).categories.map(({ id }) => id)).to.deep.equal(['necessary', 'analytics', 'media']);
      });
      expect(errors).to.deep.equal([]);
    });
  }

  it('a gated element with a category that is not configured gets one error and stays blocked', async () => {
    newPageView();
    const errors = await captureConsole('error', async () => {
      const root = await fixture<HTMLElement>(`<div>
        <consent-banner lang="nl" privacy-url="/p"></consent-banner>
        <script type="text/plain" data-consent-category="analytcs">${fakeAnalyticsInline('typo')}</script>
        <script type="text/plain" data-consent-category="analytcs">${fakeAnalyticsInline('typo')}</script>
      </div>`);
      root.querySelector('consent-banner')!.acceptAll();
      await aTimeout(10);
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('data-consent-category="analytcs" is not a configured category');
    expect(fakeAnalyticsRuns('typo')).to.equal(0);
  });

  it('a gated iframe loads only an http(s) address (an empty data-src would load the page itself)', async () => {
    for (const address of ['javascript:window.xssRan=true', '']) {
      newPageView();
      const errors = await captureConsole('error', async () => {
        const root = await fixture<HTMLElement>(`<div>
          <consent-banner lang="nl" privacy-url="/p"></consent-banner>
          <iframe data-consent-category="analytics" data-src="${address}" title="x"></iframe>
        </div>`);
        root.querySelector('consent-banner')!.acceptAll();
        await aTimeout(10);
        expect(root.querySelector('iframe')!.getAttribute('src')).to.equal(null);
      });
      expect(errors).to.deep.equal([`<consent-banner>: a gated iframe's data-src must be an http(s) address; got ${JSON.stringify(address)}. It stays blocked.`]);
    }
    expect(window.xssRan).to.equal(undefined);
  });

  it('an opener inside a shadow root opens the choices', async () => {
    const element = await banner('privacy-url="/privacy"');
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<a href="/privacy" data-consent-open>Cookie-instellingen</a>';
    document.body.append(host);
    const link = host.shadowRoot!.querySelector('a')!;
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    link.dispatchEvent(click);
    await waitUntil(() => element.shadowRoot!.querySelector('dialog')?.open, 'dialog opens');
    expect(click.defaultPrevented).to.equal(true);
    element.shadowRoot!.querySelector('dialog')!.close();
    host.remove();
  });

  it('removing the banner while the dialog loads settles quietly (no unhandled rejection)', async () => {
    const element = await banner('privacy-url="/privacy"');
    const opening = element.showPreferences();
    element.remove();
    await opening;
    expect(element.shadowRoot!.querySelector('dialog')?.open ?? false).to.equal(false);
  });
});

describe('acting on the decision never aborts the element; changed options are changes', () => {
  beforeEach(() => {
    clearCookies();
    window.fakeAnalyticsRuns = {};
  });
  afterEach(() => delete window._paq);

  it('a policy-version changed after load is a change: consent-change fires, Matomo is told, the banner asks', async () => {
    window._paq = [];
    const element = await banner('privacy-url="/privacy" integrations="matomo" policy-version="1"');
    element.acceptAll();
    expect(window._paq).to.deep.include(['setConsentGiven']);
    const changed = oneEvent(element, 'consent-change');
    element.policyVersion = '2';
    const event = await changed;
    expect(event.detail.decided).to.equal(false);
    expect(event.detail.policyVersion).to.equal('2');
    expect(window._paq).to.deep.include(['forgetConsentGiven']);
    await element.updateComplete;
    expect(buttons(element)).to.include('Analytische cookies accepteren');
  });

  it('attributes set in the same task as the insertion count (as frameworks set them): an old grant for policy "1" runs nothing under "2"', async () => {
    document.cookie = `consent_banner=1|1|${Math.floor(Date.now() / 1000 - 60).toString(36)}|a|analytics:1; Path=/`;
    newPageView();
    const root = await fixture<HTMLElement>(`<div><script type="text/plain" data-consent-category="analytics">${fakeAnalyticsInline('framework')}</script></div>`);
    const element = document.createElement('consent-banner');
    element.lang = 'nl';
    const ready = oneEvent(element, 'consent-ready');
    root.prepend(element);
    element.setAttribute('privacy-url', '/privacy');
    element.setAttribute('policy-version', '2');
    const { detail } = await ready;
    expect(detail.policyVersion).to.equal('2');
    expect(detail.decided).to.equal(false);
    await element.updateComplete;
    await aTimeout(10);
    expect(fakeAnalyticsRuns('framework')).to.equal(0);
    expect(buttons(element)).to.include('Analytische cookies accepteren');
  });

  it('the tools hear the stored decision before any gated element comes alive (a cached matomo.js cannot run first)', async () => {
    document.cookie = `consent_banner=1|1|${Math.floor(Date.now() / 1000 - 60).toString(36)}|a|analytics:1; Path=/`;
    newPageView();
    const root = await fixture<HTMLElement>(`<div>
      <consent-banner lang="nl" privacy-url="/privacy" integrations="matomo"></consent-banner>
      <script type="text/plain" data-consent-category="analytics">window.paqWhenGatedRan = JSON.stringify(window._paq);</script>
    </div>`);
    await root.querySelector('consent-banner')!.updateComplete;
    expect((window as { paqWhenGatedRan?: string }).paqWhenGatedRan).to.equal('[["setConsentGiven"]]');
    delete (window as { paqWhenGatedRan?: string }).paqWhenGatedRan;
  });

  it('a method called in the same task as the insertion acts at once', async () => {
    newPageView();
    const element = document.createElement('consent-banner');
    element.setAttribute('privacy-url', '/privacy');
    document.body.append(element);
    element.acceptAll();
    expect(element.hasConsent('analytics')).to.equal(true);
    element.remove();
  });

  it('a Global Privacy Control getter that throws leaves the banner working', async () => {
    await withThrowingGpc(async () => {
      const element = await banner('privacy-url="/privacy"');
      expect(buttons(element)).to.include('Analytische cookies accepteren');
      element.acceptAll();
      await waitUntil(() => fakeAnalyticsRuns('inline') === 1);
    });
  });

  it('a gated script the browser refuses gets one error; the other gated scripts run and the banner confirms', async () => {
    newPageView();
    const root = await fixture<HTMLElement>(`<div>
      <consent-banner lang="nl" privacy-url="/privacy"></consent-banner>
      <script type="text/plain" data-consent-category="analytics" class="refused">${fakeAnalyticsInline('refused')}</script>
      <script type="text/plain" data-consent-category="analytics">${fakeAnalyticsInline('after')}</script>
    </div>`);
    const element = root.querySelector('consent-banner')!;
    await element.updateComplete;
    // A fake of the browser refusing one script (as Trusted Types does): replacing it throws.
    root.querySelector('.refused')!.replaceWith = () => {
      throw new TypeError('fake: refused by Trusted Types');
    };
    const errors = await captureConsole('error', async () => {
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="accept"]')!.click();
      await element.updateComplete;
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('could not be brought to life (TypeError: fake: refused by Trusted Types)');
    expect(fakeAnalyticsRuns('after')).to.equal(1);
    expect(element.shadowRoot!.querySelector('.confirmation')).to.exist;
  });
});

describe('lifecycle faults', () => {
  beforeEach(clearCookies);

  it('a rapid double click on accept makes one decision and one event', async () => {
    const element = await banner('privacy-url="/privacy"');
    const events: ConsentChangeEvent[] = [];
    element.addEventListener('consent-change', (event) => events.push(event));
    const accept = [...element.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Analytische cookies accepteren')!;
    accept.click();
    accept.click();
    expect(events).to.have.length(1);
  });

  it('a rapid double click in the dialog makes one decision and one event', async () => {
    const element = await banner('privacy-url="/privacy"');
    await element.showPreferences();
    const events: ConsentChangeEvent[] = [];
    element.addEventListener('consent-change', (event) => events.push(event));
    const reject = [...element.shadowRoot!.querySelectorAll('dialog button')].find((b) => b.textContent!.trim() === 'Alle optionele cookies weigeren') as HTMLButtonElement;
    reject.click();
    reject.click();
    expect(events).to.have.length(1);
  });

  it('a second banner on the page reports itself once and does nothing', async () => {
    newPageView();
    const events: Event[] = [];
    const listen = (event: Event) => events.push(event);
    document.addEventListener('consent-ready', listen);
    document.addEventListener('consent-change', listen);
    let root: HTMLElement | undefined;
    const errors = await captureConsole('error', async () => {
      root = await fixture<HTMLElement>(`<div>
        <consent-banner lang="nl" privacy-url="/privacy"></consent-banner>
        <consent-banner lang="nl" privacy-url="/privacy"></consent-banner>
      </div>`);
    });
    const [first, second] = [...root!.querySelectorAll('consent-banner')];
    await first.updateComplete;
    await second.updateComplete;
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('more than one <consent-banner>');
    expect(second.shadowRoot!.querySelector('section')).to.equal(null);
    second.acceptAll();
    expect(second.consent).to.equal(null);
    first.acceptAll();
    document.removeEventListener('consent-ready', listen);
    document.removeEventListener('consent-change', listen);
    expect(events.map(({ type }) => type)).to.deep.equal(['consent-ready', 'consent-change']);
  });
});
