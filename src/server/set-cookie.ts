/**
 * Writing the consent cookie from the server: the `Set-Cookie` header of a decision, and the
 * handler that sets it for the banner's `cookie-url` requests and the cookie page's no-JS form.
 */
import { CONSENT_ID_PATTERN, encodeDecision, SERVICE_PREFIX } from '../decision/cookie-codec.js';
import { checkCookieDomain, consentCookie } from '../decision/cookie-patterns.js';
import { decisionSettings, readStoredDecision } from '../decision/stored-decision.js';
import type { CategoryChoices, ConsentDecision, ConsentMethod } from '../decision/types.js';
import { describeValue, reportOnce, reportText } from '../report.js';
import { serviceIds, type ReadConsentOptions } from './read-consent.js';

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
 * ticked categories, `granted`, and refuses the others; a ticked service, `s--<id>`, is granted on
 * its own, docs/services.md), for the policy version the form was made for; or why not. What is
 * ticked counts only for `custom`: "accept all" and "reject all" decide everything.
 */
function formDecision(fields: (name: string) => string[], settings: WriteSettings, now: number): ConsentDecision | string {
  const [method] = fields('method');
  const granted = method === 'custom' ? fields('granted') : [];
  const [version] = fields('policy-version');
  if (!STORED_METHODS.includes(method as ConsentMethod)) return `method must be ${STORED_METHODS.join(', ')}; got ${describeValue(method ?? null)}`;
  const isService = (id: string) => id.startsWith(SERVICE_PREFIX) && settings.serviceIds.includes(id.slice(SERVICE_PREFIX.length));
  const unknown = granted.filter((id) => !settings.categoryIds.includes(id) && !isService(id));
  if (unknown.length) return `granted names no category or service (s--<id>, with the handler's services) of this site: ${unknown.join(', ')}`;
  if (version !== settings.policyVersion) return `the form is for policy version ${describeValue(version ?? null)}, not "${settings.policyVersion}"`;
  const categories: CategoryChoices = { necessary: true };
  for (const id of settings.categoryIds) categories[id] = method === 'accept-all' || granted.includes(id);
  for (const id of granted.filter(isService)) categories[id] = true;
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
