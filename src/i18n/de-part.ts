/** Loaded as a part on pages in this language: its texts, which the loader registers (no side effect, so no bundler drops them). */
export { deDetails as details } from './de-details.js';
export { deFirstLayer as firstLayer } from './de-first-layer.js';
export { de as strings } from './de.js';
