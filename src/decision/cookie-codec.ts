import type { CategoryChoices, ConsentDecision, ConsentMethod } from './types.js';

/**
 * The consent cookie value, format 1 (see docs/cookie-format.md):
 *
 *     1|<policy version, URI-encoded>|<decided at, Unix seconds in base 36>|<method>|<id>:<0|1>.<id>:<0|1>[|<consent id>]
 *
 * `necessary` is not stored: it is always granted. A service granted inside a refused category is
 * an entry of its own, `s--<service id>:1` (readers that know no services ignore it as an
 * unconfigured category).
 */
export const COOKIE_FORMAT_VERSION = '1';

const METHOD_CODES: Record<ConsentMethod, string> = {
  'accept-all': 'a',
  'reject-all': 'r',
  custom: 'c',
  gpc: 'g',
};

/** Category ids the codec accepts; they never contain the separators `|`, `.`, `:`. */
export const CATEGORY_ID_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;

/** What a service's entry starts with; no category id may (docs/cookie-format.md). */
export const SERVICE_PREFIX = 's--';

/** Service ids: with the prefix they are valid entry ids. */
export const SERVICE_ID_PATTERN = /^[a-z][a-z0-9_-]{0,28}$/;

/** Consent ids: random, lower-case base 36. */
export const CONSENT_ID_PATTERN = /^[0-9a-z]{8,32}$/;

/** Longest policy version the cookie carries; keeps the cookie small (L15). */
export const MAX_POLICY_VERSION_LENGTH = 32;

export function encodeDecision(decision: ConsentDecision): string {
  const categories = Object.entries(decision.categories)
    .filter(([id]) => id !== 'necessary')
    .map(([id, granted]) => `${id}:${granted ? 1 : 0}`)
    .join('.');
  const seconds = Math.floor(Date.parse(decision.decidedAt) / 1000);
  const fields = [
    COOKIE_FORMAT_VERSION,
    encodeURIComponent(decision.policyVersion),
    seconds.toString(36),
    METHOD_CODES[decision.method],
    categories,
  ];
  if (decision.consentId) fields.push(decision.consentId);
  return fields.join('|');
}

/**
 * Reads a cookie value written by {@link encodeDecision}. Returns `null` for anything that is not
 * a well-formed format-1 value; never throws.
 */
export function decodeDecision(value: string): ConsentDecision | null {
  const fields = value.split('|');
  if ((fields.length !== 5 && fields.length !== 6) || fields[0] !== COOKIE_FORMAT_VERSION) return null;
  const [, encodedPolicy, time, methodCode, encodedCategories, consentId] = fields;
  if (consentId !== undefined && !CONSENT_ID_PATTERN.test(consentId)) return null;
  let policyVersion: string;
  try {
    policyVersion = decodeURIComponent(encodedPolicy);
  } catch {
    return null;
  }
  if (!policyVersion || policyVersion.length > MAX_POLICY_VERSION_LENGTH) return null;
  if (!/^[0-9a-z]{1,8}$/.test(time)) return null;
  const method = (Object.keys(METHOD_CODES) as ConsentMethod[]).find((m) => METHOD_CODES[m] === methodCode);
  if (!method) return null;
  const categories: CategoryChoices = { necessary: true };
  for (const pair of encodedCategories ? encodedCategories.split('.') : []) {
    const [id, flag, ...rest] = pair.split(':');
    if (rest.length || !CATEGORY_ID_PATTERN.test(id) || id === 'necessary' || Object.hasOwn(categories, id)) return null;
    if (flag !== '0' && flag !== '1') return null;
    categories[id] = flag === '1';
  }
  const decision: ConsentDecision = {
    policyVersion,
    decidedAt: new Date(parseInt(time, 36) * 1000).toISOString(),
    method,
    categories,
  };
  if (consentId) decision.consentId = consentId;
  return decision;
}
