import '../../fail-on-errors.js';
// When a receipt goes out (L13): the hash of the texts is computed as the banner's views show
// them, so that a decision's receipt starts in the decision's own task, before a visitor who
// leaves at once (or a reload after a withdrawal) could take the page away. This file is one page
// view with one banner, as the receipt's part watches the page's banner once: test/effects/
// integrations/consent-receipt.test.ts covers what the receipts say on many banners.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../../../src/consent-banner.js';
import type { ConsentBanner } from '../../../src/ConsentBanner.js';
import { clearCookies, recorded } from '../../helpers.js';

const { cases }: { cases: { attributes: Record<string, string>; textsHash: string }[] } = await (
  await fetch(new URL('../../fixtures/receipt-texts.json', import.meta.url))
).json();
const [dutch] = cases;

/** The requests started, as `POST /test-receipts`: every call goes on to the browser's own fetch. */
const fetchCalls: string[] = [];
const browserFetch = window.fetch;
window.fetch = (input, init) => {
  fetchCalls.push(`${init?.method ?? 'GET'} ${new URL(String(input), location.href).pathname}`);
  return browserFetch(input, init);
};

/**
 * fakeDigest: the browser's own SHA-256, resolved in a task of its own, as the Web Crypto spec has
 * `digest` (it runs in parallel and queues a task on the crypto task source to resolve; Firefox and
 * Safari do so, Chromium may resolve sooner). Each digest started is kept, to await them.
 */
const digests: Promise<ArrayBuffer>[] = [];
const browserDigest = crypto.subtle.digest;
crypto.subtle.digest = function fakeDigest(...args: Parameters<SubtleCrypto['digest']>) {
  const digest = browserDigest.apply(this, args).then((bytes) => new Promise<ArrayBuffer>((resolve) => setTimeout(() => resolve(bytes))));
  digests.push(digest);
  return digest;
};

/** The receipts requested within the current task: after its microtasks, before any other task. */
async function receiptsStartedInThisTask(): Promise<number> {
  const before = fetchCalls.length;
  // A digest, a part's load and a response each need a task of their own; microtasks do not.
  for (let i = 0; i < 20; i++) await null;
  return fetchCalls.slice(before).filter((call) => call === 'POST /test-receipts').length;
}

/** Resolves once every hash computed so far is done (and their continuations have run). */
async function hashesDone(): Promise<void> {
  await Promise.all(digests);
  await new Promise((resolve) => setTimeout(resolve));
}

describe('consent receipts: sent in the decision\'s task (L13)', () => {
  let element: ConsentBanner;

  before(async () => {
    clearCookies();
    await fetch('/test-receipts');
    element = document.createElement('consent-banner') as ConsentBanner;
    element.lang = 'nl';
    element.setAttribute('receipt-url', '/test-receipts');
    for (const [name, value] of Object.entries(dutch.attributes)) element.setAttribute(name, value);
    (await fixture<HTMLElement>('<div></div>')).append(element);
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part~="accept"]'), 'the first layer shows').to.exist;
  });

  it('computes the hash as the views show, and starts the request in the decision\'s own task', async () => {
    await waitUntil(() => digests.length > 0, 'the hash of what the banner shows, computed before any decision');
    await hashesDone();
    element.acceptAll();
    expect(await receiptsStartedInThisTask()).to.equal(1);
    const [{ body }] = await recorded<{ body: string }>('/test-receipts', 1);
    expect(JSON.parse(body)).to.include({ method: 'accept-all', lang: 'nl', textsHash: dutch.textsHash });
  });

  it('when what the banner shows changed since, sends the receipt once the new hash is computed, with it', async () => {
    element.setAttribute('site-name', 'www.waterschap-voorbeeld.nl');
    await element.updateComplete;
    element.rejectAll();
    // Not ready: the hash of the new texts takes a task (the digest), then the request goes.
    expect(await receiptsStartedInThisTask()).to.equal(0);
    const [{ body }] = await recorded<{ body: string }>('/test-receipts', 1);
    const { method, textsHash } = JSON.parse(body);
    expect(method).to.equal('reject-all');
    expect(textsHash).to.match(/^sha256-[A-Za-z0-9+/]{43}=$/).and.not.equal(dutch.textsHash);
    // Computed once, it is ready for the next decision on the same texts.
    await hashesDone();
    element.acceptAll();
    expect(await receiptsStartedInThisTask()).to.equal(1);
    const [again] = await recorded<{ body: string }>('/test-receipts', 1);
    expect(JSON.parse(again.body).textsHash).to.equal(textsHash);
  });
});
