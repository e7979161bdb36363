import type { ResolvedCategory } from '../decision/categories.js';
import type { CookieRow } from './cookie-texts.js';
import type { ConsentStrings, DetailStrings, FirstLayerStrings } from './strings.js';

/** Everything a visitor is shown, in one language: what `canonicalTexts` writes out. */
export interface ShownTexts {
  policyVersion: string;
  /** The site's name as the heading shows it (`site-name`, else the host name). */
  site: string;
  /** The organisation as the texts name it (`organisation`, else the site). */
  organisation: string;
  /** `privacy-url` as written, or `null` without one. */
  privacyUrl: string | null;
  /** `region-label`, which replaces the region's text, or `null`. */
  regionLabel: string | null;
  strings: ConsentStrings;
  firstLayer: FirstLayerStrings;
  details: DetailStrings;
  /** The categories, `necessary` first, with their cookie rows as the choices show them. */
  categories: (ResolvedCategory & { rows: CookieRow[] })[];
}

/**
 * The canonical JSON of what a visitor was shown (documented in docs/server.md, "What the
 * texts hash covers"): the same on every page and in every browser for the same texts and
 * configuration, and different when any text, category or cookie row shown differs. The
 * browser (receipts) and `consent-banner/server` (`receiptTexts`) both write it here.
 */
export function canonicalTexts({ policyVersion, site, organisation, privacyUrl, regionLabel, strings, firstLayer, details, categories }: ShownTexts): string {
  const all: Record<string, string> = { ...strings, ...firstLayer, ...details, ...(regionLabel ? { region: regionLabel } : {}) };
  const texts = Object.fromEntries(Object.keys(all).filter((key) => key !== 'lang' && key !== 'dir').sort().map((key) => [key, all[key]]));
  return JSON.stringify({
    format: 1,
    lang: strings.lang,
    policyVersion,
    site,
    organisation,
    privacyUrl,
    texts,
    categories: categories.map(({ id, label, description, rows, services }) => ({
      id,
      label,
      description,
      cookies: rows.map(({ name, purpose, lifetime }) => ({ name, purpose, lifetime })),
      // Only a category with services has the field: hashes of configurations without stay as they were.
      ...(services?.length
        ? { services: services.map(({ id, label, description, cookies }) => ({ id, label, description, cookies: cookies.map(({ name, purpose, lifetime }) => ({ name, purpose, lifetime })) })) }
        : {}),
    })),
  });
}

/** `sha256-` and the base64 SHA-256 of the text's UTF-8 bytes (as in Subresource Integrity); `null` without Web Crypto. */
export async function textsHash(canonical: string): Promise<string | null> {
  try {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical)));
    return `sha256-${btoa(String.fromCharCode(...digest))}`;
  } catch {
    return null;
  }
}
