import { css, html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { BannerSubscription } from './banner-subscription.js';
import { confirmationText } from './banner-view.js';
import { choicesStyles, choicesViewOf, renderChoices } from './choices.js';
import { detailsFor } from '../i18n/details.js';
import { firstLayerFor } from '../i18n/first-layer.js';
import { stringsForElement } from '../i18n/index.js';
import { styles } from './styles.js';

/**
 * The choices inline, for the site's cookie page (A17): the same categories, checkboxes, cookie
 * tables and buttons as the banner's dialog, sharing the page's `<consent-banner>` (its
 * configuration and its decision). While it is on a page, that banner does not ask by itself.
 *
 * Its content (light DOM) is what shows without JavaScript, and until the element has run:
 * `renderPreferencesFallback()` of `consent-banner/server` writes it from the banner's
 * configuration. It is replaced by the choices, and shows again when no banner is found.
 *
 * After a save, a message at the top says what was saved and, when the visitor came from another
 * page of the site, links back to it. One mechanism announces it, once, as the banner's
 * confirmation: a polite live region that is there from the first render (docs/accessibility.md).
 * Focus moves to the link back when there is one (a control, not the message again); otherwise it
 * stays on the button that saved.
 *
 * @summary Cookie choices for the cookie page, kept in step with `<consent-banner>`.
 *
 * @slot - What shows without JavaScript and until the choices render: `renderPreferencesFallback()` of `consent-banner/server`.
 *
 * @csspart button - Every button.
 * @csspart saved - The message after a save: what was saved, and the link back.
 */
export class ConsentPreferences extends LitElement {
  static override properties: PropertyDeclarations = {
    for: {},
    savedText: { state: true, attribute: false },
  };

  static override styles = [
    styles,
    choicesStyles,
    css`
      .saved {
        margin-bottom: 1rem;
        padding: 0.75rem 1rem;
        border: 2px solid var(--_consent-banner-accent);
        border-left-width: 0.5rem;
      }
      .saved > :last-child {
        margin-bottom: 0;
      }
    `,
  ];

  /** The `id` of the `<consent-banner>` to work with; the first one on the page when not set. */
  for?: string;

  /** What the latest save on this page decided, in words; `null` before a save. */
  private savedText: string | null = null;

  /** The link back in the message of a new save takes focus once it has rendered. */
  #focusBack = false;

  readonly #subscription = new BannerSubscription(this, {
    find: () => (this.for ? document.getElementById(this.for) : document.querySelector('consent-banner')),
  });

  override updated(): void {
    if (!this.#focusBack) return;
    this.#focusBack = false;
    this.renderRoot.querySelector<HTMLElement>('.saved a')?.focus();
  }

  override render() {
    const banner = this.#subscription.banner;
    // No banner (yet): the page's own content, which says that the choices need JavaScript.
    if (!banner) return html`<slot></slot>`;
    const strings = stringsForElement(this);
    const act = async (decide: () => void) => {
      decide();
      const categories = banner.categories;
      const text = confirmationText({ ...strings, ...firstLayerFor(strings) }, categories, categories, (id) => banner.hasConsent(id));
      // Removed first, so that the message of a second save is new in the region: announced again.
      this.savedText = null;
      await this.updateComplete;
      this.savedText = `${strings.confirmationSaved} ${text}`;
      this.#focusBack = true;
    };
    return html`<section lang=${strings.lang} dir=${strings.dir} aria-labelledby="title">
      <div role="status">${this.savedText === null ? nothing : this.renderSaved(this.savedText, detailsFor(strings).backLink)}</div>
      ${renderChoices(
        choicesViewOf(banner, strings, {
          save: (choices) => void act(() => banner.save(choices)),
          acceptAll: () => void act(() => banner.acceptAll()),
          rejectAll: () => void act(() => banner.rejectAll()),
        }),
      )}
    </section>`;
  }

  /** The message after a save, inside the live region: what was saved, and the link back when there is a page to go back to. */
  private renderSaved(text: string, backLink: string) {
    const back = pageCameFrom();
    return html`<div class="saved" part="saved">
      <p>${text}</p>
      ${back ? html`<p><a href=${back}>${backLink}</a></p>` : nothing}
    </div>`;
  }
}

/** The page of this site the visitor came from (`document.referrer`), or `null`: another site, none, or this page itself. */
function pageCameFrom(): string | null {
  try {
    const from = new URL(document.referrer);
    const here = new URL(location.href);
    return from.origin === here.origin && from.pathname + from.search !== here.pathname + here.search ? from.href : null;
  } catch {
    return null;
  }
}
