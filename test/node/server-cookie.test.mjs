// consent-banner/server writes the consent cookie (issue 14, item 1): consentCookieHeader gives the
// Set-Cookie of a decision, byte for byte what the browser's store writes (the shared fixtures of
// test/fixtures/server-cookies.json, whose browser side is test/decision/cookie-fixtures.test.ts),
// and consentCookieHandler sets it from the banner's JSON and the cookie page's form, through a
// real node:http server, refusing what it cannot trust and requests from other sites (CSRF).
// Needs `npm run build` first: it tests the published module, dist/server.js.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { URL } from 'node:url';
import { consoleErrors } from './console-errors.mjs';

const distUrl = new URL('../../dist/', import.meta.url);
const written = JSON.parse(readFileSync(new URL('../fixtures/server-cookies.json', import.meta.url), 'utf8'));
const { consentCookieHandler, consentCookieHeader, readConsent } = await import(new URL('server.js', distUrl).href);

const NOW = Date.parse('2026-05-01T12:00:00Z');
const CONSENT = { categories: ['analytics', 'media'], policyVersion: '2026-11', now: NOW };
/** A decision the banner would send: made eleven days before NOW. */
const DECISION = {
  policyVersion: '2026-11',
  decidedAt: '2026-04-20T09:30:00.000Z',
  method: 'custom',
  categories: { necessary: true, analytics: true, media: false },
};
const COOKIE = 'consent_banner=1|2026-11|tdsd20|c|analytics:1.media:0; Path=/; Max-Age=15724800; SameSite=Lax';

describe('the shared written cookies, server side (I7, L15)', () => {
  it('has fixtures with unique names', () => {
    assert.ok(written.length > 4);
    assert.equal(new Set(written.map(({ name }) => name)).size, written.length);
  });

  for (const fixture of written) {
    const now = Date.parse(fixture.now);
    it(`consentCookieHeader writes the browser's cookie: ${fixture.name}`, () => {
      assert.equal(consentCookieHeader(fixture.decision, { ...fixture.options, now }), fixture.setCookie);
    });

    it(`readConsent reads it as the decision: ${fixture.name}`, () => {
      const [pair] = fixture.setCookie.split('; ');
      assert.deepEqual(readConsent(`theme=dark; ${pair}`, { ...fixture.options, now }), fixture.decision);
    });
  }
});

describe('consentCookieHeader', () => {
  it('writes the decision as the browser would (the control for the cases below)', () => {
    assert.equal(consentCookieHeader(DECISION, CONSENT), COOKIE);
  });

  it('adds Secure when asked, and Domain when cookieDomain is the page\'s host or a parent of it', () => {
    assert.equal(consentCookieHeader(DECISION, { ...CONSENT, secure: true }), `${COOKIE}; Secure`);
    assert.equal(consentCookieHeader(DECISION, { ...CONSENT, cookieDomain: '.Gemeente.nl', host: 'www.gemeente.nl' }), `${COOKIE}; Domain=gemeente.nl`);
    assert.equal(consentCookieHeader(DECISION, { ...CONSENT, cookieDomain: 'www.gemeente.nl', host: 'www.gemeente.nl', secure: true }), `${COOKIE}; Domain=www.gemeente.nl; Secure`);
  });

  it('a cookieDomain that is not the host or a parent (or without a host to check it against): one console error, this host only', async () => {
    for (const [cookieDomain, host] of [['andere.nl', 'www.gemeente.nl'], ['nl', 'www.gemeente.nl'], ['gemeente.nl; HttpOnly', 'www.gemeente.nl'], ['gemeente.nl', undefined]]) {
      const { result, messages } = await consoleErrors(() => consentCookieHeader(DECISION, { ...CONSENT, cookieDomain, host }));
      assert.equal(result, COOKIE, cookieDomain);
      assert.equal(messages.length, 1, `${cookieDomain}: ${messages.join('\n')}`);
      assert.match(messages[0], /^<consent-banner>: cookie-domain must be .* or a parent of it, not a bare label; got ".*"\. Using this host\.$/);
    }
    // The same mistake again: no second message (a server meets it on every request).
    const again = await consoleErrors(() => consentCookieHeader(DECISION, { ...CONSENT, cookieDomain: 'andere.nl', host: 'www.gemeente.nl' }));
    assert.deepEqual(again.messages, []);
  });

  it('follows the banner\'s cookie-name and max-age-days, and their defaults when the banner would refuse them', async () => {
    const options = { ...CONSENT, cookieName: 'keuze', maxAgeDays: 30 };
    assert.equal(consentCookieHeader({ ...DECISION, decidedAt: '2026-04-30T00:00:00.000Z' }, options), 'keuze=1|2026-11|tea5c0|c|analytics:1.media:0; Path=/; Max-Age=2592000; SameSite=Lax');
    const { result, messages } = await consoleErrors(() => consentCookieHeader(DECISION, { ...CONSENT, cookieName: 'bad name;', maxAgeDays: 400 }));
    assert.equal(result, COOKIE);
    assert.equal(messages.length, 2, messages.join('\n'));
  });

  it('writes no cookie (null) for a decision the banner would not store or count', () => {
    const refused = {
      'another policy version': { ...DECISION, policyVersion: '2026-10' },
      'a category the site does not have': { ...DECISION, categories: { ...DECISION.categories, marketing: true } },
      'gpc, which is never stored': { ...DECISION, method: 'gpc', categories: { necessary: true, analytics: false, media: false } },
      'an unknown method': { ...DECISION, method: 'all' },
      'accept-all with a refusal': { ...DECISION, method: 'accept-all' },
      'reject-all with a grant': { ...DECISION, method: 'reject-all' },
      'necessary refused': { ...DECISION, categories: { ...DECISION.categories, necessary: false } },
      'a choice that is no boolean': { ...DECISION, categories: { necessary: true, analytics: 'true' } },
      'no categories': { ...DECISION, categories: {} },
      'categories as a list': { ...DECISION, categories: ['analytics'] },
      'deciding none of the categories': { ...DECISION, categories: { necessary: true } },
      'decided longer ago than max-age-days': { ...DECISION, decidedAt: '2025-10-01T00:00:00.000Z' },
      'decided more than a day in the future': { ...DECISION, decidedAt: '2026-05-03T00:00:00.000Z' },
      'a time that is no ISO time': { ...DECISION, decidedAt: 'yesterday' },
      'a time in another format': { ...DECISION, decidedAt: 'Mon, 20 Apr 2026 09:30:00 GMT' },
      'a consent id of other characters': { ...DECISION, consentId: 'ABC;DEF-123' },
      'a field of its own': { ...DECISION, ip: '192.0.2.1' },
      'no decidedAt': { policyVersion: DECISION.policyVersion, method: DECISION.method, categories: DECISION.categories },
    };
    for (const [why, decision] of Object.entries(refused)) assert.equal(consentCookieHeader(decision, CONSENT), null, why);
    for (const decision of [null, undefined, 'consent_banner=1|2026-11|tdsd20|a|analytics:1', 42, [], true]) {
      assert.equal(consentCookieHeader(decision, CONSENT), null, String(decision));
    }
  });

  it('accepts a partial decision (one category granted, the others undecided) and the consent id of receipts', () => {
    assert.equal(consentCookieHeader({ ...DECISION, categories: { necessary: true, media: true } }, CONSENT), COOKIE.replace('analytics:1.media:0', 'media:1'));
    assert.equal(consentCookieHeader({ ...DECISION, consentId: 'k2j9x0q7m1c5z8ab' }, CONSENT), COOKIE.replace('media:0', 'media:0|k2j9x0q7m1c5z8ab'));
  });

  it('never throws: options without categories get one console error and no cookie, throwing getters no cookie', async () => {
    const throwing = {
      get categories() {
        throw new Error('boom');
      },
    };
    const { messages } = await consoleErrors(() => {
      for (const options of [undefined, null, {}, { categories: 'analytics' }, throwing]) assert.equal(consentCookieHeader(DECISION, options), null);
      assert.equal(consentCookieHeader(Object.defineProperty({ ...DECISION }, 'method', { get: () => { throw new Error('boom'); }, enumerable: true }), CONSENT), null);
    });
    assert.equal(messages.length, 2, messages.join('\n'));
    assert.ok(messages.every((message) => message.startsWith('<consent-banner>: categories must be the ids of the banner\'s optional categories')));
  });
});

/** A response the handler can answer on (Express's is Node's own), recording what it was told; `done` settles at `end()`. */
function fakeResponse() {
  let finished;
  const response = {
    statusCode: 200,
    headers: {},
    headersSent: false,
    done: new Promise((resolve) => (finished = resolve)),
    setHeader(name, value) {
      response.headers[name.toLowerCase()] = value;
    },
    end(body) {
      response.headersSent = true;
      response.body = body;
      finished();
    },
  };
  return response;
}

/** A request whose body a body parser has read already (Express's `express.json()`, `express.urlencoded()`). */
function parsedRequest({ headers, body, socket = null }) {
  return { method: 'POST', headers, socket, body, readableEnded: true, on() {} };
}

/** The headers of a browser's fetch of JSON from a page of the site. */
const JSON_FETCH = { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' };

/** Settles once the handler has answered on `response` (a `fakeResponse`); fails after 5 s without an answer. */
function answered(response) {
  let timer;
  const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no answer within 5 s')), 5000)));
  return Promise.race([response.done, late]).finally(() => clearTimeout(timer));
}

/** How `handler` answers a request whose body a body parser has read already (see `parsedRequest`). */
async function answerTo(handler, request) {
  const response = fakeResponse();
  handler(parsedRequest(request), response);
  await answered(response);
  return response;
}

/** A node:http server on 127.0.0.1 that runs the handler for every request; `handler` as given. */
async function startServer(handler) {
  const server = createServer((req, res) => handler(req, res));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    host: `127.0.0.1:${server.address().port}`,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

let site;
const setConsent = consentCookieHandler(CONSENT);

/**
 * A request to the handler's server (`site`, or the one at `host`) with exactly these headers, a
 * browser's or an attacker's (one left `undefined` is not sent): its status, headers and text.
 */
function send({ method = 'POST', headers = {}, body = '' } = {}, host = site.host) {
  const sent = Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined));
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.split(':')[1], path: '/consent', method, headers: sent, timeout: 5000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

/** The headers of a browser's fetch from a page of the site (`Sec-Fetch-Site: same-origin`). */
const json = (body, extra = {}) => ({
  headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', origin: `http://${site.host}`, ...extra },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
/** The headers of the cookie page's form, posted by a browser (`Sec-Fetch-Site: same-origin`). */
const form = (fields, extra = {}) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', origin: `http://${site.host}`, ...extra },
  body: new URLSearchParams(fields).toString(),
});

describe('consentCookieHandler: the banner\'s JSON (cookie-url)', () => {
  before(async () => {
    site = await startServer(setConsent);
  });
  after(() => site.stop());

  it('answers 204 with the cookie the browser wrote, never cached', async () => {
    const { status, headers, text } = await send(json(DECISION));
    assert.equal(status, 204);
    assert.deepEqual(headers['set-cookie'], [COOKIE]);
    assert.equal(headers['cache-control'], 'no-store');
    assert.equal(text, '');
  });

  it('writes each shared fixture\'s Set-Cookie, byte for byte', async () => {
    for (const fixture of written) {
      const handler = consentCookieHandler({ ...fixture.options, now: Date.parse(fixture.now) });
      const fixtureSite = await startServer(handler);
      try {
        const { status, headers } = await send(json(fixture.decision, { origin: `http://${fixtureSite.host}` }), fixtureSite.host);
        assert.equal(status, 204, fixture.name);
        assert.deepEqual(headers['set-cookie'], [fixture.setCookie], fixture.name);
      } finally {
        await fixtureSite.stop();
      }
    }
  });

  it('adds Secure for a page on https (its Origin) and for a request over TLS; secure: false leaves it out', async () => {
    const https = await send(json(DECISION, { 'sec-fetch-site': undefined, origin: 'https://www.gemeente.nl', host: 'www.gemeente.nl' }));
    assert.deepEqual(https.headers['set-cookie'], [`${COOKIE}; Secure`]);
    const tls = await answerTo(setConsent, { headers: JSON_FETCH, body: DECISION, socket: { encrypted: true } });
    assert.equal(tls.headers['set-cookie'], `${COOKIE}; Secure`);
    const off = await answerTo(consentCookieHandler({ ...CONSENT, secure: false }), { headers: JSON_FETCH, body: DECISION, socket: { encrypted: true } });
    assert.equal(off.headers['set-cookie'], COOKIE);
  });

  it('adds Domain with cookieDomain, checked against the page\'s host from its Origin', async () => {
    const handler = consentCookieHandler({ ...CONSENT, cookieDomain: 'gemeente.nl' });
    const response = await answerTo(handler, { headers: { ...JSON_FETCH, origin: 'https://www.gemeente.nl', host: '127.0.0.1:3000' }, body: DECISION });
    assert.equal(response.headers['set-cookie'], `${COOKIE}; Domain=gemeente.nl; Secure`);
  });

  it('refuses (400, no cookie) a decision it cannot trust, and says why', async () => {
    const cases = [
      ['{"policyVersion":', /the decision must be a JSON object/],
      ['null', /the decision must be a JSON object/],
      [{ ...DECISION, policyVersion: '2026-10' }, /policyVersion must be "2026-11"; got "2026-10"/],
      [{ ...DECISION, categories: { ...DECISION.categories, marketing: true } }, /categories names no category \(or granted service, s--<id>\) of this site: marketing/],
      [{ ...DECISION, method: 'gpc' }, /method must be accept-all, reject-all, custom; got "gpc"/],
      [{ ...DECISION, method: 'accept-all' }, /method accept-all must grant every category it names/],
      [{ ...DECISION, method: 'reject-all' }, /method reject-all must refuse every category it names/],
      [{ ...DECISION, categories: { necessary: false, analytics: true } }, /categories must be \{ "<id>": true \| false \} with necessary true/],
      [{ ...DECISION, decidedAt: '2025-01-01T00:00:00.000Z' }, /is more than 182 days ago or in the future/],
      [{ ...DECISION, decidedAt: 'now' }, /decidedAt must be an ISO time/],
      [{ ...DECISION, consentId: 'x' }, /consentId must be 8 to 32 of 0-9, a-z/],
      [{ ...DECISION, userAgent: 'Mozilla/5.0' }, /userAgent is no field of a decision/],
    ];
    for (const [body, reason] of cases) {
      const { status, headers, text } = await send(json(body));
      assert.equal(status, 400, text);
      assert.equal(headers['set-cookie'], undefined, text);
      assert.match(text, reason);
      assert.match(text, /No cookie set\.$/);
    }
  });

  it('refuses a body over 8 KiB (413) and another content type (415), without a cookie', async () => {
    const large = await send(json({ ...DECISION, padding: 'x'.repeat(9000) }));
    assert.equal(large.status, 413);
    assert.equal(large.headers['set-cookie'], undefined);
    const text = await send({ headers: { 'content-type': 'text/plain', 'sec-fetch-site': 'same-origin' }, body: JSON.stringify(DECISION) });
    assert.equal(text.status, 415);
    assert.equal(text.headers['set-cookie'], undefined);
  });

  it('answers anything but POST with 405 and Allow: POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const { status, headers } = await send({ method, headers: { 'sec-fetch-site': 'same-origin' } });
      assert.equal(status, 405, method);
      assert.equal(headers.allow, 'POST');
      assert.equal(headers['set-cookie'], undefined);
    }
  });
});

describe('consentCookieHandler: requests from other sites (CSRF) set nothing', () => {
  before(async () => {
    site = await startServer(setConsent);
  });
  after(() => site.stop());

  it('refuses 403 a cross-site, same-site or user-initiated request (Sec-Fetch-Site), whatever its Origin says', async () => {
    for (const fetchSite of ['cross-site', 'same-site', 'none', 'Same-Origin']) {
      for (const request of [json(DECISION, { 'sec-fetch-site': fetchSite }), form({ method: 'accept-all', 'policy-version': '2026-11' }, { 'sec-fetch-site': fetchSite })]) {
        const { status, headers, text } = await send(request);
        assert.equal(status, 403, fetchSite);
        assert.equal(headers['set-cookie'], undefined, fetchSite);
        assert.match(text, new RegExp(`^Not from this site: Sec-Fetch-Site is "${fetchSite}", not "same-origin"\\. No cookie set\\.$`));
      }
    }
  });

  it('without Sec-Fetch-Site (Safari before 16.4): takes an Origin of this host, refuses another or none', async () => {
    const ok = await send(form({ method: 'accept-all', 'policy-version': '2026-11' }, { 'sec-fetch-site': undefined }));
    assert.equal(ok.status, 303);
    for (const [origin, reason] of [
      ['https://evil.example', /Origin https:\/\/evil\.example is not this host/],
      [`http://${site.host.replace('127.0.0.1', 'localhost')}`, /is not this host/],
      ['null', /Origin null is not this host/],
      [undefined, /the request has neither Sec-Fetch-Site nor Origin/],
    ]) {
      const { status, headers, text } = await send(form({ method: 'accept-all', 'policy-version': '2026-11' }, { 'sec-fetch-site': undefined, origin }));
      assert.equal(status, 403, String(origin));
      assert.equal(headers['set-cookie'], undefined);
      assert.match(text, reason);
    }
  });

  it('with the origin option (a proxy rewrites Host): takes only those origins from a browser without Sec-Fetch-Site', async () => {
    const proxied = consentCookieHandler({ ...CONSENT, origin: ['https://www.gemeente.nl', 'https://gemeente.nl'] });
    const answers = [];
    for (const origin of ['https://gemeente.nl', `http://${site.host}`]) {
      answers.push((await answerTo(proxied, { headers: { origin, host: site.host, 'content-type': 'application/json' }, body: DECISION })).statusCode);
    }
    assert.deepEqual(answers, [204, 403]);
  });
});

describe('consentCookieHandler: the cookie page\'s form, without JavaScript', () => {
  before(async () => {
    site = await startServer(setConsent);
  });
  after(() => site.stop());

  /** The decision in the Set-Cookie of an answer, read as the browser would. */
  const decisionOf = (headers) => readConsent(headers['set-cookie'][0].split('; ')[0], CONSENT);
  const decidedNow = new Date(NOW).toISOString();

  it('saves the ticked categories (the others refused), made now, and sends the visitor back to the form\'s page (303)', async () => {
    const { status, headers } = await send(form([['granted', 'analytics'], ['method', 'custom'], ['policy-version', '2026-11'], ['return', '/privacy/cookies?tab=2']]));
    assert.equal(status, 303);
    assert.equal(headers.location, '/privacy/cookies?tab=2');
    assert.equal(headers['cache-control'], 'no-store');
    assert.equal(headers['set-cookie'][0], 'consent_banner=1|2026-11|tecxc0|c|analytics:1.media:0; Path=/; Max-Age=15724800; SameSite=Lax');
    assert.deepEqual(decisionOf(headers), { policyVersion: '2026-11', decidedAt: decidedNow, method: 'custom', categories: { necessary: true, analytics: true, media: false } });
  });

  it('accept-all grants every category, reject-all refuses every one, whatever is ticked', async () => {
    const accept = await send(form([['method', 'accept-all'], ['policy-version', '2026-11']]));
    assert.deepEqual(decisionOf(accept.headers).categories, { necessary: true, analytics: true, media: true });
    const reject = await send(form([['granted', 'analytics'], ['granted', 'media'], ['method', 'reject-all'], ['policy-version', '2026-11']]));
    assert.deepEqual(decisionOf(reject.headers), { policyVersion: '2026-11', decidedAt: decidedNow, method: 'reject-all', categories: { necessary: true, analytics: false, media: false } });
    const none = await send(form([['method', 'custom'], ['policy-version', '2026-11']]));
    assert.deepEqual(decisionOf(none.headers).categories, { necessary: true, analytics: false, media: false });
  });

  it('sends the visitor back to the page that posted (same-origin Referer) when the form names none or another site', async () => {
    const fields = [['method', 'reject-all'], ['policy-version', '2026-11']];
    for (const [unsafe, referer, expected] of [
      [undefined, `http://${site.host}/cookies?x=1#top`, '/cookies?x=1'],
      ['//evil.example/', `http://${site.host}/cookies`, '/cookies'],
      ['https://evil.example/', undefined, '/'],
      ['/\\evil.example', 'https://evil.example/cookies', '/'],
      ['/cookies\r\nSet-Cookie: x=1', undefined, '/'],
    ]) {
      const { status, headers } = await send(form(unsafe === undefined ? fields : [...fields, ['return', unsafe]], { referer }));
      assert.equal(status, 303);
      assert.equal(headers.location, expected, String(unsafe));
    }
  });

  it('refuses (400, no cookie) a form it cannot trust: another policy version, an unknown category or method', async () => {
    for (const [fields, reason] of [
      [[['method', 'accept-all'], ['policy-version', '2026-10']], /the form is for policy version "2026-10", not "2026-11"/],
      [[['method', 'accept-all']], /the form is for policy version null, not "2026-11"/],
      [[['granted', 'marketing'], ['method', 'custom'], ['policy-version', '2026-11']], /granted names no category or service \(s--<id>, with the handler's services\) of this site: marketing/],
      [[['method', 'gpc'], ['policy-version', '2026-11']], /method must be accept-all, reject-all, custom; got "gpc"/],
      [[['policy-version', '2026-11']], /method must be accept-all, reject-all, custom; got null/],
    ]) {
      const { status, headers, text } = await send(form(fields));
      assert.equal(status, 400, text);
      assert.equal(headers['set-cookie'], undefined);
      assert.match(text, reason);
      assert.match(text, /No cookie set: go back, reload the cookie page and choose again\.$/);
    }
  });
});

describe('consentCookieHandler: behind Express\'s body parsers, and never throwing', () => {
  it('takes a body express.json() parsed', async () => {
    const response = await answerTo(setConsent, { headers: { ...JSON_FETCH, 'content-type': 'application/json; charset=utf-8' }, body: DECISION });
    assert.equal(response.statusCode, 204);
    assert.equal(response.headers['set-cookie'], COOKIE);
  });

  it('takes a form express.urlencoded() parsed, a repeated field as a list (extended) or one text', async () => {
    for (const granted of [['analytics', 'media'], 'analytics']) {
      const body = { granted, method: 'custom', 'policy-version': '2026-11', return: '/cookies' };
      const response = await answerTo(setConsent, { headers: { 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' }, body });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/cookies');
      assert.match(response.headers['set-cookie'], Array.isArray(granted) ? /\|c\|analytics:1\.media:1;/ : /\|c\|analytics:1\.media:0;/);
    }
  });

  it('a handler without categories: one console error when it is made, then 500 without a cookie for every request', async () => {
    const { result: broken, messages } = await consoleErrors(() => consentCookieHandler({ policyVersion: '2026-11', categories: { analytics: true } }));
    assert.equal(messages.length, 1, messages.join('\n'));
    const response = await answerTo(broken, { headers: JSON_FETCH, body: DECISION });
    assert.equal(response.statusCode, 500);
    assert.equal(response.headers['set-cookie'], undefined);
  });

  it('never throws: a broken request, a response that throws or went out already, a stream that fails', async () => {
    const { messages } = await consoleErrors(async () => {
      const throwing = {
        get headers() {
          throw new Error('boom');
        },
        method: 'POST',
        on() {},
      };
      const first = fakeResponse();
      assert.doesNotThrow(() => setConsent(throwing, first));
      await answered(first);
      assert.equal(first.statusCode, 500);

      const sent = fakeResponse();
      sent.headersSent = true;
      assert.doesNotThrow(() => setConsent(parsedRequest({ headers: JSON_FETCH, body: DECISION }), sent));

      const rude = {
        statusCode: 200,
        setHeader() {
          throw new Error('gone');
        },
        end() {
          throw new Error('gone');
        },
      };
      for (const request of [null, undefined, 42, {}, parsedRequest({ headers: JSON_FETCH, body: DECISION })]) {
        assert.doesNotThrow(() => setConsent(request, rude));
      }
      assert.doesNotThrow(() => setConsent(parsedRequest({ headers: {}, body: DECISION }), undefined));

      const listeners = {};
      const failing = { method: 'POST', headers: JSON_FETCH, on: (event, listener) => (listeners[event] = listener) };
      const afterError = fakeResponse();
      setConsent(failing, afterError);
      listeners.error(new Error('reset'));
      await answered(afterError);
      assert.equal(afterError.statusCode, 400);
      assert.equal(afterError.headers['set-cookie'], undefined);
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    assert.ok(messages.every((message) => message.startsWith('<consent-banner>: consentCookieHandler failed')), messages.join('\n'));
  });
});
