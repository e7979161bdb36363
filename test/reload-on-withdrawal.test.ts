import './fail-on-errors.js';
// `reload-on-withdrawal` (issue 14, item 7; L12): a tool that cannot be told keeps running until
// the page goes, so the banner reloads the page once after a withdrawal. Each page view is a page
// of the site (test/pages/reload-on-withdrawal.html) in an iframe, whose load events count the
// reloads while this test page stays.
import { expect, waitUntil } from '@open-wc/testing';
import type { ConsentBanner } from '../src/ConsentBanner.js';
import type { ConsentPreferences } from '../src/ui/ConsentPreferences.js';
import { clearCookies, recorded } from './helpers.js';

/** A page view of the site in an iframe, and how often it has loaded (reloads included). */
class FramedPage {
  readonly frame = document.createElement('iframe');
  loads = 0;
  /** The `consent-change` events its pages fired (the page's own listeners hear them before a reload). */
  readonly changes: string[] = [];

  constructor(query: string) {
    this.frame.addEventListener('load', () => {
      this.loads++;
      this.document.addEventListener('consent-change', (event) => this.changes.push(JSON.stringify((event as CustomEvent).detail.categories)));
    });
    this.frame.src = `/test/pages/reload-on-withdrawal.html?${query}`;
    document.body.append(this.frame);
  }

  get window(): Window & { fakeToolRuns?: number } {
    return this.frame.contentWindow!;
  }

  get document(): Document {
    return this.frame.contentDocument!;
  }

  get banner(): ConsentBanner {
    return this.document.querySelector('consent-banner') as ConsentBanner;
  }

  /** Resolves once the page has loaded `count` times and its banner has rendered. */
  async loaded(count: number): Promise<void> {
    await waitUntil(() => this.loads >= count && this.document.readyState === 'complete', `load ${count} of the framed page`, { timeout: 3000 });
    await this.banner.updateComplete;
  }

  /** No further load: a reload would have started by now (an absence has no event to await). */
  async staysLoaded(count: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(this.loads, 'loads of the framed page').to.equal(count);
  }
}

const pages: FramedPage[] = [];
async function framedPage(query = 'reload-on-withdrawal'): Promise<FramedPage> {
  const page = new FramedPage(query);
  pages.push(page);
  await page.loaded(1);
  return page;
}

describe('reload-on-withdrawal: stops what already runs (L12)', () => {
  beforeEach(clearCookies);
  afterEach(() => pages.splice(0).forEach(({ frame }) => frame.remove()));

  it('reloads once after a withdrawal in the dialog, once the decision is stored and told; the tool then stays off', async () => {
    const page = await framedPage();
    page.banner.acceptAll();
    expect(page.window.fakeToolRuns).to.equal(1);
    await page.banner.showPreferences();
    const root = page.banner.shadowRoot!;
    root.querySelector<HTMLInputElement>('dialog input[name="analytics"]')!.click();
    [...root.querySelectorAll<HTMLButtonElement>('dialog button')].find((button) => button.textContent!.trim() === 'Keuze opslaan')!.click();
    await page.loaded(2);
    // The page's own listeners heard the withdrawal before the reload.
    expect(page.changes).to.deep.equal([JSON.stringify({ necessary: true, analytics: true }), JSON.stringify({ necessary: true, analytics: false })]);
    expect(page.banner.consent?.categories).to.deep.equal({ necessary: true, analytics: false });
    expect(page.window.fakeToolRuns).to.equal(undefined);
    // The reloaded page reads a decision that withdraws nothing: no second reload.
    await page.staysLoaded(2);
  });

  it('does not reload when nothing granted is withdrawn: a first refusal, a refusal again, a grant, an acceptance, changed attributes', async () => {
    const page = await framedPage();
    page.banner.rejectAll();
    page.banner.rejectAll();
    page.banner.grant('analytics');
    page.banner.acceptAll();
    // Not the visitor's withdrawal (and a page whose script sets it after load would reload for ever).
    page.banner.setAttribute('policy-version', '2');
    await page.banner.updateComplete;
    expect(page.banner.hasConsent('analytics')).to.equal(false);
    await page.staysLoaded(1);
  });

  it('does not reload without the attribute', async () => {
    const page = await framedPage('');
    page.banner.acceptAll();
    page.banner.rejectAll();
    expect(page.banner.hasConsent('analytics')).to.equal(false);
    await page.staysLoaded(1);
  });

  it('reloads after reset() forgot a granted category: the reloaded page asks again', async () => {
    const page = await framedPage();
    page.banner.acceptAll();
    page.banner.reset();
    await page.loaded(2);
    expect(page.banner.consent).to.equal(null);
    expect(page.banner.shadowRoot!.querySelector('[part~="accept"]'), 'the first layer asks').to.exist;
    await page.staysLoaded(2);
  });

  it('reloads another open tab of the site too, where the tool ran as well', async () => {
    const [here, other] = [await framedPage(), await framedPage()];
    here.banner.acceptAll();
    await waitUntil(() => other.window.fakeToolRuns === 1, 'the other tab follows the acceptance');
    other.banner.rejectAll();
    await here.loaded(2);
    await other.loaded(2);
    expect([here.window.fakeToolRuns, other.window.fakeToolRuns]).to.deep.equal([undefined, undefined]);
    await here.staysLoaded(2);
    expect(other.loads).to.equal(2);
  });

  it('sends the receipt and the cookie-url request of the withdrawal before it reloads, also when their parts load only then', async () => {
    await fetch('/test-receipts');
    await fetch('/test-cookie-url');
    const query = 'reload-on-withdrawal&receipt-url=/test-receipts&cookie-url=/test-cookie-url';
    const first = await framedPage(query);
    first.banner.acceptAll();
    await recorded('/test-receipts', 1);
    await recorded('/test-cookie-url', 1);
    first.frame.remove();
    // A returning visitor: nothing shows, so the receipt's texts and the cookie-url part load at the withdrawal.
    const page = await framedPage(query);
    expect(page.banner.shadowRoot!.childNodes.length, 'nothing shows').to.equal(0);
    // fakeSlowDigest: the page's own SHA-256, resolved only after 500 ms (a slow device: Web Crypto
    // resolves `digest` when it is done, at no set time), so the receipt starts well after the decision.
    const subtle = page.window.crypto.subtle;
    const digest = subtle.digest.bind(subtle);
    subtle.digest = (...args: Parameters<SubtleCrypto['digest']>) =>
      digest(...args).then((bytes) => new Promise<ArrayBuffer>((resolve) => setTimeout(() => resolve(bytes), 500)));
    page.banner.rejectAll();
    await page.loaded(2);
    const [receipt] = await recorded<{ body: string }>('/test-receipts', 1);
    const [cookie] = await recorded<{ body: string }>('/test-cookie-url', 1);
    expect(JSON.parse(receipt.body)).to.include({ method: 'reject-all', lang: 'nl' });
    expect(JSON.parse(receipt.body).textsHash).to.match(/^sha256-/);
    expect(JSON.parse(cookie.body).method).to.equal('reject-all');
  });

  it('shows the cookie page\'s message again after the reload, once, with focus on it', async function () {
    this.timeout(15000);
    const page = await framedPage('reload-on-withdrawal&cookie-page');
    const preferences = () => page.document.querySelector('consent-preferences') as ConsentPreferences;
    const rendered = () => waitUntil(() => preferences().shadowRoot?.querySelector('input'), 'the choices render');
    const saved = () => preferences().shadowRoot!.querySelector<HTMLElement>('.saved');
    const save = () => [...preferences().shadowRoot!.querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Keuze opslaan')!.click();
    await rendered();
    preferences().shadowRoot!.querySelector<HTMLInputElement>('input[name="analytics"]')!.click();
    save();
    await waitUntil(saved, 'the message of the acceptance');
    expect(page.loads).to.equal(1);
    preferences().shadowRoot!.querySelector<HTMLInputElement>('input[name="analytics"]')!.click();
    save();
    await page.loaded(2);
    await rendered();
    await waitUntil(saved, 'the message after the reload', { timeout: 3000 });
    expect(saved()!.textContent).to.contain('Uw keuze is opgeslagen.').and.contain('geweigerd');
    // No button to stay on after the reload: the link back takes focus, or the message itself.
    await waitUntil(() => preferences().shadowRoot!.activeElement, 'focus in the message');
    expect(preferences().shadowRoot!.activeElement).to.equal(saved()!.querySelector('a') ?? saved());
    // Once: a reload by the visitor shows the choices without it.
    page.window.location.reload();
    await page.loaded(3);
    await rendered();
    await page.staysLoaded(3);
    expect(saved()).to.equal(null);
  });
});
