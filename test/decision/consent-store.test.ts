import '../fail-on-errors.js';
import { expect } from '@open-wc/testing';
import { ConsentStore, type CookieAccess } from '../../src/decision/consent-store.js';
import { encodeDecision } from '../../src/decision/cookie-codec.js';
import { captureConsole } from '../helpers.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-28T12:00:00Z');

/**
 * A fake of the browser's cookie store (the outside world here). Models: one cookie per name,
 * `Domain` and `Path`; `Max-Age=0` deletes exactly that one; reading lists every cookie's
 * `name=value`, as a page that can see them all would. Not modelled: path and domain matching of
 * what a page sees, expiry, size limits; `refuses` stands in for a browser refusing a write.
 * Records every write.
 */
class FakeCookieJar implements CookieAccess {
  written: string[] = [];
  readonly #cookies = new Map<string, string>();
  constructor(header = '', private refuses: (cookie: string) => boolean = () => false) {
    for (const pair of header.split(';')) if (pair.trim()) this.#cookies.set(`${pair.split('=')[0].trim()}|host|/`, pair.trim());
  }
  read() {
    return [...this.#cookies.values()].join('; ');
  }
  write(cookie: string) {
    this.written.push(cookie);
    if (this.refuses(cookie)) return;
    const [pair, ...attributes] = cookie.split(';').map((part) => part.trim());
    const attribute = (name: string) => attributes.find((a) => a.toLowerCase().startsWith(`${name.toLowerCase()}=`))?.split('=')[1];
    const key = `${pair.split('=')[0]}|${attribute('Domain') ?? 'host'}|${attribute('Path') ?? '/'}`;
    if (attribute('Max-Age') === '0') this.#cookies.delete(key);
    else this.#cookies.set(key, pair);
  }
  /** The last write that stored a value (not one of the expiring writes before it). */
  get lastStored() {
    return this.written.filter((cookie) => !cookie.includes('Max-Age=0')).at(-1) ?? '';
  }
}

function storeWith(header: string, options: Partial<ConstructorParameters<typeof ConsentStore>[0]> = {}, now = NOW) {
  const jar = new FakeCookieJar(header);
  const store = new ConsentStore({ categoryIds: ['analytics'], cookies: jar, now: () => now, ...options });
  return { store, jar };
}

const stored = (decidedAt: number, categories: Record<string, boolean> = { analytics: true }, policyVersion = '1') =>
  `other=1; consent_banner=${encodeDecision({
    policyVersion,
    decidedAt: new Date(decidedAt).toISOString(),
    method: 'accept-all',
    categories: { necessary: true, ...categories },
  })}`;

describe('ConsentStore (I8, L13–L15)', () => {
  it('starts with no decision and writes nothing (L1)', () => {
    const { store, jar } = storeWith('');
    expect(store.decision).to.equal(null);
    expect(store.isGranted('analytics')).to.equal(false);
    expect(store.isGranted('necessary')).to.equal(true);
    expect(jar.written).to.deep.equal([]);
  });

  it('writes one first-party cookie: Path=/, SameSite=Lax, 182 days, no Secure on http (L15)', () => {
    const { store, jar } = storeWith('');
    store.decide({ analytics: true }, 'accept-all');
    // A first decision has no copy to expire: one write.
    expect(jar.written).to.have.length(1);
    expect(jar.read()).to.match(/^consent_banner=[^;]+$/);
    const [pair, ...attributes] = jar.lastStored.split('; ');
    expect(pair).to.match(/^consent_banner=1\|1\|[0-9a-z]+\|a\|analytics:1$/);
    expect(attributes).to.deep.equal(['Path=/', `Max-Age=${182 * 86400}`, 'SameSite=Lax']);
  });

  it('records policy version, ISO time, choice per category and method (L13)', () => {
    const { store } = storeWith('', { policyVersion: '2026-03' });
    const decision = store.decide({ analytics: false, unknown: true }, 'custom');
    expect(decision).to.deep.equal({
      policyVersion: '2026-03',
      decidedAt: new Date(NOW).toISOString(),
      method: 'custom',
      categories: { necessary: true, analytics: false },
    });
  });

  it('dispatches change on decide and forget', () => {
    const { store, jar } = storeWith('');
    let changes = 0;
    store.addEventListener('change', () => changes++);
    store.decide({ analytics: true }, 'accept-all');
    store.forget();
    expect(changes).to.equal(2);
    expect(store.decision).to.equal(null);
    expect(jar.read()).to.equal('');
  });

  it('reads a stored decision', () => {
    const { store } = storeWith(stored(NOW - DAY));
    expect(store.decision?.categories).to.deep.equal({ necessary: true, analytics: true });
    expect(store.isGranted('analytics')).to.equal(true);
  });

  it('counts an expired decision as none, refusal and acceptance alike (L14)', () => {
    expect(storeWith(stored(NOW - 183 * DAY)).store.decision).to.equal(null);
    expect(storeWith(stored(NOW - 183 * DAY, { analytics: false })).store.decision).to.equal(null);
    expect(storeWith(stored(NOW - 181 * DAY, { analytics: false })).store.decision).to.not.equal(null);
    expect(storeWith(stored(NOW - 20 * DAY), { maxAgeDays: 10 }).store.decision).to.equal(null);
  });

  it('counts a decision for another policy version as none (L14)', () => {
    expect(storeWith(stored(NOW, {}, '1'), { policyVersion: '2' }).store.decision).to.equal(null);
  });

  it('keeps a decision that misses a configured category, which stays undecided, and leaves out an unknown one (L14)', () => {
    const added = storeWith(stored(NOW), { categoryIds: ['analytics', 'media'] }).store;
    expect(added.decision?.categories).to.deep.equal({ necessary: true, analytics: true });
    expect(added.isGranted('media')).to.equal(false);
    const removed = storeWith(stored(NOW, { analytics: true, media: true })).store;
    expect(removed.decision?.categories).to.deep.equal({ necessary: true, analytics: true });
    expect(removed.isGranted('media')).to.equal(false);
  });

  it('grants one category and leaves the others as they were: undecided stays undecided', () => {
    const { store, jar } = storeWith('', { categoryIds: ['analytics', 'media'] });
    store.grant('media');
    expect(store.decision?.categories).to.deep.equal({ necessary: true, media: true });
    expect(store.decision?.method).to.equal('custom');
    expect(store.isGranted('analytics')).to.equal(false);
    expect(jar.read()).to.match(/^consent_banner=1\|1\|[0-9a-z]+\|c\|media:1$/);
    store.decide({ analytics: false, media: false }, 'reject-all');
    store.grant('media');
    expect(store.decision?.categories).to.deep.equal({ necessary: true, analytics: false, media: true });
  });

  it('counts a decision from the future (beyond a day of clock skew) as none', () => {
    expect(storeWith(stored(NOW + 2 * DAY)).store.decision).to.equal(null);
    expect(storeWith(stored(NOW + DAY / 2)).store.decision).to.not.equal(null);
  });

  it('ignores unreadable values and other cookies', () => {
    expect(storeWith('consent_banner=garbage; consent_banner_x=1|1|0|a|analytics:1').store.decision).to.equal(null);
  });

  it('refuses max-age-days above 395 with one console error and uses 182 (L14)', async () => {
    let store: ConsentStore | undefined;
    const errors = await captureConsole('error', () => {
      store = storeWith('', { maxAgeDays: 400 }).store;
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('max-age-days');
    expect(store?.maxAgeDays).to.equal(182);
  });

  it('accepts a configured lifetime up to 395 days', () => {
    const { store, jar } = storeWith('', { maxAgeDays: 395 });
    store.decide({}, 'reject-all');
    expect(jar.lastStored).to.contain(`Max-Age=${395 * 86400}`);
  });

  it('keeps the decision in memory when cookies throw, with one warning', async () => {
    const throwing: CookieAccess = {
      read: () => {
        throw new Error('SecurityError');
      },
      write: () => {
        throw new Error('SecurityError');
      },
    };
    let store: ConsentStore | undefined;
    const warnings = await captureConsole('warn', () => {
      store = new ConsentStore({ categoryIds: ['analytics'], cookies: throwing });
      store.decide({ analytics: true }, 'accept-all');
      store.decide({ analytics: false }, 'reject-all');
    });
    expect(warnings).to.have.length(1);
    expect(store?.isGranted('analytics')).to.equal(false);
    expect(store?.decision?.method).to.equal('reject-all');
  });

  it('sets Domain only for this host or a parent of it; a bare label or another site gets one error', async () => {
    const ok = storeWith('', { cookieDomain: location.hostname });
    ok.store.decide({}, 'reject-all');
    expect(ok.jar.lastStored).to.contain(`Domain=${location.hostname}`);
    for (const cookieDomain of ['example.org', 'nl', '0.0.1']) {
      const errors = await captureConsole('error', () => {
        const foreign = storeWith('', { cookieDomain });
        foreign.store.decide({}, 'reject-all');
        expect(foreign.jar.lastStored).to.not.contain('Domain=');
      });
      expect(errors, cookieDomain).to.have.length(1);
      expect(errors[0]).to.contain('cookie-domain must be');
    }
  });

  describe('several cookies of the name: the latest decision wins (a second cookie never undoes a withdrawal)', () => {
    const value = (decidedAt: number, analytics: boolean, policyVersion = '1') =>
      encodeDecision({ policyVersion, decidedAt: new Date(decidedAt).toISOString(), method: 'custom', categories: { necessary: true, analytics } });

    it('takes the newest, in whatever order the browser lists them, and warns once', async () => {
      for (const header of [
        `consent_banner=${value(NOW - DAY, true)}; consent_banner=${value(NOW - 60_000, false)}`,
        `consent_banner=${value(NOW - 60_000, false)}; consent_banner=${value(NOW - DAY, true)}`,
      ]) {
        let store: ConsentStore | undefined;
        const warnings = await captureConsole('warn', () => {
          store = new ConsentStore({ categoryIds: ['analytics'], cookies: { read: () => header, write: () => {} }, now: () => NOW });
        });
        expect(store!.isGranted('analytics'), header).to.equal(false);
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.contain('2 cookies named "consent_banner"');
      }
    });

    it('on a tie takes the more restrictive', () => {
      const header = `consent_banner=${value(NOW - DAY, true)}; consent_banner=${value(NOW - DAY, false)}`;
      const store = new ConsentStore({ categoryIds: ['analytics'], cookies: { read: () => header, write: () => {} }, now: () => NOW });
      expect(store.isGranted('analytics')).to.equal(false);
    });

    it('an older grant does not stand in for a newer decision that no longer counts', () => {
      const header = `consent_banner=${value(NOW - DAY, true, '2')}; consent_banner=${value(NOW - 60_000, false, '1')}`;
      const store = new ConsentStore({ categoryIds: ['analytics'], policyVersion: '2', cookies: { read: () => header, write: () => {} }, now: () => NOW });
      expect(store.decision).to.equal(null);
    });

    it('every decision and forget() expire every copy this page can reach before writing', () => {
      const jar = new FakeCookieJar();
      jar.write(`consent_banner=${value(NOW - DAY, true)}; Path=/; Domain=${location.hostname}`);
      jar.write(`consent_banner=${value(NOW - DAY, true)}; Path=/`);
      const store = new ConsentStore({ categoryIds: ['analytics'], cookies: jar, now: () => NOW });
      store.decide({ analytics: false }, 'reject-all');
      expect(jar.read()).to.equal(`consent_banner=${encodeDecision(store.decision!)}`);
      store.forget();
      expect(jar.read()).to.equal('');
    });
  });

  describe('every write is verified', () => {
    it('a refused cookie gets one error that says why; the decision stays for this page, also when it becomes visible again', async () => {
      const jar = new FakeCookieJar('', (cookie) => !cookie.includes('Max-Age=0'));
      let store: ConsentStore | undefined;
      const errors = await captureConsole('error', () => {
        store = new ConsentStore({ categoryIds: ['analytics'], cookies: jar, now: () => NOW });
        store.startSync();
        store.decide({ analytics: false }, 'reject-all');
      });
      expect(errors).to.have.length(1);
      expect(errors[0]).to.match(/refused the consent cookie: cookies are blocked\. The choice holds for this page only/);
      document.dispatchEvent(new Event('visibilitychange'));
      expect(store!.decision?.method).to.equal('reject-all');
      store!.stopSync();
    });

    it('names the size when a large configuration makes the cookie too big for browsers', async () => {
      const categoryIds = Array.from({ length: 140 }, (_, i) => `category-with-a-long-name-${i}`);
      const jar = new FakeCookieJar('', (cookie) => cookie.length > 4096);
      const errors = await captureConsole('error', () => {
        new ConsentStore({ categoryIds, cookies: jar, now: () => NOW }).decide({}, 'reject-all');
      });
      expect(errors).to.have.length(1);
      expect(errors[0]).to.match(/\d+ bytes, over 4096/);
    });

    it('names the prefix rule for __Host- and __Secure- names on http', async () => {
      for (const cookieName of ['__Host-consent', '__Secure-consent']) {
        const jar = new FakeCookieJar('', (cookie) => cookie.startsWith('__') && !cookie.includes('; Secure'));
        const errors = await captureConsole('error', () => {
          new ConsentStore({ categoryIds: ['analytics'], cookieName, cookies: jar, now: () => NOW }).decide({}, 'reject-all');
        });
        expect(errors, cookieName).to.have.length(1);
        expect(errors[0]).to.contain(`"${cookieName.slice(0, cookieName.indexOf('-') + 1)}" cookie-name needs https`);
      }
    });

    it('names cookie-domain when the browser refuses it (a public suffix)', async () => {
      const jar = new FakeCookieJar('', (cookie) => cookie.includes('Domain='));
      const errors = await captureConsole('error', () => {
        new ConsentStore({ categoryIds: ['analytics'], cookieDomain: location.hostname, cookies: jar, now: () => NOW }).decide({}, 'reject-all');
      });
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain(`cookie-domain "${location.hostname}" was refused`);
    });
  });

  describe('invalid values never make an old decision count', () => {
    it('an invalid policy-version matches no decision stored under a valid one: one error, the banner asks', async () => {
      let store: ConsentStore | undefined;
      const errors = await captureConsole('error', () => {
        store = storeWith(stored(NOW - DAY, { analytics: true }, '1'), { policyVersion: 'x'.repeat(40) }).store;
      });
      expect(errors).to.have.length(1);
      expect(errors[0]).to.match(/policy-version must be 1 to 32 characters; got "x{40}". No stored decision counts/);
      expect(store!.decision).to.equal(null);
      expect(store!.policyVersion).to.match(/^~[0-9a-z]+$/);
    });

    it('a cookie-name that looks like an analytics cookie (deleted on refusal) is refused', async () => {
      for (const cookieName of ['mtm_consent', 'mtm_cookie_consent', '_ga_consent']) {
        let store: ConsentStore | undefined;
        const errors = await captureConsole('error', () => {
          store = storeWith('', { cookieName }).store;
        });
        expect(errors, cookieName).to.have.length(1);
        expect(errors[0]).to.contain('cookie-name must not match');
        expect(store!.cookieName).to.equal('consent_banner');
      }
    });

    it('describes BigInt and cyclic values without throwing', async () => {
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      const errors = await captureConsole('error', () => {
        storeWith('', { maxAgeDays: 10n as unknown as number, policyVersion: cyclic as unknown as string });
      });
      expect(errors).to.have.length(2);
      expect(errors.join('\n')).to.contain('got 10n');
    });
  });
});
