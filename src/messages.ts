import { MAX_POLICY_VERSION_LENGTH } from './decision/cookie-codec.js';
import { DEFAULT_COOKIE_NAME, DEFAULT_MAX_AGE_DAYS, MAX_MAX_AGE_DAYS } from './decision/stored-decision.js';
import { describeValue } from './report.js';

/**
 * The text of every console message the banner can print in a page, by its key (the keys `report`
 * takes; docs/troubleshooting.md shows each message and lists the keys). A part of its own, fetched
 * at the first mistake of a page: the core that every page view loads carries the keys, not the
 * texts. A message that names the value it got shows it as JSON (`describeValue`). The server
 * module's own messages are written where it reports them (`reportText`): it has no bytes to save.
 */
export const MESSAGES = {
  // The element and its attributes.
  'second-banner': () => 'this page has more than one <consent-banner>; the extra one does nothing.',
  'render-failed': (reason: unknown) => `the banner could not render (${reason}).`,
  'json-config': (reason: unknown) => `the JSON configuration cannot be parsed (${reason}); using the default categories.`,
  'integrations-type': (value: unknown) => `integrations must be a string such as "matomo"; got ${describeValue(value)}. Ignored.`,
  'integrations-name': (name: string, known: string[]) => `integrations: unknown name "${name}"; known: ${known.join(', ')}.`,
  'privacy-url': (value: unknown) => notHttp('privacy-url', value, 'The link to the cookie statement (L9) is left out.'),
  'receipt-url': (value: unknown) => notHttp('receipt-url', value, 'No receipts are sent.'),
  'cookie-url': (value: unknown) => notHttp('cookie-url', value, 'The server does not set the consent cookie.'),
  'cookie-url-origin': (value: unknown, origin: string) =>
    `cookie-url must be on this page's origin (${origin}); got ${describeValue(value)}. The server does not set the consent cookie.`,
  'cookie-url-failed': (why: string) =>
    `the server at cookie-url did not set the consent cookie (${why}); it lasts as the browser keeps it (7 days in Safari).`,
  placement: (value: unknown) => `placement must be "bottom" or "top"; got ${describeValue(value)}. Using "bottom".`,
  'heading-level': (value: unknown) => `heading-level must be a whole number from 1 to 6; got ${describeValue(value)}. Using 2.`,
  'cookie-name': (value: unknown) => `cookie-name must be 1 to 64 letters, digits, "-" or "_"; got ${describeValue(value)}. Using "${DEFAULT_COOKIE_NAME}".`,
  'cookie-name-tracker': (value: unknown, pattern: string) =>
    `cookie-name must not match ${pattern}, deleted on refusal; got ${describeValue(value)}. Using "${DEFAULT_COOKIE_NAME}".`,
  'policy-version': (value: unknown) =>
    `policy-version must be 1 to ${MAX_POLICY_VERSION_LENGTH} characters; got ${describeValue(value)}. No stored decision counts: the banner asks.`,
  'max-age-days': (value: unknown) =>
    `max-age-days must be a whole number from 1 to ${MAX_MAX_AGE_DAYS} (13 months); got ${describeValue(value)}. Using ${DEFAULT_MAX_AGE_DAYS}.`,
  'cookie-domain': (value: unknown, host: string) =>
    `cookie-domain must be ${host} or a parent of it, not a bare label; got ${describeValue(value)}. Using this host.`,

  // The configuration.
  config: () => 'config must be an object: { "categories": [...] }; using the default categories.',
  'config-key': (key: string) => `config.${key} is not a setting (expected "categories" or "texts"); ignored.`,
  categories: () => 'config.categories must be an array; using the default categories.',
  'category-id': (index: number, value: unknown) =>
    `config.categories[${index}].id must be a unique id of a-z, 0-9, - and _, starting with a letter (not "s--"); got ${describeValue(value)}. Category left out.`,
  'category-key': (index: number, key: string, keys: string[]) => `config.categories[${index}].${key} is not a field (expected ${keys.join(', ')}); ignored.`,
  'category-fields': (index: number, id: string) =>
    `config.categories[${index}] ("${id}") needs label, description and cookies [{ name, purpose, lifetime }] ([] for none). Category left out.`,
  'category-services': (index: number, at: string, value: unknown) =>
    `config.categories[${index}].services${at} must be a list of service names or { "id": … }, each once on the page (docs/services.md); got ${describeValue(value)}. Left out.`,
  'category-consent-cookie': (index: number, name: string, consentCookie: string) => consentCookieMatch(`config.categories[${index}]`, name, consentCookie),
  'service-key': (category: string, id: string, key: string, keys: string[]) => `${service(category, id)}: ${key} is not a field (expected ${keys.join(', ')}); ignored.`,
  'service-unknown': (category: string, id: string, known: string[]) =>
    `${service(category, id)} is not in the catalogue (${known.join(', ')}); give it { "id", "label", "cookies": [{ name, purpose, lifetime }] } (docs/services.md). Shown as ${describeValue(id)}.`,
  'service-field': (category: string, id: string, key: 'label' | 'description' | 'cookies', value: unknown, known: boolean) =>
    `${service(category, id)}: ${key} ${describeValue(value)} is not valid (docs/services.md); ${known ? "using the catalogue's" : 'left out'}.`,
  'service-consent-cookie': (category: string, id: string, name: string, consentCookie: string) => consentCookieMatch(service(category, id), name, consentCookie),
  texts: (value: unknown) => `texts must be an object of languages ({ "nl": { "intro": "…" } }); got ${describeValue(value)}. Using the built-in texts.`,
  'texts-language': (code: string) => `texts: "${code}" is no language this banner has (nl, en, fy, de, fr); left out.`,
  'texts-entries': (code: string, value: unknown) => `texts.${code} must be an object of texts by key; got ${describeValue(value)}. Left out.`,
  'texts-key': (code: string, key: string) => `texts.${code}.${key} is no text of the banner; left out. The keys are in docs/texts.md.`,
  'texts-value': (code: string, key: string, allowed: string[], value: unknown) =>
    `texts.${code}.${key} must be a non-empty text ${allowed.length ? `using only ${allowed.join(' ')}` : 'without placeholders'}; got ${describeValue(value)}. Using the built-in text.`,
  'language-part': (code: string, reason: unknown) => `the "${code}" texts did not load (${reason}); showing English.`,

  // The cookie.
  'cookie-refused': (bytes: number, name: string, https: boolean, domain: string | undefined) =>
    `the browser refused the consent cookie: ${whyRefused(bytes, name, https, domain)}. The choice holds for this page only.`,
  'cookie-copies': (copies: number, name: string) =>
    `${copies} cookies named "${name}" (other domains or paths); the latest counts, the next decision removes the rest.`,
  'no-cookies': () => 'cookies cannot be read or written here; the choice is kept for this page only.',

  // Acting on the decision.
  'unknown-category': (category: string, known: string[]) =>
    `data-consent-category="${category}" is not a configured category (${known.join(', ')}); those elements stay blocked.`,
  'unknown-service': (service: string, category: string | undefined, known: string[]) =>
    `data-consent-service="${service}" is not a configured service of data-consent-category="${category}" (${known.join(', ')}); those elements stay blocked.`,
  'activation-failed': (element: string, reason: unknown) => `a gated <${element}> could not be brought to life (${reason}).`,
  'iframe-src': (value: string | undefined) => `a gated iframe's data-src must be an http(s) address; got ${JSON.stringify(value)}. It stays blocked.`,
  nonce: (element: string) => `a gated <${element}> lacks the page's nonce (SECURITY.md); it stays inert.`,
  'embed-target': (element: string, id: string) =>
    `a gated <${element}>'s data-consent-embed names no element on the page; got ${describeValue(id)}. It stays blocked, without a placeholder.`,
  'embed-link': (element: string, value: string | undefined) =>
    `a gated <${element}> with data-consent-embed needs data-consent-link, the http(s) address of the content's own page; got ${describeValue(value ?? null)}. It stays blocked, without a placeholder.`,
  'step-failed': (step: keyof typeof STEPS, reason: unknown) => `${STEPS[step]} failed (${reason}); the rest went on.`,
  'integration-failed': (reason: unknown) => `an analytics integration failed (${reason}).`,
  'piwik-pro-rejected': (command: string, reason: unknown) =>
    `piwik-pro: Piwik PRO's Consent Manager rejected ${command} (${reason instanceof Error ? reason.message : describeValue(reason)}); check that "Ask visitors for consent" and "Use a custom consent form" are on for this site (docs/integrations.md).`,

  // The methods.
  grant: (category: unknown, service: unknown) =>
    `grant: ${describeValue(category)}${service === undefined ? '' : ` with ${describeValue(service)}`} is no optional configured category (and service of it); nothing changed.`,
  'when-granted': (category: unknown) => `whenGranted: ${describeValue(category)} is no configured category; never resolves.`,
};

/** The controller's steps, each of which stops nothing else when it throws (`step-failed`). */
const STEPS = {
  gate: 'gating',
  tell: 'telling the integrations',
  delete: 'deleting refused cookies',
  settle: 'settling whenGranted',
};

/** What browsers keep of one cookie, name and value together (RFC 6265bis). */
const MAX_COOKIE_BYTES = 4096;

/** The likeliest reason the browser refused the consent cookie of `bytes` (name and value), and what to change. */
function whyRefused(bytes: number, name: string, https: boolean, domain: string | undefined): string {
  if (bytes > MAX_COOKIE_BYTES) return `${bytes} bytes, over ${MAX_COOKIE_BYTES}; use fewer or shorter category ids`;
  if (/^__host-/i.test(name) && (!https || domain)) return 'a "__Host-" cookie-name needs https and no cookie-domain';
  if (/^__secure-/i.test(name) && !https) return 'a "__Secure-" cookie-name needs https';
  if (domain) return `cookie-domain "${domain}" was refused (a public suffix?); use this host or another parent`;
  return 'cookies are blocked';
}

function notHttp(attribute: string, value: unknown, consequence: string): string {
  return `${attribute} must be an http(s) address; got ${describeValue(value ?? null)}. ${consequence}`;
}

function service(category: string, id: string): string {
  return `config.categories ("${category}"): service "${id}"`;
}

function consentCookieMatch(where: string, name: string, consentCookie: string): string {
  return `${where}: cookie "${name}" matches the consent cookie "${consentCookie}"; a refusal would delete it. Cookie left out.`;
}
