import '../fail-on-errors.js';
// The request that has the site's server set the consent cookie (cookie-url, issue 14), against
// the test server's stand-in for the handler (web-test-runner.config.mjs): what it sends, to
// whom, and one console error for each mistake or failure, however many decisions meet it.
import { expect, waitUntil } from '@open-wc/testing';
import { sendToCookieUrl } from '../../src/effects/server-cookie.js';
import type { ConsentDecision } from '../../src/decision/types.js';
import { captureConsole, clearCookies, recorded } from '../helpers.js';

const DECISION: ConsentDecision = {
  policyVersion: '2026-11',
  decidedAt: '2026-04-20T09:30:00.000Z',
  method: 'custom',
  categories: { necessary: true, analytics: true, media: false },
  consentId: 'k2j9x0q7m1c5z8ab',
};

interface Received {
  body: string;
  contentType: string;
  cookie: string | null;
  fetchSite: string | null;
}

/** What the stand-in received since the last call, once `count` requests arrived. */
const received = (count: number) => recorded<Received>('/test-cookie-url', count);

/** What the stand-in received when nothing was sent: only a marker posted after the call. */
async function nothingSent(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  await fetch('/test-cookie-url?marker', { method: 'POST', body: 'marker' });
  expect((await received(1)).map(({ body }) => body)).to.deep.equal(['marker']);
}

describe('sendToCookieUrl: the site\'s server sets the consent cookie too (issue 14)', () => {
  beforeEach(async () => {
    clearCookies();
    await fetch('/test-cookie-url');
  });

  it('posts the decision as JSON to the page\'s origin, with the site\'s cookies, and the browser stores the answer\'s Set-Cookie', async () => {
    document.cookie = 'session=site-login; Path=/';
    sendToCookieUrl('/test-cookie-url', DECISION);
    const [request] = await received(1);
    expect(JSON.parse(request.body)).to.deep.equal(DECISION);
    expect(request.contentType).to.equal('application/json');
    expect(request.cookie).to.contain('session=site-login');
    expect(request.fetchSite).to.equal('same-origin');
    await waitUntil(() => document.cookie.includes('test_set_by_server=1'), 'the Set-Cookie of the answer is stored');
  });

  it('an address on another origin: one console error, nothing sent, and no second error for the next decision', async () => {
    const elsewhere = `${location.protocol}//127.0.0.1:${location.port}/test-cookie-url`;
    const errors = await captureConsole('error', () => {
      sendToCookieUrl(elsewhere, DECISION);
      sendToCookieUrl(elsewhere, { ...DECISION, method: 'reject-all' });
    });
    expect(errors).to.deep.equal([
      `<consent-banner>: cookie-url must be on this page's origin (${location.origin}); got "${elsewhere}". The server does not set the consent cookie.`,
    ]);
    await nothingSent();
  });

  it('no http(s) address: one console error, nothing sent', async () => {
    const errors = await captureConsole('error', () => {
      sendToCookieUrl('javascript:alert(1)', DECISION);
      sendToCookieUrl('javascript:alert(1)', DECISION);
      sendToCookieUrl(42, DECISION);
    });
    expect(errors).to.deep.equal([
      '<consent-banner>: cookie-url must be an http(s) address; got "javascript:alert(1)". The server does not set the consent cookie.',
      '<consent-banner>: cookie-url must be an http(s) address; got 42. The server does not set the consent cookie.',
    ]);
    await nothingSent();
  });

  it('an answer that is no success: one console error with its status and text, once for the same answer', async () => {
    const errors = await captureConsole('error', async () => {
      sendToCookieUrl('/test-cookie-url?status=400&reason=policyVersion%20must%20be%20%222026-12%22', DECISION);
      await received(1);
      sendToCookieUrl('/test-cookie-url?status=400&reason=policyVersion%20must%20be%20%222026-12%22', DECISION);
      await received(1);
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(errors).to.deep.equal([
      '<consent-banner>: the server at cookie-url did not set the consent cookie (400 policyVersion must be "2026-12"); it lasts as the browser keeps it (7 days in Safari).',
    ]);
    expect(document.cookie).to.not.contain('test_set_by_server');
  });

  it('a request that fails on the network: one console error, nothing thrown into the page', async () => {
    const original = window.fetch;
    // The network refuses (offline): the outside world, faked.
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    try {
      const errors = await captureConsole('error', async () => {
        sendToCookieUrl('/test-cookie-url?offline', DECISION);
        await new Promise((resolve) => setTimeout(resolve, 20));
      });
      expect(errors).to.deep.equal([
        '<consent-banner>: the server at cookie-url did not set the consent cookie (TypeError: Failed to fetch); it lasts as the browser keeps it (7 days in Safari).',
      ]);
    } finally {
      window.fetch = original;
    }
  });
});
