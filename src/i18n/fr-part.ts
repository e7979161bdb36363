/** Loaded as a part on pages in this language: its texts, which the loader registers (no side effect, so no bundler drops them). */
export { frDetails as details } from './fr-details.js';
export { frFirstLayer as firstLayer } from './fr-first-layer.js';
export { fr as strings } from './fr.js';
