import { report } from '../report.js';
import { en } from './en.js';
import { nl } from './nl.js';
import type { ConsentStrings, DetailStrings, FirstLayerStrings } from './strings.js';

export type { ConsentStrings, DetailStrings, FirstLayerStrings } from './strings.js';
export { format } from './strings.js';
import { placeholdersOf } from './strings.js';

/** Languages in the bundle, by primary language subtag; the languages of parts join when loaded. */
export const languages: Record<string, ConsentStrings> = { nl, en };

/** First-layer texts of the languages loaded as parts (the views' own are in first-layer.ts). */
export const partFirstLayers: Record<string, FirstLayerStrings> = {};

/** Detail texts of the languages loaded as parts (the choices' own are in details.ts). */
export const partDetails: Record<string, DetailStrings> = {};

/**
 * Languages that load as a part, from next to the bundle, on pages that use them (A14). A part
 * only exports its texts; registering them here keeps the parts free of side effects, which
 * bundlers that trust `sideEffects` would otherwise drop.
 */
const LANGUAGE_PARTS: Record<string, () => Promise<{ strings: ConsentStrings; firstLayer: FirstLayerStrings; details: DetailStrings }>> = {
  fy: () => import('./fy-part.js'),
  de: () => import('./de-part.js'),
  fr: () => import('./fr-part.js'),
};

/** The site's own texts (`texts` in the configuration) as given; checked and reported in details.ts. */
export let siteTexts: unknown;
/** Each built-in text set with the site's texts over it, made once per set (so that it stays the same object). */
let merged = new WeakMap<object, object>();

/** Takes the site's texts (`texts` in the configuration): the same object again changes nothing. */
export function setSiteTexts(texts: unknown): void {
  if (texts === siteTexts) return;
  siteTexts = texts;
  merged = new WeakMap();
}

/**
 * `texts` (built-in, in language `lang`) with the site's texts for that language over them. A
 * site's text counts when it is a non-empty string that uses only placeholders the built-in text
 * has (it may leave them out); any other is left out here and reported once by the part that
 * knows every text (details.ts).
 */
export function withSiteTexts<T extends object>(texts: T, lang: string): T {
  const entries = (siteTexts as Record<string, Record<string, unknown>> | undefined)?.[lang];
  if (!entries || typeof entries !== 'object') return texts;
  let result = merged.get(texts) as T | undefined;
  if (!result) merged.set(texts, (result = { ...texts, ...usableTexts(texts as Record<string, unknown>, entries) }));
  return result;
}

/** The entries that may replace the built-in texts: non-empty strings with only placeholders the built-in text has. */
export function usableTexts(builtIn: Record<string, unknown>, entries: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entries).filter(([key, value]) => {
      const text = builtIn[key];
      return (
        Object.hasOwn(builtIn, key) && key !== 'lang' && key !== 'dir' && typeof text === 'string' &&
        typeof value === 'string' && value.trim() !== '' && placeholdersOf(value).every((name) => placeholdersOf(text).includes(name))
      );
    }),
  ) as Record<string, string>;
}

/** Whether the component has texts for this language code: in the bundle, or as a part. */
export function isShippedLanguage(code: string): boolean {
  return Object.hasOwn(languages, code) || Object.hasOwn(LANGUAGE_PARTS, code);
}

/** The language used when the page's language is not shipped. */
export const FALLBACK_LANGUAGE = 'en';

/** Picks the loaded strings for a BCP 47 tag (`nl-BE` → `nl`), falling back to English. */
export function stringsFor(lang: string | null | undefined): ConsentStrings {
  const primary = primaryTag(lang);
  const code = Object.hasOwn(languages, primary) ? primary : FALLBACK_LANGUAGE;
  return withSiteTexts(languages[code], code);
}

/** The strings for an element: its own `lang`, else its nearest ancestor's, else the document's (A14). */
export function stringsForElement(element: Element): ConsentStrings {
  return stringsFor(languageOf(element));
}

/**
 * Loads the element's language when it comes as a part (Frisian, German, French) and is not
 * loaded yet; `null` when there is nothing to load. Resolves once the texts are there, or when
 * they could not load (English stays, with one console error).
 */
export function loadLanguageFor(element: Element): Promise<void> | null {
  const code = primaryTag(languageOf(element));
  if (Object.hasOwn(languages, code) || !Object.hasOwn(LANGUAGE_PARTS, code)) return null;
  return LANGUAGE_PARTS[code]().then(
    ({ strings, firstLayer, details }) => {
      languages[code] = strings;
      partFirstLayers[code] = firstLayer;
      partDetails[code] = details;
    },
    (reason) => report('language-part', code, reason),
  );
}

function languageOf(element: Element): string {
  return element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
}

function primaryTag(lang: string | null | undefined): string {
  return (lang ?? '').trim().toLowerCase().split('-')[0];
}
