/**
 * Cookie names, patterns and the places a cookie can live: what the consent cookie's reader and
 * writer and the clean-up of refused categories' cookies (L12) agree on.
 */

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
  '_pk_cvar.*',
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
