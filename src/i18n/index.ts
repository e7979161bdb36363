import { en } from './en.js';
import { nl } from './nl.js';
import type { ConsentStrings } from './strings.js';

export type { ConsentStrings } from './strings.js';
export { format } from './strings.js';

/** Shipped languages, by primary language subtag. */
export const languages: Record<string, ConsentStrings> = { nl, en };

/** The language used when the page's language is not shipped. */
export const FALLBACK_LANGUAGE = 'en';

/** Picks the shipped strings for a BCP 47 tag (`nl-BE` → `nl`), falling back to English. */
export function stringsFor(lang: string | null | undefined): ConsentStrings {
  const primary = (lang ?? '').trim().toLowerCase().split('-')[0];
  return Object.hasOwn(languages, primary) ? languages[primary] : languages[FALLBACK_LANGUAGE];
}

/** The strings for an element: its own `lang`, else its nearest ancestor's, else the document's (A14). */
export function stringsForElement(element: Element): ConsentStrings {
  return stringsFor(element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang);
}
