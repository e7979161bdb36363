import { enDetails } from './en-details.js';
import { nlDetails } from './nl-details.js';
import { partDetails } from './index.js';
import type { ConsentStrings, DetailStrings } from './strings.js';

/** The bundle's own detail texts, by the `lang` of the first-layer strings they go with. */
export const detailLanguages: Record<string, DetailStrings> = { nl: nlDetails, en: enDetails };

/** The detail texts that go with the first layer's language. */
export function detailsFor(strings: ConsentStrings): DetailStrings {
  return detailLanguages[strings.lang] ?? partDetails[strings.lang] ?? enDetails;
}
