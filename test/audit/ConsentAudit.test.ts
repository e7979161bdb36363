import '../fail-on-errors.js';
import { aTimeout, expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/consent-banner.js';
import { ConsentAudit } from '../../src/audit/ConsentAudit.js';
import type { AuditFinding, ConsentAuditEvent } from '../../src/audit/finding.js';
import type { ConsentBanner } from '../../src/ConsentBanner.js';
import { captureConsole, clearCookies, newPageView } from '../helpers.js';

/**
 * This test server under its other loopback name (localhost ↔ 127.0.0.1): another origin, as a
 * third party's server would be, without anything leaving the machine.
 */
const otherOrigin = `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;

/**
 * Resolves once the browser has the resource timing entry of `url` (from an observer: the page's
 * buffer of entries fills up with the test's own modules).
 */
function requested(url: string): Promise<void> {
  return new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntriesByName(url).length) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: 'resource', buffered: true });
  });
}

let requests = 0;

/**
 * Loads an image from the other origin (a new address each time: the image cache answers a second
 * load without a request); resolves once the browser has its resource timing entry.
 */
async function requestElsewhere(label: string): Promise<string> {
  const url = `${otherOrigin}/demo/favicon.svg?${label}-${++requests}`;
  new Image().src = url;
  await requested(url);
  return url;
}

const MEDIA = '{"id":"media","label":"Video\'s","description":"Video\'s van andere websites.","cookies":[{"name":"VISITOR_INFO1_LIVE","purpose":"YouTube","lifetime":"6 maanden"}]}';
const SESSION = '{"id":"necessary","cookies":[{"name":"consent_banner","purpose":"Uw keuze","lifetime":"182 dagen"},{"name":"session_id","purpose":"Inloggen","lifetime":"sessie"}]}';

let audit: ConsentAudit | undefined;

/** A page with a banner (and `markup` after it), and an audit of it once the banner is ready. */
async function auditedPage(attributes = '', markup = '', categories = ''): Promise<{ banner: ConsentBanner; audit: ConsentAudit }> {
  newPageView();
  const root = await fixture<HTMLElement>(`<div>
    <consent-banner lang="nl" privacy-url="/privacy" ${attributes}>
      <script type="application/json">{"categories":[${categories}]}</script>
    </consent-banner>
    ${markup}
  </div>`);
  const banner = root.querySelector('consent-banner')!;
  await banner.updateComplete;
  audit = new ConsentAudit();
  await audit.check();
  return { banner, audit };
}

/** The findings as `kind phase subject`, for short comparisons. */
const summary = (findings: readonly AuditFinding[]) => findings.map(({ kind, phase, subject }) => [kind, phase, subject].filter(Boolean).join(' '));

describe('the audit mode (issue 14, item 2)', () => {
  beforeEach(() => {
    clearCookies();
    performance.clearResourceTimings();
  });
  afterEach(() => {
    audit?.stop();
    audit = undefined;
    clearCookies();
    delete window._paq;
    delete window._mtm;
    delete window.dataLayer;
    delete (window as { MatomoTagManager?: unknown }).MatomoTagManager;
  });

  it('finds nothing on a clean page: before a choice, after a refusal and after consent, with the consent cookie and same-origin requests', async () => {
    const warnings = await captureConsole('warn', async () => {
      const { banner, audit } = await auditedPage('', '<img src="/demo/favicon.svg?same-origin" alt="">');
      expect(await audit.check()).to.deep.equal([]);
      banner.rejectAll();
      expect(document.cookie).to.match(/^consent_banner=/);
      expect(await audit.check()).to.deep.equal([]);
      banner.acceptAll();
      document.cookie = '_pk_id.1.abc=visitor; Path=/';
      await requestElsewhere('after-consent');
      expect(await audit.check()).to.deep.equal([]);
    });
    expect(warnings).to.deep.equal([]);
  });

  describe('cookies', () => {
    it('a cookie before any choice: one warning each, with what to change; necessary cookies are fine', async () => {
      document.cookie = '_pk_id.1.abc=visitor; Path=/';
      document.cookie = 'session_id=1; Path=/';
      const warnings = await captureConsole('warn', () => auditedPage('', '', SESSION));
      expect(summary(audit!.findings)).to.deep.equal(['cookie-without-consent before-choice _pk_id.1.abc']);
      expect(warnings).to.deep.equal([
        '<consent-banner> audit: cookie "_pk_id.1.abc" (analytics) is set before any choice; gate the script that sets it with data-consent-category="analytics", so that it runs only once analytics is granted.',
      ]);
      expect(audit!.findings[0].message).to.equal(warnings[0].replace('<consent-banner> audit: ', ''));
      await audit!.check();
      expect(audit!.findings).to.have.length(1, 'once per cookie, not once per check');
    });

    it('a cookie no category declares: undeclared, and before any choice also without consent', async () => {
      document.cookie = 'fake_visitor=1; Path=/';
      await auditedPage();
      expect(summary(audit!.findings)).to.deep.equal(['undeclared-cookie fake_visitor', 'cookie-without-consent before-choice fake_visitor']);
      expect(audit!.findings[0].message).to.equal(
        'cookie "fake_visitor" is declared by no category (necessary, analytics); add its name, or a prefix ending in *, to the cookies of its category in config.categories, so that the choices list it and a refusal deletes it (L8).',
      );
    });

    it('a service\'s cookies are declared, and count as granted while that service is, also in a mixed category (docs/services.md)', async () => {
      const warnings = await captureConsole('warn', async () => {
        const { banner, audit } = await auditedPage('', '', '{"id":"analytics","services":["matomo","siteimprove"]}');
        await waitUntil(() => banner.categories.find(({ id }) => id === 'analytics')!.services!.length === 2, 'the catalogue resolves the services');
        banner.save({ analytics: false, 's--matomo': true });
        document.cookie = '_pk_id.1.abc=visitor; Path=/';
        document.cookie = 'nmstat=visitor; Path=/';
        await audit.check();
      });
      // Matomo's cookie is fine (granted on its own); Siteimprove's is declared, and set after its refusal.
      expect(summary(audit!.findings)).to.deep.equal(['cookie-without-consent after-refusal nmstat']);
      expect(warnings).to.have.length(1);
    });

    it('after consent, an undeclared cookie is only undeclared', async () => {
      const { banner, audit } = await auditedPage();
      banner.acceptAll();
      document.cookie = 'fake_visitor=1; Path=/';
      expect(summary(await audit.check())).to.deep.equal(['undeclared-cookie fake_visitor']);
    });

    it('a cookie set later, before any choice, is found at once through cookieStore change events (no check() needed)', async () => {
      const { audit } = await auditedPage();
      const found = oneEvent(document, 'consent-audit') as Promise<ConsentAuditEvent>;
      document.cookie = '_ga=GA1.1.nep; Path=/';
      const { detail } = await found;
      expect(detail).to.include({ kind: 'undeclared-cookie', subject: '_ga' });
      await waitUntil(() => audit.findings.length === 2);
      expect(summary(audit.findings)).to.deep.equal(['undeclared-cookie _ga', 'cookie-without-consent before-choice _ga']);
      expect(audit.findings[0]).to.equal(detail);
    });

    it('without cookieStore (a page over http) a short poll finds it', async () => {
      // The browser of an http page, which has no cookieStore (a fake of the browser).
      const cookieStore = Object.getOwnPropertyDescriptor(window, 'cookieStore')!;
      Object.defineProperty(window, 'cookieStore', { value: undefined, configurable: true });
      try {
        const { audit } = await auditedPage();
        document.cookie = '_pk_ses.1.abc=1; Path=/';
        await waitUntil(() => audit.findings.length > 0, 'the poll finds the cookie', { timeout: 2000 });
        expect(summary(audit.findings)).to.deep.equal(['cookie-without-consent before-choice _pk_ses.1.abc']);
      } finally {
        Object.defineProperty(window, 'cookieStore', cookieStore);
      }
    });

    it('a tracker cookie re-created after a withdrawal is found as set after the refusal', async () => {
      const { banner, audit } = await auditedPage();
      banner.acceptAll();
      document.cookie = '_pk_id.1.abc=visitor; Path=/';
      expect(await audit.check()).to.deep.equal([]);
      banner.rejectAll();
      expect(document.cookie).not.to.contain('_pk_id', 'the banner deleted it');
      expect(await audit.check()).to.deep.equal([]);
      const found = oneEvent(document, 'consent-audit') as Promise<ConsentAuditEvent>;
      // A tracker that keeps running after the withdrawal writes its cookie again.
      document.cookie = '_pk_id.1.abc=visitor; Path=/';
      expect((await found).detail).to.deep.equal({
        kind: 'cookie-without-consent',
        subject: '_pk_id.1.abc',
        phase: 'after-refusal',
        message:
          'cookie "_pk_id.1.abc" (analytics) is set after analytics was refused; a script that sets it runs without consent or keeps running after a withdrawal: gate it with data-consent-category="analytics" and have the tool stop on a withdrawal (docs/integrations.md).',
      });
    });

    it("a declared cookie of a category refused while another is granted counts as after the refusal; the granted one's is fine", async () => {
      const { banner, audit } = await auditedPage('', '', MEDIA);
      banner.save({ analytics: false, media: true });
      document.cookie = 'VISITOR_INFO1_LIVE=1; Path=/';
      document.cookie = '_pk_ref.1.abc=1; Path=/';
      expect(summary(await audit.check())).to.deep.equal(['cookie-without-consent after-refusal _pk_ref.1.abc']);
    });
  });

  describe('requests to other origins (resource timing)', () => {
    it('before any choice and after a refusal, once per origin and phase; none after consent', async () => {
      const first = await requestElsewhere('before-audit');
      const { banner, audit } = await auditedPage();
      await requestElsewhere('before-choice-too');
      expect(await audit.check()).to.deep.equal([
        {
          kind: 'third-party-request',
          subject: otherOrigin,
          phase: 'before-choice',
          url: first,
          message: `a request to ${otherOrigin} was made before any choice (${first}); gate what makes it with data-consent-category, or allow the origin (data-allowed-origins) when it is the site's own.`,
        },
      ]);
      banner.acceptAll();
      await requestElsewhere('after-consent');
      expect(await audit.check()).to.have.length(1);
      banner.rejectAll();
      const refused = await requestElsewhere('after-refusal');
      const findings = await audit.check();
      expect(summary(findings)).to.deep.equal([`third-party-request before-choice ${otherOrigin}`, `third-party-request after-refusal ${otherOrigin}`]);
      expect(findings[1].url).to.equal(refused);
    });

    it('a request counts by when it started: one under way at the grant, ending after it, was made before any choice', async () => {
      const { banner, audit } = await auditedPage();
      const url = `${otherOrigin}/test-slow?under-way`;
      new Image().src = url;
      // Under way for longer than the slack the audit gives a grant (its own gated scripts start just before the event).
      await aTimeout(150);
      banner.acceptAll();
      await requested(url);
      expect(summary(await audit.check())).to.deep.equal([`third-party-request before-choice ${otherOrigin}`]);
    });

    it('a request the grant itself starts, before consent-change is dispatched (a gated external script), is no finding', async () => {
      const src = `${otherOrigin}/demo/fake-analytics.js?gated`;
      const { banner, audit } = await auditedPage('', `<script type="text/plain" data-consent-category="analytics" data-label="gated" src="${src}"></script>`);
      banner.acceptAll();
      await requested(src);
      await waitUntil(() => window.fakeAnalyticsRuns?.gated === 1, 'the gated script ran');
      expect(await audit.check()).to.deep.equal([]);
    });

    it('allowed origins are no finding; a value that is no origin gets one warning', async () => {
      newPageView();
      const banner = await fixture<ConsentBanner>('<consent-banner lang="nl" privacy-url="/privacy"></consent-banner>');
      await banner.updateComplete;
      const warnings = await captureConsole('warn', async () => {
        audit = new ConsentAudit({ allowedOrigins: `${otherOrigin}/ https://cdn.example.nl/assets` });
        await requestElsewhere('allowed');
        expect(await audit.check()).to.deep.equal([]);
      });
      expect(warnings).to.deep.equal([
        '<consent-banner> audit: allowed origin "https://cdn.example.nl/assets" is no origin such as "https://cdn.example.nl"; ignored.',
      ]);
    });
  });

  describe('gated elements', () => {
    it('an element whose category is not configured, also one added later', async () => {
      const { audit } = await auditedPage('', '<script type="text/plain" data-consent-category="statistiek">window.fakeRan = true;</script>', MEDIA);
      expect(audit.findings).to.deep.equal([
        {
          kind: 'unknown-category',
          subject: 'statistiek',
          message:
            'data-consent-category="statistiek" names no configured category (necessary, analytics, media); the banner never brings those elements to life. Use one of those ids, or add the category to config.categories.',
        },
      ]);
      const found = oneEvent(document, 'consent-audit') as Promise<ConsentAuditEvent>;
      const iframe = Object.assign(document.createElement('iframe'), { title: 'Video' });
      iframe.dataset.consentCategory = 'video';
      iframe.dataset.src = '/demo/fake-video.html';
      document.body.append(iframe);
      expect((await found).detail).to.include({ kind: 'unknown-category', subject: 'video' });
      iframe.remove();
    });
  });

  describe('integrations', () => {
    it('google-consent-mode without window.gtag or window.dataLayer (no head snippet), from the start', async () => {
      const { audit } = await auditedPage('integrations="google-consent-mode"');
      expect(summary(await audit.check())).to.deep.equal(['missing-integration google-consent-mode']);
    });

    it('google-consent-mode with the head snippet\'s dataLayer: no finding', async () => {
      window.dataLayer = [];
      const { audit } = await auditedPage('integrations="google-consent-mode"');
      expect(await audit.check()).to.deep.equal([]);
    });

    it('matomo: nothing expected before a choice; once analytics is granted, matomo.js must have taken over window._paq', async () => {
      const { banner, audit } = await auditedPage('integrations="matomo"');
      expect(await audit.check()).to.deep.equal([]);
      banner.acceptAll();
      expect(Array.isArray(window._paq), 'the banner queued setConsentGiven').to.equal(true);
      expect(summary(await audit.check())).to.deep.equal(['missing-integration matomo']);
    });

    it('matomo and matomo-tag-manager: no finding once their tools have loaded', async () => {
      const { banner, audit } = await auditedPage('integrations="matomo matomo-tag-manager"');
      banner.acceptAll();
      // Fakes of matomo.js and of a Tag Manager container once loaded: they replace the queues.
      window._paq = { push: () => 0 };
      window._mtm = Object.assign([], { push: () => 0 });
      expect(await audit.check()).to.deep.equal([]);
      delete window._mtm;
      (window as { MatomoTagManager?: unknown }).MatomoTagManager = {};
      expect(await audit.check()).to.deep.equal([]);
      delete (window as { MatomoTagManager?: unknown }).MatomoTagManager;
      window._mtm = [];
      expect(summary(await audit.check())).to.deep.equal(['missing-integration matomo-tag-manager']);
    });
  });

  describe('Piwik PRO', () => {
    afterEach(() => {
      delete window.ppms;
      delete window.dataLayer;
    });

    it('piwik-pro and piwik-pro-tag-manager: nothing expected before a choice; once analytics is granted, the container snippet must have run', async () => {
      const { banner, audit } = await auditedPage('integrations="piwik-pro piwik-pro-tag-manager"');
      expect(await audit.check()).to.deep.equal([]);
      banner.acceptAll();
      expect(summary(await audit.check())).to.deep.equal(['missing-integration piwik-pro', 'missing-integration piwik-pro-tag-manager']);
    });

    it('piwik-pro: no finding once ppms.cm.api is there', async () => {
      const { banner, audit } = await auditedPage('integrations="piwik-pro"');
      banner.acceptAll();
      window.ppms = { cm: { api: () => {} } };
      expect(await audit.check()).to.deep.equal([]);
    });
  });

  describe('its own mistakes', () => {
    it('no <consent-banner> on the page: one warning, and check() resolves with no finding', async () => {
      newPageView();
      const warnings = await captureConsole('warn', async () => {
        audit = new ConsentAudit();
        expect(await audit.check()).to.deep.equal([]);
      });
      expect(warnings).to.deep.equal(['<consent-banner> audit: no <consent-banner> on this page; nothing to audit.']);
    });

    it('a check that fails is reported once and throws nothing into the page', async () => {
      const { audit } = await auditedPage();
      // A browser that refuses this page its cookies, as in a sandboxed iframe (a fake of the browser).
      Object.defineProperty(document, 'cookie', {
        configurable: true,
        get() {
          throw new DOMException('fake: cookies are blocked', 'SecurityError');
        },
      });
      try {
        const warnings = await captureConsole('warn', async () => {
          await audit.check();
          await audit.check();
        });
        expect(warnings).to.deep.equal(['<consent-banner> audit: a check failed (SecurityError: fake: cookies are blocked); the others go on.']);
      } finally {
        delete (document as { cookie?: string }).cookie;
      }
    });
  });
});
