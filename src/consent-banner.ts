/**
 * Registers `<consent-banner>`. The package's only module with a side effect; importing it twice,
 * or loading the bundle twice, does not throw.
 */
import { ConsentBanner } from './ConsentBanner.js';

export * from './index.js';

if (!customElements.get('consent-banner')) customElements.define('consent-banner', ConsentBanner);

declare global {
  interface HTMLElementTagNameMap {
    'consent-banner': ConsentBanner;
  }
}
