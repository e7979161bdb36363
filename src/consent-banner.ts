/**
 * Registers `<consent-banner>` and `<consent-preferences>`. The package's only module with a side
 * effect; importing it twice, or loading the bundle twice, does not throw.
 */
import { ConsentBanner } from './ConsentBanner.js';
import { ConsentPreferences } from './ConsentPreferences.js';

export * from './index.js';

if (!customElements.get('consent-banner')) customElements.define('consent-banner', ConsentBanner);
if (!customElements.get('consent-preferences')) customElements.define('consent-preferences', ConsentPreferences);

declare global {
  interface HTMLElementTagNameMap {
    'consent-banner': ConsentBanner;
    'consent-preferences': ConsentPreferences;
  }
}
