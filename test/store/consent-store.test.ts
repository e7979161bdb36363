import '../fail-on-errors.js';
import { expect } from '@open-wc/testing';
import { ConsentStore, type CookieAccess } from '../../src/store/consent-store.js';
import { encodeDecision } from '../../src/store/cookie-codec.js';
import { captureConsole } from '../helpers.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-28T12:00:00Z');

/** A fake cookie jar (the browser's cookie store is the outside world here): records what is written. */
class FakeCookieJar implements CookieAccess {
  written: string[] = [];
  constructor(public header = '') {}
  read() {
    return this.header;
  }
  write(cookie: string) {
    this.written.push(cookie);
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
    expect(jar.written).to.have.length(1);
    const [pair, ...attributes] = jar.written[0].split('; ');
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
    expect(jar.written[1]).to.match(/^consent_banner=; Path=\/; Max-Age=0/);
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

  it('counts a decision that misses a configured category, or has an unknown one, as none (L14)', () => {
    expect(storeWith(stored(NOW), { categoryIds: ['analytics', 'media'] }).store.decision).to.equal(null);
    expect(storeWith(stored(NOW, { analytics: true, media: true })).store.decision).to.equal(null);
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
    expect(jar.written[0]).to.contain(`Max-Age=${395 * 86400}`);
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

  it('sets Domain only for this host or a parent of it', async () => {
    const ok = storeWith('', { cookieDomain: location.hostname });
    ok.store.decide({}, 'reject-all');
    expect(ok.jar.written[0]).to.contain(`Domain=${location.hostname}`);
    const errors = await captureConsole('error', () => {
      const foreign = storeWith('', { cookieDomain: 'example.org' });
      foreign.store.decide({}, 'reject-all');
      expect(foreign.jar.written[0]).to.not.contain('Domain=');
    });
    expect(errors).to.have.length(1);
  });
});
