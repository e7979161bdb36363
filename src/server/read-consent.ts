/** Reading the consent cookie of a request: what `consent-banner/server` decides a page from. */
import { SERVICE_ID_PATTERN, SERVICE_PREFIX } from '../decision/cookie-codec.js';
import { decisionSettings, readStoredDecision } from '../decision/stored-decision.js';
import type { ConsentDecision } from '../decision/types.js';

/**
 * The `Cookie` request header as servers hand it over: a string (Node's `req.headers.cookie`),
 * `null` (the Fetch API's `request.headers.get('cookie')`), `undefined` (no header) or a list of
 * header lines (Node's `req.headersDistinct.cookie`).
 */
export type CookieHeader = string | readonly string[] | null | undefined;

/** The page's banner configuration, as far as it decides whether a stored decision counts. */
export interface ReadConsentOptions {
  /**
   * The ids of the page's optional categories (`necessary` is implied and ignored here). A
   * stored decision counts for those of these it decides (the others are undecided); a banner
   * without `config` has `['analytics']`.
   */
  categories: readonly string[];
  /**
   * The ids of the page's services (docs/services.md): a service granted on its own is kept in
   * the decision as `s--<id>: true`. Default none (such entries are left out).
   */
  services?: readonly string[];
  /** The banner's `policy-version`; default `'1'`. */
  policyVersion?: string;
  /** The banner's `cookie-name`; default `'consent_banner'`. */
  cookieName?: string;
  /** The banner's `max-age-days`; default 182, at most 395. */
  maxAgeDays?: number;
  /** The current time in ms; `Date.now()` unless given. */
  now?: number;
}

/**
 * The visitor's decision in a request's `Cookie` header: the same object the browser's
 * `consent-change` carries (`policyVersion`, `decidedAt`, `method`, `categories` with
 * `necessary: true`), or `null` when there is none that counts: no cookie, unreadable, another
 * policy version, expired, from the future, or deciding none of `options.categories`. Its
 * `categories` are the ones of `options.categories` it decides (an undecided one is missing).
 *
 * Options the banner would refuse (a `maxAgeDays` above 395, an empty `policyVersion`, …) fall
 * back to the banner's defaults, as the banner does, so both sides give the same answer. Never
 * throws.
 *
 * ```js
 * const decision = readConsent(req.headers.cookie, { categories: ['analytics'] });
 * if (hasConsent(decision, 'analytics')) html += matomoSnippet;
 * ```
 */
export function readConsent(cookieHeader: CookieHeader, options: ReadConsentOptions): ConsentDecision | null {
  try {
    const header = headerText(cookieHeader);
    const categories = options.categories;
    const now = options.now ?? Date.now();
    if (!header || !Array.isArray(categories) || typeof now !== 'number' || !Number.isFinite(now)) return null;
    return readStoredDecision(header, {
      ...decisionSettings(options),
      categoryIds: categories.filter((id) => id !== 'necessary'),
      serviceIds: serviceIds(options.services),
      now,
    });
  } catch {
    return null;
  }
}

/**
 * Whether `decision` grants category `id`, or with `service` that service of it (with its
 * category, or on its own; `readConsent` needs the service in `services`). `necessary` always
 * is; without a decision nothing else is.
 */
export function hasConsent(decision: ConsentDecision | null | undefined, id: string, service?: string): boolean {
  return id === 'necessary' || decision?.categories[id] === true || (service !== undefined && decision?.categories[SERVICE_PREFIX + service] === true);
}

/** The valid service ids of an option (others are left out: they could never be in a cookie). */
export function serviceIds(services: unknown): string[] {
  return Array.isArray(services) ? services.filter((id): id is string => typeof id === 'string' && SERVICE_ID_PATTERN.test(id)) : [];
}

function headerText(header: CookieHeader): string | null {
  if (typeof header === 'string') return header;
  if (Array.isArray(header)) return header.filter((line) => typeof line === 'string').join('; ');
  return null;
}
