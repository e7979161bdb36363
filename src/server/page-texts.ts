/** The texts and categories a page's banner shows, in its language: what the cookie page's content and receipts are made of. */
import { defaultCategories, mergeCategories, resolveCategories } from '../decision/categories.js';
import { decisionSettings } from '../decision/stored-decision.js';
import { resolveServices } from '../decision/service-catalogue.js';
import { reportSiteTexts } from '../i18n/details.js';
import { setSiteTexts, withSiteTexts } from '../i18n/index.js';
import { de } from '../i18n/de.js';
import { deDetails } from '../i18n/de-details.js';
import { deFirstLayer } from '../i18n/de-first-layer.js';
import { en } from '../i18n/en.js';
import { enDetails } from '../i18n/en-details.js';
import { enFirstLayer } from '../i18n/en-first-layer.js';
import { fr } from '../i18n/fr.js';
import { frDetails } from '../i18n/fr-details.js';
import { frFirstLayer } from '../i18n/fr-first-layer.js';
import { fy } from '../i18n/fy.js';
import { fyDetails } from '../i18n/fy-details.js';
import { fyFirstLayer } from '../i18n/fy-first-layer.js';
import { nl } from '../i18n/nl.js';
import { nlDetails } from '../i18n/nl-details.js';
import { nlFirstLayer } from '../i18n/nl-first-layer.js';
import type { ConsentStrings, DetailStrings, FirstLayerStrings } from '../i18n/strings.js';
import { describeValue, report, reportText } from '../report.js';

/** The shipped languages, by primary subtag: a server has them all at hand, without parts to load. */
const LANGUAGES: Record<string, [ConsentStrings, DetailStrings, FirstLayerStrings]> = {
  nl: [nl, nlDetails, nlFirstLayer],
  en: [en, enDetails, enFirstLayer],
  fy: [fy, fyDetails, fyFirstLayer],
  de: [de, deDetails, deFirstLayer],
  fr: [fr, frDetails, frFirstLayer],
};

/** The settings that decide what the texts say: the page's language, configuration and cookie. */
export interface TextSettings {
  lang: string;
  config?: unknown;
  cookieName?: string;
  maxAgeDays?: number;
  policyVersion?: string;
}

/**
 * Every text the banner shows in a language, with the site's own texts over them, and the
 * categories resolved in it: what the browser shows for the same configuration. A mistake gets
 * the browser's console error (a `lang` that is no text: one more, naming `caller`) and the default.
 */
export function pageTexts(given: Partial<TextSettings>, caller: string) {
  if (typeof given.lang !== 'string') reportText(`${caller}: lang must be a language code such as "nl"; got ${describeValue(given.lang)}. Using English.`);
  const primary = String(given.lang ?? '').trim().toLowerCase().split('-')[0];
  const code = Object.hasOwn(LANGUAGES, primary) ? primary : 'en';
  // The site's own texts (`texts` of the configuration), checked with the browser's messages.
  setSiteTexts(typeof given.config === 'object' && given.config !== null ? (given.config as { texts?: unknown }).texts : undefined);
  reportSiteTexts();
  const [strings, details, firstLayer] = LANGUAGES[code].map((texts) => withSiteTexts(texts, code)) as (typeof LANGUAGES)[string];
  const { cookieName, maxAgeDays, policyVersion } = decisionSettings(given, report);
  // Services resolved from the catalogue as in the browser, so that the receipt's hash agrees.
  const merged = mergeCategories(given.config ?? null, defaultCategories(strings, cookieName, maxAgeDays), cookieName);
  const categories = resolveCategories(resolveServices(merged, cookieName, report), strings.lang);
  return { strings, d: details, firstLayer, categories, policyVersion };
}
