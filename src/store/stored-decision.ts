import { decodeDecision, MAX_POLICY_VERSION_LENGTH } from './cookie-codec.js';
import type { ConsentDecision } from './types.js';

/** Default lifetime of a decision, acceptance and refusal alike (L14). */
export const DEFAULT_MAX_AGE_DAYS = 182;
/** Longest lifetime the component accepts: 13 months (L14). */
export const MAX_MAX_AGE_DAYS = 395;
export const DEFAULT_COOKIE_NAME = 'consent_banner';
export const DEFAULT_POLICY_VERSION = '1';

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

/** The banner's settings that decide which stored decision counts, as given (attributes, options). */
export interface DecisionSettingsInput {
  cookieName?: unknown;
  policyVersion?: unknown;
  maxAgeDays?: unknown;
}

/**
 * The settings, each invalid one replaced by its default and reported (the browser reports to the
 * console; the server reader stays quiet). Shared so that browser and server agree on every cookie.
 */
export function decisionSettings(
  { cookieName, policyVersion, maxAgeDays }: DecisionSettingsInput,
  report: (message: string) => void = () => {},
): Pick<DecisionRules, 'cookieName' | 'policyVersion' | 'maxAgeDays'> {
  const checked = <T>(value: unknown, valid: boolean, fallback: T, message: string): T => {
    if (value === undefined) return fallback;
    if (valid) return value as T;
    report(`${message}; got ${JSON.stringify(value)}. Using ${JSON.stringify(fallback)}.`);
    return fallback;
  };
  return {
    cookieName: checked(
      cookieName,
      typeof cookieName === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(cookieName),
      DEFAULT_COOKIE_NAME,
      'cookie-name must be 1 to 64 letters, digits, "-" or "_"',
    ),
    policyVersion: checked(
      policyVersion,
      typeof policyVersion === 'string' &&
        policyVersion !== '' &&
        policyVersion.length <= MAX_POLICY_VERSION_LENGTH &&
        encodable(policyVersion),
      DEFAULT_POLICY_VERSION,
      `policy-version must be 1 to ${MAX_POLICY_VERSION_LENGTH} characters`,
    ),
    maxAgeDays: checked(
      maxAgeDays,
      Number.isInteger(maxAgeDays) && (maxAgeDays as number) >= 1 && (maxAgeDays as number) <= MAX_MAX_AGE_DAYS,
      DEFAULT_MAX_AGE_DAYS,
      `max-age-days must be a whole number from 1 to ${MAX_MAX_AGE_DAYS} (13 months)`,
    ),
  };
}

/** Whether the cookie can carry the text (no lone surrogates, which `encodeURIComponent` refuses). */
function encodable(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
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
