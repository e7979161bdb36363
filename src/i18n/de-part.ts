/** Loaded as a part on pages in this language: adds its texts to the registries. */
import { languages, partDetails } from './index.js';
import { deDetails } from './de-details.js';
import { de } from './de.js';

languages.de = de;
partDetails.de = deDetails;
