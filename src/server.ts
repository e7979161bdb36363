/**
 * `consent-banner/server`: reads the consent cookie from a request's `Cookie` header, so a
 * server can leave tracker snippets out of the HTML when the visitor did not consent (I7); writes
 * the same cookie as a `Set-Cookie` header, so that it lasts the configured days where browsers
 * cap cookies written by script (Safari: 7 days), from the banner's `cookie-url` requests and from
 * the cookie page's form for visitors without JavaScript (`consentCookieHandler`); and writes that
 * page's content from the banner's configuration (`renderPreferencesFallback`); and computes the
 * texts hash of a consent receipt from it (`receiptTexts`), to show what a visitor was told.
 *
 * DOM-free and free of Lit: it uses the same stored-decision rules, cookie codec and cookie
 * attributes as the browser (`readStoredDecision`, `encodeDecision`, `consentCookie`), so the two
 * sides cannot disagree about a cookie, and the same categories, texts and cookie rows as the
 * choices. Nothing here throws: bad input is no decision (`null`), a refused request (4xx), or one
 * console error and the defaults.
 */
import { defaultCategories, mergeCategories, resolveCategories, type ResolvedCategory } from './decision/categories.js';
import { CONSENT_ID_PATTERN, encodeDecision, SERVICE_ID_PATTERN, SERVICE_PREFIX } from './decision/cookie-codec.js';
import { checkCookieDomain, consentCookie } from './decision/cookie-patterns.js';
import { decisionSettings, readStoredDecision } from './decision/stored-decision.js';
import { resolveServices } from './decision/service-catalogue.js';
import type { CategoryChoices, ConsentDecision, ConsentMethod } from './decision/types.js';
import { cookieRows } from './i18n/cookie-texts.js';
import { reportSiteTexts } from './i18n/details.js';
import { setSiteTexts, withSiteTexts } from './i18n/index.js';
import { canonicalTexts, textsHash } from './i18n/shown-texts.js';
import { de } from './i18n/de.js';
import { deDetails } from './i18n/de-details.js';
import { deFirstLayer } from './i18n/de-first-layer.js';
import { en } from './i18n/en.js';
import { enDetails } from './i18n/en-details.js';
import { enFirstLayer } from './i18n/en-first-layer.js';
import { fr } from './i18n/fr.js';
import { frDetails } from './i18n/fr-details.js';
import { frFirstLayer } from './i18n/fr-first-layer.js';
import { fy } from './i18n/fy.js';
import { fyDetails } from './i18n/fy-details.js';
import { fyFirstLayer } from './i18n/fy-first-layer.js';
import { nl } from './i18n/nl.js';
import { nlDetails } from './i18n/nl-details.js';
import { nlFirstLayer } from './i18n/nl-first-layer.js';
import { format, type ConsentStrings, type DetailStrings, type FirstLayerStrings } from './i18n/strings.js';
import { MESSAGES } from './messages.js';
import { describeValue, report, reportOnce, reportText, useMessages } from './report.js';

// The messages' texts come with this module, so that a mistake is reported before the call returns.
useMessages(MESSAGES);

export type { CategoryChoices, ConsentDecision, ConsentMethod } from './decision/types.js';
/** The ready-made services (docs/services.md): each one's category, texts, cookies and hosts. */
export { SERVICE_CATALOGUE, type CatalogueEntry } from './decision/service-catalogue.js';

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
function serviceIds(services: unknown): string[] {
  return Array.isArray(services) ? services.filter((id): id is string => typeof id === 'string' && SERVICE_ID_PATTERN.test(id)) : [];
}

function headerText(header: CookieHeader): string | null {
  if (typeof header === 'string') return header;
  if (Array.isArray(header)) return header.filter((line) => typeof line === 'string').join('; ');
  return null;
}

/** What `consentCookieHeader` and `consentCookieHandler` take: the banner's settings, as for `readConsent`, and the cookie's. */
export interface ConsentCookieOptions extends ReadConsentOptions {
  /** The banner's `cookie-domain`: a parent domain, to share the decision with its subdomains; default this host only. */
  cookieDomain?: string;
  /**
   * `Secure` on the cookie, as the browser adds it on https. `consentCookieHeader` adds it only
   * when this is `true`; the handler also on its own, for a request over TLS or from an https page.
   */
  secure?: boolean;
}

/** The options of `consentCookieHeader`. */
export interface ConsentCookieHeaderOptions extends ConsentCookieOptions {
  /**
   * The page's host name (`www.gemeente.nl`): needed with `cookieDomain`, which must be it or a
   * parent of it, as the browser checks. The handler takes it from the request.
   */
  host?: string;
}

/** The options of `consentCookieHandler`. */
export interface ConsentCookieHandlerOptions extends ConsentCookieOptions {
  /**
   * The site's origin as browsers see it (`https://www.gemeente.nl`), or several: what the
   * request's `Origin` must be when the browser sends no `Sec-Fetch-Site` (Safari before 16.4).
   * Default: an `Origin` whose host is the request's `Host` (set this when a proxy rewrites `Host`).
   */
  origin?: string | readonly string[];
}

/**
 * The request as Node's `http` hands it over (an `IncomingMessage`; Express's and Connect's
 * requests are one): what the handler reads of it. No DOM or Node types needed.
 */
export interface ConsentRequest {
  method?: string;
  headers: Record<string, string | string[] | undefined>;
  /** Node's socket; a TLS socket (`encrypted`) means https. */
  socket?: object | null;
  /** A body a body parser has read already (`express.json()`, `express.urlencoded()`); else the handler reads the stream. */
  body?: unknown;
  /** `true` once the body has been read (by a body parser). */
  readableEnded?: boolean;
  on(event: 'data', listener: (chunk: string | Uint8Array) => void): unknown;
  on(event: 'end' | 'error', listener: () => void): unknown;
}

/** The response as Node's `http` hands it over (a `ServerResponse`; Express's is one): what the handler writes. */
export interface ConsentResponse {
  statusCode: number;
  headersSent?: boolean;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

/** The settings a decision is written with, checked once. */
interface WriteSettings {
  cookieName: string;
  policyVersion: string;
  maxAgeDays: number;
  categoryIds: string[];
  serviceIds: string[];
}

/** A written cookie, or why not. */
type Written = { cookie: string } | { refused: string };

/** The methods a visitor's decision can have; `gpc` is made in memory and never stored. */
const STORED_METHODS: ConsentMethod[] = ['accept-all', 'reject-all', 'custom'];

/** An ISO 8601 time in UTC as `Date.toISOString()` writes it, with or without milliseconds. */
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/;

/** A body larger than this is no decision (a cookie holds at most 4096 bytes). */
const MAX_BODY_BYTES = 8192;

/**
 * The `Set-Cookie` header value for a decision: byte for byte the cookie the banner writes in
 * the browser (the same value, `Path=/`, `Max-Age` of `maxAgeDays`, `SameSite=Lax`, `Domain=`
 * with `cookieDomain`, `Secure` when `secure`), so that it replaces the browser's copy and lasts
 * the configured days also where a cookie written by script lasts 7 (Safari). `null` when the
 * decision is none the banner would store and count: not an object of the right shape, another
 * policy version, a category the options do not have, `gpc` (never stored), "accept-all" with a
 * refusal or "reject-all" with a grant, expired or from the future. Options the banner would
 * refuse get its console error (once) and fall back to its defaults, as in the browser; a
 * `cookieDomain` needs `host` to be checked against. Never throws.
 *
 * ```js
 * const header = consentCookieHeader(decision, { categories: ['analytics'], policyVersion: '2026-11', secure: true });
 * if (header) res.setHeader('Set-Cookie', header);
 * ```
 */
export function consentCookieHeader(decision: ConsentDecision, options: ConsentCookieHeaderOptions): string | null {
  try {
    const given = (typeof options === 'object' && options !== null ? options : {}) as Partial<ConsentCookieHeaderOptions>;
    const settings = writeSettings(given);
    if (!settings) return null;
    const domain = checkCookieDomain(given.cookieDomain, String(given.host ?? ''), reportOnce);
    const written = writeDecision(decision, settings, domain, given.secure === true, given.now ?? Date.now());
    return 'cookie' in written ? written.cookie : null;
  } catch {
    return null;
  }
}

/**
 * A request handler for Node's `http` (and Express or Connect middleware for its route) that sets
 * the consent cookie with `Set-Cookie`. It takes a `POST` of the decision as JSON (what the
 * banner sends to `cookie-url`) and answers `204`, or of the cookie page's form
 * (`application/x-www-form-urlencoded`, written by `renderPreferencesFallback` with `action`) and
 * answers `303` back to the page. A request from another site (`Sec-Fetch-Site` other than
 * `same-origin`, or an `Origin` of another host, or neither header) gets `403`; a decision it
 * cannot trust (see `consentCookieHeader`) `400`; both without a cookie, so that nobody's consent
 * is ever made up. The reason is the text of the answer. Option mistakes get one console error
 * each, when the handler is made. Never throws.
 *
 * ```js
 * const setConsent = consentCookieHandler({ categories: ['analytics'], policyVersion: '2026-11' });
 * createServer((req, res) => (req.url === '/consent' ? setConsent(req, res) : page(req, res)));
 * ```
 */
export function consentCookieHandler(options: ConsentCookieHandlerOptions): (request: ConsentRequest, response: ConsentResponse) => void {
  const given = (typeof options === 'object' && options !== null ? options : {}) as Partial<ConsentCookieHandlerOptions>;
  const settings = writeSettings(given);
  const origins = typeof given.origin === 'string' ? [given.origin] : Array.isArray(given.origin) ? [...given.origin] : null;
  return (request, response) => {
    handleConsent(request, response, settings, given, origins).catch((error) => {
      reportText(`consentCookieHandler failed (${error}); it answered 500 and set no cookie.`, true);
      answer(response, 500, 'The consent cookie could not be set.');
    });
  };
}

/**
 * The options' settings, checked; `null` without the list of categories. Each mistake gets one
 * console error for the whole process, however many requests meet it (the reader, `readConsent`,
 * stays quiet).
 */
function writeSettings(given: Partial<ConsentCookieOptions>): WriteSettings | null {
  const { categories } = given;
  if (!Array.isArray(categories) || !categories.every((id) => typeof id === 'string')) {
    reportText(`categories must be the ids of the banner's optional categories (["analytics"]); got ${describeValue(categories)}. No consent cookie is set.`, true);
    return null;
  }
  if (given.services !== undefined && serviceIds(given.services).length !== (Array.isArray(given.services) ? given.services.length : -1)) {
    reportText(`services must be the ids of the banner's services (["youtube"]); got ${describeValue(given.services)}. Invalid ones are left out.`, true);
  }
  return { ...decisionSettings(given, reportOnce), categoryIds: categories.filter((id) => id !== 'necessary'), serviceIds: serviceIds(given.services) };
}

/** Answers one request, as `consentCookieHandler` describes; what throws here is answered `500` there. */
async function handleConsent(
  request: ConsentRequest,
  response: ConsentResponse,
  settings: WriteSettings | null,
  given: Partial<ConsentCookieHandlerOptions>,
  origins: string[] | null,
): Promise<void> {
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST');
    return answer(response, 405, 'Only POST sets the consent cookie.');
  }
  const crossSite = crossSiteReason(request, origins);
  if (crossSite) return answer(response, 403, `Not from this site: ${crossSite}. No cookie set.`);
  if (!settings) return answer(response, 500, 'The handler has no categories. No cookie set.');
  const type = (header(request, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && type !== 'application/x-www-form-urlencoded') {
    return answer(response, 415, 'Send the decision as application/json or application/x-www-form-urlencoded.');
  }
  const body = await readBody(request);
  if (body === TOO_LARGE) return answer(response, 413, `The body is over ${MAX_BODY_BYTES} bytes. No cookie set.`);
  const origin = header(request, 'origin');
  const host = pageHost(origin, header(request, 'host') ?? header(request, ':authority'));
  const domain = checkCookieDomain(given.cookieDomain, host, reportOnce);
  const secure =
    typeof given.secure === 'boolean' ? given.secure : (request.socket as { encrypted?: unknown } | null | undefined)?.encrypted === true || /^https:/i.test(origin ?? '');
  const now = given.now ?? Date.now();
  if (type === 'application/json') {
    const decision = parseJson(body);
    const written = writeDecision(decision, settings, domain, secure, now);
    if ('refused' in written) return answer(response, 400, `${written.refused}. No cookie set.`);
    response.setHeader('Set-Cookie', written.cookie);
    return answer(response, 204);
  }
  const fields = formFields(body);
  const decision = formDecision(fields, settings, now);
  const written = typeof decision === 'string' ? { refused: decision } : writeDecision(decision, settings, domain, secure, now);
  if ('refused' in written) return answer(response, 400, `${written.refused}. No cookie set: go back, reload the cookie page and choose again.`);
  response.setHeader('Set-Cookie', written.cookie);
  response.setHeader('Location', returnPath(fields('return')[0], header(request, 'referer'), origin));
  return answer(response, 303);
}

/** Answers with a status and, for a refusal, its reason as text; never cached. Nothing when an answer went out already. */
function answer(response: ConsentResponse, status: number, reason?: string): void {
  try {
    if (response.headersSent) return;
    response.statusCode = status;
    response.setHeader('Cache-Control', 'no-store');
    if (reason) response.setHeader('Content-Type', 'text/plain; charset=utf-8');
    response.end(reason);
  } catch {
    // The connection is gone: nothing to answer.
  }
}

/** One request header as text (the first, when there are several). */
function header(request: ConsentRequest, name: string): string | undefined {
  const value = request.headers?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Why the request may not set consent (cross-site request forgery: a form on another site
 * posting to this handler), or `null` when it comes from a page of this site: the browser's
 * `Sec-Fetch-Site` says `same-origin`; or, from a browser that sends none, its `Origin` is the
 * site's. A request with neither header is refused: every browser that runs the banner sends one.
 */
function crossSiteReason(request: ConsentRequest, origins: string[] | null): string | null {
  const site = header(request, 'sec-fetch-site');
  if (site !== undefined) return site === 'same-origin' ? null : `Sec-Fetch-Site is "${site}", not "same-origin"`;
  const origin = header(request, 'origin');
  if (origin === undefined) return 'the request has neither Sec-Fetch-Site nor Origin';
  if (origins) return origins.includes(origin) ? null : `Origin ${origin} is none of ${origins.join(', ')}`;
  const host = header(request, 'host') ?? header(request, ':authority');
  try {
    if (new URL(origin).host === host) return null;
  } catch {
    // not a URL: refused below
  }
  return `Origin ${origin} is not this host (${host})`;
}

/** The page's host name: from its `Origin` (what the browser sees), else from `Host`. */
function pageHost(origin: string | undefined, host: string | undefined): string {
  for (const candidate of [origin, host && `http://${host}`]) {
    try {
      if (candidate) return new URL(candidate).hostname;
    } catch {
      // try the next
    }
  }
  return '';
}

/** Read past the limit: the body is refused, whatever it holds. */
const TOO_LARGE = Symbol('too large');

/** The request's body: what a body parser made of it, or the stream's text. */
function readBody(request: ConsentRequest): Promise<unknown> {
  if (request.readableEnded) return Promise.resolve(request.body);
  return new Promise((resolve) => {
    const decoder = new TextDecoder();
    let text = '';
    let bytes = 0;
    request.on('data', (chunk) => {
      bytes += typeof chunk === 'string' ? chunk.length : chunk.byteLength;
      if (bytes > MAX_BODY_BYTES) resolve(TOO_LARGE);
      else text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    });
    request.on('end', () => resolve(text + decoder.decode()));
    request.on('error', () => resolve(''));
  });
}

/** A JSON body as a value (`undefined` when it is no JSON); a body parser's object as it is. */
function parseJson(body: unknown): unknown {
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) return body;
  try {
    return JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body));
  } catch {
    return undefined;
  }
}

/** A form body's fields by name, each as the list of its values (a checkbox per category gives several). */
function formFields(body: unknown): (name: string) => string[] {
  if (typeof body === 'string' || body instanceof Uint8Array) {
    const params = new URLSearchParams(typeof body === 'string' ? body : new TextDecoder().decode(body));
    return (name) => params.getAll(name);
  }
  // Parsed already (express.urlencoded): a text, or a list of texts.
  const parsed = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return (name) => {
    const value = Object.hasOwn(parsed, name) ? parsed[name] : [];
    return (Array.isArray(value) ? value : [value]).filter((entry): entry is string => typeof entry === 'string');
  };
}

/**
 * The decision of the cookie page's form, made now: the button's `method` (`custom` saves the
 * ticked categories, `granted`, and refuses the others), for the policy version the form was made
 * for; or why not.
 */
function formDecision(fields: (name: string) => string[], settings: WriteSettings, now: number): ConsentDecision | string {
  const [method] = fields('method');
  const granted = fields('granted');
  const [version] = fields('policy-version');
  if (!STORED_METHODS.includes(method as ConsentMethod)) return `method must be ${STORED_METHODS.join(', ')}; got ${describeValue(method ?? null)}`;
  const unknown = granted.filter((id) => !settings.categoryIds.includes(id));
  if (unknown.length) return `granted names no category of this site: ${unknown.join(', ')}`;
  if (version !== settings.policyVersion) return `the form is for policy version ${describeValue(version ?? null)}, not "${settings.policyVersion}"`;
  const categories: CategoryChoices = { necessary: true };
  for (const id of settings.categoryIds) categories[id] = method === 'accept-all' || (method === 'custom' && granted.includes(id));
  const decidedAt = new Date(Math.floor(now / 1000) * 1000).toISOString();
  return { policyVersion: settings.policyVersion, decidedAt, method: method as ConsentMethod, categories };
}

/**
 * The cookie for a decision, when it is one the banner would have stored and would count: the
 * documented shape (the five fields of `consent-change`'s decision, no others), a stored method,
 * only configured categories, consistent with its method, this policy version, not expired and
 * not from the future (the reading rules, applied to the written value).
 */
function writeDecision(value: unknown, settings: WriteSettings, domain: string | undefined, secure: boolean, now: number): Written {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { refused: 'the decision must be a JSON object' };
  const { policyVersion, decidedAt, method, categories, consentId, ...rest } = value as Record<string, unknown>;
  const fields = Object.keys(rest);
  if (fields.length) return { refused: `${fields.join(', ')} is no field of a decision` };
  if (policyVersion !== settings.policyVersion) return { refused: `policyVersion must be "${settings.policyVersion}"; got ${describeValue(policyVersion)}` };
  if (typeof decidedAt !== 'string' || !ISO_TIME.test(decidedAt)) return { refused: `decidedAt must be an ISO time; got ${describeValue(decidedAt)}` };
  if (!STORED_METHODS.includes(method as ConsentMethod)) return { refused: `method must be ${STORED_METHODS.join(', ')}; got ${describeValue(method)}` };
  if (consentId !== undefined && (typeof consentId !== 'string' || !CONSENT_ID_PATTERN.test(consentId))) {
    return { refused: `consentId must be 8 to 32 of 0-9, a-z; got ${describeValue(consentId)}` };
  }
  const choices = typeof categories === 'object' && categories !== null && !Array.isArray(categories) ? Object.entries(categories) : [];
  const optional = choices.filter(([id]) => id !== 'necessary');
  if (!choices.length || choices.some(([id, granted]) => typeof granted !== 'boolean' || (id === 'necessary' && !granted))) {
    return { refused: `categories must be { "<id>": true | false } with necessary true; got ${describeValue(categories)}` };
  }
  // A service granted on its own is an entry `s--<id>: true` (docs/cookie-format.md).
  const unknown = optional
    .filter(([id, granted]) => !settings.categoryIds.includes(id) && !(granted && id.startsWith(SERVICE_PREFIX) && settings.serviceIds.includes(id.slice(SERVICE_PREFIX.length))))
    .map(([id]) => id);
  if (unknown.length) return { refused: `categories names no category (or granted service, s--<id>) of this site: ${unknown.join(', ')}` };
  if (optional.some(([, granted]) => granted !== (method === 'accept-all')) && method !== 'custom') {
    return { refused: `method ${method} must ${method === 'accept-all' ? 'grant' : 'refuse'} every category it names` };
  }
  const decision = { policyVersion, decidedAt, method, categories, ...(consentId ? { consentId } : {}) } as ConsentDecision;
  const encoded = encodeDecision(decision);
  const { cookieName, maxAgeDays, categoryIds } = settings;
  if (!readStoredDecision(`${cookieName}=${encoded}`, { ...settings, now })) {
    return { refused: `decidedAt ${decidedAt} is more than ${maxAgeDays} days ago or in the future, or it decides none of ${categoryIds.join(', ')}` };
  }
  return { cookie: consentCookie(cookieName, encoded, maxAgeDays, domain, secure) };
}

/**
 * Where the form's answer sends the visitor back: the form's `return` when it is a path on this
 * site (`/cookies`; never `//other.example`), else the page that posted (`Referer`, same origin),
 * else the home page.
 */
function returnPath(given: string | undefined, referer: string | undefined, origin: string | undefined): string {
  if (given !== undefined && /^\/(?![/\\])[\x21-\x7e]*$/.test(given)) return given;
  try {
    const from = new URL(referer ?? '');
    if (from.origin === origin) return `${from.pathname}${from.search}`;
  } catch {
    // no usable Referer
  }
  return '/';
}

/** The shipped languages, by primary subtag: a server has them all at hand, without parts to load. */
const LANGUAGES: Record<string, [ConsentStrings, DetailStrings, FirstLayerStrings]> = {
  nl: [nl, nlDetails, nlFirstLayer],
  en: [en, enDetails, enFirstLayer],
  fy: [fy, fyDetails, fyFirstLayer],
  de: [de, deDetails, deFirstLayer],
  fr: [fr, frDetails, frFirstLayer],
};

/** The settings that decide what the texts say: the page's language, configuration and cookie. */
interface TextSettings {
  lang: string;
  config?: unknown;
  cookieName?: string;
  maxAgeDays?: number;
  policyVersion?: string;
}

/**
 * Every text the banner shows in a language, with the site's own texts over them, and the
 * categories resolved in it: what the browser shows for the same configuration. A mistake gets
 * the browser's console error (a `lang` that is no text: one more, naming `caller`) and the default.
 */
function pageTexts(given: Partial<TextSettings>, caller: string) {
  if (typeof given.lang !== 'string') reportText(`${caller}: lang must be a language code such as "nl"; got ${describeValue(given.lang)}. Using English.`);
  const primary = String(given.lang ?? '').trim().toLowerCase().split('-')[0];
  const code = Object.hasOwn(LANGUAGES, primary) ? primary : 'en';
  // The site's own texts (`texts` of the configuration), checked with the browser's messages.
  setSiteTexts(typeof given.config === 'object' && given.config !== null ? (given.config as { texts?: unknown }).texts : undefined);
  reportSiteTexts();
  const [strings, details, firstLayer] = LANGUAGES[code].map((texts) => withSiteTexts(texts, code)) as (typeof LANGUAGES)[string];
  const { cookieName, maxAgeDays, policyVersion } = decisionSettings(given, report);
  // Services resolved from the catalogue as in the browser, so that the receipt's hash agrees.
  const merged = mergeCategories(given.config ?? null, defaultCategories(strings, cookieName, maxAgeDays), cookieName);
  const categories = resolveCategories(resolveServices(merged, cookieName, report), strings.lang);
  return { strings, d: details, firstLayer, categories, policyVersion };
}

/** The page's banner configuration, as far as the cookie page's content shows it. */
export interface PreferencesFallbackOptions {
  /** The page's language: `nl`, `en`, `fy`, `de` or `fr` (`nl-BE` is `nl`); any other is English, as in the browser. */
  lang: string;
  /** The banner's `config` (what its JSON child holds): the same categories and cookies, checked with the same console errors. */
  config?: unknown;
  /** The banner's `cookie-name`; default `'consent_banner'`. */
  cookieName?: string;
  /** The banner's `max-age-days`; default 182, at most 395. */
  maxAgeDays?: number;
  /**
   * Where the choices' form posts to (`'/consent'`, served by `consentCookieHandler`): with it,
   * visitors without JavaScript can choose too; without it, the content says choosing needs JavaScript.
   */
  action?: string;
  /** With `action`: the banner's `policy-version`, which the form carries for the handler to check; default `'1'`. */
  policyVersion?: string;
  /** With `action`: the banner's `organisation` (or `site-name`), named in the form's introduction. */
  organisation?: string;
  /** With `action`: the visitor's decision (`readConsent(req.headers.cookie, …)`), whose granted categories are ticked. */
  decision?: ConsentDecision | null;
  /** With `action`: the path the handler sends the visitor back to (`'/cookies'`); default the page that posted. */
  returnTo?: string;
}

/**
 * The content to put inside `<consent-preferences>` on the cookie page, as HTML: what a visitor
 * without JavaScript sees (and everyone sees until the element's code has run). The choices'
 * title and each category with its description and its cookies as a table with a caption: the
 * same categories, texts and rows as the choices show, from the same configuration. Without
 * `action`, a note that choosing needs JavaScript and that without it no optional script runs.
 * With `action`, the choices as a form that posts there (to `consentCookieHandler`): the same
 * introduction, a labelled checkbox per optional category in a fieldset, and the same save, accept
 * all and reject all buttons. The element replaces it with the choices once it runs; about the
 * same height, so the page barely moves. Every text is escaped. Never throws: a mistake in the
 * options gets one console error and the default.
 *
 * ```js
 * const html = `<consent-preferences>${renderPreferencesFallback({ lang: 'nl', config })}</consent-preferences>`;
 * ```
 */
export function renderPreferencesFallback(options: PreferencesFallbackOptions): string {
  const given = (typeof options === 'object' && options !== null ? options : {}) as Partial<PreferencesFallbackOptions>;
  const { strings, d, categories, policyVersion } = pageTexts(given, 'renderPreferencesFallback');
  const table = (category: ResolvedCategory) => {
    const rows = cookieRows(category, d)
      .map(({ name, purpose, lifetime }) => `<tr><th scope="row"><code>${escape(name)}</code></th><td>${escape(purpose)}</td><td>${escape(lifetime)}</td></tr>`)
      .join('');
    return [
      `<table><caption>${escape(format(d.cookieTableCaption, { label: category.label }))}</caption>`,
      `<thead><tr><th scope="col">${escape(d.cookieNameHeader)}</th><th scope="col">${escape(d.cookiePurposeHeader)}</th><th scope="col">${escape(d.cookieLifetimeHeader)}</th></tr></thead>`,
      `<tbody>${rows}</tbody></table>`,
    ].join('\n');
  };
  const section = (category: ResolvedCategory) => {
    const heading = category.id === 'necessary' ? `${category.label}${d.colon}${d.alwaysActive}` : category.label;
    return [`<h3>${escape(heading)}</h3>`, `<p>${escape(category.description)}</p>`, table(category)].join('\n');
  };
  const action = formAction(given);
  const content =
    action === null
      ? [`<p class="consent-preferences-notice">${escape(d.noScriptNotice)}</p>`, ...categories.map(section)]
      : [
          // The choices as the element shows them (L5, L10, A8), in HTML that works without script.
          `<form class="consent-preferences-form" method="post" action="${escape(action)}">`,
          ...(typeof given.organisation === 'string' && given.organisation.trim()
            ? [`<p>${escape(format(d.preferencesIntro, { organisation: given.organisation }))}</p>`]
            : []),
          ...categories.filter(({ id }) => id === 'necessary').map(section),
          '<fieldset>',
          `<legend>${escape(d.preferencesLegend)}</legend>`,
          ...categories
            .filter(({ id }) => id !== 'necessary')
            .map((category) => {
              const checked = given.decision?.categories?.[category.id] === true ? ' checked' : '';
              const describedBy = `consent-description-${escape(category.id)}`;
              return [
                `<p><label><input type="checkbox" name="granted" value="${escape(category.id)}" aria-describedby="${describedBy}"${checked}> ${escape(category.label)}</label></p>`,
                `<p id="${describedBy}">${escape(category.description)}</p>`,
                table(category),
              ].join('\n');
            }),
          '</fieldset>',
          `<p class="consent-preferences-actions">${[
            ['custom', d.save],
            ['accept-all', strings.acceptAll],
            ['reject-all', strings.rejectAll],
          ]
            .map(([method, label]) => `<button type="submit" name="method" value="${method}">${escape(label)}</button>`)
            .join(' ')}</p>`,
          `<input type="hidden" name="policy-version" value="${escape(policyVersion)}">`,
          ...(typeof given.returnTo === 'string' ? [`<input type="hidden" name="return" value="${escape(given.returnTo)}">`] : []),
          '</form>',
        ];
  return [
    `<div class="consent-preferences-fallback" lang="${escape(strings.lang)}" dir="${strings.dir}">`,
    `<h2>${escape(d.preferencesTitle)}</h2>`,
    ...content,
    '</div>',
  ].join('\n');
}

/**
 * The form's address when one is asked for (`action`), or `null` for the content without a form;
 * with a form, an `organisation` to name in its introduction (without one, one console error and no introduction).
 */
function formAction({ action, organisation }: Partial<PreferencesFallbackOptions>): string | null {
  if (action === undefined) return null;
  if (typeof action !== 'string' || action.trim() === '') {
    reportText(`renderPreferencesFallback: action must be the address of consentCookieHandler, such as "/consent"; got ${describeValue(action)}. No form: choosing needs JavaScript.`);
    return null;
  }
  if (typeof organisation !== 'string' || organisation.trim() === '') {
    reportText(`renderPreferencesFallback: organisation must name who sets the cookies ("het ministerie van Voorbeelden"); got ${describeValue(organisation)}. The form has no introduction.`);
  }
  return action;
}

/** The page's banner, as far as its texts go: what `receiptTexts` needs to know what the visitor was shown. */
export interface ReceiptTextsOptions {
  /** The language of the receipt (its `lang`): `nl`, `en`, `fy`, `de` or `fr`; any other is English, as in the browser. */
  lang: string;
  /** The banner's `config` (what its JSON child holds), with its own `texts`. */
  config?: unknown;
  /** The banner's `policy-version`; default `'1'`. */
  policyVersion?: string;
  /** The site's name as the heading shows it: the banner's `site-name`, else the page's host name (`'www.gemeente.nl'`). */
  site: string;
  /** The banner's `organisation`; default `site`, as in the browser. */
  organisation?: string;
  /** The banner's `privacy-url`, as written in the attribute. */
  privacyUrl?: string;
  /** The banner's `region-label`. */
  regionLabel?: string;
  /** The banner's `cookie-name`; default `'consent_banner'` (the consent cookie's row in the table). */
  cookieName?: string;
  /** The banner's `max-age-days`; default 182 (the consent cookie's lifetime in the table). */
  maxAgeDays?: number;
}

/** What a visitor was shown, as `receiptTexts` gives it. */
export interface ReceiptTexts {
  /** The language the texts are in: the `lang` a receipt for them carries. */
  lang: string;
  /** The canonical JSON of the texts (docs/server.md): keep it, to show what a hash stands for. */
  canonical: string;
  /** The `textsHash` a receipt for these texts carries (`sha256-…`); `null` where the runtime has no Web Crypto. */
  textsHash: string | null;
}

/**
 * The texts a banner with these settings shows, as a receipt's `textsHash` covers them: a
 * receipt whose `lang` and `textsHash` equal these was sent from a page that showed exactly
 * these texts, categories and cookies (GDPR art. 7(1)). The same code as the browser's, from
 * the same configuration. Never rejects: a mistake gets one console error and the default.
 *
 * ```js
 * const { textsHash, canonical } = await receiptTexts({ lang: 'nl', config, policyVersion: '2026-11', site: 'www.gemeente.nl' });
 * ```
 */
export async function receiptTexts(options: ReceiptTextsOptions): Promise<ReceiptTexts> {
  const given = (typeof options === 'object' && options !== null ? options : {}) as Partial<ReceiptTextsOptions>;
  const { strings, d, firstLayer, categories, policyVersion } = pageTexts(given, 'receiptTexts');
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  const site = text(given.site);
  if (site === null) reportText(`receiptTexts: site must be the banner's site-name, or the page's host name; got ${describeValue(given.site)}. The hash matches no page.`);
  const canonical = canonicalTexts({
    policyVersion,
    site: site ?? '',
    organisation: text(given.organisation) ?? site ?? '',
    privacyUrl: text(given.privacyUrl),
    regionLabel: text(given.regionLabel),
    strings,
    firstLayer,
    details: d,
    categories: categories.map((category) => ({ ...category, rows: cookieRows(category, d) })),
  });
  return { lang: strings.lang, canonical, textsHash: await textsHash(canonical) };
}

/** Text as HTML text or attribute value. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
