import { decodeDecision } from './cookie-codec.js';
import type { ConsentDecision } from './types.js';

/** A stored decision this far in the future is tolerated as clock skew; further is tampering. */
const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What a stored decision must match to count. */
export interface DecisionRules {
  cookieName: string;
  policyVersion: string;
  /** The configured optional category ids. */
  categoryIds: string[];
  maxAgeDays: number;
  /** The current time in ms. */
  now: number;
}

/**
 * The decision in a `Cookie` header (`document.cookie` or a request's), or `null` when there is
 * none that counts: unreadable, of another policy version, expired, from the future, or not for
 * exactly the configured categories. DOM-free, shared by the browser store and the server reader;
 * never throws.
 */
export function readStoredDecision(header: string, rules: DecisionRules): ConsentDecision | null {
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== rules.cookieName) continue;
    const decision = decodeDecision(pair.slice(separator + 1).trim());
    if (decision && isCurrent(decision, rules)) return decision;
  }
  return null;
}

function isCurrent(decision: ConsentDecision, { policyVersion, categoryIds, maxAgeDays, now }: DecisionRules): boolean {
  const decidedAt = Date.parse(decision.decidedAt);
  const stored = Object.keys(decision.categories).filter((id) => id !== 'necessary');
  return (
    decision.policyVersion === policyVersion &&
    decidedAt <= now + CLOCK_SKEW_MS &&
    decidedAt + maxAgeDays * DAY_MS > now &&
    stored.length === categoryIds.length &&
    categoryIds.every((id) => stored.includes(id))
  );
}
