import { cookieMatches, cookieScopes } from '../decision/cookie-patterns.js';

/**
 * Deletes cookies by name or prefix (a name ending in `*`) in every place a cookie visible here
 * can live: host-only, `Domain=` this host and every parent domain up to the registrable one, and
 * `Path=/` and each ancestor of this page's path (L12). Browsers ignore a delete on a public suffix
 * (`.nl`, `.co.uk`), so trying every parent is safe without a public-suffix list. The consent
 * cookie (`keep`) is never deleted here, whatever the patterns. Synchronous and idempotent; never
 * throws.
 */
export function deleteCookies(patterns: string[], keep: string): void {
  try {
    const names = document.cookie.split(';').map((pair) => pair.split('=')[0].trim());
    const scopes = cookieScopes(location.hostname, location.pathname);
    for (const name of new Set(names)) {
      if (!name || name === keep || !patterns.some((pattern) => cookieMatches(name, pattern))) continue;
      for (const scope of scopes) document.cookie = `${name}=; Max-Age=0${scope}`;
    }
  } catch {
    // Cookies blocked: there is nothing to delete.
  }
}
