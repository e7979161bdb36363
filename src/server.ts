/**
 * `consent-banner/server`: reads the consent cookie from a request's `Cookie` header, so a
 * server can leave tracker snippets out of the HTML when the visitor did not consent (I7), and
 * writes the cookie page's content for visitors without JavaScript from the banner's
 * configuration (`renderPreferencesFallback`).
 *
 * DOM-free and free of Lit: it uses the same stored-decision rules and cookie codec as the
 * browser (`readStoredDecision`), so the two sides cannot disagree about a cookie, and the same
 * categories, texts and cookie rows as the choices. Nothing here throws: bad input is no
 * decision (`null`), or one console error and the defaults.
 */
import { defaultCategories, mergeCategories, resolveCategories } from './decision/categories.js';
import { decisionSettings, readStoredDecision } from './decision/stored-decision.js';
import type { ConsentDecision } from './decision/types.js';
import { cookieRows } from './i18n/cookie-texts.js';
import { reportSiteTexts } from './i18n/details.js';
import { setSiteTexts, withSiteTexts } from './i18n/index.js';
import { de } from './i18n/de.js';
import { deDetails } from './i18n/de-details.js';
import { en } from './i18n/en.js';
import { enDetails } from './i18n/en-details.js';
import { fr } from './i18n/fr.js';
import { frDetails } from './i18n/fr-details.js';
import { fy } from './i18n/fy.js';
import { fyDetails } from './i18n/fy-details.js';
import { nl } from './i18n/nl.js';
import { nlDetails } from './i18n/nl-details.js';
import { format, type ConsentStrings, type DetailStrings } from './i18n/strings.js';
import { describeValue, report } from './report.js';

export type { CategoryChoices, ConsentDecision, ConsentMethod } from './decision/types.js';

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
      now,
    });
  } catch {
    return null;
  }
}

/** Whether `decision` grants category `id`. `necessary` always is; without a decision nothing else is. */
export function hasConsent(decision: ConsentDecision | null | undefined, id: string): boolean {
  return id === 'necessary' || decision?.categories[id] === true;
}

function headerText(header: CookieHeader): string | null {
  if (typeof header === 'string') return header;
  if (Array.isArray(header)) return header.filter((line) => typeof line === 'string').join('; ');
  return null;
}

/** The shipped languages, by primary subtag: a server has them all at hand, without parts to load. */
const LANGUAGES: Record<string, [ConsentStrings, DetailStrings]> = {
  nl: [nl, nlDetails],
  en: [en, enDetails],
  fy: [fy, fyDetails],
  de: [de, deDetails],
  fr: [fr, frDetails],
};

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
}

/**
 * The content to put inside `<consent-preferences>` on the cookie page, as HTML: what a visitor
 * without JavaScript sees (and everyone sees until the element's code has run). The choices'
 * title, a note that choosing needs JavaScript and that without it no optional script runs, and
 * each category with its description and its cookies as a table with a caption: the same
 * categories, texts and rows as the choices show, from the same configuration. The element
 * replaces it with the choices once it runs; about the same height, so the page barely moves.
 * Every text is escaped. Never throws: a mistake in the options gets one console error and the
 * default.
 *
 * ```js
 * const html = `<consent-preferences>${renderPreferencesFallback({ lang: 'nl', config })}</consent-preferences>`;
 * ```
 */
export function renderPreferencesFallback(options: PreferencesFallbackOptions): string {
  const given = (typeof options === 'object' && options !== null ? options : {}) as Partial<PreferencesFallbackOptions>;
  if (typeof given.lang !== 'string') report(`renderPreferencesFallback: lang must be a language code such as "nl"; got ${describeValue(given.lang)}. Using English.`);
  const primary = String(given.lang ?? '').trim().toLowerCase().split('-')[0];
  const code = Object.hasOwn(LANGUAGES, primary) ? primary : 'en';
  // The site's own texts (`texts` of the configuration), checked with the browser's messages.
  setSiteTexts(typeof given.config === 'object' && given.config !== null ? (given.config as { texts?: unknown }).texts : undefined);
  reportSiteTexts();
  const strings = withSiteTexts(LANGUAGES[code][0], code);
  const d = withSiteTexts(LANGUAGES[code][1], code);
  const { cookieName, maxAgeDays } = decisionSettings(given, report);
  const categories = resolveCategories(mergeCategories(given.config ?? null, defaultCategories(strings, cookieName, maxAgeDays), cookieName), strings.lang);
  const sections = categories.map((category) => {
    const heading = category.id === 'necessary' ? `${category.label}${d.colon}${d.alwaysActive}` : category.label;
    const rows = cookieRows(category, d)
      .map(({ name, purpose, lifetime }) => `<tr><th scope="row"><code>${escape(name)}</code></th><td>${escape(purpose)}</td><td>${escape(lifetime)}</td></tr>`)
      .join('');
    return [
      `<h3>${escape(heading)}</h3>`,
      `<p>${escape(category.description)}</p>`,
      `<table><caption>${escape(format(d.cookieTableCaption, { label: category.label }))}</caption>`,
      `<thead><tr><th scope="col">${escape(d.cookieNameHeader)}</th><th scope="col">${escape(d.cookiePurposeHeader)}</th><th scope="col">${escape(d.cookieLifetimeHeader)}</th></tr></thead>`,
      `<tbody>${rows}</tbody></table>`,
    ].join('\n');
  });
  return [
    `<div class="consent-preferences-fallback" lang="${escape(strings.lang)}" dir="${strings.dir}">`,
    `<h2>${escape(d.preferencesTitle)}</h2>`,
    `<p class="consent-preferences-notice">${escape(d.noScriptNotice)}</p>`,
    ...sections,
    '</div>',
  ].join('\n');
}

/** Text as HTML text or attribute value. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
