import { css, html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { BannerSubscription } from './banner-subscription.js';
import { confirmationText } from './banner-view.js';
import { choicesStyles, choicesViewOf, renderChoices } from './choices.js';
import type { ConsentBanner } from '../ConsentBanner.js';
import { withdrawn, type GrantedNow } from '../events.js';
import { detailsFor } from '../i18n/details.js';
import { firstLayerFor } from '../i18n/first-layer.js';
import { stringsForElement } from '../i18n/index.js';
import { styles } from './styles.js';

/**
 * The key this element adds to `history.state` when a save here withdrew consent and the banner
 * reloads the page for it (`reload-on-withdrawal`): the reloaded page shows the message again.
 */
const SAVED_BEFORE_RELOAD = 'consent-preferences:saved';

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
 * stays on the button that saved. When the save withdrew consent and the banner reloads the page
 * for it (`reload-on-withdrawal`), the reloaded page shows the message once more, and focus goes
 * to the link back, or to the message itself (there is no button to stay on).
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

  /** The link back in the message of a new save takes focus once it has rendered; `'message'`: else the message (after a reload). */
  #focusBack: boolean | 'message' = false;

  /** Whether this page view was checked for being the reload after a save here (once the banner is known). */
  #reloadChecked = false;
  /** The message shown is that of the save before the reload. */
  #savedBeforeReload = false;

  readonly #subscription = new BannerSubscription(this, {
    find: () => (this.for ? document.getElementById(this.for) : document.querySelector('consent-banner')),
  });

  override updated(): void {
    const banner = this.#subscription.banner;
    // The page reloaded after a save here withdrew consent: its message again, once.
    if (banner && !this.#reloadChecked) {
      this.#reloadChecked = true;
      if (takeSavedBeforeReload()) void this.#showSaved(banner, 'message');
    }
    if (!this.#focusBack) return;
    const saved = this.renderRoot.querySelector<HTMLElement>('.saved');
    if (!saved) return;
    const focusBack = this.#focusBack;
    this.#focusBack = false;
    (saved.querySelector('a') ?? (focusBack === 'message' ? saved : null))?.focus();
  }

  override render() {
    const banner = this.#subscription.banner;
    // No banner (yet): the page's own content, which says that the choices need JavaScript.
    if (!banner) return html`<slot></slot>`;
    const strings = stringsForElement(this);
    const act = (decide: () => void) => {
      const before = grantedBy(banner);
      decide();
      // The banner reloads the page once the decision's effects have run: the message comes back after it.
      if (banner.reloadOnWithdrawal && withdrawn(before, grantedBy(banner))) markSavedBeforeReload();
      void this.#showSaved(banner, true);
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

  /** Shows what the latest save decided, in the live region; then focus moves as `focusBack` says. */
  async #showSaved(banner: ConsentBanner, focusBack: true | 'message'): Promise<void> {
    const strings = stringsForElement(this);
    const categories = banner.categories;
    const text = confirmationText({ ...strings, ...firstLayerFor(strings) }, categories, categories, (id, service) => banner.hasConsent(id, service));
    // Removed first, so that the message of a second save is new in the region: announced again.
    this.savedText = null;
    await this.updateComplete;
    // After the reload the message itself may take focus; otherwise it never does.
    this.#savedBeforeReload = focusBack === 'message';
    this.savedText = `${strings.confirmationSaved} ${text}`;
    this.#focusBack = focusBack;
  }

  /** The message after a save, inside the live region: what was saved, and the link back when there is a page to go back to. */
  private renderSaved(text: string, backLink: string) {
    const back = pageCameFrom();
    return html`<div class="saved" part="saved" tabindex=${this.#savedBeforeReload ? '-1' : nothing}>
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

/** Every category of the banner → granted now. */
function grantedBy(banner: ConsentBanner): GrantedNow {
  const { categories } = banner;
  return {
    categories: Object.fromEntries(categories.map(({ id }) => [id, banner.hasConsent(id)])),
    services: Object.fromEntries(categories.flatMap(({ id, services = [] }) => services.map((service) => [service.id, banner.hasConsent(id, service.id)]))),
  };
}

/**
 * Marks this page's history entry: the save here is followed by a reload. Another script's state
 * that is no plain object stays as it is (no message after the reload then).
 */
function markSavedBeforeReload(): void {
  const state: unknown = history.state;
  if (state === null || Object.getPrototypeOf(state) === Object.prototype) {
    history.replaceState({ ...(state as object | null), [SAVED_BEFORE_RELOAD]: true }, '');
  }
}

/** Whether this page view is the reload that followed a save here; the mark goes either way. */
function takeSavedBeforeReload(): boolean {
  const state: unknown = history.state;
  if (typeof state !== 'object' || state === null || !Object.hasOwn(state, SAVED_BEFORE_RELOAD)) return false;
  const rest: Record<string, unknown> = { ...state };
  delete rest[SAVED_BEFORE_RELOAD];
  history.replaceState(Object.keys(rest).length ? rest : null, '');
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return navigation?.type === 'reload';
}
