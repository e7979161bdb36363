import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { BannerSubscription } from './banner-subscription.js';
import { choicesStyles, choicesViewOf, renderChoices } from './choices.js';
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

  readonly #subscription = new BannerSubscription(this, {
    find: () => (this.for ? document.getElementById(this.for) : document.querySelector('consent-banner')),
  });

  override render() {
    const banner = this.#subscription.banner;
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
}
