import './fail-on-errors.js';
import { aTimeout, expect, fixture } from '@open-wc/testing';
import '../src/consent-banner.js';
import type { ConsentBanner } from '../src/ConsentBanner.js';
import { fakeSnippet, loadFakeContainer, RECORD, removeFakePiwikPro, savedStatus } from './effects/integrations/fake-piwik-pro.js';
import { clearCookies, cookieNames, newPageView } from './helpers.js';

/** The parts of these adapters, loaded (the element imports the same modules). */
const adapterParts = () => Promise.all([import('../src/effects/integrations/piwik-pro.js'), import('../src/effects/integrations/google-tag-manager.js')]);

/** A banner with integrations (and optional JSON config); resolves once the adapters' parts have heard the state. */
async function banner(integrations: string, config = ''): Promise<ConsentBanner> {
  newPageView();
  const element = await fixture<ConsentBanner>(
    `<consent-banner lang="nl" privacy-url="/privacy" integrations="${integrations}">${config}</consent-banner>`,
  );
  await element.updateComplete;
  await adapterParts();
  await aTimeout(0);
  return element;
}

/** The events pushed onto window.dataLayer that are not Piwik PRO's queued commands. */
const events = () => (window.dataLayer ?? []).map((entry) => (entry as { event?: string }).event).filter((event) => !event?.startsWith('ppms.cm:'));

describe('integrations="piwik-pro", "piwik-pro-tag-manager" and "google-tag-manager" through the element (L12)', () => {
  beforeEach(clearCookies);
  afterEach(async () => {
    await removeFakePiwikPro();
    clearCookies();
  });

  it('piwik-pro: a grant reaches Consent Manager and the tag fires; a withdrawal sets 0 and removes every Piwik PRO cookie', async () => {
    fakeSnippet();
    const fake = await loadFakeContainer();
    const element = await banner('piwik-pro');
    await fake.idle;
    expect(fake.pageViews, 'nothing before a choice').to.equal(0);
    element.acceptAll();
    await fake.idle;
    expect(savedStatus()).to.equal(1);
    expect(fake.pageViews).to.equal(1);
    expect(cookieNames()).to.include.members([RECORD, '_pk_id.d3m0.1fff', 'stg_last_interaction']);

    element.rejectAll();
    await fake.idle;
    expect(cookieNames()).to.deep.equal(['consent_banner']);
  });

  it('piwik-pro: on the next page view with the stored grant, Consent Manager is only asked', async () => {
    fakeSnippet();
    let fake = await loadFakeContainer();
    (await banner('piwik-pro')).acceptAll();
    await fake.idle;
    await removeFakePiwikPro();
    fakeSnippet();
    fake = await loadFakeContainer();
    await banner('piwik-pro');
    await fake.idle;
    expect(fake.commands.map(([name]) => name)).to.deep.equal(['getComplianceSettings']);
    expect(fake.pageViews).to.equal(1);
  });

  it('piwik-pro-tag-manager: without Consent Manager, the grant event fires the tag; on withdrawal the banner deletes the cookies the config declares', async () => {
    const fake = await loadFakeContainer('off');
    const config = `<script type="application/json">{"categories":[{"id":"analytics","label":"Statistieken","description":"Piwik PRO.","cookies":[
      {"name":"_pk_id.*","purpose":"Bezoeker herkennen.","lifetime":"13 maanden"},
      {"name":"stg_last_interaction","purpose":"Laatste bezoek.","lifetime":"365 dagen"},
      {"name":"stg_returning_visitor","purpose":"Terugkerende bezoeker.","lifetime":"365 dagen"}]}]}</script>`;
    const element = await banner('piwik-pro-tag-manager', config);
    element.acceptAll();
    expect(events()).to.deep.equal(['consent_granted_analytics']);
    expect(fake.pageViews).to.equal(1);
    element.rejectAll();
    expect(events()).to.deep.equal(['consent_granted_analytics', 'consent_revoked_analytics']);
    // _pk_ses goes too: the banner deletes the trackers' well-known cookies whenever analytics is withdrawn.
    expect(cookieNames()).to.deep.equal(['consent_banner']);
  });

  it('google-tag-manager: the grant event on every page view with a stored grant, the revoke event on withdrawal', async () => {
    window.dataLayer = [];
    (await banner('google-tag-manager')).acceptAll();
    const later = await banner('google-tag-manager');
    expect(events()).to.deep.equal(['consent_granted_analytics', 'consent_granted_analytics']);
    later.rejectAll();
    expect(events()).to.deep.equal(['consent_granted_analytics', 'consent_granted_analytics', 'consent_revoked_analytics']);
  });
});
