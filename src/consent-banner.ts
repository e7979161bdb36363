/**
 * Registers `<consent-banner>`, `<consent-preferences>` and `<consent-placeholder>`. The package's only module with a side
 * effect; importing it twice, or loading the bundle twice, does not throw.
 */
import { ConsentBanner } from './ConsentBanner.js';
import { ConsentPlaceholder } from './ConsentPlaceholder.js';
import { ConsentPreferences } from './ConsentPreferences.js';

export * from './index.js';

if (!customElements.get('consent-banner')) customElements.define('consent-banner', ConsentBanner);
if (!customElements.get('consent-preferences')) customElements.define('consent-preferences', ConsentPreferences);
if (!customElements.get('consent-placeholder')) customElements.define('consent-placeholder', ConsentPlaceholder);

declare global {
  interface HTMLElementTagNameMap {
    'consent-banner': ConsentBanner;
    'consent-preferences': ConsentPreferences;
    'consent-placeholder': ConsentPlaceholder;
  }
}
