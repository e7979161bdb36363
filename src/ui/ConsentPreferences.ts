import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { choicesStyles, choicesViewOf, renderChoices } from './choices.js';
import type { ConsentBanner } from '../ConsentBanner.js';
import { stringsForElement } from '../i18n/index.js';
import { styles } from './styles.js';

/**
 * The choices inline, for the site's cookie page (A17): the same categories, checkboxes and
 * buttons as the banner's dialog, sharing the page's `<consent-banner>` (its configuration and
 * its decision). While it is on a page, that banner does not ask by itself.
 *
 * @summary Cookie choices for the cookie page, kept in step with `<consent-banner>`.
 *
 * @csspart button - Every button.
 */
export class ConsentPreferences extends LitElement {
  static override properties: PropertyDeclarations = {
    for: {},
    saved: { state: true, attribute: false },
  };

  static override styles = [styles, choicesStyles];

  /** The `id` of the `<consent-banner>` to work with; the first one on the page when not set. */
  for?: string;

  private saved = false;

  #banner: ConsentBanner | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void customElements.whenDefined('consent-banner').then(() => {
      const banner = this.for ? document.getElementById(this.for) : document.querySelector('consent-banner');
      if (!banner || banner.localName !== 'consent-banner') {
        console.error('<consent-preferences>: no <consent-banner> on this page to take the choices from.');
        return;
      }
      this.#banner = banner as ConsentBanner;
      this.#banner.addEventListener('consent-change', this.#onChange);
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#banner?.removeEventListener('consent-change', this.#onChange);
  }

  override render() {
    const banner = this.#banner;
    if (!banner) return nothing;
    const strings = stringsForElement(this);
    const act = async (decide: () => void) => {
      decide();
      // Cleared first, so that a second save in the same page view is announced again.
      this.saved = false;
      await this.updateComplete;
      this.saved = true;
    };
    return html`<section lang=${strings.lang} dir=${strings.dir} aria-labelledby="title">
      ${renderChoices(
        choicesViewOf(banner, strings, {
          save: (choices) => void act(() => banner.save(choices)),
          acceptAll: () => void act(() => banner.acceptAll()),
          rejectAll: () => void act(() => banner.rejectAll()),
        }),
      )}
      <p class="status" role="status">${this.saved ? strings.confirmationSaved : nothing}</p>
    </section>`;
  }

  readonly #onChange = (): void => this.requestUpdate();
}
