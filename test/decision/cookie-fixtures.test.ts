import '../fail-on-errors.js';
// The browser side of the shared cookie fixtures (I7): the store writes exactly the cookie in
// each fixture, and reads every fixture as expected. test/node/server.test.mjs runs the same
// file through `consent-banner/server`, so the two sides cannot drift apart. The written cookies
// (test/fixtures/server-cookies.json) go both ways: the store writes the very `Set-Cookie` that
// `consentCookieHeader` writes, and reads it back as the decision (test/node/server-cookie.test.mjs
// checks the server side of the same file).
import { expect } from '@open-wc/testing';
import { ConsentStore, type CookieAccess } from '../../src/decision/consent-store.js';
import { readStoredDecision } from '../../src/decision/stored-decision.js';
import type { ConsentDecision } from '../../src/decision/types.js';
import { captureConsole } from '../helpers.js';

/** One entry of test/fixtures/consent-cookies.json. */
interface CookieFixture {
  name: string;
  /** A request's `Cookie` header, or `document.cookie`. */
  header: string;
  /** The options of `readConsent` (`consent-banner/server`); omitted ones take the defaults. */
  options: { categories: string[]; services?: string[]; policyVersion?: string; cookieName?: string; maxAgeDays?: number };
  /** The header holds a category the page does not configure: a cookie to read, never one the store writes. */
  readOnly?: boolean;
  /** ISO time the fixture is read at. */
  now: string;
  expected: ConsentDecision | null;
}

const fixtures: CookieFixture[] = await (await fetch(new URL('../fixtures/consent-cookies.json', import.meta.url))).json();

/** One entry of test/fixtures/server-cookies.json: a decision and the one cookie both sides write for it. */
interface WrittenCookieFixture {
  name: string;
  decision: ConsentDecision;
  /** The options of `consentCookieHeader` (`consent-banner/server`), as for reading. */
  options: CookieFixture['options'];
  /** ISO time the cookie is read at. */
  now: string;
  /** The `Set-Cookie` value, which is also what the store writes to `document.cookie` on an http page. */
  setCookie: string;
}

const written: WrittenCookieFixture[] = await (await fetch(new URL('../fixtures/server-cookies.json', import.meta.url))).json();

/** A fake cookie jar (the browser's cookie store is the outside world here): records what is written. */
class FakeCookieJar implements CookieAccess {
  written: string[] = [];
  constructor(private readonly header = '') {}
  read() {
    return this.header;
  }
  write(cookie: string) {
    this.written.push(cookie);
  }
}

/**
 * A store configured as the fixture's options say, reading `header` at time `now`. Fixtures with
 * options the store refuses (and falls back from, with a console error) are part of the contract,
 * so the error is expected and kept out of the test output.
 */
async function storeFor(fixture: Pick<CookieFixture, 'options'>, header: string, now: number, withConsentId = false) {
  const { categories, services = [], policyVersion, cookieName, maxAgeDays } = fixture.options;
  const jar = new FakeCookieJar(header);
  let store: ConsentStore | undefined;
  // Which category a service is of does not change what is read or written: the last one's here.
  const serviceCategories = Object.fromEntries(services.map((id) => [id, categories.at(-1)!]));
  await captureConsole('error', () => {
    store = new ConsentStore({ categoryIds: categories, services: serviceCategories, policyVersion, cookieName, maxAgeDays, withConsentId, cookies: jar, now: () => now });
  });
  if (!store) throw new Error('no store');
  return { store, jar };
}

/** The cookie pairs (`name=value`) of a `Cookie` header. */
const pairsOf = (header: string) => header.split(';').map((pair) => pair.trim());

describe('shared cookie fixtures, browser side (I7, L14, L15)', () => {
  it('has fixtures with unique names, both decisions and refusals', () => {
    expect(fixtures.length).to.be.greaterThan(20);
    expect(new Set(fixtures.map(({ name }) => name)).size).to.equal(fixtures.length);
    expect(fixtures.filter(({ expected }) => expected === null)).to.not.be.empty;
    expect(fixtures.filter(({ expected }) => expected !== null)).to.not.be.empty;
  });

  for (const fixture of fixtures) {
    const now = Date.parse(fixture.now);

    it(`ConsentStore reads: ${fixture.name}`, async () => {
      const { store } = await storeFor(fixture, fixture.header, now);
      expect(store.decision).to.deep.equal(fixture.expected);
    });

    it(`readStoredDecision, with the store's settings: ${fixture.name}`, async () => {
      const { store } = await storeFor(fixture, '', now);
      const { cookieName, policyVersion, categoryIds, maxAgeDays, services } = store;
      const decision = readStoredDecision(fixture.header, { cookieName, policyVersion, categoryIds, serviceIds: Object.keys(services), maxAgeDays, now });
      expect(decision).to.deep.equal(fixture.expected);
    });

    const { expected } = fixture;
    if (expected === null) continue;
    // A decision the store writes: one for every configured category, or the partial one of a
    // single grant. (A decision for categories configured since is only read.)
    const optional = Object.keys(expected.categories).filter((id) => id !== 'necessary');
    const complete = fixture.options.categories.every((id) => id === 'necessary' || optional.includes(id));
    const oneGrant = optional.length === 1 && expected.categories[optional[0]] && expected.method === 'custom';
    if (fixture.readOnly || (!complete && !oneGrant)) continue;

    it(`ConsentStore writes the cookie of: ${fixture.name}`, async () => {
      const { store, jar } = await storeFor(fixture, '', Date.parse(expected.decidedAt));
      if (complete) store.decide(expected.categories, expected.method);
      else store.grant(optional[0]);
      // Every copy is expired first (Max-Age=0); then the one cookie is written.
      const stored = jar.written.filter((cookie) => !cookie.includes('Max-Age=0'));
      expect(stored).to.have.length(1);
      const [pair] = stored[0].split('; ');
      expect(pairsOf(fixture.header)).to.include(pair);
    });
  }
});

describe('shared written cookies: the store writes and reads what consent-banner/server writes (I7, L15)', () => {
  it('has fixtures with unique names, complete and partial decisions', () => {
    expect(written.length).to.be.greaterThan(4);
    expect(new Set(written.map(({ name }) => name)).size).to.equal(written.length);
  });

  for (const fixture of written) {
    const { decision, setCookie } = fixture;
    const [pair] = setCookie.split('; ');

    it(`ConsentStore reads the server's cookie as the decision: ${fixture.name}`, async () => {
      const { store } = await storeFor(fixture, `theme=dark; ${pair}`, Date.parse(fixture.now));
      expect(store.decision).to.deep.equal(decision);
    });

    it(`ConsentStore writes the server's Set-Cookie, byte for byte: ${fixture.name}`, async () => {
      const optional = Object.keys(decision.categories).filter((id) => id !== 'necessary');
      const complete = fixture.options.categories.every((id) => optional.includes(id));
      // A consent id stays from the decision before (it is random when there is none).
      const before = decision.consentId ? pair.replace('|tdsd20|', '|tdsd1z|') : '';
      const { store, jar } = await storeFor(fixture, before, Date.parse(decision.decidedAt), Boolean(decision.consentId));
      // The fake jar never changes, so the store's read-back says the browser refused the cookie.
      await captureConsole('error', () => (complete ? store.decide(decision.categories, decision.method) : store.grant(optional[0])));
      expect(jar.written.filter((cookie) => !cookie.includes('Max-Age=0'))).to.deep.equal([setCookie]);
    });
  }
});
