import { enDetails } from './en-details.js';
import { nlDetails } from './nl-details.js';
import { partDetails } from './index.js';
import type { ConsentStrings, DetailStrings } from './strings.js';

/** The choices' own detail texts, by the `lang` of the strings they go with. */
export const detailLanguages: Record<string, DetailStrings> = { nl: nlDetails, en: enDetails };

/** The detail texts that go with the strings' language. */
export function detailsFor(strings: ConsentStrings): DetailStrings {
  return detailLanguages[strings.lang] ?? partDetails[strings.lang] ?? enDetails;
}
