import '../../fail-on-errors.js';
// What a receipt says the visitor was told (L13, GDPR art. 7(1); issue 14): its language and the
// hash of the texts the page's banner showed, against the test server's receipt endpoint
// (web-test-runner.config.mjs). The pages and hashes are shared with the Node tests of
// `receiptTexts` (test/fixtures/receipt-texts.json), so that the browser and the server agree.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../../../src/consent-banner.js';
import type { ConsentBanner } from '../../../src/ConsentBanner.js';
import { clearCookies, newPageView, recorded } from '../../helpers.js';

/** One page of test/fixtures/receipt-texts.json. */
interface Page {
  name: string;
  lang: string;
  attributes: Record<string, string>;
  config: unknown;
  textsHash: string;
}

const { cases }: { cases: Page[] } = await (await fetch(new URL('../../fixtures/receipt-texts.json', import.meta.url))).json();

/** A page view with the banner of `page`, accept-all clicked once its first layer shows: the receipt it sent. */
async function receiptOf(
  { lang, attributes, config }: Omit<Page, 'name' | 'textsHash'>,
  before: (element: ConsentBanner) => void = () => {},
): Promise<Record<string, unknown>> {
  clearCookies();
  newPageView();
  const element = document.createElement('consent-banner') as ConsentBanner;
  element.lang = lang;
  element.setAttribute('receipt-url', '/test-receipts');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (config) {
    const child = document.createElement('script');
    child.type = 'application/json';
    child.textContent = JSON.stringify(config);
    element.append(child);
  }
  const root = await fixture<HTMLElement>('<div></div>');
  root.append(element);
  await element.updateComplete;
  expect(element.shadowRoot!.querySelector('[part~="accept"]'), 'the first layer shows').to.exist;
  // Services get their texts from the catalogue's part: the dialog shows them once it is there.
  const configured = ((config as { categories?: { services?: unknown[] }[] } | null)?.categories ?? []).flatMap(({ services = [] }) => services).length;
  await waitUntil(() => element.categories.flatMap(({ services = [] }) => services).length === configured, 'the catalogue resolves the services');
  before(element);
  element.acceptAll();
  const [{ body }] = await recorded<{ body: string }>('/test-receipts', 1);
  return JSON.parse(body);
}

const [dutch] = cases;
/** The Dutch page with one thing changed. */
const dutchWith = (change: { attributes?: Record<string, string>; config?: unknown }) => ({
  lang: dutch.lang,
  attributes: { ...dutch.attributes, ...change.attributes },
  config: change.config ?? dutch.config,
});

describe('consent receipts: what the visitor was told (L13)', () => {
  beforeEach(async () => {
    await fetch('/test-receipts');
  });

  for (const page of cases) {
    it(`carries the language and the texts hash of the fixture: ${page.name}`, async () => {
      const receipt = await receiptOf(page);
      expect(Object.keys(receipt).sort()).to.deep.equal(['categories', 'consentId', 'decidedAt', 'lang', 'method', 'policyVersion', 'textsHash']);
      expect(receipt.lang).to.equal(page.lang.split('-')[0]);
      expect(receipt.textsHash).to.equal(page.textsHash);
    });
  }

  it('gives the same hash for the same texts on another page view, and another for any change in what is shown', async () => {
    const again = await receiptOf(dutch);
    const analytics = (cookies: { name: string; purpose: string; lifetime: string }[], description?: string) => ({
      categories: [{ id: 'analytics', ...(description ? { description: { nl: description } } : {}), cookies }],
    });
    const counter = { name: '_pk_id.*', purpose: 'Telt bezoeken.', lifetime: '13 maanden' };
    const changed = [
      dutchWith({ config: { texts: { nl: { ask: 'Mogen we ook deze cookies gebruiken?' } } } }),
      dutchWith({ config: { texts: { nl: { save: 'Opslaan' } } } }),
      dutchWith({ config: analytics([counter]) }),
      dutchWith({ config: analytics([{ ...counter, lifetime: '12 maanden' }]) }),
      dutchWith({ config: analytics([counter], 'Statistieken over het gebruik.') }),
      dutchWith({ attributes: { organisation: 'het waterschap Voorbeeld' } }),
      dutchWith({ attributes: { 'site-name': 'www.voorbeeld.nl' } }),
      dutchWith({ attributes: { 'policy-version': '2026-12' } }),
      dutchWith({ attributes: { 'max-age-days': '90' } }),
      dutchWith({ attributes: { 'privacy-url': '/cookies' } }),
      dutchWith({ attributes: { 'region-label': 'Over cookies' } }),
    ];
    const hashes = [];
    for (const page of changed) hashes.push((await receiptOf(page)).textsHash);
    expect(again.textsHash).to.equal(dutch.textsHash);
    expect(new Set([dutch.textsHash, ...hashes]).size, hashes.join(' ')).to.equal(changed.length + 1);
  });

  it('is sent without the hash where the browser cannot compute one, and the page never hears of it', async () => {
    const digest = crypto.subtle.digest;
    crypto.subtle.digest = () => Promise.reject(new Error('no Web Crypto on plain http'));
    try {
      // Texts of their own: a hash computed on an earlier page view of this test file is not there to reuse.
      const receipt = await receiptOf(dutchWith({ attributes: { 'site-name': 'www.zonder-webcrypto.nl' } }));
      expect([receipt.lang, receipt.textsHash, receipt.method]).to.deep.equal(['nl', null, 'accept-all']);
    } finally {
      crypto.subtle.digest = digest;
    }
  });

  it('is sent without the language and the hash when the texts cannot be read', async () => {
    // The receipt finds no banner to read the texts from: a stand-in for texts that cannot be read.
    const active = Symbol.for('consent-banner.active');
    const page = window as unknown as Record<symbol, unknown>;
    const receipt = await receiptOf(dutch, () => delete page[active]);
    expect([receipt.lang, receipt.textsHash, receipt.method]).to.deep.equal([null, null, 'accept-all']);
  });
});
