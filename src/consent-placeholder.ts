/**
 * Registers `<consent-placeholder>`. `<consent-banner>` loads this module by itself when a page
 * has a blocked `<iframe data-consent-category data-src>`.
 */
import { ConsentPlaceholder } from './ui/ConsentPlaceholder.js';

export { ConsentPlaceholder };

if (!customElements.get('consent-placeholder')) customElements.define('consent-placeholder', ConsentPlaceholder);

declare global {
  interface HTMLElementTagNameMap {
    'consent-placeholder': ConsentPlaceholder;
  }
}
