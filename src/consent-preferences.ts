/**
 * Registers `<consent-preferences>`, for the site's cookie page. `<consent-banner>` loads this
 * module by itself when the page has the element; import it to register the element earlier.
 */
import { ConsentPreferences } from './ui/ConsentPreferences.js';

export { ConsentPreferences };

if (!customElements.get('consent-preferences')) customElements.define('consent-preferences', ConsentPreferences);

declare global {
  interface HTMLElementTagNameMap {
    'consent-preferences': ConsentPreferences;
  }
}
