import './fail-on-errors.js';
import { aTimeout, expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/consent-banner.js';
import type { ConsentBanner } from '../src/ConsentBanner.js';
import type { ConsentChangeEvent } from '../src/events.js';
import { captureConsole, clearCookies, fakeAnalyticsInline, fakeAnalyticsRuns, newPageView } from './helpers.js';

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
    await import('../src/integrations/index.js');
    await aTimeout(0);
  }
  return element;
}
const buttons = (element: ConsentBanner) => [...element.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());

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
    ['max-age-days out of range', 'max-age-days="0"', undefined, /max-age-days must be a whole number from 1 to 395/],
    ['policy-version too long', `policy-version="${'x'.repeat(40)}"`, undefined, /policy-version must be 1 to 32 characters/],
    ['cookie-name with a separator', 'cookie-name="a;b"', undefined, /cookie-name must be/],
    ['javascript: privacy-url', 'privacy-url="javascript:alert(1)"', undefined, /privacy-url must be an http\(s\) link/],
    ['data: privacy-url', 'privacy-url="data:text/html,hi"', undefined, /privacy-url must be an http\(s\) link/],
    ['cookie-domain of another site', 'cookie-domain="example.org"', undefined, /cookie-domain must be localhost or a parent of it.*"example.org"/],
    ['unknown integration', 'integrations="piwik"', undefined, /integrations: unknown name "piwik"/],
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
