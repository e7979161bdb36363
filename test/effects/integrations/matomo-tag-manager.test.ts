import '../../fail-on-errors.js';
import { expect } from '@open-wc/testing';
import type { ConsentState } from '../../../src/events.js';
import { matomoTagManager } from '../../../src/effects/integrations/matomo-tag-manager.js';
import { captureConsole } from '../../helpers.js';
import { decided, undecided } from './states.js';

const granted = decided({ analytics: true, marketing: false });
const refused = decided({ analytics: false, marketing: false });

/** The entry pushed for one category change. */
function pushed(event: string, category: string, state: ConsentState) {
  return { event, consentCategory: category, consentCategories: state.categories };
}

describe('Matomo Tag Manager integration (I4, I9)', () => {
  afterEach(() => {
    delete window._mtm;
  });

  it('on a first visit without a decision pushes nothing and creates no _mtm', () => {
    matomoTagManager().update(undecided, null);
    expect('_mtm' in window).to.equal(false);

    const fakeMtm: Record<string, unknown>[] = [];
    window._mtm = fakeMtm;
    matomoTagManager().update(undecided, null);
    expect(fakeMtm).to.deep.equal([]);
  });

  it('on a grant pushes one consent_granted_<category> event with the category and every category', () => {
    const fakeMtm: Record<string, unknown>[] = [{ event: 'mtm.Start' }];
    window._mtm = fakeMtm;
    matomoTagManager().update(granted, undecided);
    expect(fakeMtm).to.deep.equal([{ event: 'mtm.Start' }, pushed('consent_granted_analytics', 'analytics', granted)]);
  });

  it('on a stored grant pushes the grant event again on every page view', () => {
    const fakeMtm: Record<string, unknown>[] = [];
    window._mtm = fakeMtm;
    matomoTagManager().update(granted, null);
    expect(fakeMtm).to.deep.equal([pushed('consent_granted_analytics', 'analytics', granted)]);
  });

  it('creates _mtm on a grant so that a container loading later replays the event', () => {
    matomoTagManager().update(granted, null);
    expect(window._mtm).to.deep.equal([pushed('consent_granted_analytics', 'analytics', granted)]);
  });

  it('pushes one event per granted category, none for necessary or for a stored refusal', () => {
    const fakeMtm: Record<string, unknown>[] = [];
    window._mtm = fakeMtm;
    const all = decided({ analytics: true, marketing: true });
    matomoTagManager().update(all, null);
    matomoTagManager().update(refused, null);
    expect(fakeMtm).to.deep.equal([
      pushed('consent_granted_analytics', 'analytics', all),
      pushed('consent_granted_marketing', 'marketing', all),
    ]);
  });

  it('on revoke pushes one consent_revoked_<category> event', () => {
    const fakeMtm: Record<string, unknown>[] = [];
    window._mtm = fakeMtm;
    matomoTagManager().update(refused, granted);
    expect(fakeMtm).to.deep.equal([pushed('consent_revoked_analytics', 'analytics', refused)]);
  });

  it('revoking twice pushes once (idempotent)', () => {
    const fakeMtm: Record<string, unknown>[] = [];
    window._mtm = fakeMtm;
    const integration = matomoTagManager();
    integration.update(refused, granted);
    integration.update(refused, refused);
    expect(fakeMtm).to.deep.equal([pushed('consent_revoked_analytics', 'analytics', refused)]);
  });

  it('pushes only for the category that changed', () => {
    const fakeMtm: Record<string, unknown>[] = [];
    window._mtm = fakeMtm;
    const both = decided({ analytics: true, marketing: true });
    matomoTagManager().update(both, granted);
    expect(fakeMtm).to.deep.equal([pushed('consent_granted_marketing', 'marketing', both)]);
  });

  it('reports only the configured categories', () => {
    const fakeMtm: Record<string, unknown>[] = [];
    window._mtm = fakeMtm;
    const all = decided({ analytics: true, marketing: true });
    matomoTagManager({ categories: ['marketing'] }).update(all, null);
    expect(fakeMtm).to.deep.equal([pushed('consent_granted_marketing', 'marketing', all)]);
  });

  it('pushes a copy of the categories, not the live state', () => {
    const fakeMtm: Record<string, unknown>[] = [];
    window._mtm = fakeMtm;
    const state = decided({ analytics: true });
    matomoTagManager().update(state, null);
    expect(fakeMtm[0].consentCategories).not.to.equal(state.categories);
  });

  it('talks to a loaded container through its push method', () => {
    const entries: Record<string, unknown>[] = [];
    const fakeContainer = { push: (...pushedEntries: Record<string, unknown>[]) => void entries.push(...pushedEntries) };
    window._mtm = fakeContainer;
    matomoTagManager().update(granted, null);
    matomoTagManager().update(refused, granted);
    expect(entries).to.deep.equal([
      pushed('consent_granted_analytics', 'analytics', granted),
      pushed('consent_revoked_analytics', 'analytics', refused),
    ]);
  });

  it('on revoke without _mtm does not throw and creates nothing', () => {
    expect(() => matomoTagManager().update(refused, granted)).not.to.throw();
    expect('_mtm' in window).to.equal(false);
  });

  it('never throws on a broken _mtm, and reports at most one console error', async () => {
    const errors = await captureConsole('error', () => {
      window._mtm = 42 as unknown as Window['_mtm'];
      expect(() => matomoTagManager().update(granted, null)).not.to.throw();
      expect(() => matomoTagManager().update(refused, granted)).not.to.throw();
      window._mtm = {
        push() {
          throw new Error('broken container');
        },
      };
      expect(() => matomoTagManager().update(granted, refused)).not.to.throw();
    });
    expect(errors.length).to.be.at.most(1);
  });
});
