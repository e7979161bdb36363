import '../../fail-on-errors.js';
import { expect } from '@open-wc/testing';
import { dataLayerConsentEvents } from '../../../src/effects/integrations/google-tag-manager.js';
import { decided, undecided } from './states.js';

const granted = decided({ analytics: true, marketing: false });
const refused = decided({ analytics: false, marketing: false });

/** A Consent Mode command as gtag() queues it: an `arguments` object. */
const gtagCommand = function () {
  // eslint-disable-next-line prefer-rest-params
  return arguments;
} as (...values: unknown[]) => IArguments;

describe('tag-manager consent events on window.dataLayer (Google Tag Manager, Piwik PRO Tag Manager; I9)', () => {
  afterEach(() => {
    delete window.dataLayer;
  });

  it('before any choice pushes nothing and creates no dataLayer', () => {
    dataLayerConsentEvents().update(undecided, null);
    expect('dataLayer' in window).to.equal(false);
  });

  it('on a grant, fresh or stored, pushes consent_granted_<category> as a plain object, after what is already there', () => {
    const consentDefault = gtagCommand('consent', 'default', { analytics_storage: 'denied' });
    window.dataLayer = [consentDefault];
    dataLayerConsentEvents().update(granted, null);
    expect(window.dataLayer).to.deep.equal([
      consentDefault,
      { event: 'consent_granted_analytics', consentCategory: 'analytics', consentCategories: granted.categories },
    ]);
  });

  it('creates dataLayer on a grant, so that a container loading later reads the event', () => {
    dataLayerConsentEvents().update(granted, undecided);
    expect(window.dataLayer).to.deep.equal([
      { event: 'consent_granted_analytics', consentCategory: 'analytics', consentCategories: granted.categories },
    ]);
  });

  it('on a withdrawal pushes consent_revoked_<category>, and nothing when there is no dataLayer', () => {
    dataLayerConsentEvents().update(refused, granted);
    expect('dataLayer' in window).to.equal(false);
    window.dataLayer = [];
    dataLayerConsentEvents().update(refused, granted);
    expect(window.dataLayer).to.deep.equal([
      { event: 'consent_revoked_analytics', consentCategory: 'analytics', consentCategories: refused.categories },
    ]);
  });

  it('a stored refusal pushes nothing', () => {
    window.dataLayer = [];
    dataLayerConsentEvents().update(refused, null);
    expect(window.dataLayer).to.deep.equal([]);
  });
});
