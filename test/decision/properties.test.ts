import '../fail-on-errors.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { mergeCategories } from '../../src/decision/categories.js';
import { ConsentStore, type CookieAccess } from '../../src/decision/consent-store.js';
import { CATEGORY_ID_PATTERN, decodeDecision, encodeDecision } from '../../src/decision/cookie-codec.js';
import { readStoredDecision } from '../../src/decision/stored-decision.js';
import type { ConsentDecision } from '../../src/decision/types.js';
import { captureConsole } from '../helpers.js';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const RULES = { cookieName: 'consent_banner', policyVersion: '1', categoryIds: ['analytics', 'media'], maxAgeDays: 182, now: NOW };

const categoryId = fc.stringMatching(/^[a-z][a-z0-9_-]{0,31}$/).filter((id) => id !== 'necessary');
const decision: fc.Arbitrary<ConsentDecision> = fc
  .record({
    // Up to 32 UTF-16 code units, the limit the banner enforces (a grapheme may take several).
    policyVersion: fc.string({ minLength: 1, maxLength: 32, unit: 'grapheme' }).filter((v) => v.length <= 32),
    seconds: fc.integer({ min: 0, max: 4_000_000_000 }),
    method: fc.constantFrom('accept-all', 'reject-all', 'custom', 'gpc'),
    choices: fc.dictionary(categoryId, fc.boolean(), { maxKeys: 6 }),
    consentId: fc.option(fc.stringMatching(/^[0-9a-z]{8,32}$/), { nil: undefined }),
  })
  .map(({ policyVersion, seconds, method, choices, consentId }) => {
    const result: ConsentDecision = {
      policyVersion,
      decidedAt: new Date(seconds * 1000).toISOString(),
      method,
      categories: { necessary: true, ...choices },
    };
    if (consentId) result.consentId = consentId;
    return result;
  });

/** A fake cookie jar holding one header (the browser's cookie store is the outside world). */
const fakeJar = (header: string): CookieAccess => ({ read: () => header, write: () => {} });

describe('property-based: cookie codec and stored decisions (L14, L15)', () => {
  it('round-trips every valid decision', () => {
    fc.assert(
      fc.property(decision, (d) => {
        expect(decodeDecision(encodeDecision(d))).to.deep.equal(d);
      }),
    );
  });

  it('never throws on any string, and reads anything it accepts as a well-formed decision', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), decision.map(encodeDecision).map((v) => v + '|x')), (value) => {
        const read = decodeDecision(value);
        if (read === null) return;
        expect(read.categories.necessary).to.equal(true);
        for (const id of Object.keys(read.categories)) expect(id === 'necessary' || CATEGORY_ID_PATTERN.test(id)).to.equal(true);
      }),
    );
  });

  it('grants nothing from any header that is not a current decision for exactly these categories', () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        const store = new ConsentStore({ categoryIds: RULES.categoryIds, cookies: fakeJar(header), now: () => NOW, respectGpc: false });
        expect(store.isGranted('analytics')).to.equal(false);
        expect(readStoredDecision(header, RULES)).to.equal(null);
      }),
    );
  });

  it('treats decisions from the future (beyond a day), of another format or with other categories as none', () => {
    fc.assert(
      fc.property(decision, fc.integer({ min: 2, max: 10_000 }), (d, daysAhead) => {
        const future = { ...d, policyVersion: '1', decidedAt: new Date(NOW + daysAhead * 86_400_000).toISOString() };
        expect(readStoredDecision(`consent_banner=${encodeDecision(future)}`, RULES)).to.equal(null);
        const otherFormat = encodeDecision({ ...d, policyVersion: '1' }).replace(/^1\|/, '2|');
        expect(readStoredDecision(`consent_banner=${otherFormat}`, RULES)).to.equal(null);
        const ids = Object.keys(d.categories).filter((id) => id !== 'necessary').sort();
        if (ids.join() !== 'analytics,media') {
          const current = { ...d, policyVersion: '1', decidedAt: new Date(NOW).toISOString() };
          expect(readStoredDecision(`consent_banner=${encodeDecision(current)}`, RULES)).to.equal(null);
        }
      }),
    );
  });

  it('never throws on any policy version, and writes only one it can read back', async () => {
    await captureConsole('error', () =>
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (policyVersion) => {
          const written: string[] = [];
          const store = new ConsentStore({ categoryIds: ['analytics'], policyVersion, cookies: { read: () => '', write: (c) => written.push(c) } });
          store.decide({ analytics: true }, 'accept-all');
          const value = written.at(-1)!.split('; ')[0].slice('consent_banner='.length);
          expect(decodeDecision(value)?.policyVersion).to.equal(store.policyVersion);
        }),
      ),
    );
  });
});

describe('property-based: configuration (never throws, never invents a category)', () => {
  it('returns only valid, unique categories for any input', async () => {
    await captureConsole('error', () =>
      fc.assert(
        fc.property(fc.oneof(fc.anything(), fc.record({ categories: fc.array(fc.anything()) }), fc.jsonValue()), (config) => {
          const categories = mergeCategories(config, [], "consent_banner");
          const ids = categories.map(({ id }) => id);
          expect(new Set(ids).size).to.equal(ids.length);
          for (const category of categories) {
            expect(CATEGORY_ID_PATTERN.test(category.id)).to.equal(true);
            expect(Array.isArray(category.cookies)).to.equal(true);
          }
        }),
      ),
    );
  });
});
