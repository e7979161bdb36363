/** What a receipt's `textsHash` stands for: the texts a page's banner showed. */
import { cookieRows } from '../i18n/cookie-texts.js';
import { canonicalTexts, textsHash } from '../i18n/shown-texts.js';
import { describeValue, reportText } from '../report.js';
import { pageTexts } from './page-texts.js';

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
