/** Loaded as a part on pages in this language: adds its texts to the registries. */
import { languages, partDetails } from './index.js';
import { frDetails } from './fr-details.js';
import { fr } from './fr.js';

languages.fr = fr;
partDetails.fr = frDetails;
