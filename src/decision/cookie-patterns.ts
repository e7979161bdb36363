/**
 * Cookie names, patterns and the places a cookie can live: what the consent cookie's reader and
 * writers (the browser's store, `consent-banner/server`) and the clean-up of refused categories'
 * cookies (L12) agree on.
 */
import { report as reportError, type Reporter } from '../report.js';

/**
 * Cookies that well-known analytics tools set, deleted whenever `analytics` is refused or
 * withdrawn (L12), also when the configuration does not declare them. `mtm_consent*` and
 * `mtm_cookie_consent` are Matomo's own consent records: the banner's cookie is the record, so
 * they are removed whenever analytics is not granted, before a choice too.
 */
export const TRACKER_COOKIES = [
  '_pk_id.*',
  '_pk_ses.*',
  '_pk_ref.*',
  '_pk_cvar*',
  '_pk_hsr.*',
  'mtm_consent*',
  'mtm_cookie_consent',
  '_ga',
  '_ga_*',
  '_gid',
  '_gat*',
];

/** Matomo's records of a consent it keeps itself (rememberConsentGiven, rememberCookieConsentGiven). */
export const TRACKER_CONSENT_RECORDS = ['mtm_consent*', 'mtm_cookie_consent'];

/** Whether a cookie name matches a declared name or prefix (a pattern ending in `*`). */
export function cookieMatches(name: string, pattern: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/**
 * `www.example.gov.nl` → `www.example.gov.nl`, `example.gov.nl`, `gov.nl` (not `nl`): the
 * `Domain=` values a cookie visible here can have. Browsers refuse a public suffix (`gov.nl` if it
 * is one), so trying each is safe without a public-suffix list. None for an IP or `localhost`.
 */
export function parentDomains(host: string): string[] {
  if (!host.includes('.') || /^[\d.]+$/.test(host) || host.includes(':')) return [];
  const labels = host.split('.');
  return labels.slice(0, -1).map((_, index) => labels.slice(index).join('.'));
}

/**
 * `/a/b/page` → `/`, `/a`, `/a/`, `/a/b`, `/a/b/`, `/a/b/page`: the `Path=` values of the cookies
 * this page can see (a cookie's path is kept exactly as it was set, with or without the slash).
 */
export function ancestorPaths(pathname: string): string[] {
  const paths = ['/'];
  const segments = pathname.split('/').filter(Boolean);
  segments.forEach((_, index) => {
    const path = `/${segments.slice(0, index + 1).join('/')}`;
    paths.push(path, `${path}/`);
  });
  if (!pathname.endsWith('/')) paths.pop();
  return paths;
}

/**
 * Every `Path=…; Domain=…` pair (host-only first) under which a cookie visible on this page can be
 * stored: what it takes to expire every copy of a name.
 */
export function cookieScopes(host: string, pathname: string): string[] {
  const domains = ['', ...new Set([host, ...parentDomains(host)])].map((domain) => domain && `; Domain=${domain}`);
  return ancestorPaths(pathname).flatMap((path) => domains.map((domain) => `; Path=${path}${domain}`));
}

/**
 * The consent cookie with its attributes (L15): `Path=/`, `Max-Age` from the days, `SameSite=Lax`,
 * `Domain=` when shared with subdomains, `Secure` on https. What the browser's store writes to
 * `document.cookie` and `consent-banner/server` sends as `Set-Cookie`, byte for byte.
 */
export function consentCookie(name: string, value: string, maxAgeDays: number, domain: string | undefined, secure: boolean): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAgeDays * 86400}; SameSite=Lax${domain ? `; Domain=${domain}` : ''}${secure ? '; Secure' : ''}`;
}

/**
 * `cookie-domain`, checked against the page's host: this host or a parent domain of it (an IP
 * address or `localhost` only itself, a bare label such as `nl` never), in lower case without a
 * leading dot. `undefined` (this host only) when not given or, with one report, when it is none of
 * those. A public suffix (`co.uk`) is refused by the browser when the cookie is written.
 */
export function checkCookieDomain(domain: unknown, host: string, report: Reporter = reportError): string | undefined {
  if (domain === undefined || domain === '') return undefined;
  const bare = typeof domain === 'string' ? domain.replace(/^\./, '').toLowerCase() : '';
  if (bare === host || parentDomains(host).includes(bare)) return bare;
  report('cookie-domain', domain, host);
  return undefined;
}
