/** Loaded as a part on pages in this language: its texts, which the loader registers (no side effect, so no bundler drops them). */
export { fyDetails as details } from './fy-details.js';
export { fyFirstLayer as firstLayer } from './fy-first-layer.js';
export { fy as strings } from './fy.js';
