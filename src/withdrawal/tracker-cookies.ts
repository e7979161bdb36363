/**
 * Deletes cookies by name or prefix (a name ending in `*`) on this host, `.host` and every parent
 * domain up to the registrable one, with `Path=/` (L12). Browsers ignore a delete on a public
 * suffix (`.nl`, `.co.uk`), so trying every parent is safe without a public-suffix list.
 * Synchronous and idempotent; never throws.
 */
export function deleteCookies(patterns: string[]): void {
  let names: string[];
  try {
    names = document.cookie.split(';').map((pair) => pair.split('=')[0].trim());
  } catch {
    return;
  }
  const matches = (name: string) =>
    patterns.some((pattern) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern));
  const domains = parentDomains(location.hostname);
  for (const name of new Set(names.filter((found) => found && matches(found)))) {
    const expired = `${name}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0`;
    document.cookie = expired;
    for (const domain of domains) document.cookie = `${expired}; Domain=${domain}`;
  }
}

/** `www.example.gov.nl` → `www.example.gov.nl`, `example.gov.nl`, `gov.nl` (not `nl`); none for an IP or `localhost`. */
export function parentDomains(host: string): string[] {
  if (!host.includes('.') || /^[\d.]+$/.test(host) || host.includes(':')) return [];
  const labels = host.split('.');
  return labels.slice(0, -1).map((_, index) => labels.slice(index).join('.'));
}
