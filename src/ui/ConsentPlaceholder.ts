import { css, html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { activateElement } from '../effects/gate.js';
import type { ConsentBanner } from '../ConsentBanner.js';
import { httpAddress, report } from '../report.js';
import { detailsFor } from '../i18n/details.js';
import { format, stringsForElement } from '../i18n/index.js';
import { BannerSubscription } from './banner-subscription.js';
import { styles } from './styles.js';

/**
 * Stands in for an embedded video, map, social post or other third-party content until its
 * category is granted (L18): says where the content comes from, loads it once or always, and
 * links to it directly. `<consent-banner>` places one before each blocked
 * `<iframe data-consent-category data-src>`, and for each blocked `<template>` or
 * `<script type="text/plain">` with `data-consent-embed`: inside the element that attribute names
 * by id (the one the embed's script renders into), or, when it is empty on a template, right after
 * the template, where its content comes.
 *
 * @summary Click-to-load placeholder for embedded third-party media.
 *
 * @csspart placeholder - The box that stands in for the content.
 * @csspart button - Its buttons.
 *
 * @cssprop [--consent-banner-placeholder-background=#f3f3f3] - Background of the placeholder. Falls back to `--consent-banner-background` (so that a dark theme of the banner darkens it too).
 */
export class ConsentPlaceholder extends LitElement {
  static override properties: PropertyDeclarations = {
    gated: { attribute: false },
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

  /** The blocked element: an iframe, or a template or script with `data-consent-embed`. */
  gated?: HTMLElement;

  /** The element an embed's script renders into, which holds the placeholder (`data-consent-embed="id"`). */
  #target: HTMLElement | null = null;

  /** The banner whose decision the content waits for: the placeholder makes way once it is granted. */
  readonly #subscription = new BannerSubscription(this, { changed: () => this.#revealWhenActive() });

  /** The banner whose decision the content waits for. */
  get banner(): ConsentBanner | undefined {
    return this.#subscription.banner ?? undefined;
  }

  set banner(banner: ConsentBanner | undefined) {
    this.#subscription.banner = banner ?? null;
    this.requestUpdate();
  }

  /**
   * Puts a placeholder in place of a blocked element: before an iframe, sized like it; inside the
   * element an embed renders into, filling it; after a template. Shows the content if it came
   * alive meanwhile. An embed that names no element or no link gets one console error and no
   * placeholder: it stays blocked, as without `data-consent-embed`.
   */
  static standIn(gated: HTMLElement, banner: ConsentBanner): void {
    const placeholder = new ConsentPlaceholder();
    placeholder.gated = gated;
    placeholder.#subscription.banner = banner;
    if (gated instanceof HTMLIFrameElement) {
      const { width, height } = gated;
      if (Number(width) > 0 && Number(height) > 0) {
        placeholder.style.maxWidth = `${width}px`;
        placeholder.style.aspectRatio = `${width} / ${height}`;
      }
      gated.before(placeholder);
    } else if (!placeholder.#placeEmbed(gated)) return;
    placeholder.#revealWhenActive();
  }

  override render() {
    const { gated } = this;
    const banner = this.#subscription.banner;
    if (!gated || !banner) return html``;
    const s = stringsForElement(banner);
    const d = detailsFor(s);
    const category = gated.dataset.consentCategory ?? '';
    const { consentService } = gated.dataset;
    // A service's embed names the service ("Altijd accepteren: YouTube"), else the category.
    const configured = banner.categories.find(({ id }) => id === category);
    const label = configured?.services?.find(({ id }) => id === consentService)?.label ?? configured?.label ?? category;
    let link: URL | null = null;
    try {
      link = new URL(gated.dataset.consentLink || gated.dataset.src || '', document.baseURI);
    } catch {
      // no address to name or link to
    }
    const host = link?.host ?? '';
    // Two videos, two "Eenmalig laden" buttons: each is named with its video's title too (the
    // visible text first, WCAG 2.5.3).
    const named = (text: string) => (gated.title ? `${text}${d.colon}${gated.title}` : nothing);
    return html`<div class="placeholder" part="placeholder" role="group" aria-label=${gated.title || label} lang=${s.lang} dir=${s.dir}>
      <p>${format(d.placeholderText, { label, host })}</p>
      <div class="actions">
        <button type="button" class="secondary" part="button" aria-label=${named(d.loadOnce)} @click=${this.#loadOnce}>${d.loadOnce}</button>
        <button type="button" class="secondary" part="button" aria-label=${named(format(d.loadAlways, { label }))} @click=${this.#allowAlways}>
          ${format(d.loadAlways, { label })}
        </button>
      </div>
      ${link && /^https?:$/.test(link.protocol) ? html`<p><a href=${link.href}>${format(d.openExternal, { host })}</a></p>` : ''}
    </div>`;
  }

  /**
   * Places the placeholder of a gated template or script (`data-consent-embed`): inside the element
   * it names by id, else (empty, on a template) right after the template. `false`, after one console
   * error, when it names no element or has no http(s) `data-consent-link` to say where the content
   * comes from and to link to.
   */
  #placeEmbed(gated: HTMLElement): boolean {
    const id = gated.dataset.consentEmbed ?? '';
    const target = id ? document.getElementById(id) : null;
    if (!target && (id || !(gated instanceof HTMLTemplateElement))) {
      report('embed-target', gated.localName, id);
      return false;
    }
    if (!httpAddress(gated.dataset.consentLink)) {
      report('embed-link', gated.localName, gated.dataset.consentLink);
      return false;
    }
    this.#target = target;
    if (target) {
      // Filling the element the embed renders into, which the site sizes for the content: no shift when it comes.
      this.style.minHeight = '100%';
      target.append(this);
    } else gated.after(this);
    return true;
  }

  /** The content came alive (its category was granted, or "load once"): the placeholder makes way. */
  readonly #revealWhenActive = (): void => {
    if (this.gated?.hasAttribute('data-consent-activated')) this.reveal();
  };

  /**
   * Takes the placeholder away and shows the content; focus moves to the content when it was inside
   * (an element that cannot take focus gets `tabindex="-1"`).
   */
  reveal(): void {
    const gated = this.gated;
    if (!gated) return;
    const hadFocus = this.matches(':focus-within');
    const content = this.#content();
    if (gated instanceof HTMLIFrameElement) {
      gated.hidden = false;
      gated.style.removeProperty('display');
    }
    this.remove();
    if (!hadFocus || !content) return;
    if (content.tabIndex < 0) content.tabIndex = -1;
    content.focus();
  }

  /**
   * What shows instead of the placeholder: the iframe, the element an embed renders into, or the
   * first element (not a script) that a template put before the placeholder.
   */
  #content(): HTMLElement | null {
    const gated = this.gated;
    if (this.#target) return this.#target;
    if (gated instanceof HTMLIFrameElement) return gated;
    for (let node = gated?.nextElementSibling; node && node !== this; node = node.nextElementSibling) {
      if (node instanceof HTMLElement && node.localName !== 'script') return node;
    }
    return null;
  }

  /** Loads this one element only, whatever its category, once (the gate's rules apply: a refused one keeps its placeholder). */
  #loadOnce(): void {
    if (!this.gated) return;
    activateElement(this.gated);
    this.#revealWhenActive();
  }

  /**
   * "Always": the one place that says what it grants. The element's service when it names one
   * (`data-consent-service`), else its category; nothing else changes.
   */
  readonly #allowAlways = (): void => {
    const { consentCategory, consentService } = this.gated?.dataset ?? {};
    if (consentCategory) this.#subscription.banner?.grant(consentCategory, consentService);
  };
}
