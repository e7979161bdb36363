import './fail-on-errors.js';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { clearCookies } from './helpers.js';

// The self-contained file a site loads with <script type="module" src=".../consent-banner.bundle.js">.
const BUNDLE = '/dist/consent-banner.bundle.js';

describe('dist/consent-banner.bundle.js', () => {
  before(clearCookies);

  it('registers <consent-banner> on its own, Lit included', async () => {
    await import(BUNDLE);
    expect(customElements.get('consent-banner')).to.be.a('function');
    const banner = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(
      '<consent-banner lang="nl" privacy-url="/privacy"></consent-banner>',
    );
    await banner.updateComplete;
    expect(banner.shadowRoot!.querySelector('section')!.getAttribute('aria-label')).to.equal('Cookiemelding');
  });

  it('loads its parts (choices, placeholder) from the files next to it', async () => {
    const root = await fixture<HTMLElement>(`<div>
      <consent-banner lang="nl" privacy-url="/privacy">
        <script type="application/json">{"categories":[{"id":"media","label":"Video","description":"Video.","cookies":[]}]}</script>
      </consent-banner>
      <iframe data-consent-category="media" data-src="/demo/fake-video.html" title="Video"></iframe>
    </div>`);
    const banner = root.querySelector('consent-banner') as HTMLElement & { showPreferences(): Promise<void> };
    await waitUntil(() => root.querySelector('consent-placeholder')?.shadowRoot?.querySelector('button'), 'placeholder part');
    await banner.showPreferences();
    expect(banner.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    expect(banner.shadowRoot!.querySelector('dialog input[name="media"]')).to.exist;
  });

  it('does not throw when loaded a second time', async () => {
    const before = customElements.get('consent-banner');
    await import(`${BUNDLE}?second-copy`);
    expect(customElements.get('consent-banner')).to.equal(before);
  });
});
