import { cookieMatches, cookieScopes } from '../decision/cookie-patterns.js';

/**
 * Deletes cookies by name or prefix (a name ending in `*`) in every place a cookie visible here
 * can live: host-only, `Domain=` this host and every parent domain up to the registrable one, and
 * `Path=/` and each ancestor of this page's path (L12). Browsers ignore a delete on a public suffix
 * (`.nl`, `.co.uk`), so trying every parent is safe without a public-suffix list. A cookie that
 * matches one of `spare` stays, whatever the patterns: the consent cookie, and what a service
 * granted on its own declares (docs/services.md). Synchronous and idempotent; never throws.
 */
export function deleteCookies(patterns: string[], spare: string[] = []): void {
  try {
    const names = document.cookie.split(';').map((pair) => pair.split('=')[0].trim());
    const scopes = cookieScopes(location.hostname, location.pathname);
    for (const name of new Set(names)) {
      if (name && patterns.some((pattern) => cookieMatches(name, pattern)) && !spare.some((pattern) => cookieMatches(name, pattern))) {
        for (const scope of scopes) document.cookie = `${name}=; Max-Age=0${scope}`;
      }
    }
  } catch {
    // Cookies blocked: there is nothing to delete.
  }
}
