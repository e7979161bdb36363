// consent-banner/server in plain Node (I7): no DOM, no Lit. Runs the shared cookie fixtures that
// test/decision/cookie-fixtures.test.ts runs through the browser store, so the two cannot drift.
// Needs `npm run build` first: it tests the published module, dist/server.js.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request as httpRequest, createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { URL } from 'node:url';

// Globals of Node that eslint.config.mjs does not declare for test/node/.
const { fetch, AbortSignal } = globalThis;
const distUrl = new URL('../../dist/', import.meta.url);
const fixtures = JSON.parse(readFileSync(new URL('../fixtures/consent-cookies.json', import.meta.url), 'utf8'));

assert.equal(typeof globalThis.document, 'undefined', 'these tests must run without a DOM');
const { readConsent, hasConsent } = await import(new URL('server.js', distUrl).href);

const NOW = Date.parse('2026-05-01T12:00:00Z');
const VALID = 'consent_banner=1|1|tdsd20|a|analytics:1';
const GRANTED = {
  policyVersion: '1',
  decidedAt: '2026-04-20T09:30:00.000Z',
  method: 'accept-all',
  categories: { necessary: true, analytics: true },
};
const options = { categories: ['analytics'], now: NOW };

describe('readConsent: the shared fixtures', () => {
  it('has fixtures with unique names, both decisions and refusals', () => {
    assert.ok(fixtures.length > 20);
    assert.equal(new Set(fixtures.map(({ name }) => name)).size, fixtures.length);
    assert.ok(fixtures.some(({ expected }) => expected === null));
    assert.ok(fixtures.some(({ expected }) => expected !== null));
  });

  for (const fixture of fixtures) {
    it(fixture.name, () => {
      const decision = readConsent(fixture.header, { ...fixture.options, now: Date.parse(fixture.now) });
      assert.deepEqual(decision, fixture.expected);
    });
  }
});

describe('readConsent: bad input is no decision, never an exception', () => {
  it('reads a valid header (the control for the cases below)', () => {
    assert.deepEqual(readConsent(VALID, options), GRANTED);
  });

  it('no header', () => {
    assert.equal(readConsent(undefined, options), null);
    assert.equal(readConsent(null, options), null);
    assert.equal(readConsent('', options), null);
    assert.equal(readConsent('   ', options), null);
  });

  it('garbage headers', () => {
    const garbage = [
      ';;;',
      '=',
      '==;==',
      'consent_banner',
      'consent_banner=',
      'consent_banner==1|1|tdsd20|a|analytics:1',
      'consent_banner=|||||',
      'consent_banner=1|1|tdsd20|a|analytics',
      'consent_banner=1|1|tdsd20|a|:1',
      'consent_banner=1|1|tdsd20|a|Analytics:1',
      'consent_banner=1|1|zzzzzzzzz|a|analytics:1',
      'consent_banner=1||tdsd20|a|analytics:1',
      'consent_banner=1|%|tdsd20|a|analytics:1',
      'consent_banner=\u0000\uffff\ud800',
      'consent_banner=1|1|tdsd20|a|analytics:1:1',
      '\u00e9\u00e8=\u00ea; consent_banner=1|1|tdsd20|a|analytics:1.__proto__:1',
    ];
    for (const header of garbage) assert.equal(readConsent(header, options), null, header);
  });

  it('values that are not headers', () => {
    for (const header of [42, {}, { cookie: VALID }, true, Symbol('x'), () => VALID]) {
      assert.equal(readConsent(header, options), null, String(header));
    }
  });

  it('bad options', () => {
    for (const bad of [undefined, null, {}, { categories: 'analytics' }, { categories: null }]) {
      assert.equal(readConsent(VALID, bad), null, JSON.stringify(bad));
    }
    assert.equal(readConsent(VALID, { ...options, now: Number.NaN }), null);
    assert.equal(readConsent(VALID, { ...options, now: '2026-05-01' }), null);
    const throwing = {
      get categories() {
        throw new Error('boom');
      },
    };
    assert.equal(readConsent(VALID, throwing), null);
  });

  it('a very long header: finds the cookie at its end, quickly', () => {
    const others = Array.from({ length: 2000 }, (_, i) => `tracker_${i}=${'x'.repeat(40)}`).join('; ');
    const header = `${others}; ${'y'.repeat(1_000_000)}; ${VALID}`;
    const started = performance.now();
    assert.deepEqual(readConsent(header, options), GRANTED);
    assert.equal(readConsent(`${others}; consent_banner=1|1|tdsd20|a|analytics:1${'1'.repeat(1_000_000)}`, options), null);
    assert.ok(performance.now() - started < 1000, 'took longer than a second');
  });
});

describe('readConsent: defaults and inputs', () => {
  it('takes the current time when now is not given', () => {
    const seconds = Math.floor(Date.now() / 1000).toString(36);
    assert.equal(readConsent(`consent_banner=1|1|${seconds}|a|analytics:1`, { categories: ['analytics'] })?.method, 'accept-all');
    // Decided in November 1971 (60466176 s, "100000" in base 36): long expired by any real clock.
    assert.equal(readConsent('consent_banner=1|1|100000|a|analytics:1', { categories: ['analytics'] }), null);
  });

  it('accepts the header as a list of lines (req.headersDistinct.cookie)', () => {
    assert.deepEqual(readConsent(['theme=dark', VALID], options), GRANTED);
    assert.equal(readConsent(['theme=dark', 'a=1'], options), null);
    assert.equal(readConsent([], options), null);
  });

  it('returns a fresh object each time', () => {
    const first = readConsent(VALID, options);
    first.categories.analytics = false;
    assert.deepEqual(readConsent(VALID, options), GRANTED);
  });
});

describe('hasConsent', () => {
  it('grants what the decision grants, necessary always, nothing else', () => {
    const decision = readConsent('consent_banner=1|1|tdsd20|c|analytics:1.media:0', { categories: ['analytics', 'media'], now: NOW });
    assert.equal(hasConsent(decision, 'analytics'), true);
    assert.equal(hasConsent(decision, 'media'), false);
    assert.equal(hasConsent(decision, 'marketing'), false);
    assert.equal(hasConsent(decision, 'necessary'), true);
    assert.equal(hasConsent(decision, 'toString'), false);
    assert.equal(hasConsent(decision, '__proto__'), false);
  });

  it('without a decision grants only necessary', () => {
    for (const none of [null, undefined]) {
      assert.equal(hasConsent(none, 'necessary'), true);
      assert.equal(hasConsent(none, 'analytics'), false);
    }
  });
});

describe('a real node:http request', () => {
  /** Starts a server on 127.0.0.1 that answers with what readConsent finds; stops it afterwards. */
  async function withServer(run) {
    const server = createServer((req, res) => {
      const decision = readConsent(req.headers.cookie, options);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ decision, analytics: hasConsent(decision, 'analytics') }));
    });
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    try {
      const { port } = server.address();
      return await run(`http://127.0.0.1:${port}/`);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('reads the Cookie header of a fetch request', async () => {
    const body = await withServer(async (url) => {
      const response = await fetch(url, { headers: { cookie: `theme=dark; ${VALID}` }, signal: AbortSignal.timeout(5000) });
      return response.json();
    });
    assert.deepEqual(body, { decision: GRANTED, analytics: true });
  });

  it('reads no decision from a request without cookies', async () => {
    const body = await withServer(async (url) => (await fetch(url, { signal: AbortSignal.timeout(5000) })).json());
    assert.deepEqual(body, { decision: null, analytics: false });
  });

  it('reads the consent cookie from a second Cookie header line (Node joins them)', async () => {
    const body = await withServer(
      (url) =>
        new Promise((resolve, reject) => {
          const req = httpRequest(url, { headers: { cookie: ['theme=dark', VALID] }, timeout: 5000 }, (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve(JSON.parse(text)));
          });
          req.on('timeout', () => req.destroy(new Error('timed out')));
          req.on('error', reject);
          req.end();
        }),
    );
    assert.deepEqual(body, { decision: GRANTED, analytics: true });
  });
});

describe('the published module', () => {
  /** Every module dist/server.js loads, by following its import and export specifiers. */
  function importGraph(entry) {
    const seen = new Set();
    const bare = new Set();
    const visit = (url) => {
      if (seen.has(url.href)) return;
      seen.add(url.href);
      const source = readFileSync(url, 'utf8');
      for (const [, specifier] of source.matchAll(/(?:^|[;\s])(?:import|export)\s*(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/g)) {
        if (specifier.startsWith('.')) visit(new URL(specifier, url));
        else bare.add(specifier);
      }
      for (const [, specifier] of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) bare.add(specifier);
    };
    visit(entry);
    return { modules: [...seen].map((href) => href.slice(distUrl.href.length)), bare: [...bare] };
  }

  it('imports nothing but its own DOM-free store modules (no Lit, no UI)', () => {
    const { modules, bare } = importGraph(new URL('server.js', distUrl));
    assert.deepEqual(bare, []);
    assert.ok(modules.includes('decision/stored-decision.js') && modules.includes('decision/cookie-codec.js'), modules.join());
    for (const module of modules) assert.match(module, /^(server\.js|report\.js|decision\/[\w-]+\.js)$/);
  });

  it('exports readConsent and hasConsent only', async () => {
    assert.deepEqual(Object.keys(await import(new URL('server.js', distUrl).href)).sort(), ['hasConsent', 'readConsent']);
  });
});
