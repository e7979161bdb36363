import '../../fail-on-errors.js';
import { expect } from '@open-wc/testing';
import { piwikPro } from '../../../src/effects/integrations/piwik-pro.js';
import { captureConsole, clearCookies, cookieNames } from '../../helpers.js';
import { fakeSnippet, loadFakeContainer, RECORD, removeFakePiwikPro, saveRecord, savedStatus } from './fake-piwik-pro.js';
import { decided, undecided } from './states.js';

const granted = decided({ analytics: true, marketing: false });
const refused = decided({ analytics: false, marketing: false });

/** The names of the commands the fake container ran. */
const commandNames = () => window.fakePiwikPro!.commands.map(([name]) => name);

describe('Piwik PRO integration (Consent Manager JavaScript API, L12, I9)', () => {
  beforeEach(clearCookies);
  afterEach(async () => {
    await removeFakePiwikPro();
    clearCookies();
  });

  it('before any choice, without Piwik PRO on the page, says nothing and creates nothing', () => {
    piwikPro().update(undecided, null);
    expect('dataLayer' in window).to.equal(false);
    expect('ppms' in window).to.equal(false);
  });

  it('queues a fresh grant on the data layer before the snippet has run; the container, loading later, runs it', async () => {
    piwikPro().update(granted, undecided);
    expect(window.dataLayer).to.have.length(1);
    expect(window.dataLayer![0]).to.deep.include({ event: 'ppms.cm:setComplianceSettings' });
    expect((window.dataLayer![0] as { parameters: unknown[] }).parameters[0]).to.deep.equal({ consents: { analytics: { status: 1 } } });

    fakeSnippet();
    const fake = await loadFakeContainer();
    await fake.idle;
    expect(savedStatus()).to.equal(1);
    // The page's own view had no consent yet; the grant forced one.
    expect(fake.pageViews).to.equal(1);
    expect(cookieNames()).to.include.members(['_pk_id.d3m0.1fff', 'stg_last_interaction']);
  });

  it('on a page view with a stored grant Piwik PRO has saved too, only asks: nothing is set again', async () => {
    saveRecord(1);
    fakeSnippet();
    piwikPro().update(granted, null);
    const fake = await loadFakeContainer();
    await fake.idle;
    expect(commandNames()).to.deep.equal(['getComplianceSettings']);
    expect(fake.pageViews).to.equal(1);
  });

  it('on a page view with a stored grant Piwik PRO has lost (a capped ppms_privacy cookie), sets it again', async () => {
    const fake = await loadFakeContainer();
    piwikPro().update(granted, null);
    await fake.idle;
    await fake.idle;
    expect(commandNames()).to.deep.equal(['getComplianceSettings', 'setComplianceSettings']);
    expect(savedStatus()).to.equal(1);
    expect(fake.pageViews).to.equal(1);
  });

  it('on a withdrawal sets status 0, then deletes Piwik PRO cookies and its consent record', async () => {
    const fake = await loadFakeContainer();
    const integration = piwikPro();
    integration.update(granted, undecided);
    await fake.idle;
    expect(cookieNames()).to.include.members([RECORD, '_pk_id.d3m0.1fff', '_pk_ses.d3m0.1fff', 'stg_returning_visitor']);

    integration.update(refused, granted);
    await fake.idle;
    expect(fake.commands.at(-1)!.slice(0, 2)).to.deep.equal(['setComplianceSettings', { consents: { analytics: { status: 0 } } }]);
    expect(cookieNames()).to.deep.equal([]);
  });

  it('a withdrawal before the container has loaded: the queued grant says 0 when the container runs it, and no tag fires', async () => {
    const integration = piwikPro();
    integration.update(granted, undecided);
    fakeSnippet();
    integration.update(refused, granted);
    const fake = await loadFakeContainer();
    await fake.idle;
    expect(fake.pageViews).to.equal(0);
    expect(cookieNames()).to.deep.equal([]);
  });

  it('a refusal on a first decision tells nothing: no record is a refusal for Piwik PRO', async () => {
    const fake = await loadFakeContainer();
    piwikPro().update(refused, undecided);
    await fake.idle;
    expect(commandNames()).to.deep.equal([]);
  });

  it('puts a saved grant the banner does not hold back to 0 and deletes the record (a decision expired, or refused in another tab)', async () => {
    saveRecord(1);
    const fake = await loadFakeContainer();
    await fake.idle;
    expect(fake.pageViews).to.equal(1);
    piwikPro().update(undecided, null);
    await fake.idle;
    await fake.idle;
    expect(commandNames()).to.deep.equal(['getComplianceSettings', 'setComplianceSettings']);
    expect(cookieNames()).to.deep.equal([]);
  });

  it('on a page view with a stored refusal deletes Piwik PRO cookies that were made again', () => {
    document.cookie = '_pk_id.d3m0.1fff=x; Path=/';
    document.cookie = 'stg_traffic_source_priority=1; Path=/';
    document.cookie = '_stg_optout=1; Path=/';
    piwikPro().update(refused, null);
    expect(cookieNames()).to.deep.equal(['_stg_optout']);
  });

  it('keeps the consent record while another Piwik PRO type is granted, and tells each type that is a category id', async () => {
    const fake = await loadFakeContainer();
    const integration = piwikPro();
    const both = decided({ analytics: true, remarketing: true });
    integration.update(both, undecided);
    await fake.idle;
    expect(fake.commands.at(-1)![1]).to.deep.equal({ consents: { analytics: { status: 1 }, remarketing: { status: 1 } } });

    const remarketingOnly = decided({ analytics: false, remarketing: true });
    integration.update(remarketingOnly, both);
    await fake.idle;
    expect(fake.commands.at(-1)![1]).to.deep.equal({ consents: { analytics: { status: 0 } } });
    expect(cookieNames()).to.deep.equal([RECORD]);
  });

  it('never throws when ppms is broken, and a command Consent Manager rejects gets one console error', async () => {
    const errors = await captureConsole('error', async () => {
      window.ppms = { cm: { api: 42 as unknown as () => void } };
      expect(() => piwikPro().update(granted, undecided)).not.to.throw();
      window.ppms = {
        cm: {
          api() {
            throw new Error('broken container');
          },
        },
      };
      expect(() => piwikPro().update(granted, undecided)).not.to.throw();
      delete window.ppms;
      delete window.dataLayer;
      const fake = await loadFakeContainer('off');
      piwikPro().update(granted, undecided);
      piwikPro().update(refused, granted);
      await fake.idle;
    });
    expect(errors).to.deep.equal([
      '<consent-banner>: an analytics integration failed (Error: broken container).',
      `<consent-banner>: piwik-pro: Piwik PRO's Consent Manager rejected setComplianceSettings (Consent Manager is off for this site); check that "Ask visitors for consent" and "Use a custom consent form" are on for this site (docs/integrations.md).`,
    ]);
  });
});
