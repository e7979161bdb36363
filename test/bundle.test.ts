import { expect, fixture } from '@open-wc/testing';
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

  it('does not throw when loaded a second time', async () => {
    const before = customElements.get('consent-banner');
    await import(`${BUNDLE}?second-copy`);
    expect(customElements.get('consent-banner')).to.equal(before);
  });
});
