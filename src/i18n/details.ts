import { enDetails } from './en-details.js';
import { nlDetails } from './nl-details.js';
import { enFirstLayer } from './en-first-layer.js';
import { en } from './en.js';
import { firstLayerLanguages } from './first-layer.js';
import { isShippedLanguage, languages, partDetails, partFirstLayers, siteTexts, usableTexts, withSiteTexts } from './index.js';
import { placeholdersOf, type ConsentStrings, type DetailStrings } from './strings.js';
import { report } from '../report.js';

/** The choices' own detail texts, by the `lang` of the strings they go with. */
export const detailLanguages: Record<string, DetailStrings> = { nl: nlDetails, en: enDetails };

/** The detail texts that go with the strings' language, the site's own texts over them. */
export function detailsFor(strings: ConsentStrings): DetailStrings {
  reportSiteTexts();
  return withSiteTexts(detailLanguages[strings.lang] ?? partDetails[strings.lang] ?? enDetails, strings.lang);
}

/** The site's texts already checked. */
let checked: unknown;

/**
 * One console error for each of the site's `texts` that the banner cannot use: texts that are no
 * object of languages, a language it does not ship, a key that is no text (a typo would otherwise
 * change nothing, silently), an empty text or one with a placeholder its built-in text has not.
 * Here, where every set of texts is known: this part comes with the first layer (fetched ahead)
 * and with every other view. The texts that can be used are used everywhere (`withSiteTexts`).
 */
export function reportSiteTexts(): void {
  if (checked === siteTexts) return;
  checked = siteTexts;
  if (siteTexts === undefined) return;
  if (!isRecord(siteTexts)) {
    report('texts', siteTexts);
    return;
  }
  for (const [code, entries] of Object.entries(siteTexts)) {
    const builtIn = builtInTexts(code);
    if (!builtIn) report('texts-language', code);
    else if (!isRecord(entries)) report('texts-entries', code, entries);
    else {
      const usable = usableTexts(builtIn, entries);
      for (const [key, value] of Object.entries(entries)) {
        if (!Object.hasOwn(builtIn, key) || key === 'lang' || key === 'dir') report('texts-key', code, key);
        else if (!Object.hasOwn(usable, key)) {
          report('texts-value', code, key, placeholdersOf(String(builtIn[key])).map((name) => `{${name}}`), value);
        }
      }
    }
  }
}

/** Every built-in text of a language (its own when loaded, else English), or `null` for a language the banner does not ship. */
function builtInTexts(code: string): Record<string, unknown> | null {
  if (!isShippedLanguage(code)) return null;
  const strings = languages[code] ?? en;
  return { ...strings, ...(firstLayerLanguages[code] ?? partFirstLayers[code] ?? enFirstLayer), ...(detailLanguages[code] ?? partDetails[code] ?? enDetails) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
