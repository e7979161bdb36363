import type { ResolvedCategory } from '../../decision/categories.js';
import { cookieRows } from '../../i18n/cookie-texts.js';
import { detailsFor } from '../../i18n/details.js';
import { firstLayerFor } from '../../i18n/first-layer.js';
import { stringsForElement } from '../../i18n/index.js';
import type { ShownTexts } from '../../i18n/shown-texts.js';

/** What a receipt reads from the page's banner: its public API. */
export interface ShowingBanner extends Element {
  categories: ResolvedCategory[];
  organisationName: string;
  siteName?: string;
  privacyUrl?: string;
  regionLabel?: string;
  /** As set; the receipt checks it as the store does (`decisionSettings`). */
  policyVersion?: string;
}

/**
 * The texts the page's banner shows now, in its language, with the site's own texts over them.
 * A part of its own, fetched once the banner's views show (else at a decision): it takes the
 * views' and the choices' texts from their parts, and the receipt's part, fetched on every page
 * view of a site with receipts, stays free of them.
 */
export function shownBy(banner: ShowingBanner, policyVersion: string): ShownTexts {
  const strings = stringsForElement(banner);
  const details = detailsFor(strings);
  return {
    policyVersion,
    site: banner.siteName || location.hostname,
    organisation: banner.organisationName,
    privacyUrl: banner.privacyUrl || null,
    regionLabel: banner.regionLabel || null,
    strings,
    firstLayer: firstLayerFor(strings),
    details,
    categories: banner.categories.map((category) => ({ ...category, rows: cookieRows(category, details) })),
  };
}
