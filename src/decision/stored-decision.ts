import { describeValue, type Reporter } from '../report.js';
import { decodeDecision, MAX_POLICY_VERSION_LENGTH, SERVICE_PREFIX } from './cookie-codec.js';
import { cookieMatches, TRACKER_COOKIES } from './cookie-patterns.js';
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
  /** The configured services' ids: their entries (`s--<id>`) are kept too. */
  serviceIds?: string[];
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
 * The settings, each invalid one replaced by a safe value and reported (the browser reports to
 * the console; the server reader stays quiet). Shared so that browser and server agree on every
 * cookie. An invalid `policyVersion` becomes a version of its own (`~` and a hash of the value),
 * which no decision stored under a valid version matches: the visitor is asked, never taken to
 * have agreed to a policy they did not see.
 */
export function decisionSettings(
  { cookieName, policyVersion, maxAgeDays }: DecisionSettingsInput,
  report: Reporter = () => {},
): Pick<DecisionRules, 'cookieName' | 'policyVersion' | 'maxAgeDays'> {
  /** `value` when valid; the default when not given; `replacement` (the default unless given), after `mistake` (its report), when invalid. */
  const checked = <T>(value: unknown, valid: boolean, fallback: T, mistake: () => void, replacement = fallback): T => {
    if (value === undefined) return fallback;
    if (valid) return value as T;
    mistake();
    return replacement;
  };
  const validName = typeof cookieName === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(cookieName);
  const trackerPattern = validName ? TRACKER_COOKIES.find((pattern) => cookieMatches(cookieName, pattern)) : undefined;
  return {
    cookieName: checked(
      cookieName,
      validName && !trackerPattern,
      DEFAULT_COOKIE_NAME,
      () => (trackerPattern ? report('cookie-name-tracker', cookieName, trackerPattern) : report('cookie-name', cookieName)),
    ),
    policyVersion: checked(
      policyVersion,
      typeof policyVersion === 'string' &&
        policyVersion !== '' &&
        policyVersion.length <= MAX_POLICY_VERSION_LENGTH &&
        encodable(policyVersion),
      DEFAULT_POLICY_VERSION,
      () => report('policy-version', policyVersion),
      `~${hash(describeValue(policyVersion))}`,
    ),
    maxAgeDays: checked(
      maxAgeDays,
      Number.isInteger(maxAgeDays) && (maxAgeDays as number) >= 1 && (maxAgeDays as number) <= MAX_MAX_AGE_DAYS,
      DEFAULT_MAX_AGE_DAYS,
      () => report('max-age-days', maxAgeDays),
    ),
  };
}

/** FNV-1a over the UTF-16 code units, base 36: a short stable name for an invalid value. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
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
 * none that counts. When several cookies carry the name (host-only next to `Domain=`, another
 * path, a sibling subdomain's), the latest decision wins, a tie going to the more restrictive one;
 * it counts only when it is readable, of this policy version, not expired, not from the future,
 * and decides at least one configured category or service (or none are configured). It holds the configured
 * categories it decides: one the page no longer configures is left out, and one added since (or
 * never decided, after a placeholder's "Altijd accepteren") is missing, undecided. An older decision
 * never stands in for a newer one that does not count. DOM-free, shared by the browser store and
 * the server reader; never throws.
 */
export function readStoredDecision(header: string, rules: DecisionRules): ConsentDecision | null {
  const latest = storedDecisions(header, rules.cookieName).reduce<ConsentDecision | null>(
    (best, decision) => (best === null || isLater(decision, best) ? decision : best),
    null,
  );
  return latest && isCurrent(latest, rules) ? forConfigured(latest, rules) : null;
}

/**
 * The decision with only the configured categories it decides (and `necessary`) and the
 * configured services it grants, or `null` when it holds none of them (a service granted alone,
 * by a placeholder, is a decision too).
 */
function forConfigured(decision: ConsentDecision, { categoryIds, serviceIds = [] }: DecisionRules): ConsentDecision | null {
  const kept = [...categoryIds, ...serviceIds.map((id) => SERVICE_PREFIX + id)].filter((id) => Object.hasOwn(decision.categories, id));
  if (categoryIds.length && !kept.length) return null;
  return { ...decision, categories: Object.fromEntries([['necessary', true], ...kept.map((id) => [id, decision.categories[id]])]) };
}

/** How many cookies in the header carry the name, readable or not. */
export function countCookies(header: string, cookieName: string): number {
  return cookieValues(header, cookieName).length;
}

function cookieValues(header: string, cookieName: string): string[] {
  return header.split(';').flatMap((pair) => {
    const separator = pair.indexOf('=');
    return separator >= 0 && pair.slice(0, separator).trim() === cookieName ? [pair.slice(separator + 1).trim()] : [];
  });
}

function storedDecisions(header: string, cookieName: string): ConsentDecision[] {
  return cookieValues(header, cookieName).flatMap((value) => decodeDecision(value) ?? []);
}

/** Decided later, or at the same second with fewer categories granted. */
function isLater(decision: ConsentDecision, than: ConsentDecision): boolean {
  const difference = Date.parse(decision.decidedAt) - Date.parse(than.decidedAt);
  const granted = ({ categories }: ConsentDecision) => Object.values(categories).filter(Boolean).length;
  return difference > 0 || (difference === 0 && granted(decision) < granted(than));
}

function isCurrent(decision: ConsentDecision, { policyVersion, maxAgeDays, now }: DecisionRules): boolean {
  const decidedAt = Date.parse(decision.decidedAt);
  return decision.policyVersion === policyVersion && decidedAt <= now + CLOCK_SKEW_MS && decidedAt + maxAgeDays * DAY_MS > now;
}
