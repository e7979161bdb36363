import '../fail-on-errors.js';
import { expect } from '@open-wc/testing';
import { decodeDecision, encodeDecision } from '../../src/decision/cookie-codec.js';
import type { ConsentDecision } from '../../src/decision/types.js';

const decision: ConsentDecision = {
  policyVersion: '2026.1',
  decidedAt: '2026-11-28T10:00:00.000Z',
  method: 'custom',
  categories: { necessary: true, analytics: true, media: false },
};

describe('cookie codec (L13, L15, I7)', () => {
  it('round-trips a decision', () => {
    expect(decodeDecision(encodeDecision(decision))).to.deep.equal(decision);
  });

  it('writes format 1 with policy, time, method and categories, without necessary', () => {
    const seconds = (Date.parse(decision.decidedAt) / 1000).toString(36);
    expect(encodeDecision(decision)).to.equal(`1|2026.1|${seconds}|c|analytics:1.media:0`);
  });

  it('keeps every method', () => {
    for (const method of ['accept-all', 'reject-all', 'custom', 'gpc'] as const) {
      expect(decodeDecision(encodeDecision({ ...decision, method }))?.method).to.equal(method);
    }
  });

  it('encodes a policy version with separators and non-ASCII safely', () => {
    const odd = { ...decision, policyVersion: 'v2|ä; x=1' };
    const value = encodeDecision(odd);
    expect(value).to.not.match(/[;\s,"\\]/);
    expect(decodeDecision(value)).to.deep.equal(odd);
  });

  it('stays under 300 bytes (cookie name included) for five categories (L15)', () => {
    const five = {
      ...decision,
      policyVersion: 'x'.repeat(32),
      categories: { necessary: true, analytics: true, marketing: false, media: true, preferences: false, social_media: true },
    };
    expect(`consent_banner=${encodeDecision(five)}`.length).to.be.below(300);
  });

  it('treats foreign, tampered and unknown-format values as no decision without throwing', () => {
    const good = encodeDecision(decision);
    const bad = [
      '',
      'yes',
      'true',
      '{"analytics":true}',
      good.replace(/^1\|/, '2|'),
      good.replace('|c|', '|x|'),
      good.replace('analytics:1', 'analytics:2'),
      good.replace('analytics:1', 'Analytics:1'),
      good.replace('analytics:1', 'necessary:1'),
      `${good}.analytics:0`,
      `${good}|extra`,
      good.replace('2026.1', '%E0%A4%A'),
      good.replace('2026.1', ''),
      good.replace(/\|[0-9a-z]+\|c\|/, '|!!|c|'),
    ];
    for (const value of bad) expect(decodeDecision(value), value).to.equal(null);
  });
});
