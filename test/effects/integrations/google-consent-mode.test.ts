import '../../fail-on-errors.js';
import { expect } from '@open-wc/testing';
import { googleConsentMode } from '../../../src/effects/integrations/google-consent-mode.js';
import { captureConsole } from '../../helpers.js';
import { decided, undecided } from './states.js';

const analyticsOnly = decided({ analytics: true, marketing: false });
const everything = decided({ analytics: true, marketing: true });
const refused = decided({ analytics: false, marketing: false });

const allDenied = {
  analytics_storage: 'denied',
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
};
const analyticsGranted = { ...allDenied, analytics_storage: 'granted' };
const allGranted = {
  analytics_storage: 'granted',
  ad_storage: 'granted',
  ad_user_data: 'granted',
  ad_personalization: 'granted',
};

/** A stand-in for `window.gtag` that records every call. */
function fakeGtag() {
  const calls: unknown[][] = [];
  const gtag = (...args: unknown[]) => void calls.push(args);
  return { calls, gtag };
}

const isArguments = (value: unknown) => Object.prototype.toString.call(value) === '[object Arguments]';

describe('Google Consent Mode v2 integration (I5, I9)', () => {
  afterEach(() => {
    delete window.gtag;
    delete window.dataLayer;
  });

  it('sends nothing while no decision exists, so the head snippet defaults stay', () => {
    const { calls, gtag } = fakeGtag();
    window.gtag = gtag;
    const integration = googleConsentMode();
    integration.update(undecided, null);
    integration.update(undecided, undecided);
    expect(calls).to.deep.equal([]);
  });

  it('sends exactly one update with all four signals on a decision', () => {
    const { calls, gtag } = fakeGtag();
    window.gtag = gtag;
    googleConsentMode().update(analyticsOnly, undecided);
    expect(calls).to.deep.equal([['consent', 'update', analyticsGranted]]);
  });

  it('maps the three ad signals to marketing by default', () => {
    const { calls, gtag } = fakeGtag();
    window.gtag = gtag;
    googleConsentMode().update(everything, undecided);
    expect(calls).to.deep.equal([['consent', 'update', allGranted]]);
  });

  it('sends one update on every page view with a stored decision, grant or refusal', () => {
    const { calls, gtag } = fakeGtag();
    window.gtag = gtag;
    googleConsentMode().update(analyticsOnly, null);
    googleConsentMode().update(refused, null);
    expect(calls).to.deep.equal([
      ['consent', 'update', analyticsGranted],
      ['consent', 'update', allDenied],
    ]);
  });

  it('on revoke sends one update with everything denied', () => {
    const { calls, gtag } = fakeGtag();
    window.gtag = gtag;
    googleConsentMode().update(refused, everything);
    expect(calls).to.deep.equal([['consent', 'update', allDenied]]);
  });

  it('revoking twice sends the same all-denied update each time (idempotent)', () => {
    const { calls, gtag } = fakeGtag();
    window.gtag = gtag;
    const integration = googleConsentMode();
    integration.update(refused, analyticsOnly);
    integration.update(refused, refused);
    expect(calls).to.deep.equal([
      ['consent', 'update', allDenied],
      ['consent', 'update', allDenied],
    ]);
  });

  it('sends one update per decision, also when only an unmapped category changed', () => {
    const { calls, gtag } = fakeGtag();
    window.gtag = gtag;
    googleConsentMode().update(decided({ analytics: true, media: true }), decided({ analytics: true, media: false }));
    expect(calls).to.deep.equal([['consent', 'update', analyticsGranted]]);
  });

  it('denies everything when a decision is withdrawn (reset)', () => {
    const { calls, gtag } = fakeGtag();
    window.gtag = gtag;
    googleConsentMode().update(undecided, everything);
    expect(calls).to.deep.equal([['consent', 'update', allDenied]]);
  });

  it('maps signals to configured categories; a category that is not configured means denied', () => {
    const { calls, gtag } = fakeGtag();
    window.gtag = gtag;
    googleConsentMode({ signals: { analytics_storage: 'statistics', ad_personalization: 'personalisation' } }).update(
      decided({ statistics: true, marketing: true }),
      null,
    );
    expect(calls).to.deep.equal([
      [
        'consent',
        'update',
        { analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'denied' },
      ],
    ]);
  });

  it('without gtag pushes an Arguments object onto dataLayer, as gtag does', () => {
    const fakeDataLayer: unknown[] = [];
    window.dataLayer = fakeDataLayer;
    googleConsentMode().update(analyticsOnly, null);
    expect(fakeDataLayer).to.have.length(1);
    expect(isArguments(fakeDataLayer[0])).to.equal(true);
    expect([...(fakeDataLayer[0] as IArguments)]).to.deep.equal(['consent', 'update', analyticsGranted]);
  });

  it('prefers gtag over dataLayer', () => {
    const { calls, gtag } = fakeGtag();
    const fakeDataLayer: unknown[] = [];
    window.gtag = gtag;
    window.dataLayer = fakeDataLayer;
    googleConsentMode().update(analyticsOnly, null);
    expect(calls).to.have.length(1);
    expect(fakeDataLayer).to.deep.equal([]);
  });

  it('without gtag and dataLayer does nothing, throws nothing and creates nothing', () => {
    expect(() => googleConsentMode().update(analyticsOnly, null)).not.to.throw();
    expect(() => googleConsentMode().update(refused, analyticsOnly)).not.to.throw();
    expect('gtag' in window).to.equal(false);
    expect('dataLayer' in window).to.equal(false);
  });

  it('never throws when gtag throws or dataLayer is broken, and reports at most one console error', async () => {
    const errors = await captureConsole('error', () => {
      window.gtag = () => {
        throw new Error('broken gtag');
      };
      expect(() => googleConsentMode().update(analyticsOnly, null)).not.to.throw();
      expect(() => googleConsentMode().update(refused, analyticsOnly)).not.to.throw();
      delete window.gtag;
      window.dataLayer = 42 as unknown as unknown[];
      expect(() => googleConsentMode().update(refused, analyticsOnly)).not.to.throw();
      window.dataLayer = {
        push() {
          throw new Error('broken dataLayer');
        },
      } as unknown as unknown[];
      expect(() => googleConsentMode().update(refused, analyticsOnly)).not.to.throw();
    });
    expect(errors.length).to.be.at.most(1);
  });
});

describe('Google Consent Mode head snippet (I5)', () => {
  afterEach(() => {
    delete window.gtag;
    delete window.dataLayer;
  });

  it('loaded as a classic script, defines gtag and sets all four signals denied with wait_for_update', async () => {
    const script = document.createElement('script');
    script.src = new URL('../../../src/google-consent-default.ts', import.meta.url).href;
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    document.head.append(script);
    await loaded;
    script.remove();

    expect(window.gtag).to.be.a('function');
    expect(window.dataLayer).to.have.length(1);
    expect(isArguments(window.dataLayer![0])).to.equal(true);
    expect([...(window.dataLayer![0] as IArguments)]).to.deep.equal([
      'consent',
      'default',
      { ...allDenied, wait_for_update: 500 },
    ]);

    // The adapter then goes through the snippet's gtag: default first, then one update.
    googleConsentMode().update(analyticsOnly, null);
    expect(window.dataLayer).to.have.length(2);
    expect(isArguments(window.dataLayer![1])).to.equal(true);
    expect([...(window.dataLayer![1] as IArguments)]).to.deep.equal(['consent', 'update', analyticsGranted]);
  });
});
