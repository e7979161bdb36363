/** Loaded as a part on pages in this language: adds its texts to the registries. */
import { languages, partDetails } from './index.js';
import { fyDetails } from './fy-details.js';
import { fy } from './fy.js';

languages.fy = fy;
partDetails.fy = fyDetails;
