import '../../fail-on-errors.js';
import { expect } from '@open-wc/testing';
import { matomo } from '../../../src/effects/integrations/matomo.js';
import { captureConsole, clearCookies } from '../../helpers.js';
import '../../../demo/fake-matomo.js';
import { decided, undecided } from './states.js';

/** The fake matomo.js model (demo/fake-matomo.js): what it records instead of sending. */
interface FakeMatomoHandle {
  sent: { type: string; category?: string; action?: string }[];
  queue(): unknown[];
  state: { consentRequired: boolean; hasConsent: boolean };
}
declare global {
  interface Window {
    FakeMatomo: { load(): FakeMatomoHandle };
  }
}

/** The documented snippet's `_paq` commands (docs/integrations.md), as a page queues them. */
function snippet(): void {
  const paq = (window._paq ??= []);
  paq.push(['requireConsent'], ['setTrackerUrl', '/fake-matomo.php'], ['setSiteId', '1'], ['trackPageView'], ['enableLinkTracking']);
}

/** The types of the requests the fake tracker sent, in order. */
const sentTypes = (tracker: FakeMatomoHandle) => tracker.sent.map((request) => request.type);

const granted = decided({ analytics: true, marketing: false });
const refused = decided({ analytics: false, marketing: false });

/** Matomo after matomo.js has loaded: `_paq` is an object whose push runs the commands at once. */
function fakeLiveTracker() {
  const commands: unknown[][] = [];
  return { commands, push: (...pushed: unknown[][]) => void commands.push(...pushed) };
}

describe('Matomo integration (I3, I9, L12)', () => {
  afterEach(() => {
    delete window._paq;
  });

  it('on a first visit without a decision pushes nothing and creates no _paq', () => {
    matomo().update(undecided, null);
    expect('_paq' in window).to.equal(false);

    const fakePaq: unknown[][] = [];
    window._paq = fakePaq;
    matomo().update(undecided, null);
    expect(fakePaq).to.deep.equal([]);
  });

  it('on a fresh grant pushes exactly one setConsentGiven, never a "remember" call', () => {
    const fakePaq: unknown[][] = [['requireConsent'], ['trackPageView']];
    window._paq = fakePaq;
    matomo().update(granted, undecided);
    expect(fakePaq).to.deep.equal([['requireConsent'], ['trackPageView'], ['setConsentGiven']]);
  });

  it('on a grant after a refusal on the same page pushes nothing: Matomo hears it on the next page view', () => {
    const fakePaq: unknown[][] = [];
    window._paq = fakePaq;
    matomo().update(granted, refused);
    const integration = matomo();
    integration.update(refused, null);
    integration.update(granted, refused);
    expect(fakePaq).to.deep.equal([]);
    matomo().update(granted, null);
    expect(fakePaq).to.deep.equal([['setConsentGiven']]);
  });

  it('on a re-grant after a withdrawal on the same page pushes nothing more', () => {
    const fakeTracker = fakeLiveTracker();
    window._paq = fakeTracker;
    const integration = matomo();
    integration.update(granted, null);
    integration.update(refused, granted);
    integration.update(granted, refused);
    integration.update(undecided, granted);
    integration.update(granted, undecided);
    // A withdrawal after the withheld grant repeats the revoke (harmless); the grant never comes.
    expect(fakeTracker.commands.filter(([name]) => name === 'setConsentGiven')).to.have.length(1);
    expect(fakeTracker.commands.slice(0, 3)).to.deep.equal([['setConsentGiven'], ['forgetConsentGiven'], ['deleteCookies']]);
  });

  it('on a later page view with a stored grant pushes setConsentGiven again (Matomo does not remember it)', () => {
    const fakePaq: unknown[][] = [];
    window._paq = fakePaq;
    matomo().update(granted, null);
    expect(fakePaq).to.deep.equal([['setConsentGiven']]);
  });

  it('creates _paq on a grant when the gated Matomo snippet has not run yet, and the snippet keeps it', () => {
    matomo().update(granted, null);
    expect(window._paq).to.deep.equal([['setConsentGiven']]);
    // What Matomo's snippet does when it runs later: it reuses the queue.
    const paq = (window._paq = window._paq || []);
    paq.push(['requireConsent'], ['trackPageView']);
    expect(window._paq).to.deep.equal([['setConsentGiven'], ['requireConsent'], ['trackPageView']]);
  });

  it('talks to the live tracker through its push method on grant', () => {
    const fakeTracker = fakeLiveTracker();
    window._paq = fakeTracker;
    matomo().update(granted, null);
    expect(fakeTracker.commands).to.deep.equal([['setConsentGiven']]);
  });

  it('on a stored refusal pushes nothing', () => {
    const fakePaq: unknown[][] = [];
    window._paq = fakePaq;
    matomo().update(refused, null);
    expect(fakePaq).to.deep.equal([]);
  });

  it('on revoke tells the live tracker forgetConsentGiven, then deleteCookies', () => {
    const fakeTracker = fakeLiveTracker();
    window._paq = fakeTracker;
    matomo().update(refused, granted);
    expect(fakeTracker.commands).to.deep.equal([['forgetConsentGiven'], ['deleteCookies']]);
  });

  it('on revoke before matomo.js loaded drops the queued setConsentGiven, which Matomo would apply first', () => {
    const fakePaq: unknown[][] = [['requireConsent'], ['trackPageView']];
    window._paq = fakePaq;
    const integration = matomo();
    integration.update(granted, null);
    integration.update(refused, granted);
    expect(fakePaq).to.deep.equal([['requireConsent'], ['trackPageView'], ['forgetConsentGiven'], ['deleteCookies']]);
  });

  it('revoking twice pushes once (idempotent)', () => {
    const fakeTracker = fakeLiveTracker();
    window._paq = fakeTracker;
    const integration = matomo();
    integration.update(refused, granted);
    integration.update(refused, refused);
    expect(fakeTracker.commands).to.deep.equal([['forgetConsentGiven'], ['deleteCookies']]);
  });

  it('treats a withdrawn decision (reset) as a revoke', () => {
    const fakeTracker = fakeLiveTracker();
    window._paq = fakeTracker;
    matomo().update(undecided, granted);
    expect(fakeTracker.commands).to.deep.equal([['forgetConsentGiven'], ['deleteCookies']]);
  });

  it('pushes nothing when only another category changed', () => {
    const fakeTracker = fakeLiveTracker();
    window._paq = fakeTracker;
    const integration = matomo();
    integration.update(decided({ analytics: true, marketing: true }), granted);
    integration.update(decided({ analytics: false, marketing: true }), decided({ analytics: false, marketing: false }));
    expect(fakeTracker.commands).to.deep.equal([]);
  });

  it('follows the configured category', () => {
    const fakeTracker = fakeLiveTracker();
    window._paq = fakeTracker;
    const integration = matomo({ category: 'statistics' });
    integration.update(undecided, null);
    integration.update(decided({ statistics: true }), undecided);
    integration.update(decided({ statistics: false }), decided({ statistics: true }));
    expect(fakeTracker.commands).to.deep.equal([['setConsentGiven'], ['forgetConsentGiven'], ['deleteCookies']]);
  });

  /** The store's services (service id → category id) of a site that lists Matomo and Siteimprove in `category`. */
  const listedIn = (category: string) => ({ matomo: category, siteimprove: category });
  const withServices = (analytics: boolean, services: Record<string, boolean>) => ({ ...decided({ analytics }), services });

  it('follows the matomo service where the site lists it in its category (docs/services.md): its own grant, then its withdrawal', () => {
    const fakeTracker = fakeLiveTracker();
    window._paq = fakeTracker;
    const integration = matomo();
    const services = listedIn('analytics');
    const before = { ...undecided, services: { matomo: false, siteimprove: false } };
    integration.update(before, null, services);
    integration.update(withServices(false, { matomo: true, siteimprove: false }), before, services);
    expect(fakeTracker.commands).to.deep.equal([['setConsentGiven']]);
    // Another service of the category changes nothing for Matomo.
    integration.update(withServices(false, { matomo: true, siteimprove: true }), withServices(false, { matomo: true, siteimprove: false }), services);
    integration.update(withServices(false, { matomo: false, siteimprove: true }), withServices(false, { matomo: true, siteimprove: true }), services);
    expect(fakeTracker.commands).to.deep.equal([['setConsentGiven'], ['forgetConsentGiven'], ['deleteCookies']]);
  });

  it('a stored grant of the matomo service alone is a grant on every page view; with only another service of its category granted, none', () => {
    const fakePaq: unknown[][] = [];
    window._paq = fakePaq;
    matomo().update(withServices(false, { matomo: true }), null, listedIn('analytics'));
    expect(fakePaq).to.deep.equal([['setConsentGiven']]);
    fakePaq.length = 0;
    matomo().update(withServices(false, { matomo: false, siteimprove: true }), null, listedIn('analytics'));
    expect(fakePaq).to.deep.equal([]);
  });

  it('ignores the matomo service listed in another category or under necessary (always granted there): Matomo follows its own category', () => {
    const fakePaq: unknown[][] = [];
    window._paq = fakePaq;
    // Before any choice, `necessary` and its services are granted: that is no consent to analytics.
    matomo().update({ ...undecided, services: { matomo: true } }, null, { matomo: 'necessary' });
    matomo().update({ ...decided({ analytics: false }), services: { matomo: true } }, null, { matomo: 'necessary' });
    matomo().update({ ...decided({ analytics: false, statistics: true }), services: { matomo: true } }, null, { matomo: 'statistics' });
    expect(fakePaq).to.deep.equal([]);
    matomo().update({ ...decided({ analytics: true }), services: { matomo: false } }, null, { matomo: 'statistics' });
    expect(fakePaq).to.deep.equal([['setConsentGiven']]);
  });

  it('on revoke without _paq does not throw and creates nothing', () => {
    expect(() => matomo().update(refused, granted)).not.to.throw();
    expect(() => matomo().update(undecided, granted)).not.to.throw();
    expect('_paq' in window).to.equal(false);
  });

  it('never throws on a broken _paq, and reports at most one console error', async () => {
    const errors = await captureConsole('error', () => {
      window._paq = 42 as unknown as Window['_paq'];
      expect(() => matomo().update(granted, null)).not.to.throw();
      expect(() => matomo().update(refused, granted)).not.to.throw();
      window._paq = {
        push() {
          throw new Error('broken tracker');
        },
      };
      expect(() => matomo().update(granted, refused)).not.to.throw();
      expect(() => matomo().update(refused, granted)).not.to.throw();
    });
    expect(errors.length).to.be.at.most(1);
  });

  describe('against the fake matomo.js model (demo/fake-matomo.js)', () => {
    beforeEach(() => clearCookies());
    afterEach(() => clearCookies());

    it('a fresh grant sends the page view matomo.js built before the choice, once', () => {
      snippet();
      const tracker = window.FakeMatomo.load();
      const integration = matomo();
      integration.update(undecided, null);
      expect(tracker.sent).to.deep.equal([]);
      expect(tracker.queue()).to.have.length(1);
      integration.update(granted, undecided);
      expect(sentTypes(tracker).filter((type) => type === 'pageview')).to.have.length(1);
      expect(tracker.queue()).to.deep.equal([]);
    });

    it('an event pushed while consent is withdrawn is never sent, also after a re-grant on the same page', () => {
      snippet();
      const tracker = window.FakeMatomo.load();
      const integration = matomo();
      integration.update(granted, null);
      expect(sentTypes(tracker)).to.include('pageview');
      integration.update(refused, granted);
      window._paq!.push(['trackEvent', 'Formulier', 'Verzonden']);
      integration.update(granted, refused);
      expect(tracker.sent.filter((request) => request.type === 'event')).to.deep.equal([]);
      expect(tracker.state.hasConsent).to.equal(false);
    });

    it('nothing is sent when the visitor refuses and then grants on the same page', () => {
      snippet();
      const tracker = window.FakeMatomo.load();
      const integration = matomo();
      integration.update(undecided, null);
      integration.update(refused, undecided);
      window._paq!.push(['trackEvent', 'Video', 'Afgespeeld']);
      integration.update(granted, refused);
      expect(tracker.sent).to.deep.equal([]);
    });

    it('a grant and a withdrawal before matomo.js loaded: nothing is sent when it loads', () => {
      snippet();
      const integration = matomo();
      integration.update(granted, null);
      integration.update(refused, granted);
      const tracker = window.FakeMatomo.load();
      expect(tracker.sent).to.deep.equal([]);
      expect(tracker.state.hasConsent).to.equal(false);
    });

    it('a stored grant, whether the banner or matomo.js comes first, sends the page view once', () => {
      snippet();
      matomo().update(granted, null);
      const first = window.FakeMatomo.load();
      expect(sentTypes(first).filter((type) => type === 'pageview')).to.have.length(1);

      delete window._paq;
      snippet();
      const second = window.FakeMatomo.load();
      matomo().update(granted, null);
      expect(sentTypes(second).filter((type) => type === 'pageview')).to.have.length(1);
    });

    it('revoke leaves no Matomo cookie but the mtm_consent_removed marker the banner then deletes (L12)', () => {
      snippet();
      window.FakeMatomo.load();
      const integration = matomo();
      integration.update(granted, null);
      expect(document.cookie).to.match(/_pk_id\.1\./);
      integration.update(refused, granted);
      expect(document.cookie).not.to.match(/_pk_(id|ses)\./);
      expect(document.cookie).to.match(/mtm_consent_removed=/);
    });
  });
});
