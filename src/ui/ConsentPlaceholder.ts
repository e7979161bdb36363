import { css, html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { activateElement } from '../effects/gate.js';
import type { ConsentBanner } from '../ConsentBanner.js';
import { detailsFor } from '../i18n/details.js';
import { format, stringsForElement } from '../i18n/index.js';
import { BannerSubscription } from './banner-subscription.js';
import { styles } from './styles.js';

/**
 * Stands in for an embedded video, map or other third-party iframe until its category is granted
 * (L18): says where the content comes from, loads it once or always, and links to it directly.
 * `<consent-banner>` places one before each blocked `<iframe data-consent-category data-src>`.
 *
 * @summary Click-to-load placeholder for embedded third-party media.
 *
 * @csspart placeholder - The box that stands in for the iframe.
 * @csspart button - Its buttons.
 *
 * @cssprop [--consent-banner-placeholder-background=#f3f3f3] - Background of the placeholder. Falls back to `--consent-banner-background` (so that a dark theme of the banner darkens it too).
 */
export class ConsentPlaceholder extends LitElement {
  static override properties: PropertyDeclarations = {
    iframe: { attribute: false },
  };

  // The box is the host: with the iframe's aspect ratio it grows when its text needs more room
  // (at 320 px, with 200% text) instead of clipping it (A10). Its colours follow the banner's
  // tokens; its link is as tall as a button (A11), it stands on its own line, not in a sentence.
  static override styles = [
    styles,
    css`
      :host {
        display: block;
        box-sizing: border-box;
        padding: var(--consent-banner-padding, 1rem);
        background: var(--consent-banner-placeholder-background, var(--consent-banner-background, #f3f3f3));
        border: 2px solid var(--_consent-banner-accent);
      }
      .placeholder a {
        display: inline-flex;
        align-items: center;
        min-height: var(--consent-banner-target-size, 44px);
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** The blocked iframe. */
  iframe?: HTMLIFrameElement;

  /** The banner whose decision the iframe waits for: the placeholder makes way once it is granted. */
  readonly #subscription = new BannerSubscription(this, { changed: () => this.#revealWhenActive() });

  /** The banner whose decision the iframe waits for. */
  get banner(): ConsentBanner | undefined {
    return this.#subscription.banner ?? undefined;
  }

  set banner(banner: ConsentBanner | undefined) {
    this.#subscription.banner = banner ?? null;
    this.requestUpdate();
  }

  /** Puts a placeholder before a blocked iframe, sized like it; shows the iframe if it came alive meanwhile. */
  static standIn(iframe: HTMLIFrameElement, banner: ConsentBanner): void {
    const placeholder = new ConsentPlaceholder();
    placeholder.iframe = iframe;
    placeholder.#subscription.banner = banner;
    const { width, height } = iframe;
    if (Number(width) > 0 && Number(height) > 0) {
      placeholder.style.maxWidth = `${width}px`;
      placeholder.style.aspectRatio = `${width} / ${height}`;
    }
    iframe.before(placeholder);
    placeholder.#revealWhenActive();
  }

  override render() {
    const { iframe } = this;
    const banner = this.#subscription.banner;
    if (!iframe || !banner) return html``;
    const s = stringsForElement(banner);
    const d = detailsFor(s);
    const category = iframe.dataset.consentCategory ?? '';
    const label = banner.categories.find(({ id }) => id === category)?.label ?? category;
    const allowAlways = () => banner.grant(category);
    let link: URL | null = null;
    try {
      link = new URL(iframe.dataset.consentLink || iframe.dataset.src || '', document.baseURI);
    } catch {
      // no address to name or link to
    }
    const host = link?.host ?? '';
    // Two videos, two "Eenmalig laden" buttons: each is named with its video's title too (the
    // visible text first, WCAG 2.5.3).
    const named = (text: string) => (iframe.title ? `${text}${d.colon}${iframe.title}` : nothing);
    return html`<div class="placeholder" part="placeholder" role="group" aria-label=${iframe.title || label} lang=${s.lang} dir=${s.dir}>
      <p>${format(d.placeholderText, { label, host })}</p>
      <div class="actions">
        <button type="button" class="secondary" part="button" aria-label=${named(d.loadOnce)} @click=${this.#loadOnce}>${d.loadOnce}</button>
        <button type="button" class="secondary" part="button" aria-label=${named(format(d.loadAlways, { label }))} @click=${allowAlways}>
          ${format(d.loadAlways, { label })}
        </button>
      </div>
      ${link && /^https?:$/.test(link.protocol) ? html`<p><a href=${link.href}>${format(d.openExternal, { host })}</a></p>` : ''}
    </div>`;
  }

  /** The iframe came alive (its category was granted): the placeholder makes way. */
  readonly #revealWhenActive = (): void => {
    if (this.iframe?.hasAttribute('data-consent-activated')) this.reveal();
  };

  /** Takes the placeholder away and shows the iframe; focus moves to it when it was inside. */
  reveal(): void {
    const iframe = this.iframe;
    if (!iframe) return;
    const hadFocus = this.matches(':focus-within');
    iframe.hidden = false;
    iframe.style.removeProperty('display');
    this.remove();
    if (hadFocus) iframe.focus();
  }

  #loadOnce(): void {
    if (!this.iframe) return;
    activateElement(this.iframe);
    this.reveal();
  }
}
