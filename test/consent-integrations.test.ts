import './fail-on-errors.js';
import { aTimeout, expect, fixture } from '@open-wc/testing';
import '../src/consent-banner.js';
import type { ConsentBanner } from '../src/ConsentBanner.js';
import { captureConsole, clearCookies, cookieNames, newPageView } from './helpers.js';

/** The parts of the adapters that are not in the core, loaded (the element imports the same modules). */
const adapterParts = () => Promise.all([import('../src/effects/integrations/matomo-tag-manager.js'), import('../src/effects/integrations/google-consent-mode.js')]);

/** A banner with integrations; resolves once the parts of the adapters it names have loaded and heard the state. */
async function banner(integrations: string): Promise<ConsentBanner> {
  newPageView();
  const element = await fixture<ConsentBanner>(
    `<consent-banner lang="nl" privacy-url="/privacy" integrations="${integrations}"></consent-banner>`,
  );
  await element.updateComplete;
  await adapterParts();
  await aTimeout(0);
  return element;
}

describe('integrations attribute (I3, I4, I5, L12)', () => {
  let fakePaq: unknown[];
  let fakeMtm: unknown[];
  let fakeGtagCalls: unknown[][];
  beforeEach(() => {
    clearCookies();
    fakePaq = window._paq = [];
    fakeMtm = window._mtm = [];
    fakeGtagCalls = [];
    window.gtag = (...args: unknown[]) => {
      fakeGtagCalls.push(args);
    };
  });
  afterEach(() => {
    delete window._paq;
    delete window._mtm;
    delete window.gtag;
  });

  it('tells Matomo nothing before a choice, then grant, stored grant and revoke in order, then deletes its cookies', async () => {
    const first = await banner('matomo');
    expect(fakePaq).to.deep.equal([]);
    first.acceptAll();
    expect(fakePaq).to.deep.equal([['setConsentGiven']]);
    const later = await banner('matomo');
    expect(fakePaq).to.deep.equal([['setConsentGiven'], ['setConsentGiven']]);
    document.cookie = '_pk_id.1.abc=visitor; Path=/';
    document.cookie = 'mtm_consent_removed=1; Path=/';
    later.rejectAll();
    // matomo.js never loaded here (the queue is still an array): the queued grants are withdrawn too.
    expect(fakePaq).to.deep.equal([['forgetConsentGiven'], ['deleteCookies']]);
    expect(cookieNames()).to.deep.equal(['consent_banner']);
    later.rejectAll();
    expect(fakePaq).to.have.length(2);
  });

  it('after another category is granted alone (a placeholder), a later grant of analytics on the same page still reaches Matomo', async () => {
    newPageView();
    const element = await fixture<ConsentBanner>(`<consent-banner lang="nl" privacy-url="/privacy" integrations="matomo">
      <script type="application/json">{"categories":[{"id":"media","label":"Video's","description":"Video's van andere websites.","cookies":[]}]}</script>
    </consent-banner>`);
    await element.updateComplete;
    await aTimeout(0);
    element.grant('media');
    expect(fakePaq, 'analytics is undecided, not refused').to.deep.equal([]);
    element.acceptAll();
    expect(fakePaq).to.deep.equal([['setConsentGiven']]);
  });

  it('drives Tag Manager and Google Consent Mode side by side', async () => {
    const element = await banner('matomo-tag-manager google-consent-mode');
    element.acceptAll();
    expect(fakeMtm.map((entry) => (entry as { event: string }).event)).to.deep.equal(['consent_granted_analytics']);
    expect(fakeGtagCalls).to.have.length(1);
    expect(fakeGtagCalls[0].slice(0, 2)).to.deep.equal(['consent', 'update']);
    expect(fakeGtagCalls[0][2]).to.include({ analytics_storage: 'granted', ad_storage: 'denied' });
  });

  it('an adapter in a part hears a stored grant once its part is there, as on a new page view', async () => {
    document.cookie = `consent_banner=1|1|${Math.floor(Date.now() / 1000 - 60).toString(36)}|a|analytics:1; Path=/`;
    await banner('matomo-tag-manager google-consent-mode');
    expect(fakeMtm.map((entry) => (entry as { event: string }).event)).to.deep.equal(['consent_granted_analytics']);
    expect(fakeGtagCalls.map((call) => (call[2] as Record<string, string>).analytics_storage)).to.deep.equal(['granted']);
  });

  it('an adapter in a part hears only the latest state: a grant withdrawn before its part loaded is never announced', async () => {
    newPageView();
    const element = document.createElement('consent-banner');
    element.setAttribute('privacy-url', '/privacy');
    element.setAttribute('integrations', 'matomo-tag-manager google-consent-mode');
    document.body.append(element);
    element.acceptAll();
    element.rejectAll();
    await adapterParts();
    await aTimeout(0);
    expect(fakeMtm, 'Tag Manager never heard the grant, so there is nothing to revoke').to.deep.equal([]);
    expect(fakeGtagCalls.map((call) => (call[2] as Record<string, string>).analytics_storage)).to.deep.equal(['denied']);
    element.acceptAll();
    expect(fakeMtm.map((entry) => (entry as { event: string }).event), 'later changes go through at once').to.deep.equal(['consent_granted_analytics']);
    element.remove();
  });

  it('reports an unknown name once and still works', async () => {
    let element: ConsentBanner | undefined;
    const errors = await captureConsole('error', async () => {
      element = await banner('matomo piwik');
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('"piwik"');
    element!.acceptAll();
    expect(fakePaq).to.deep.equal([['setConsentGiven']]);
  });

  it('never lets a broken tool reach the page: the decision is still stored and announced', async () => {
    window._paq = 42 as unknown as unknown[];
    window.gtag = () => {
      throw new Error('fake broken gtag');
    };
    const element = await banner('matomo google-consent-mode');
    await captureConsole('error', () => element.acceptAll());
    expect(element.consent?.method).to.equal('accept-all');
    expect(document.cookie).to.contain('consent_banner=');
  });
});
