/**
 * Registers `<consent-banner>`: the package's main module with a side effect. Importing it twice,
 * or loading the bundle twice, does not throw. `<consent-preferences>` and `<consent-placeholder>`
 * register in their own modules, which the banner loads when a page needs them.
 */
import { ConsentBanner } from './ConsentBanner.js';

export * from './index.js';

if (!customElements.get('consent-banner')) customElements.define('consent-banner', ConsentBanner);

declare global {
  interface HTMLElementTagNameMap {
    'consent-banner': ConsentBanner;
  }
}
